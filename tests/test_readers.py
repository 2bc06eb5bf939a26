"""Every reader, every screen: phones, the 404 page, the Welsh interface, the footer, the
ladder, the filter, case studies, the offline copy and a deployment's own address.

Layout checks pin the widest font the install script provides (DejaVu Sans), so a table
that fits here fits on any machine set up with scripts/install-system-deps.sh.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import threading
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from test_browser import open_page, remote

from toolkit.mutations import radicals
from toolkit.offline import FOLDER, ZIP_NAME
from toolkit.spelling import DICTIONARIES, WordLists, aspell_unknown, tokens

pytestmark = pytest.mark.browser

WIDTHS = [320, 390, 768, 1280]
WIDEST_FONT = ("html, body, input, select, button, .md-typeset, .md-nav, .md-header, .md-footer "
               "{ font-family: 'DejaVu Sans', sans-serif !important; }")
WELSH_MONTHS = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
                "Hydref", "Tachwedd", "Rhagfyr")


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per viewport width, reused by the tests of this module."""
    made = {}

    def get(width: int, **options):
        key = (width, tuple(sorted(options.items())))
        if key not in made:
            made[key] = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True, **options)
        return made[key]

    yield get
    for context in made.values():
        context.close()


@pytest.fixture
def tab(contexts):
    """A page at a chosen width: tab(390) -> page, closed after the test."""
    opened = []

    def make(width: int = 1280, **options):
        page = contexts(width, **options).new_page()
        page.requests_seen = []
        page.failures = []
        page.on("request", lambda request: page.requests_seen.append(request.url))
        page.on("requestfailed", lambda request: page.failures.append(f"failed {request.url}"))
        page.on("response", lambda r: r.status >= 400 and page.failures.append(f"{r.status} {r.url}"))
        opened.append(page)
        return page

    yield make
    for page in opened:
        page.close()


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site; like GitHub Pages, a missing file gets 404.html with status 404."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def http_site(site_dir):
    """The built site over http on 127.0.0.1, at the server's root."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def visit(page, site_dir, path: str, font: bool = True):
    open_page(page, site_dir, path)
    if font:
        page.add_style_tag(content=WIDEST_FONT)
    return page


# ---- 1. Tables: never cut off, at any width -------------------------------------------------

CUT_OFF = """() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > innerWidth) out.push(`the page scrolls sideways (${doc.scrollWidth} > ${innerWidth})`);
  const article = document.querySelector("article").getBoundingClientRect();
  document.querySelectorAll("article table").forEach((table, i) => {
    const box = table.getBoundingClientRect();
    const wrap = table.closest(".md-typeset__scrollwrap");
    if (box.right > article.right + 1 || box.left < article.left - 1)
      out.push(`table ${i + 1} reaches ${Math.round(box.left)}-${Math.round(box.right)} px, outside the article`);
    if (table.scrollWidth > table.clientWidth + 1) out.push(`table ${i + 1} scrolls inside itself`);
    if (wrap && wrap.scrollWidth > wrap.clientWidth + 1) out.push(`table ${i + 1} needs its scroll wrapper`);
  });
  return out;
}"""


def table_pages(html_pages) -> list[str]:
    return sorted(path for path, html in html_pages.items() if "<table" in html)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_table_is_cut_off_or_scrolls(tab, site_dir, html_pages, width):
    page = tab(width)
    problems = {}
    for path in table_pages(html_pages):
        visit(page, site_dir, path)
        found = page.evaluate(CUT_OFF)
        if found:
            problems[path] = found
    assert problems == {}


def test_on_a_phone_each_row_stacks_with_its_headers_as_labels(tab, site_dir):
    page = visit(tab(390), site_dir, "en/benefits-and-evidence.html")
    table = page.locator("article table").first
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    assert len(headers) == 5
    cells = table.locator("tbody tr").first.locator("td")
    assert [cells.nth(i).get_attribute("data-label") for i in range(cells.count())] == headers
    label = cells.nth(4).evaluate("td => getComputedStyle(td, '::before').content")
    assert "attr(data-label)" in label or headers[4] in label, label
    # every cell of the row is on screen: the two columns that matter are no longer off the edge
    for i in range(cells.count()):
        box = cells.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (i, box)


# ---- 3. The 404 page ------------------------------------------------------------------------

NOT_FOUND_STATE = """() => ({
  lang: document.documentElement.lang,
  first: document.querySelector("article h1").closest("[lang]").lang,
  english: [...document.querySelectorAll("article [lang=en]")].map(e => e.innerText.trim()).join(" "),
  styled: getComputedStyle(document.querySelector(".md-header")).position !== "static",
  switcher: [...document.querySelectorAll(".md-select__link")].map(a => [a.hreflang, a.href]),
  homes: [...document.querySelectorAll("article a")].map(a => a.href),
})"""


def assert_bilingual_404(state: dict, root: str) -> None:
    assert state["lang"] == "cy" and state["first"] == "cy", state
    assert "Page not found" in state["english"], state
    assert state["styled"], "the stylesheet did not load"
    assert dict(state["switcher"]) == {"cy": root + "index.html", "en": root + "en/index.html"}, state
    assert set(state["homes"]) == {root + "index.html", root + "en/index.html"}, state


def test_404_from_disk_is_welsh_first_styled_and_links_home(tab, site_dir):
    page = tab(1280)
    open_page(page, site_dir, "404.html")
    page.wait_for_load_state("networkidle")
    assert_bilingual_404(page.evaluate(NOT_FOUND_STATE), site_dir.as_uri() + "/")
    assert page.failures == [] and remote(page.requests_seen) == []


@pytest.mark.parametrize("path", ["404.html", "no-such-page.html"])
def test_404_over_http_has_no_failed_request(tab, http_site, path):
    page = tab(1280)
    response = page.goto(http_site + path)
    page.wait_for_load_state("networkidle")
    assert response.status == (200 if path == "404.html" else 404)
    assert_bilingual_404(page.evaluate(NOT_FOUND_STATE), http_site)
    assert [f for f in page.failures if not f.endswith("/" + path)] == []
    for href in (http_site + "index.html", http_site + "en/index.html"):
        assert page.request.get(href).status == 200


# ---- 4. Switching language keeps the reader's place -----------------------------------------

def switch_language(page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang={lang}]").click()


@pytest.mark.parametrize("start, lang, expected", [
    ("ladder.html#consultation", "en", "en/ladder.html#consultation"),
    ("en/glossary.html#tokenism", "cy", "glossary.html#tokenism"),
])
def test_language_switch_keeps_the_fragment_from_disk(tab, site_dir, start, lang, expected):
    page = tab(1280)
    page.goto(site_dir.as_uri() + "/" + start)
    switch_language(page, lang)
    assert page.url == site_dir.as_uri() + "/" + expected
    page.wait_for_function("() => document.getElementById(location.hash.slice(1)).getBoundingClientRect().top < innerHeight")


def test_language_switch_keeps_a_fragment_chosen_after_loading(tab, http_site):
    page = tab(1280)
    page.goto(http_site + "ladder.html")
    page.locator(".md-sidebar--secondary a[href='#engagement']").click()  # the table of contents
    page.wait_for_function("location.hash === '#engagement'")
    switch_language(page, "en")
    assert page.url == http_site + "en/ladder.html#engagement"
    assert page.failures == []


# ---- 5. No English on Welsh pages, no Welsh on English pages --------------------------------

CHROME_STRINGS = """() => {
  const lang = document.documentElement.lang;
  const foreign = el => { const l = el.closest("[lang]"); return l && l.lang !== lang; };
  const out = [];
  for (const el of document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
    if (foreign(el) || el.tagName === "ABBR") continue;
    for (const name of ["aria-label", "title", "alt", "placeholder"]) {
      const value = el.getAttribute(name);
      if (value) out.push(`${name}: ${value}`);
    }
  }
  const chrome = ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-skip, .md-top, " +
                 ".tk-back, .cs-filter, .case-card dt, .cs-item__meta-label, .offline-copy";
  for (const el of document.querySelectorAll(chrome)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const parent = node.parentElement;
      if (text && !foreign(parent) && !parent.closest("script, style, code, .md-nav--secondary"))
        out.push(`text: ${text}`);
    }
  }
  return [...new Set(out)];
}"""


FILE_NAME = re.compile(r"\S+\.[a-z]{2,4}\b")  # index.html, a file name in any language


def wrong_language(strings: list[str], lang: str, lists: WordLists) -> list[str]:
    """Strings with a word the page's language does not know but the other language does.

    Capitalised words are names (of programmes, organisations, places) and are left alone,
    as the spell-check does; the interface's own words are lower case."""
    other = "en" if lang == "cy" else "cy"

    def words_of(text: str) -> set[str]:
        return {w for w in tokens(FILE_NAME.sub(" ", text.split(": ", 1)[1])) if w == w.lower()}

    words = {w for s in strings for w in words_of(s)}
    unknown = {w for w in aspell_unknown(words, DICTIONARIES[lang]) if not lists.knows(w, lang)}
    if lang == "cy":
        unknown = {w for w in unknown if not any(lists.knows(r, "cy") for r in radicals(w))
                   and radicals(w) <= aspell_unknown(radicals(w), "cy")}
    foreign = unknown - aspell_unknown(unknown, DICTIONARIES[other]) - lists.names
    return sorted(s for s in strings if words_of(s) & foreign)


