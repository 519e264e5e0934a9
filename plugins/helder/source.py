"""Reading one Markdown source file into a `SourcePage`, without ever raising on bad input.

Everything a rule needs is here: the decoded text, the front matter with the source line of each key, the body
and the line it starts on, and the Markdown tokens. Problems with the file itself (not UTF-8, broken YAML,
front matter that is not a mapping) become findings on the page instead of exceptions, so one broken page never
hides the findings of the others.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin

from .findings import Finding, Severity
from .languages import file_lang
from .messages import message

# Same rule as MkDocs' own front matter reader (mkdocs.utils.meta): a block between two `---` lines at the top.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)?(?:-{3}|\.{3})[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class _Loader(
    getattr(yaml, "CSafeLoader", yaml.SafeLoader)
):  # libyaml when present: 10x faster on 1,000 pages
    """Safe YAML, but an impossible date (2026-13-01) stays text so validation can point at it."""


class TagError(yaml.constructor.ConstructorError):
    """A value that does not fit its YAML tag (`!!int x`, `!!bool maybe`), or a tag Helder does not read
    (`!!binary`, `!!set`): a finding at its line, never a traceback."""

    def __init__(self, node: yaml.Node, tag: str) -> None:
        self.tag = tag
        self.value = str(getattr(node, "value", ""))[:40] if isinstance(node, yaml.ScalarNode) else ""
        super().__init__(None, None, f'{tag} "{self.value}"', node.start_mark)


class SizeError(yaml.constructor.ConstructorError):
    """Anchors and aliases that expand into a huge document (a 'billion laughs'): refused before any use."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__(None, None, f"> {MAX_YAML_NODES}", node.start_mark)


#: The YAML core tags Helder reads (text, numbers, yes/no, empty, lists, mappings) and dates. Any other tag
#: that PyYAML's safe loader knows (`!!binary`, `!!set`, `!!omap`, `!!pairs`) is refused.
_REFUSED_TAGS = ("binary", "set", "omap", "pairs")
#: A YAML integer as written: PyYAML reads it, but Python refuses to make a number of over 4,300 digits.
_DIGITS = re.compile(r"[-+]?[0-9_]+")
#: Values in one YAML document, counting each alias as often as it is used.
MAX_YAML_NODES = 100_000


def _short(tag: str) -> str:
    return "!!" + tag.rsplit(":", 1)[-1]


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, AttributeError, TypeError, OverflowError):
        return loader.construct_scalar(node)


def _int(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:
        value = loader.construct_scalar(node)
        if _DIGITS.fullmatch(str(value)):  # a number too long to be a number: text, so validation names it
            return value
        raise TagError(node, _short(node.tag)) from None


def _checked(name: str) -> Any:
    method = getattr(yaml.SafeLoader, f"construct_yaml_{name}")

    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        try:
            return method(loader, node)
        except (ValueError, KeyError, TypeError):
            raise TagError(node, _short(node.tag)) from None

    return construct


def _refused(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    raise TagError(node, _short(node.tag))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _int)
_Loader.add_constructor("tag:yaml.org,2002:float", _checked("float"))
_Loader.add_constructor("tag:yaml.org,2002:bool", _checked("bool"))
for _tag in _REFUSED_TAGS:
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refused)


