"""Rendering cross-references: the target's title in the page's language, as a link."""

from __future__ import annotations

from trees import valid_files, write_tree

from toolkit.render import expand_xrefs
from toolkit.site import collect


def render(tmp_path, lang: str, rel: str, markdown: str) -> str:
    site = collect(write_tree(tmp_path, valid_files()), tmp_path)
    return expand_xrefs(site, lang, rel, markdown)


def test_titles_links_and_custom_text(tmp_path):
    assert render(tmp_path, "en", "case-studies/healthy.md", "See [[ref:seed-2014]] and [[case:healthy|this case]].") == (
        "See [Seed (2014)](../references.md#seed-2014) and [this case](healthy.md).")
    assert render(tmp_path, "cy", "index.md", "Gweler [[rung:co-production|gydgynhyrchu]].") == (
        "Gweler [gydgynhyrchu](ladder.md#co-production).")


def test_rung_names_are_lower_case_mid_sentence(tmp_path):
    markdown = "[[rung:co-production]] is the top rung, above [[rung:co-production]].\n- [[rung:co-production]]"
    assert render(tmp_path, "en", "index.md", markdown) == (
        "[Co-production](ladder.md#co-production) is the top rung, above [co-production](ladder.md#co-production).\n"
        "- [Co-production](ladder.md#co-production)")