def test_palette_toggle_speaks_the_page_language(tab, site_dir):
    page = tab(1280)
    for path, words in (("ladder.html", "Newid i'r modd tywyll"), ("en/ladder.html", "Switch to dark mode")):
        open_page(page, site_dir, path)
        toggle = page.locator("form[data-md-component=palette] label:visible").first
        assert toggle.get_attribute("title") == words
        assert page.locator("form[data-md-component=palette] input").first.get_attribute("aria-label") == words


def test_no_interface_string_in_the_other_language(tab, site_dir, html_pages):
    lists = WordLists.load(ROOT / "spelling")
    page = tab(1280)
    seen: dict[str, set[str]] = {"cy": set(), "en": set()}
    for path in sorted(html_pages) + ["404.html"]:
        open_page(page, site_dir, path)
        lang = page.evaluate("document.documentElement.lang")
        seen[lang].update(page.evaluate(CHROME_STRINGS))
    problems = {lang: wrong_language(sorted(strings), lang, lists) for lang, strings in seen.items()}
    assert problems == {"cy": [], "en": []}


# ---- 6. The glossary never sends an entry to itself -----------------------------------------

GLOSSARY_LINKS = """() => [...document.querySelectorAll("article h3[id]")].map(h3 => {
  const links = [];
  for (let el = h3.nextElementSibling; el && !/^H[1-3]$/.test(el.tagName); el = el.nextElementSibling)
    links.push(...[...el.querySelectorAll("a")].map(a => ({text: a.innerText.trim(), href: a.getAttribute("href")})));
  return {id: h3.id, name: h3.innerText.trim(), links};
})"""


