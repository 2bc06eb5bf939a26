"""Hostile inputs: nothing a contributor writes, in a page, in front matter, in a snippet or as a
file, can run script or load anything from off the disk in the built site.

Each case is a tiny project (tests/tiny.py) with one hostile change. Either the build fails
and `check` agrees, with the exact report, or the build passes and its output, every page
and the search index, holds no active content and no remote reference.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from selectolax.lexbor import LexborHTMLParser

from tiny import build, check, edit, make_project, valid_files

from toolkit.csp import is_theme_script



@dataclass
class Hostile:
    name: str
    change: Callable[[dict], dict]
    report: list[str] = field(default_factory=list)  # empty: must build, and be inert
    snippet: str | None = None  # text of snippets/evil.md, when the case needs one


def body(text: str, lang: str = "en") -> Callable[[dict], dict]:
    """The text in place of the home page's cross-reference line (line 7)."""
    return lambda f: edit(f, f"{lang}/index.md", "See [[rung:co-production]].\n", text)


def front(rel: str, old: str, new: str) -> Callable[[dict], dict]:
    return lambda f: edit(f, rel, old, new)


def file(rel: str, content: str) -> Callable[[dict], dict]:
    return lambda f: {**f, rel: content}


XSS = "<img src=x onerror=alert(1)>"
EN = "docs/en/index.md:7: "
CASE = "en/case-studies/healthy.md"
SVG_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>'
SVG_ONLOAD = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>'
SVG_REMOTE = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
              '<use xlink:href="https://evil.example/x.svg#a"/></svg>')
NOT_ALLOWED = "it is not on the list of HTML a page may use (see CONTRIBUTING.md)"
HANDLER = "event handler '{}=' is not allowed: pages carry no scripts"
JS_LINK = ("a link to a 'javascript:' URL is not allowed: links go to pages, files in the site, or "
           "http(s)/mailto/tel addresses")
OFF_DISK = ("<img src='{}'> loads from off the disk: keep the file in the site (images in docs/assets/ or beside "
            "the page) and link to it relatively")

