"""Odd but realistic inputs: `check` and the strict build give the same verdict and the same
`path:line: message` report, never a traceback, and a failed build leaves no site behind.

Each case is a tiny project (tests/tiny.py) with one thing changed. A case either expects a
report, exactly, or expects the build to pass and its HTML to hold (or not hold) some text.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Callable

import pytest

from tiny import NAV, build, check, edit, make_project, valid_files

Files = dict


@dataclass
class Case:
    name: str
    change: Callable[[Files], Files]
    report: list[str] = field(default_factory=list)  # expected report; empty: the build passes
    nav: list[str] | None = field(default_factory=lambda: list(NAV))
    page: str = ""  # with no report: a built page to look at
    shows: tuple[str, ...] = ()  # ...which must hold these
    hides: tuple[str, ...] = ()  # ...and must not hold these
    setup: Callable | None = None  # changes to the docs folder that files cannot express


def both(rel: str, old: str, new: str) -> Callable[[Files], Files]:
    return lambda f: edit(edit(f, f"cy/{rel}", old, new), f"en/{rel}", old, new)


def one(rel: str, old: str, new: str) -> Callable[[Files], Files]:
    return lambda f: edit(f, rel, old, new)


def add(**pages: str | bytes) -> Callable[[Files], Files]:
    return lambda f: {**f, **{k.replace("__", "/").replace("_md", ".md"): v for k, v in pages.items()}}


def home(text: str) -> Callable[[Files], Files]:
    """The English home page's text, in place of its cross-reference line (line 7)."""
    return one("en/index.md", "See [[rung:co-production]].\n", text)


def symlink(name: str, target: str) -> Callable:
    return lambda docs: os.symlink(target, docs / name)


def folder(name: str) -> Callable:
    return lambda docs: (docs / name).mkdir()