@pytest.mark.parametrize("path", ["glossary.html", "en/glossary.html"])
def test_glossary_links_name_their_targets(tab, site_dir, path):
    page = tab(1280)
    open_page(page, site_dir, path)
    problems = []
    for entry in page.evaluate(GLOSSARY_LINKS):
        targets = {}
        for link in entry["links"]:
            targets.setdefault(link["text"].lower(), set()).add(link["href"])
        for link in entry["links"]:
            if link["href"] in (f"#{entry['id']}", f"glossary.html#{entry['id']}"):
                problems.append(f"{entry['id']}: links to itself")
            if link["text"].lower() == entry["name"].lower():
                problems.append(f"{entry['id']}: link text '{link['text']}' is the entry's own name")
        problems += [f"{entry['id']}: '{text}' leads to {sorted(hrefs)}" for text, hrefs in targets.items() if len(hrefs) > 1]
    assert problems == []


# ---- 7. The ladder reads as a ladder --------------------------------------------------------

@pytest.mark.parametrize("path, first", [("ladder.html", "Cydgynhyrchu"), ("en/ladder.html", "Co-production")])
def test_ladder_at_a_glance_links_seven_rungs_in_three_groups(tab, site_dir, path, first):
    page = tab(390)
    visit(page, site_dir, path)
    glance = page.locator("article .ladder-glance")
    assert glance.count() == 1
    # at the top: before the first section heading, on the first screen
    assert glance.evaluate("g => g.compareDocumentPosition(document.querySelector('article h2')) & Node.DOCUMENT_POSITION_FOLLOWING")
    assert glance.bounding_box()["y"] < 900
    groups = glance.locator(".ladder-glance__groups > li")
    assert groups.count() == 3
    links = glance.locator("a")
    assert links.count() == 7 and links.first.inner_text() == first
    for i in range(7):
        target = links.nth(i).get_attribute("href")
        assert target.startswith("#") and page.locator(f"article h3{target}").count() == 1
    links.nth(3).click()
    page.wait_for_function("location.hash === '#consultation'")