CASES = [
    # Front matter: escaped wherever it is shown, so the build passes and nothing runs.
    Hostile("title-with-markup", front("en/index.md", "title: Home", f'title: "Home {XSS}"')),
    Hostile("title-closing-the-title-element", front("en/index.md", "title: Home",
                                                     'title: "</title><script>alert(1)</script>"')),
    Hostile("description-breaking-out-of-meta", front("en/index.md", "title: Home\n",
                                                      'title: Home\ndescription: \'"><script>alert(1)</script>\'\n')),
    Hostile("case-summary-with-script", front(CASE, "summary: Summary.", 'summary: "<script>alert(1)</script>"')),
    Hostile("case-place-closing-the-card", front(CASE, "place: Cardiff", 'place: "</dd><script>alert(1)</script>"')),
    Hostile("case-organisations-with-handler", front(CASE, "place: Cardiff", f'place: Cardiff\norganisations: ["{XSS}"]')),
    Hostile("case-outcome-with-javascript-link", front(CASE, "place: Cardiff",
                                                       'place: Cardiff\noutcomes: ["[win](javascript:alert(1))"]')),
    Hostile("case-title-with-markup", lambda f: edit(edit(f, CASE, "title: Healthy", f'title: "Healthy {XSS}"'),
                                                     CASE, "# Healthy", "# Healthy")),
    Hostile("xref-text-with-markup", body(f"See [[rung:co-production|{XSS}]].\n")),
    Hostile("link-title-breaking-out", body('See [rung](ladder.md "a\\" onmouseover=\\"alert(1)").\n')),
    Hostile("heading-with-escaped-markup", body("## &lt;img src=x onerror=alert(1)&gt;\n")),
    Hostile("script-in-inline-code", body("Never write `<script>alert(1)</script>`.\n")),
    # Script and handlers in the body
    Hostile("script-element", body("<script>alert(1)</script>\n"),
            [EN + "<script> is not allowed: pages carry no scripts: the site's behaviour lives in docs/assets/js/"]),
    Hostile("tag-split-over-two-lines", body("<img src=x\nonerror=alert(1)>\n"),
            [EN + "an image needs alt text that says what it shows; if it is only decoration, write "
             "![](file.png){ role=presentation } (see CONTRIBUTING.md)",
             EN + "link to 'x': no such page or file in the site",
             "docs/en/index.md:8: " + HANDLER.format("onerror")]),
    Hostile("slash-instead-of-space", body("<div/onmouseover=alert(1)>hover</div>\n"), [EN + HANDLER.format("onmouseover")]),
    Hostile("attr-list-handler", body("Click here.\n{ onclick=\"alert(1)\" }\n"),
            ["docs/en/index.md:8: " + HANDLER.format("onclick")]),
    Hostile("details-ontoggle", body("<details open ontoggle=alert(1)><summary>x</summary></details>\n"),
            [EN + HANDLER.format("ontoggle")]),
    Hostile("handler-on-a-good-link", body('<a href="ladder.md" onclick="alert(1)">ladder</a>\n'),
            [EN + HANDLER.format("onclick"),
             EN + "link to 'ladder.md': a link in HTML names the built page: write 'ladder.html'"]),
    Hostile("comment-closed-the-html5-way", body("<!-- x --!><img src=x onerror=alert(1) alt=x>\n"),
            [EN + HANDLER.format("onerror"), EN + "link to 'x': no such page or file in the site"]),
    Hostile("backticks-in-an-attribute", body("<img alt=\"``\" src=x onerror=alert(1)>\n"),
            [EN + HANDLER.format("onerror"), EN + "link to 'x': no such page or file in the site"]),
    Hostile("three-backticks-that-are-not-a-fence", body("``` not a fence ``` <b onclick=alert(1)>x</b>\n"),
            [EN + HANDLER.format("onclick")]),
    # Links to script
    Hostile("javascript-link", body("[x](javascript:alert(1))\n"), [EN + JS_LINK]),
    Hostile("javascript-link-mixed-case", body("[x](JaVaScRiPt:alert(1))\n"),
            [EN + JS_LINK.replace("'javascript:'", "'javascript:'")]),
    Hostile("reference-style-javascript-link", body("[x][evil]\n\n[evil]: javascript:alert(1)\n"),
            ["docs/en/index.md:9: " + JS_LINK]),
    Hostile("hex-entity-scheme", body('<a href="jav&#x61;script:alert(1)">x</a>\n'), [EN + JS_LINK]),
    Hostile("decimal-entity-scheme", body('<a href="&#106;avascript:alert(1)">x</a>\n'), [EN + JS_LINK]),
    Hostile("tab-inside-the-scheme", body('<a href="java&#9;script:alert(1)">x</a>\n'), [EN + JS_LINK]),
    Hostile("leading-space-before-the-scheme", body('<a href="  javascript:alert(1)">x</a>\n'), [EN + JS_LINK]),
    Hostile("data-url-link", body('<a href="data:text/html,hello">x</a>\n'),
            [EN + JS_LINK.replace("'javascript:'", "'data:'")]),
    Hostile("vbscript-link", body('<a href="vbscript:msgbox(1)">x</a>\n'),
            [EN + JS_LINK.replace("'javascript:'", "'vbscript:'")]),
    Hostile("button-formaction", body('<form><button formaction="javascript:alert(1)">go</button></form>\n'),
            [EN + "'formaction' is not allowed on <button>: pages may link with <a href> and show images with <img src>"]),
    Hostile("form-sending-elsewhere", body('<form action="https://evil.example/"><button>go</button></form>\n'),
            [EN + "'action' is not allowed on <form>: pages may link with <a href> and show images with <img src>"]),
    # Embedded content and the page frame
    Hostile("iframe", body('<iframe src="https://evil.example/"></iframe>\n'),
            [EN + "<iframe> is not allowed: no embedded content: link to it instead"]),
    Hostile("object", body('<object data="https://evil.example/x.swf"></object>\n'),
            [EN + "<object> is not allowed: no embedded content: link to it instead"]),
    Hostile("embed", body('<embed src="https://evil.example/x.swf">\n'),
            [EN + "<embed> is not allowed: no embedded content: link to it instead"]),
    Hostile("base-element", body('<base href="https://evil.example/">\n'),
            [EN + "<base> is not allowed: it would change where every link on the page goes"]),
    Hostile("meta-refresh", body('<meta http-equiv="refresh" content="0;url=https://evil.example/">\n'),
            [EN + "<meta> is not allowed: pages may not set their own metadata or redirects"]),
    Hostile("link-element", body('<link rel="stylesheet" href="https://evil.example/x.css">\n'),
            [EN + "<link> is not allowed: pages may not load stylesheets or other resources"]),
    Hostile("template-element", body(f"<template>{XSS}</template>\n"), [EN + "<template> is not allowed: " + NOT_ALLOWED]),
    Hostile("noscript-element", body(f"<noscript>{XSS}</noscript>\n"),
            [EN + "<noscript> is not allowed: " + NOT_ALLOWED,
             EN + "an image needs alt text that says what it shows; if it is only decoration, write "
             "![](file.png){ role=presentation } (see CONTRIBUTING.md)",
             EN + HANDLER.format("onerror"), EN + "link to 'x': no such page or file in the site"]),
    Hostile("math-element", body('<math><mi xlink:href="javascript:alert(1)">x</mi></math>\n'),
            [EN + "<math> is not allowed: " + NOT_ALLOWED, EN + "<mi> is not allowed: " + NOT_ALLOWED]),
    # Resources from off the disk
    Hostile("remote-image", body("![x](https://evil.example/x.png)\n"), [EN + OFF_DISK.format("https://evil.example/x.png")]),
    Hostile("reference-style-remote-image", body("![x][img]\n\n[img]: https://evil.example/x.png\n"),
            ["docs/en/index.md:9: " + OFF_DISK.format("https://evil.example/x.png")]),
    Hostile("scheme-without-slashes", body("![x](https:evil.example/x.png)\n"),
            [EN + OFF_DISK.format("https:evil.example/x.png")]),
    Hostile("protocol-relative-image", body("![x](//evil.example/x.png)\n"), [EN + OFF_DISK.format("//evil.example/x.png")]),
    Hostile("srcset", body('<img src="../assets/x.png" srcset="https://evil.example/x.png 2x" alt="x">\n'),
            [EN + "'srcset' is not allowed on <img>: pages may link with <a href> and show images with <img src>",
             EN + "link to '../assets/x.png': no such page or file in the site"]),
    Hostile("video-poster", body('<video poster="https://evil.example/x.png"></video>\n'),
            [EN + "<video> is not allowed: " + NOT_ALLOWED]),
    Hostile("svg-image-element", body('<svg><image href="https://evil.example/x.png"/></svg>\n'),
            [EN + "<image> is not allowed: " + NOT_ALLOWED]),
    Hostile("style-import", body("<style>@import url(https://evil.example/x.css);</style>\n"),
            [EN + "<style> is not allowed: put styles in docs/assets/css/ and use a class"]),
    Hostile("style-attribute", body('<p style="background:url(https://evil.example/x.png)">x</p>\n'),
            [EN + "style attributes are not allowed: use a class from the site's CSS"]),
    Hostile("input-image", body('<form><input type="image" src="https://evil.example/x.png"></form>\n'),
            [EN + "'src' is not allowed on <input>: pages may link with <a href> and show images with <img src>",
             EN + "<input type='image'> is not allowed"]),
    # Files that are not pages
    Hostile("svg-with-script", file("cy/diagram.svg", SVG_SCRIPT),
            ["docs/cy/diagram.svg:1: SVG line 1: <script> is not allowed (drawing elements only: no script, style, "
             "foreignObject, image or links)"]),
    Hostile("svg-with-handler", file("assets/logo.svg", SVG_ONLOAD),
            ["docs/assets/logo.svg:1: SVG line 1: attribute 'onload' is not allowed on <svg>"]),
    Hostile("svg-with-remote-reference", file("assets/logo.svg", SVG_REMOTE),
            ["docs/assets/logo.svg:1: SVG line 1: xlink:href='https://evil.example/x.svg#a' refers to another file: "
             "only '#id' references are allowed"]),
    Hostile("html-file-in-a-language-folder", file("cy/evil.html", "<script>alert(1)</script>"),
            ["docs/cy/evil.html:1: '.html' files may not ship: a language folder holds pages (.md) and images"]),
    Hostile("htm-file-in-assets", file("assets/evil.htm", "<script>alert(1)</script>"),
            ["docs/assets/evil.htm:1: '.htm' files may not ship from docs/: pages go in the language folders, images "
             "(.avif, .gif, .jpeg, .jpg, .png, .svg, .webp) there or in docs/assets/, and the site's own CSS and JS in "
             "docs/assets/css/ and docs/assets/js/"]),
    Hostile("remote-css-import", file("assets/css/evil.css", "@import url(https://evil.example/x.css);"),
            ["docs/assets/css/evil.css:1: the stylesheet loads '@import…': CSS may only use files in the site"]),
    Hostile("script-file-in-a-language-folder", file("en/evil.js", "alert(1)"),
            ["docs/en/evil.js:1: '.js' files may not ship: a language folder holds pages (.md) and images"]),
    # Snippets are content too
    Hostile("snippet-with-script", body('--8<-- "evil.md"\n'), [EN + "<script> is not allowed: pages carry no scripts: "
                                                              "the site's behaviour lives in docs/assets/js/"],
            snippet="<script>alert(1)</script>\n"),
    Hostile("snippet-with-remote-image", body('--8<-- "evil.md"\n'),
            [EN + OFF_DISK.format("https://evil.example/x.png")],
            snippet="![x](https://evil.example/x.png)\n"),
]