RUNGS = "coercion, educating, informing, consultation, engagement, co-design, co-production"
CASES = [
    # Files MkDocs would crash on
    Case("not-utf8", lambda f: {**f, "en/index.md": f["en/index.md"].encode().replace(b"See", b"Caf\xe9 See")},
         ["docs/en/index.md:7: not UTF-8: byte 0xE9 at column 4; save the file as UTF-8 "
          "(Welsh letters such as ŵ and â need it)"]),
    Case("folder-named-like-a-page", lambda f: f, ["docs/cy/notes.md:1: a folder named like a page: rename the folder "
                                                   "(pages are files ending .md)"], setup=folder("cy/notes.md")),
    Case("dangling-symlink", lambda f: f, ["docs/cy/gone.md:1: a symbolic link to 'nowhere.md', which does not exist "
                                           "(or links back to itself): remove it"], setup=symlink("cy/gone.md", "nowhere.md")),
    Case("symlink-loop", lambda f: f, ["docs/cy/loop.md:1: a symbolic link to 'loop.md', which does not exist "
                                       "(or links back to itself): remove it"], setup=symlink("cy/loop.md", "loop.md")),
    Case("symlink-out-of-the-project", lambda f: f, ["docs/cy/secret.md:1: a symbolic link to '/etc/hostname': copy the "
                                                     "file into docs/ instead (links can reach outside the project)"],
         setup=symlink("cy/secret.md", "/etc/hostname")),
    Case("page-outside-the-language-folders", add(notes_md="# Notes\n"),
         ["docs/notes.md:1: a page outside the language folders: move it to docs/cy/ and give it a twin in docs/en/"]),
    Case("unknown-file-type", lambda f: {**f, "cy/report.pdf": b"%PDF-1.4"},
         ["docs/cy/report.pdf:1: '.pdf' files may not ship: a language folder holds pages (.md) and images"]),
    # What MkDocs itself checks
    Case("nav-names-a-missing-page", lambda f: f, ["mkdocs.yml:@missing.md: nav: 'missing.md' is not in docs/cy/: add the page, "
                                                   "or take it out of the nav",
                                                   "mkdocs.yml:@missing.md: nav: 'missing.md' is not in docs/en/: add the page, "
                                                   "or take it out of the nav"], nav=NAV + ["missing.md"]),
    Case("page-not-in-the-nav", add(cy__extra_md="---\ntitle: Arall\n---\n\n# Arall\n",
                                    en__extra_md="---\ntitle: Extra\n---\n\n# Extra\n"),
         ["docs/cy/extra.md:1: not in the nav: add 'extra.md' to nav in mkdocs.yml, or match it with a not_in_nav pattern",
          "docs/en/extra.md:1: not in the nav: add 'extra.md' to nav in mkdocs.yml, or match it with a not_in_nav pattern"]),
    Case("home-page-deleted", lambda f: {k: v for k, v in f.items() if k != "en/index.md"},
         ["docs/cy/index.md:1: no English twin: docs/en/index.md is missing",
          "mkdocs.yml:@index.md: nav: 'index.md' is not in docs/en/: add the page, or take it out of the nav"]),
    Case("link-to-a-folder", home("See [studies](case-studies/).\n"),
         ["docs/en/index.md:7: link to 'case-studies/': links to a folder: link to a page in it, such as "
          "'case-studies/index.md'"]),
    Case("link-to-a-built-page", home("See [ladder](ladder.html).\n"),
         ["docs/en/index.md:7: link to 'ladder.html': write the page's source file, 'ladder.md': MkDocs links pages "
          "by their .md name"]),
    Case("absolute-link", home("See [ladder](/ladder.md).\n"),
         ["docs/en/index.md:7: link to '/ladder.md': absolute links break when the site is opened from disk: "
          "use a relative link"]),
    Case("link-to-the-other-language", home("See [Welsh](../cy/index.md).\n"),
         ["docs/en/index.md:7: link to '../cy/index.md': links to the other language's folder: link to the page in "
          "docs/en/"]),
    Case("anchor-missing-on-another-page", home("See [rung](ladder.md#co-producton).\n"),
         ["docs/en/index.md:7: link to 'ladder.md#co-producton': no such anchor on ladder.md "
          "(did you mean 'co-production'?)"]),
    Case("missing-image", home("![Logo](../assets/logo.png)\n"),
         ["docs/en/index.md:7: link to '../assets/logo.png': no such page or file in the site"]),
    Case("shared-image-from-english", lambda f: {**home("![Logo](../assets/logo.png)\n")(f), "assets/logo.png": b"\x89PNG"},
         page="en/index.html", shows=('src="../assets/logo.png"',)),
    Case("shared-image-from-welsh", lambda f: {**one("cy/index.md", "See", "![Logo](../assets/logo.png)\n\nSee")(f),
                                               "assets/logo.png": b"\x89PNG"},
         page="index.html", shows=('src="assets/logo.png"',)),
    Case("link-with-a-query", home("See [ladder](ladder.md?print=1#co-production).\n"),
         page="en/index.html", shows=('href="ladder.html?print=1#co-production"',)),
    # Code is code
    Case("xref-and-marker-in-a-fence", home("```\n[[rung:co-production]]\n<!-- case-studies: index -->\n```\n"),
         page="en/index.html", shows=("[[rung:co-production]]", "&lt;!-- case-studies: index --&gt;"), hides=("cs-all",)),
    Case("xrefs-in-inline-and-indented-code", home("Write `[[rung:nowhere]]`.\n\n    [[rung:nowhere]]\n"),
         page="en/index.html", shows=("<code>[[rung:nowhere]]</code>",)),
    Case("fence-inside-a-longer-fence", home("````\n```\n[[rung:nowhere]]\n```\n````\n"),
         page="en/index.html", shows=("[[rung:nowhere]]",)),
    Case("todo-in-inline-code", home("The scaffold writes `TODO` in every gap.\n"),
         page="en/index.html", shows=("<code>TODO</code>",)),
    Case("script-in-an-html-comment", home("<!-- <script>alert(1)</script> -->\n"), page="en/index.html"),
    Case("three-backticks-mid-line", home("Use ``` to open a fence, then [[rung:co-production]].\n"),
         page="en/index.html", shows=('href="ladder.html#co-production"',)),
    # Silently accepted before
    Case("duplicate-front-matter-key", one("en/index.md", "title: Home\n", "title: Home\ntitle: House\n"),
         ["docs/en/index.md:3: front matter: 'title' is given twice (also on line 2): keep one"]),
    Case("unclosed-cross-reference", home("See [[rung:co-production.\n"),
         ["docs/en/index.md:7: '[[' starts a cross-reference that is not closed with ']]' on the same line: close it, "
          "or write \\[[ for literal brackets"]),
    Case("capitalised-kind", home("See [[Rung:co-production]].\n"),
         ["docs/en/index.md:7: [[Rung:co-production]]: kinds are lower case: write [[rung:co-production]]"]),
    Case("cross-reference-without-a-kind", home("See [[co-production]].\n"),
         ["docs/en/index.md:7: [[co-production]]: a cross-reference is written [[kind:key]] or [[kind:key|link text]]"]),
    Case("empty-link-text", home("See [[rung:co-production|]].\n"),
         ["docs/en/index.md:7: [[rung:co-production|]]: the link text after '|' is empty: give the text, or leave out "
          "the '|'"]),
    Case("unknown-cross-reference-key", home("See [[rung:co-dreaming]].\n"),
         [f"docs/en/index.md:7: [[rung:co-dreaming]]: unknown ladder rung 'co-dreaming' (expected one of {RUNGS})"]),
    Case("malformed-marker", one("en/case-studies/index.md", "<!-- case-studies: index -->", "<!-- case-studies index -->"),
         ["docs/en/case-studies/index.md:7: listing marker '<!-- case-studies index -->' is malformed or not on a line "
          "of its own: write it alone on its line, as <!-- case-studies: stage=co-design --> (see CONTRIBUTING.md)"]),
    Case("marker-inside-a-paragraph", home("See <!-- case-studies: index --> here.\n"),
         ["docs/en/index.md:7: listing marker '<!-- case-studies: index -->' is malformed or not on a line of its own: "
          "write it alone on its line, as <!-- case-studies: stage=co-design --> (see CONTRIBUTING.md)"]),
    Case("marker-with-an-unknown-value", one("cy/case-studies/index.md", "index -->", "stage=co-dreaming -->"),
         ["docs/cy/case-studies/index.md:7: listing marker: unknown stages 'co-dreaming' "
          "(expected one of co-commissioning, co-design, co-delivery, co-assessment)"]),
    Case("duplicate-ids", lambda f: home("## One {#same}\n\n## Two {#same}\n")(
        one("cy/index.md", "See [[rung:co-production]].", "## Un {#same}")(f)),
         ["docs/en/index.md:9: the id 'same' is used twice on this page: ids must be unique (links land on the first)"]),
    Case("duplicate-case-study-titles", lambda f: {**f, "en/case-studies/other.md": f["en/case-studies/healthy.md"],
                                                   "cy/case-studies/other.md": f["cy/case-studies/healthy.md"].replace(
                                                       "title: Iach", "title: Arall")},
         ["docs/en/case-studies/other.md:2: title: 'Healthy' is also the title of docs/en/case-studies/healthy.md: "
          "readers choose from a list of titles, so give each case study its own"]),
    Case("image-without-alt-text", lambda f: {**home("![](../assets/logo.png)\n")(f), "assets/logo.png": b"\x89PNG"},
         ["docs/en/index.md:7: an image needs alt text that says what it shows; if it is only decoration, write "
          "![](file.png){ role=presentation } (see CONTRIBUTING.md)"]),
    Case("decorative-image", lambda f: {**home("![](../assets/logo.png){ role=presentation }\n")(f),
                                        "assets/logo.png": b"\x89PNG"},
         page="en/index.html", shows=('role="presentation"',)),
    Case("gap-left-in-the-text", home("TODO: say what happened.\n"),
         ["docs/en/index.md:7: fill in this gap: TODO: say what happened."]),
    # Messages that said the wrong thing
    Case("byte-order-mark", lambda f: {**f, "en/index.md": "\ufeff" + f["en/index.md"]}, page="en/index.html"),
    Case("years-reversed", both("case-studies/healthy.md", 'years: "2014"', 'years: "2014-2009"'),
         [f"docs/{lang}/case-studies/healthy.md:9: years: '2014-2009' ends before it starts: write the earlier year "
          "first, '2009-2014'" for lang in ("cy", "en")]),
    Case("empty-list", both("case-studies/healthy.md", "stages: [co-design, co-delivery]", "stages: []"),
         [f"docs/{lang}/case-studies/healthy.md:5: stages: the list is empty: give at least one value, or leave the "
          "field out if it is optional" for lang in ("cy", "en")]),
    Case("yaml-date", both("case-studies/healthy.md", 'years: "2014"', "years: 2014-05-01"),
         [f"docs/{lang}/case-studies/healthy.md:9: years: expected 'YYYY' or 'YYYY-YYYY', got the date 2014-05-01 "
          "(put it in quotes to keep it as text)" for lang in ("cy", "en")]),
    Case("yaml-boolean", one("en/case-studies/healthy.md", "place: Cardiff", "place: yes"),
         ["docs/en/case-studies/healthy.md:4: place: expected text, got true (YAML reads yes/no/true/false as a "
          "yes-or-no value: put text in quotes)"]),
    Case("unknown-page-field", one("en/index.md", "title: Home\n", "title: Home\ntemplate: main.html\n"),
         ["docs/en/index.md:3: front matter: unknown field 'template' (pages take title (the page's title in its own "
          "language); description (one sentence for search engines and link previews); hide (parts of the page frame "
          "to hide (navigation, toc, footer)); twin (the twin's version at the last review, written by make "
          "translations))"]),
    Case("title-that-is-a-number", one("en/index.md", "title: Home", "title: 2014"),
         ["docs/en/index.md:2: front matter: 'title' must be the page's title in its own language, got the number 2014"]),
    Case("front-matter-not-closed", one("en/index.md", "title: Home\n---\n", "title: Home\n"),
         ["docs/en/index.md:1: front matter: no closing '---' line"]),
]