def test_ladder_rungs_use_the_width_of_a_phone(tab, site_dir):
    page = visit(tab(390), site_dir, "en/ladder.html")
    article = page.locator("article").bounding_box()
    rung = page.locator("li.ladder-rung").first
    box = rung.bounding_box()
    assert box["x"] - article["x"] <= 20, f"the rung sits {box['x'] - article['x']:.0f} px in"
    text = rung.locator("p").first.bounding_box()
    assert text["width"] >= 290, f"rung text is {text['width']:.0f} px wide"
    listing = rung.locator(".cs-listing li").first.bounding_box()
    assert listing["x"] - box["x"] <= 40


def test_long_case_study_lists_are_compact(tab, site_dir):
    page = visit(tab(1280), site_dir, "en/ladder.html")
    top = page.locator("li.ladder-rung").first
    assert top.locator(".cs-listing li").count() >= 10
    assert top.bounding_box()["height"] < 650, top.bounding_box()


@pytest.mark.parametrize("path", ["ladder.html", "en/ladder.html"])
def test_ladder_prints_on_at_most_two_a4_pages(tab, site_dir, tmp_path, path):
    page = visit(tab(1280), site_dir, path)
    page.emulate_media(media="print", color_scheme="light")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"{pages} pages"


# ---- 8. The case-study filter ---------------------------------------------------------------

@pytest.mark.parametrize("path", ["case-studies/index.html", "en/case-studies/index.html"])
def test_filter_counts_every_choice_and_disables_empty_ones(tab, site_dir, path):
    page = tab(1280)
    open_page(page, site_dir, path)
    total = page.locator(".cs-all .cs-item").count()
    options = page.evaluate("""() => [...document.querySelectorAll('.cs-filter select option')].map(o =>
      ({select: o.parentElement.name, value: o.value, text: o.textContent, disabled: o.disabled}))""")
    for option in options:
        n = int(re.search(r"\((\d+)\)$", option["text"]).group(1))
        if option["value"]:
            real = page.locator(f".cs-all .cs-item[data-{option['select']}~='{option['value']}']").count()
        else:
            real = total
        assert n == real, option
        assert option["disabled"] == (n == 0), option
    assert sum(o["disabled"] for o in options) >= 6  # coercion, educating, informing, housing, ...
    # the counts follow the other choices
    page.select_option("#cs-filter-country", "wales")
    shown = page.locator(".cs-all .cs-item:visible").count()
    any_stage = page.locator("#cs-filter-stages option[value='']").inner_text()
    assert any_stage.endswith(f"({shown})")


