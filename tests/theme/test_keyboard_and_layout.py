"""The demo site in a real Chromium, as a resident uses it: a phone (320 and 390 px) and a desktop (1280 px),
with the keyboard only, and with JavaScript off.

The site is a copy of the demo built with `mkdocs build --strict` (the slow pa11y gate off: it has its own
tests), served by Python's http.server on 127.0.0.1, driven by Playwright with the system Chromium.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from themesite import FOCUSED, REPO, build_demo, describe, order_problems, serve, tab_walk

pytestmark = pytest.mark.browser

BROWSER = Path(os.environ.get("HELDER_BROWSER", "/usr/bin/chromium"))
PHONE, SMALL, DESKTOP = 390, 320, 1280
HEIGHT = {SMALL: 640, PHONE: 844, DESKTOP: 900}
#: The pages residents use most: home, a product page with an action block, a product page with a table, A to Z;
#: and an English product page (mkdocs-static-i18n, under /en/).
PAGES = [
    "/",
    "/parkeren/parkeervergunning/",
    "/burgerzaken/paspoort-en-id-kaart/",
    "/producten-a-z/",
    "/en/parkeren/parkeervergunning/",
]
#: The theme's words a test looks for, in the page's language.
WORDS = {
    "nl": {"skip": "Ga naar inhoud", "a_z": "Producten en diensten A tot Z"},
    "en": {"skip": "Skip to content", "a_z": "Services from A to Z"},
}


def words(path: str) -> dict[str, str]:
    return WORDS["en" if path.startswith("/en/") else "nl"]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("theme-demo"))


@pytest.fixture(scope="module")
def base_url(demo_site: Path) -> Iterator[str]:
    with serve(demo_site) as url:
        yield url


# --- the built HTML (no browser needed) ----------------------------------------------------------------------


def products_in_demo(lang: str = "nl") -> dict[str, str]:
    """Every product page of the demo in one language (no `type:` or `type: product`; the English ones are
    `*.en.md`): its folder URL within that language's site -> its title."""
    found = {}
    for path in sorted((REPO / "content").rglob("*.md")):
        if path.name.endswith(".en.md") != (lang == "en"):
            continue
        text = path.read_text(encoding="utf-8")
        front = text.split("---", 2)[1]
        if "\ntype:" in front and "\ntype: product" not in front:
            continue
        title = re.search(r"^title: (.+)$", front, re.MULTILINE).group(1).strip()
        url = path.relative_to(REPO / "content").as_posix().removesuffix(".md").removesuffix(".en")
        found[url + "/"] = title
    return found


def test_the_a_to_z_page_lists_every_service_by_letter_without_javascript(demo_site):
    html = (demo_site / "producten-a-z" / "index.html").read_text(encoding="utf-8")
    main = html[html.index("<article") : html.index("</article>")]
    products = products_in_demo()
    assert len(products) >= 19
    links = dict(re.findall(r'<a href="\.\./([^"]+)"[^>]*>([^<]+)</a>', main))
    assert links == products  # every service, nothing else, each with its own title
    letters = re.findall(r"<h2 id=\"[^\"]*\">([^<]+)<", main)
    assert letters == sorted(letters) and "P" in letters
    assert "<script" not in main


def test_the_english_a_to_z_page_lists_every_english_service(demo_site):
    html = (demo_site / "en" / "producten-a-z" / "index.html").read_text(encoding="utf-8")
    main = html[html.index("<article") : html.index("</article>")]
    products = products_in_demo("en")
    assert len(products) == 11  # every demo service with an SDG code in the UPL list
    assert dict(re.findall(r'<a href="\.\./([^"]+)"[^>]*>([^<]+)</a>', main)) == products