def _expanded_size(root: yaml.Node) -> int:
    """How many values the document has when every alias is written out (each node counted once per use)."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node, depth: int = 0) -> int:
        if id(node) in sizes:
            return sizes[id(node)]
        if isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(item, depth + 1) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            total = 1 + sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        else:
            total = 1
        sizes[id(node)] = min(total, MAX_YAML_NODES + 1)
        return sizes[id(node)]

    return size(root)


def load_yaml_node(text: str) -> tuple[object, yaml.Node | None]:
    """The data and the node tree (for line numbers) in one parse. Safe: `_Loader` is a SafeLoader.

    Raises `yaml.YAMLError` (with the line) for broken YAML, a value that does not fit its tag (`TagError`) and
    a document whose aliases expand into too many values (`SizeError`).
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        try:
            # Without an anchor (`&`) nothing repeats, and a value takes at least half a character (`[?,?]`
            # makes three per two): only a document with anchors, or a long one, can be too big (the count
            # walks every node, a fifth of a warm check's time when every page paid for it).
            if ("&" in text or len(text) > MAX_YAML_NODES // 4) and _expanded_size(node) > MAX_YAML_NODES:
                raise SizeError(node)
            return loader.construct_document(node), node
        except RecursionError:  # lists in lists, deeper than Python goes
            raise SizeError(node) from None
    finally:
        loader.dispose()


def yaml_error_line(exc: yaml.YAMLError, text: str) -> int | None:
    """0-based line of a YAML error. An error at the very end (an unclosed `[` or quote) points where it opened."""
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    last = len(text.rstrip("\n").split("\n")) - 1
    if problem is not None and (problem.line <= last or context is None):
        return min(problem.line, max(last, 0))
    return context.line if context is not None else None


def markdown_parser() -> MarkdownIt:
    """The Markdown dialect of a Helder site: CommonMark plus tables, admonitions, attribute lists, def lists."""
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    md.use(admon_plugin).use(attrs_plugin).use(deflist_plugin)
    return md


_PARSER = markdown_parser()


@dataclass
class Heading:
    level: int
    text: str
    line: int  # source line
    token_index: int  # index of its heading_open token


@dataclass
class SourcePage:
    """One Markdown file as the rules see it."""

    path: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # source line of the first body line
    problems: list[Finding] = field(default_factory=list)  # findings about the file itself
    default_lang: str = "nl"
    front_matter_ok: bool = True
    #: The front matter's YAML node tree, for the line of a list item (None for a page from the check cache).
    meta_node: Any = None
    #: Source line of each key of a top-level mapping (`ignore:` -> rule -> line), kept beside the node so a
    #: page from the check cache has them too.
    sub_lines: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        lang = self.meta.get("lang")
        return lang if isinstance(lang, str) and lang else self.default_lang

    def str_list(self, key: str) -> list[str]:
        """A front matter list of words (`help`, `audience`); anything else (a number, one string) is no list.

        The front matter rules report the wrong value; every other consumer reads it through here, so a wrong
        value never crashes the build or turns "inwoners" into eight letters.
        """
        value = self.meta.get(key)
        return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []

    def str_value(self, key: str, default: str = "") -> str:
        """A front matter text; anything else (a list, a date, a number) is `default`, so a wrong value that
        the front matter rules report never reaches the feed, JSON-LD or a list as something else."""
        value = self.meta.get(key)
        return value if isinstance(value, str) else default

    @property
    def page_type(self) -> str:
        value = self.meta.get("type", "product")
        return value if isinstance(value, str) else "product"

    def line_of(self, key: str) -> int:
        """Source line of a front matter key; line 1 (the opening `---`) when the key is absent."""
        return self.meta_lines.get(key, 1)

    def source_line(self, body_line0: int) -> int:
        """Turn a 0-based line in the body (markdown-it's `token.map`) into a 1-based source line."""
        return self.body_line + body_line0

    @cached_property
    def tokens(self) -> list[Token]:
        return _PARSER.parse(self.body)

    def use_headings(self, headings: list[Heading]) -> None:
        """Take the headings from an earlier parse of the same bytes (the check cache), so they are not parsed
        again; a page that has parsed its own keeps them."""
        self.__dict__.setdefault("headings", list(headings))

    @cached_property
    def headings(self) -> list[Heading]:
        found: list[Heading] = []
        tokens = self.tokens
        for index, token in enumerate(tokens):
            if token.type == "heading_open":
                inline = tokens[index + 1]
                line = self.source_line(token.map[0]) if token.map else self.body_line
                found.append(Heading(int(token.tag[1]), inline.content.strip(), line, index))
        return found

    @property
    def title(self) -> str:
        title = self.meta.get("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
        h1 = next((h for h in self.headings if h.level == 1), None)
        return h1.text if h1 else Path(self.path).stem


def _sub_lines(node: yaml.Node | None, first_line: int) -> dict[str, dict[str, int]]:
    """Source line of each key one level down, for every top-level key whose value is a mapping."""
    lines: dict[str, dict[str, int]] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and isinstance(value_node, yaml.MappingNode):
                lines[str(key_node.value)] = _key_lines(value_node, first_line)
    return lines


def _key_lines(node: yaml.Node | None, first_line: int) -> dict[str, int]:
    """Source line of each top-level key, from the YAML node marks."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                lines[str(key_node.value)] = first_line + key_node.start_mark.line
    return lines


def item_line(page: SourcePage, key: str, index: int) -> int:
    """Source line of item `index` of a list under front matter key `key` (for `help: [a, b]` and block lists)."""
    node = page.meta_node
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            is_list = getattr(key_node, "value", None) == key and isinstance(value_node, yaml.SequenceNode)
            if is_list and index < len(value_node.value):
                return 2 + value_node.value[index].start_mark.line
    return page.line_of(key)


def _split(text: str, path: str, default_lang: str, lang: str) -> tuple[SourcePage, str | None]:
    """The page with its body split off, and the front matter's YAML text (None when there is none)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    # `page.en.md` is the English version of `page.md` (mkdocs-static-i18n): its name says its language.
    default_lang = file_lang(path) or default_lang
    page = SourcePage(path=path, text=text, body=text, default_lang=default_lang)
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.lstrip().startswith("---"):
            page.problems.append(
                Finding(path, 1, "frontmatter.syntax", Severity.ERROR, *message(lang, "fm_unclosed"))
            )
            page.front_matter_ok = False
        return page, None
    page.body = text[match.end() :]
    page.body_line = text[: match.end()].count("\n") + 1
    return page, match.group(1) or ""


def page_with_front(
    text: str,
    path: str,
    front: tuple[dict[str, Any], dict[str, int], dict[str, dict[str, int]]],
    *,
    default_lang: str = "nl",
    lang: str = "nl",
) -> SourcePage | None:
    """The page as `parse_text` makes it, with its front matter (data, key lines, sub-key lines) taken from an
    earlier parse of the same bytes (the check cache) instead of YAML; None when the text has no front matter.
    Such a page has no YAML node tree: it is for reports from the cache, not for running rules."""
    page, yaml_text = _split(text, path, default_lang, lang)
    if yaml_text is None or page.problems:
        return None
    page.meta, page.meta_lines, page.sub_lines = front
    return page


def parse_text(text: str, path: str, *, default_lang: str = "nl", lang: str = "nl") -> SourcePage:
    """Split front matter and body; report broken front matter as a finding at its line."""
    page, yaml_text = _split(text, path, default_lang, lang)
    if yaml_text is None:
        return page
    try:
        data, node = load_yaml_node(yaml_text) if yaml_text.strip() else ({}, None)
    except (yaml.YAMLError, RecursionError) as exc:
        line0 = yaml_error_line(exc, yaml_text) if isinstance(exc, yaml.YAMLError) else None
        line = 2 + line0 if line0 is not None else 1
        if isinstance(exc, TagError):
            texts = message(lang, "fm_yaml_tag", tag=exc.tag, value=exc.value)
        elif isinstance(exc, (SizeError, RecursionError)):
            texts = message(lang, "fm_yaml_size", max=MAX_YAML_NODES)
        else:
            texts = message(
                lang, "fm_yaml", problem=getattr(exc, "problem", None) or str(exc).splitlines()[0]
            )
        page.problems.append(Finding(path, line, "frontmatter.syntax", Severity.ERROR, *texts))
        page.front_matter_ok = False
        return page
    if data is None:
        data = {}
    if not isinstance(data, dict):
        page.problems.append(
            Finding(path, 2, "frontmatter.syntax", Severity.ERROR, *message(lang, "fm_not_mapping"))
        )
        page.front_matter_ok = False
        return page
    page.meta = {str(k): v for k, v in data.items()}
    page.meta_node = node
    page.meta_lines = _key_lines(node, 2)
    page.sub_lines = _sub_lines(node, 2)
    return page


def outside(file: Path, folder: Path | None, *, real: bool = False) -> bool:
    """True when `file` (a link, or in a linked folder) is really a file outside `folder` (`real`: `folder` is
    already its real path, worked out once for many files)."""
    if folder is None:
        return False
    try:
        real_file = os.path.realpath(file, strict=True)
    except OSError as error:
        if error.errno == errno.ELOOP:  # a link loop
            return True
        real_file = os.path.realpath(file)  # missing, or not allowed to look: where it would be
    real_folder = str(folder) if real else os.path.realpath(folder)
    return os.path.commonpath((real_file, real_folder)) != real_folder


def read_page(
    file: Path, path: str, *, default_lang: str = "nl", lang: str = "nl", inside: Path | None = None
) -> SourcePage:
    """Read a file as UTF-8; a file that is not UTF-8 or cannot be read is a finding, not a crash.

    With `inside` (the docs folder), a file that is a link to a file outside that folder is not read: it is a
    `file.outside` finding, so nothing from elsewhere on the computer reaches the site.
    """
    if outside(file, inside):
        page = SourcePage(path=path, text="", default_lang=default_lang, front_matter_ok=False)
        texts = message(lang, "file_outside", folder=inside.name if inside else "")
        page.problems.append(Finding(path, None, "file.outside", Severity.ERROR, *texts))
        return page
    try:
        raw = file.read_bytes()
    except OSError as exc:
        page = SourcePage(path=path, text="", default_lang=default_lang)
        page.problems.append(
            Finding(
                path,
                None,
                "file.unreadable",
                Severity.ERROR,
                *message(lang, "file_unreadable", error=exc.strerror),
            )
        )
        page.front_matter_ok = False
        return page
    return page_from_bytes(raw, path, default_lang=default_lang, lang=lang)


def page_from_bytes(raw: bytes, path: str, *, default_lang: str = "nl", lang: str = "nl") -> SourcePage:
    """A page from the file's bytes; bytes that are not UTF-8 are a finding at their line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        page = SourcePage(path=path, text="", default_lang=default_lang)
        page.problems.append(
            Finding(path, line, "file.encoding", Severity.ERROR, *message(lang, "file_encoding"))
        )
        page.front_matter_ok = False
        return page
    return parse_text(text, path, default_lang=default_lang, lang=lang)