@pytest.mark.parametrize("path, words", [("case-studies/index.html", ("Gris ar yr ysgol", "Sector", "Gwlad")),
                                          ("en/case-studies/index.html", ("Rung of the ladder", "Sector", "Country"))])
def test_each_result_names_what_its_grey_line_shows(tab, site_dir, path, words):
    page = tab(1280)
    open_page(page, site_dir, path)
    labels = page.locator(".cs-all .cs-item").first.locator(".cs-item__meta-label").all_inner_texts()
    assert [label.rstrip(":") for label in labels] == list(words)


def test_the_filter_fits_a_320_px_screen(tab, site_dir):
    for path in ("case-studies/index.html", "en/case-studies/index.html"):
        page = visit(tab(320), site_dir, path)
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), path
        for select in page.locator(".cs-filter select").all():
            box = select.bounding_box()
            assert box["x"] + box["width"] <= 320, path


# ---- 9. Case-study pages --------------------------------------------------------------------

@pytest.mark.parametrize("path, index", [("case-studies/well-london.html", "case-studies/index.html"),
                                         ("en/case-studies/well-london.html", "en/case-studies/index.html")])
def test_case_study_leads_back_to_the_library_in_its_language(tab, site_dir, path, index):
    page = tab(390)
    open_page(page, site_dir, path)
    back = page.locator("article nav.tk-back a")
    assert back.is_visible() and back.bounding_box()["y"] < 300
    with page.expect_navigation():
        back.click()
    assert page.url == (site_dir / index).as_uri()


def test_case_study_facts_are_compact_on_a_phone(tab, site_dir):
    page = visit(tab(390), site_dir, "en/case-studies/healthy-change-cardiff.html")
    facts = page.evaluate("""() => [...document.querySelectorAll('.case-card dt')].map(dt => ({
      name: dt.innerText.trim(), value: dt.nextElementSibling.innerText.trim(),
      same_row: Math.abs(dt.getBoundingClientRect().top - dt.nextElementSibling.getBoundingClientRect().top) < 4}))""")
    assert all(f["same_row"] for f in facts), facts
    names = [f["name"] for f in facts]
    place = next(f["value"] for f in facts if f["name"] == "Place")
    assert "Wales" in place and "Country" not in names, facts
    card = page.locator(".case-card").bounding_box()
    h1 = page.locator("article h1").bounding_box()
    assert card["y"] + min(card["height"], 400) < 900 and card["height"] < 520 and h1["y"] < card["y"]


# ---- 10. The offline copy -------------------------------------------------------------------

def test_home_page_states_the_format_and_size_of_the_download(tab, site_dir):
    page = tab(1280)
    for path in ("index.html", "en/index.html"):
        open_page(page, site_dir, path)
        note = page.locator(".offline-copy")
        link = note.locator("a[download]")
        assert link.count() == 1
        assert (site_dir / path).parent.joinpath(link.get_attribute("href")).resolve() == (site_dir / ZIP_NAME).resolve()
        size = (site_dir / ZIP_NAME).stat().st_size / 1_000_000
        assert re.search(rf"\(zip[^,]*, {size:.1f} MB\)|\(ffeil zip, {size:.1f} MB\)", note.inner_text()), note.inner_text()


def test_inside_the_zip_the_home_pages_say_this_is_the_offline_copy(tab, site_dir, tmp_path):
    with zipfile.ZipFile(site_dir / ZIP_NAME) as archive:
        archive.extractall(tmp_path)
    page = tab(1280)
    for path, words in (("index.html", "Dyma gopi all-lein"), ("en/index.html", "This is the offline copy")):
        open_page(page, tmp_path / FOLDER, path)
        note = page.locator(".offline-copy")
        assert words in note.inner_text()
        assert note.locator("a[href$='.zip']").count() == 0  # no link to a file the copy does not hold
        assert remote(page.requests_seen) == []