def test_the_editors_guide_is_not_published(demo_site):
    assert not (demo_site / "handleiding").exists()
    assert "handleiding" not in (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "handleiding" not in (demo_site / "search" / "search_index.json").read_text(encoding="utf-8")
    for page in demo_site.rglob("*.html"):
        assert "handleiding/" not in page.read_text(encoding="utf-8"), page


def test_contact_in_the_footer_comes_from_the_help_catalogue(demo_site):
    html = (demo_site / "index.html").read_text(encoding="utf-8")
    catalogue = (REPO / "data" / "hulp.yml").read_text(encoding="utf-8")
    assert 'phone: "14 0123"' in catalogue and "Marktplein 1" in catalogue
    assert 'Bel <a href="tel:140123">14 0123</a>' in html
    assert "Bezoekadres: Marktplein 1, 1234 AB Voorbeeld" in html
    # A 14-number does not work from abroad: the catalogue's number for that is beside it, on every page.
    assert 'phone_abroad: "+31 85 123 0123"' in catalogue
    assert 'Vanuit het buitenland: <a href="tel:+31851230123">+31 85 123 0123</a>' in html
    english = (demo_site / "en" / "404.html").read_text(encoding="utf-8")
    assert (
        english.count('From abroad: <a href="tel:+31851230123">+31 85 123 0123</a>') == 2
    )  # page and footer
    assert "\n    contact:" not in (REPO / "mkdocs.yml").read_text(encoding="utf-8")  # one source


def test_online_services_have_a_button_to_apply(demo_site):
    html = (demo_site / "ondernemen" / "terrasvergunning" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://www.voorbeeld.nl/loket/terrasvergunning">Direct regelen' in html
    assert "U logt in met eHerkenning." in html
    assert ">Bekijk hoe het met uw aanvraag staat</a>" in html


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not (BROWSER.is_file() and os.access(BROWSER, os.X_OK)):
        if os.environ.get("HELDER_SKIP_BROWSER") == "1":
            pytest.skip("Chromium ontbreekt")
        pytest.fail("Chromium ontbreekt: apt-get install chromium, of zet HELDER_BROWSER")
    from playwright.sync_api import sync_playwright

    args = ["--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        args.append("--no-sandbox")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(BROWSER), args=args)
        yield browser
        browser.close()


def open_page(chromium: Any, url: str, width: int, *, javascript: bool = True) -> Any:
    context = chromium.new_context(
        viewport={"width": width, "height": HEIGHT[width]}, java_script_enabled=javascript
    )
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 200, url
    page.requests = requests
    return page


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("path", PAGES)
def test_tab_starts_at_the_skip_link_and_every_stop_is_visible(chromium, base_url, path, width):
    page = open_page(chromium, base_url + path, width)
    stops = tab_walk(page)
    page.context.close()

    assert stops, "Tab reaches nothing"
    assert "md-skip" in stops[0]["className"] and stops[0]["text"] == words(path)["skip"], describe(stops[0])
    hidden = [describe(s) for s in stops if not s["shown"]]
    outside = [describe(s) for s in stops if not s["inViewport"]]
    assert hidden == [], f"Tab stops the reader cannot see at {width} px: {hidden}"
    assert outside == [], f"Tab stops outside the screen at {width} px: {outside}"
    assert any(s["text"] == words(path)["a_z"] for s in stops)


@pytest.mark.parametrize("width", [SMALL, PHONE, DESKTOP])
@pytest.mark.parametrize("path", PAGES)
def test_focus_order_follows_what_the_reader_sees(chromium, base_url, path, width):
    page = open_page(chromium, base_url + path, width)
    stops = tab_walk(page)
    page.context.close()
    assert order_problems(stops) == []


@pytest.mark.parametrize(
    ("path", "link"),
    [
        ("/parkeren/parkeervergunning/", "Parkeervergunning voor bewoners"),
        # A long open section: the later sections end up at the bottom edge of the screen as focus goes down.
        ("/burgerzaken/paspoort-en-id-kaart/", "Verhuizing doorgeven"),
    ],
)
def test_the_menu_opens_and_closes_with_the_keyboard_on_a_phone(chromium, base_url, path, link):
    page = open_page(chromium, base_url + path, PHONE)
    menu = page.locator("#helder-menu")
    button = page.locator("button[data-helder-open=drawer]")
    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()

    for _ in range(10):  # the menu button is one of the first Tab stops
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.helderOpen") == "drawer":
            break
    else:
        raise AssertionError("Tab never reaches the menu button")
    assert page.evaluate("document.activeElement.innerText.trim()") == "Menu"

    page.keyboard.press("Enter")
    # The menu slides in: wait until it is on screen (a condition, not a pause).
    page.wait_for_function("document.getElementById('helder-menu').getBoundingClientRect().left >= 0")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.getElementById('helder-menu').contains(document.activeElement)")

    # Every Tab stop in the open menu is a link the reader sees, until focus leaves the menu and it closes.
    inside = []
    for _ in range(60):
        info = page.evaluate(FOCUSED)
        if not page.evaluate("document.getElementById('helder-menu').contains(document.activeElement)"):
            break
        inside.append(info)
        page.keyboard.press("Tab")
    assert len(inside) >= 5
    assert [describe(s) for s in inside if not (s["shown"] and s["inViewport"])] == []
    assert any(s["text"] == link for s in inside)
    page.wait_for_function("getComputedStyle(document.getElementById('helder-menu')).visibility === 'hidden'")
    assert button.get_attribute("aria-expanded") == "false"

    # Escape closes the menu and puts focus back on the button.
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('helder-menu').getBoundingClientRect().left >= 0")
    page.keyboard.press("Escape")
    page.wait_for_function("getComputedStyle(document.getElementById('helder-menu')).visibility === 'hidden'")
    assert page.evaluate("document.activeElement.dataset.helderOpen") == "drawer"
    assert button.get_attribute("aria-expanded") == "false"
    page.context.close()


def test_the_search_opens_with_the_keyboard_on_a_phone(chromium, base_url):
    page = open_page(chromium, base_url + "/", PHONE)
    button = page.locator("button[data-helder-open=search]")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("paspoort")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert "Paspoort" in results.first.inner_text()
    page.context.close()


@pytest.mark.parametrize(
    "path",
    [*PAGES, "/hulp/", "/en/burgerzaken/inschrijven-vanuit-het-buitenland/", "/404.html", "/en/404.html"],
)
def test_nothing_scrolls_sideways_at_320_px(chromium, base_url, path):
    page = open_page(chromium, base_url + path, SMALL)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    page.context.close()
    assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide in a {widths[1]} px window"


def test_the_404_page_is_dutch_and_shows_the_way_on(chromium, base_url):
    page = open_page(chromium, base_url + "/404.html", PHONE)
    assert page.get_attribute("html", "lang") == "nl"
    assert page.locator("h1").inner_text() == "Deze pagina bestaat niet"
    phone = page.locator("main a[href^='tel:']")
    assert phone.first.get_attribute("href") == "tel:140123"
    assert page.locator("main a", has_text="Bekijk alle producten en diensten van A tot Z").count() == 1
    assert page.locator("main a", has_text="Ga naar de startpagina").count() == 1
    # The search button works like the one in the header.
    page.locator("main button[data-helder-open=search]").click()
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    stops = tab_walk(open_page(chromium, base_url + "/404.html", PHONE))
    assert stops[0]["text"] == "Ga naar de inhoud"
    page.context.close()


def test_the_english_404_page_is_english_and_shows_the_way_on(chromium, base_url):
    page = open_page(chromium, base_url + "/en/404.html", PHONE)
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text() == "This page does not exist"
    assert page.locator("main a[href^='tel:']").first.get_attribute("href") == "tel:140123"
    a_z = page.locator("main a", has_text="See all services from A to Z")
    assert a_z.get_attribute("href") == "/en/producten-a-z/"
    page.context.close()


def test_an_english_page_is_english_with_an_english_menu_and_a_way_to_dutch(chromium, base_url):
    page = open_page(chromium, base_url + "/en/burgerzaken/inschrijven-vanuit-het-buitenland/", DESKTOP)
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_attribute("#helder-menu", "lang") is None  # the menu is English too
    assert page.locator("#helder-menu").get_by_text("Passports, moving and registering").count() >= 1
    assert page.locator(".md-skip").inner_text() == "Skip to content"
    dutch = page.locator(".helder-header__links a[hreflang=nl]")
    assert dutch.inner_text() == "Nederlands" and dutch.get_attribute("lang") == "nl"
    dutch.click()
    page.wait_for_load_state()
    assert page.url == base_url + "/burgerzaken/inschrijven-vanuit-het-buitenland/"
    assert page.get_attribute("html", "lang") == "nl"
    assert page.locator(".helder-header__links a[hreflang=en]").inner_text() == "English"
    page.context.close()


@pytest.mark.parametrize("path", PAGES)
def test_without_javascript_nothing_is_hidden_and_the_closed_menu_takes_no_focus(chromium, base_url, path):
    page = open_page(chromium, base_url + path, PHONE, javascript=False)
    stops = tab_walk(page)
    main_text = page.locator(".md-content").inner_text()
    buttons = page.locator("[data-helder-open]:visible").count()
    page.context.close()

    assert [describe(s) for s in stops if not (s["shown"] and s["inViewport"])] == []
    assert not any(s["region"] == ".md-sidebar--primary" for s in stops)
    assert any(s["text"] == words(path)["a_z"] for s in stops)
    assert buttons == 0, "buttons that need JavaScript are hidden without it"
    assert len(main_text) > 80


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_site_asks_nothing_from_other_hosts(chromium, base_url, width):
    for path in PAGES:
        page = open_page(chromium, base_url + path, width)
        outside = [
            url for url in page.requests if not url.startswith(base_url) and not url.startswith("data:")
        ]
        page.context.close()
        assert outside == [], f"{path} loads from other hosts: {outside}"
