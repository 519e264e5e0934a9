"""`helder fix PAGE`: the safe fixes (jargon swaps with a `replacement`) are shown first, made only when wanted,
never without `--yes` when there is no terminal, and nothing else in the file changes (real temporary pages;
the question is answered through a real pseudo-terminal)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time

from sitelib import BIN, GOOD_PRODUCT, SiteDir

INTRO = "Een paspoort is een bewijs van wie u bent. U heeft het nodig voor een reis."
BODY = (
    "Indien u een paspoort wilt, kom dan langs.\n"
    "Wij helpen u ingevolge de regels.\n"
    "Noem het formulier `indien` niet.\n"
)


def write_page(site: SiteDir, *, crlf: bool = False) -> bytes:
    text = GOOD_PRODUCT.replace(INTRO, BODY)
    raw = ("\ufeff" + text.replace("\n", "\r\n")).encode() if crlf else text.encode()
    site.write("content/paspoort.md", raw)
    return raw


def fix(site: SiteDir, *args: str):
    return site.run(str(BIN / "helder"), "fix", "content/paspoort.md", *args)


def test_without_a_terminal_it_only_shows_and_exits_1(site):
    raw = write_page(site)
    result = fix(site)
    assert result.code == 1, result.text
    assert 'content/paspoort.md:13: "Indien" wordt "Als"' in result.out
    assert (
        "  - Indien u een paspoort wilt, kom dan langs.\n  + Als u een paspoort wilt, kom dan langs."
        in result.out
    )
    assert 'content/paspoort.md:14: "ingevolge" wordt "volgens"' in result.out
    assert "Helder heeft nog niets veranderd (2 veranderingen klaar)." in result.out
    assert (site.root / "content" / "paspoort.md").read_bytes() == raw


def test_yes_makes_the_fixes_keeps_every_other_byte_and_checks_again(site):
    raw = write_page(site, crlf=True)
    result = fix(site, "--yes")
    assert result.code == 0, result.text
    after = (site.root / "content" / "paspoort.md").read_bytes()
    expected = raw.replace(b"Indien u een", b"Als u een").replace(b"ingevolge", b"volgens")
    assert after == expected  # the BOM, the CRLF line ends and the code span `indien` are untouched
    assert "Helder heeft 2 veranderingen gemaakt in content/paspoort.md." in result.out
    assert "Helder heeft content/paspoort.md opnieuw gecontroleerd:" in result.out
    assert "1 pagina gecontroleerd: 0 fouten, 0 waarschuwingen, 0 tips." in result.out
    # Nothing left: a second run says so and exits 0.
    again = fix(site)
    assert again.code == 0 and "In content/paspoort.md is niets wat Helder zelf kan verbeteren." in again.out
    code, found = site.check_json("content/paspoort.md")
    assert not [f for f in found if f["rule"] == "words.jargon"]


def ask(site: SiteDir, answers: list[str]) -> tuple[int, str]:
    """Run `helder fix` on a pseudo-terminal and answer each question as a person would."""
    main, child = pty.openpty()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TERM="dumb")
    process = subprocess.Popen(
        [str(BIN / "helder"), "fix", "content/paspoort.md"],
        cwd=site.root, stdin=child, stdout=child, stderr=child, env=env,
    )  # fmt: skip
    os.close(child)
    output = b""
    pending = list(answers)
    deadline = time.monotonic() + 120  # a bound for a command that hangs, not a speed test
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(main, 4096)
                except OSError:  # the other side closed: the command ended
                    break
                if not chunk:
                    break
                output += chunk
                if pending and output.rstrip().endswith(b"n voor nee:"):
                    os.write(main, pending.pop(0).encode() + b"\n")
            elif process.poll() is not None:
                break
        code = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    return code, output.decode("utf-8", errors="replace").replace("\r\n", "\n")


def test_at_a_terminal_each_fix_is_asked_and_only_a_yes_is_made(site):
    raw = write_page(site)
    code, out = ask(site, ["j", "n"])
    assert out.count("Deze verandering maken? Typ j voor ja of n voor nee:") == 2, out
    after = (site.root / "content" / "paspoort.md").read_bytes()
    assert after == raw.replace(b"Indien u een", b"Als u een")  # only the first one
    assert "Helder heeft 1 verandering gemaakt in content/paspoort.md." in out
    assert code == 1  # one fix is still waiting


def test_english_messages(site):
    write_page(site)
    result = site.run(str(BIN / "helder"), "--lang", "en", "fix", "content/paspoort.md")
    assert result.code == 1
    assert 'content/paspoort.md:13: "Indien" becomes "Als"' in result.out
    assert "Helder has not changed anything yet (2 changes ready)." in result.out


def test_a_page_that_does_not_exist_is_a_usage_problem(site):
    write_page(site)
    result = site.run(str(BIN / "helder"), "fix", "content/bestaat-niet.md")
    assert result.code == 2 and "bestaat-niet.md" in result.err


def jargon(line: int, found: str, replacement: str):
    from helder.findings import Finding, Severity

    return Finding("p.md", line, "words.jargon", Severity.WARNING, "", "", replacement, data={"found": found})


def test_a_fix_skips_code_and_link_addresses_and_takes_occurrences_left_to_right():
    from helder import fixes

    text = "# Titel\nTyp `Indien` of [lees](indien.md). Indien u wilt, indien nodig.\n"
    planned, manual = fixes.plan(text, [jargon(2, "Indien", "Als"), jargon(2, "indien", "als")])
    assert manual == []
    assert (
        fixes.apply(text, planned) == "# Titel\nTyp `Indien` of [lees](indien.md). Als u wilt, als nodig.\n"
    )


def test_words_split_by_markup_or_on_another_line_are_left_to_the_editor():
    from helder import fixes

    text = "Wij doen dit *in verband* met de wet.\nIndien\n"
    planned, manual = fixes.plan(text, [jargon(1, "in verband met", "door"), jargon(1, "Indien", "Als")])
    assert planned == [] and len(manual) == 2


def test_a_phone_number_becomes_a_link_to_call(site):
    text = GOOD_PRODUCT.replace(INTRO, "Bel ons op 020 123 4567. Of mail [ons](mailto:a@b.nl).\n")
    site.write("content/paspoort.md", text)
    result = fix(site, "--yes")
    assert result.code == 0, result.text
    after = (site.root / "content" / "paspoort.md").read_text(encoding="utf-8")
    assert after == text.replace("020 123 4567", "[020 123 4567](tel:+31201234567)")
    assert "Helder heeft 1 verandering gemaakt in content/paspoort.md." in result.out