def with_nav_lines(report: list[str], config: str) -> list[str]:
    """'mkdocs.yml:@page.md: …' -> the line of the nav entry for page.md in this config."""
    lines = config.splitlines()

    def line_of(match: re.Match) -> str:
        return str(next(i for i, text in enumerate(lines, 1) if text.strip() == f"- {match.group(1)}"))

    return [re.sub(r"(?<=^mkdocs\.yml:)@([\w./-]+)(?=:)", line_of, line) for line in report]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_and_build_agree(case, tmp_path):
    root = make_project(tmp_path, case.change(valid_files()), nav=case.nav)
    if case.setup:
        case.setup(root / "docs")
    expected = with_nav_lines(case.report, (root / "mkdocs.yml").read_text(encoding="utf-8"))
    check_status, check_report = check(root)
    build_status, build_report, site = build(root)
    assert check_report == expected
    assert build_report == expected, "the build reports what check reports"
    if case.report:
        assert check_status == 1 and build_status != 0
        assert not site.exists(), "a failed build leaves no site behind"
        return
    assert check_status == 0 and build_status == 0
    html = (site / case.page).read_text(encoding="utf-8")
    for text in case.shows:
        assert text in html
    for text in case.hides:
        assert text not in html


def test_there_are_enough_cases():
    assert len(CASES) >= 35


def test_a_failed_build_removes_the_last_good_site(tmp_path):
    root = make_project(tmp_path, valid_files())
    status, _, site = build(root)
    assert status == 0 and (site / "index.html").is_file()
    (root / "docs/en/index.md").write_text("---\ntitle: Home\n---\n\n# Home\n\nSee [[rung:nowhere]].\n")
    status, report, site = build(root)
    assert status != 0 and report
    assert not site.exists(), "no site is left that could be deployed by mistake"