# ---- 12. The footer -------------------------------------------------------------------------

def git_date(path: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d", "--", path],
                          capture_output=True, text=True, check=True, env={**os.environ, "TZ": "UTC"}).stdout.strip()


@pytest.mark.parametrize("path, source, publisher, updated", [
    ("ladder.html", "docs/cy/ladder.md", "Cyhoeddwyd gan", "Diweddarwyd ddiwethaf"),
    ("en/ladder.html", "docs/en/ladder.md", "Published by", "Last updated"),
    ("case-studies/well-london.html", "docs/cy/case-studies/well-london.md", "Cyhoeddwyd gan", "Diweddarwyd ddiwethaf"),
])
def test_footer_names_publisher_licences_and_last_update(tab, site_dir, path, source, publisher, updated):
    page = tab(390)
    open_page(page, site_dir, path)
    footer = page.locator(".md-footer .md-copyright")
    text = footer.inner_text()
    assert publisher in text and "CC BY 4.0" in text and "MIT" in text, text
    hrefs = footer.locator("a[rel=license]").evaluate_all("links => links.map(a => a.href)")
    assert any("creativecommons.org/licenses/by/4.0" in h for h in hrefs) and any("mit" in h.lower() for h in hrefs)
    time = footer.locator(".tk-updated time")
    assert updated in footer.locator(".tk-updated").inner_text()
    assert time.get_attribute("datetime") == git_date(source)
    words = time.inner_text()
    if path.startswith("en/"):
        assert not any(month in words for month in WELSH_MONTHS[:2] + WELSH_MONTHS[3:4] + WELSH_MONTHS[5:])
    else:
        assert any(month in words for month in WELSH_MONTHS), words
    assert (ROOT / "LICENSE").is_file() and (ROOT / "LICENSE-CONTENT.txt").is_file()


# ---- 13. Body-size text in tables and admonitions on phones ---------------------------------

@pytest.mark.parametrize("width", [390, 1280])
def test_tables_and_admonitions_use_body_size(tab, site_dir, width):
    page = tab(width)
    sizes = {}
    for path, selector in (("en/benefits-and-evidence.html", "article td"), ("en/ladder.html", "article .admonition p")):
        open_page(page, site_dir, path)
        sizes["body"] = page.locator("article > p").first.evaluate("p => getComputedStyle(p).fontSize")
        sizes[selector] = page.locator(selector).first.evaluate("e => getComputedStyle(e).fontSize")
    assert set(sizes.values()) == {sizes["body"]}, sizes


# ---- 14. A deployment sets its own address --------------------------------------------------

def test_site_and_repository_urls_come_from_the_environment(tab, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/fork-toolkit/")
    monkeypatch.setenv("REPO_URL", "https://github.com/example/fork-toolkit")
    result = build_site(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = tab(1280)
    open_page(page, tmp_path / "site", "en/ladder.html")
    alternates = page.locator("link[rel=alternate][hreflang]").evaluate_all("ls => ls.map(l => l.href)")
    assert sorted(alternates) == ["https://example.org/fork-toolkit/en/ladder.html", "https://example.org/fork-toolkit/ladder.html"]
    edit = page.locator("a[rel=edit]").get_attribute("href")
    assert edit == "https://github.com/example/fork-toolkit/edit/main/docs/en/ladder.md"
    sitemap = (tmp_path / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/fork-toolkit/" in sitemap and "cydgynhyrchu.github.io" not in sitemap
    workflow = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    build_step = workflow[workflow.index("name: Build the site"):]
    assert "SITE_URL: ${{ steps.pages.outputs.base_url" in build_step and "REPO_URL: ${{ github.server_url }}" in build_step