def active_content(site: Path) -> list[str]:
    """Everything in the built site that could run script or reach off the disk."""
    found = []
    for path in sorted(site.rglob("*.html")):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        name = path.relative_to(site).as_posix()
        for node in tree.root.traverse(include_text=False):
            attrs = {k.lower(): (v or "") for k, v in (node.attributes or {}).items()}
            for key, value in attrs.items():
                cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
                if key.startswith("on"):
                    found.append(f"{name}: <{node.tag} {key}>")
                if key in ("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href") and \
                        cleaned.startswith(("javascript:", "vbscript:", "data:")):
                    found.append(f"{name}: <{node.tag} {key}={value[:30]}>")
                if key in ("src", "srcset", "poster", "data") and re.match(r"^(https?:|//)", cleaned):
                    found.append(f"{name}: <{node.tag} {key}={value[:30]}> loads off the disk")
            if node.tag == "script" and "src" not in attrs and attrs.get("type") != "application/json":
                if not is_theme_script(node.text(deep=True)):
                    found.append(f"{name}: an inline script that is not the theme's")
            if node.tag in ("iframe", "object", "embed", "base", "template") or \
                    node.tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
                found.append(f"{name}: <{node.tag}>")
    index = site / "search" / "search_index.json"
    if index.is_file():
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            for key in ("title", "text"):  # the theme shows these as HTML
                fragment = LexborHTMLParser(doc.get(key, ""))
                for node in fragment.root.traverse(include_text=False):
                    if any(k.lower().startswith("on") for k in (node.attributes or {})) or node.tag == "script":
                        found.append(f"search index {doc['location']}: <{node.tag}> in {key}")
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(case, tmp_path):
    root = make_project(tmp_path, case.change(valid_files()))
    if case.snippet is not None:
        (root / "snippets").unlink()
        (root / "snippets").mkdir()
        (root / "snippets" / "evil.md").write_text(case.snippet, encoding="utf-8")
    check_status, check_report = check(root)
    build_status, build_report, site = build(root)
    assert check_report == case.report
    assert build_report == case.report, "the build reports what check reports"
    if case.report:
        assert check_status == 1 and build_status != 0 and not site.exists()
    else:
        assert check_status == 0 and build_status == 0
        assert active_content(site) == []


def test_there_are_enough_cases():
    assert len(CASES) >= 40
    assert sum(1 for c in CASES if not c.report) >= 10, "and enough that must build and stay inert"
