"""Rendering cross-references: the target's title in the page's language, as a link, and only
outside code."""

from __future__ import annotations

from trees import valid_files, write_tree

from toolkit.markdown_ext import RenderContext
from toolkit.render import prepare_context
from toolkit.site import collect
from toolkit.site_check import markdown_for


def render(tmp_path, lang: str, rel: str, markdown: str) -> str:
    site = collect(write_tree(tmp_path, valid_files()), tmp_path)
    context = prepare_context(RenderContext(site=None), site)
    md = markdown_for(site.project, context)
    context.start(lang, rel)
    html = md.convert(markdown)
    assert context.findings == []
    return html


def test_titles_links_and_custom_text(tmp_path):
    assert render(tmp_path, "en", "case-studies/index.md", "See [[ref:seed-2014]] and [[case:healthy|this case]].") == (
        '<p>See <a href="../references.html#seed-2014">Seed (2014)</a> and <a href="healthy.html">this case</a>.</p>')
    assert render(tmp_path, "cy", "index.md", "Gweler [[rung:co-production|gydgynhyrchu]].") == (
        '<p>Gweler <a href="ladder.html#co-production">gydgynhyrchu</a>.</p>')


def test_rung_names_are_lower_case_mid_sentence(tmp_path):
    markdown = "[[rung:co-production]] is the top rung, above [[rung:co-production]].\n\n- [[rung:co-production]]"
    assert render(tmp_path, "en", "index.md", markdown) == (
        '<p><a href="ladder.html#co-production">Co-production</a> is the top rung, above '
        '<a href="ladder.html#co-production">co-production</a>.</p>\n'
        '<ul>\n<li><a href="ladder.html#co-production">Co-production</a></li>\n</ul>')


def test_code_is_left_alone(tmp_path):
    markdown = ("`[[rung:nowhere]]`\n\n    [[rung:nowhere]]\n\n````\n```\n[[rung:nowhere]]\n<!-- case-studies: index -->\n"
                "```\n````\n\n~~~\nTODO [[x\n~~~")
    html = render(tmp_path, "en", "index.md", markdown)
    assert html.count("[[rung:nowhere]]") == 3
    assert "&lt;!-- case-studies: index --&gt;" in html and "<h2" not in html


def test_a_title_from_front_matter_is_text_in_a_listing(tmp_path):
    files = valid_files()
    files["en/case-studies/healthy.md"] = files["en/case-studies/healthy.md"].replace(
        "title: Study", 'title: "<img src=x onerror=alert(1)>"')
    site = collect(write_tree(tmp_path, files), tmp_path)
    context = prepare_context(RenderContext(site=None), site)
    context.start("en", "case-studies/index.md")
    html = markdown_for(site.project, context).convert("<!-- case-studies: index -->\n")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
