"""The theme internals the site relies on (toolkit.theme_internals) are still there in the
installed packages: a Material or i18n upgrade that changes one fails here, by name."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from toolkit.theme_internals import THEME_INTERNALS, Internal


def package_dir(name: str) -> Path:
    return Path(importlib.util.find_spec(name).origin).parent


@pytest.mark.parametrize("internal", THEME_INTERNALS, ids=lambda i: i.what[:60])
def test_theme_internal_is_still_there(internal: Internal):
    files = sorted(package_dir(internal.package).glob(internal.files))
    assert len(files) == 1, f"{internal.files}: expected one file, found {files}"
    text = files[0].read_text(encoding="utf-8")
    missing = [pattern for pattern in internal.patterns if not re.search(pattern, text)]
    assert missing == [], f"{files[0].name} changed: {internal.what} Revisit: {internal.relied_on_by}"


def test_the_material_version_is_the_one_documented():
    """A new version may keep every pattern and still change behaviour: re-read the list."""
    from importlib.metadata import version

    assert version("mkdocs-material") == "9.8.1"
    assert version("mkdocs-static-i18n") == "1.3.1"


def test_the_theme_listing_is_remembered_until_a_project_theme_folder_changes(tmp_path):
    """keep_theme_listing: the same files as MkDocs lists, from memory, and listed afresh
    when a file is added to the project's own theme folder."""
    from mkdocs.theme import Theme

    from toolkit.template_cache import keep_theme_listing

    overrides = tmp_path / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "assets" / "one.css").write_text("p {}\n", encoding="utf-8")
    theme = Theme(name="material", custom_dir=str(overrides))
    expected = sorted(theme.get_env().list_templates())
    keep_theme_listing(theme)
    listings = []
    env = theme.get_env()
    real = env.loader.list_templates
    env.loader.list_templates = lambda: listings.append(1) or real()
    assert sorted(env.list_templates()) == expected and listings == [1]
    again = theme.get_env()
    again.loader.list_templates = lambda: listings.append(2) or real()
    assert sorted(again.list_templates()) == expected and listings == [1], "the second build lists from memory"
    (overrides / "assets" / "two.css").write_text("p {}\n", encoding="utf-8")
    third = theme.get_env()
    assert "assets/two.css" in third.list_templates(), "a new file in overrides/ is listed"


def test_search_entries_are_remembered_for_a_page_seen_before(monkeypatch):
    """keep_search_entries: the same entries as Material makes, from memory the second time,
    and made afresh when what Material reads of the page changes."""
    from types import SimpleNamespace

    from material.plugins.search import plugin as search

    from toolkit.template_cache import keep_search_entries

    parsed = []
    real_feed = search.Parser.feed
    monkeypatch.setattr(search.Parser, "feed", lambda self, data: parsed.append(data) or real_feed(self, data))

    def page(content: str, title: str = "Ysgol") -> SimpleNamespace:
        return SimpleNamespace(content=content, url="ladder.html", toc=[], title=title, meta={"title": title})

    def entries(*pages) -> list[dict]:
        plugin = SimpleNamespace(search_index=search.SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={}))
        keep_search_entries(plugin)
        for one in pages:
            plugin.search_index.add_entry_from_context(one)
        return plugin.search_index.entries

    html = '<h1 id="ysgol">Ysgol</h1><p>Saith gris.</p><h2 id="gris">Gris</h2><p>Un.</p>'
    first = entries(page(html))
    assert [e["location"] for e in first] == ["ladder.html", "ladder.html#gris"] and len(parsed) == 1
    assert entries(page(html)) == first and len(parsed) == 1, "the second build takes them from memory"
    assert entries(page(html, title="Ysgol newydd"))[0]["title"] == "Ysgol" and len(parsed) == 2
    assert "Dau." in entries(page(html.replace("Un.", "Dau.")))[1]["text"] and len(parsed) == 3


def test_a_save_renders_again_only_the_pages_it_changed(tmp_path, monkeypatch, caplog):
    """keep_page_renders, under `mkdocs serve`: after a save, pages whose Markdown and site are
    unchanged are not converted again and come out byte for byte as a fresh build makes them;
    a change to what other pages read (a heading a cross-reference shows) renders them all."""
    import filecmp

    import markdown
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort
    from mkdocs.structure.pages import Page

    from tiny import edit, make_project, valid_files
    from toolkit import render_cache

    monkeypatch.setattr(Page, "render", Page.render)  # the wrapper is removed after the test
    monkeypatch.setattr(render_cache, "_KEPT", {})
    converted: list[str] = []
    real_convert = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert", lambda md, text: converted.append(text) or real_convert(md, text))
    root = make_project(tmp_path / "project", valid_files())

    def serve_build(site: str) -> list[str]:
        """One build as `mkdocs serve` makes it on a save; the pages converted."""
        converted.clear()
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / site))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        return [text for text in converted if text.startswith("# ")]  # the pages (not other Markdown)

    def write(rel: str, old: str, new: str) -> None:
        path = root / "docs" / rel
        path.write_text(edit({rel: path.read_text(encoding="utf-8")}, rel, old, new)[rel], encoding="utf-8")

    def same(one: str, other: str) -> bool:
        compared = filecmp.dircmp(tmp_path / one, tmp_path / other)
        differ = []

        def walk(cmp) -> None:
            differ.extend(cmp.diff_files + cmp.left_only + cmp.right_only)
            for sub in cmp.subdirs.values():
                walk(sub)
        walk(compared)
        return differ == []

    assert len(serve_build("first")) == 10
    write("en/index.md", "See", "Now see")
    again = serve_build("saved")
    assert len(again) == 1 and "Now see" in again[0], "only the saved page is converted"
    render_cache._KEPT.clear()
    assert len(serve_build("fresh")) == 10 and same("saved", "fresh"), "given back as a fresh build makes them"
    write("en/ladder.md", "### 7. Co-production", "### 7. Co-production together")
    assert len(serve_build("heading")) == 10, "a heading others show is read by every page"
    assert ">co-production together</a>" in (tmp_path / "heading/en/index.html").read_text(encoding="utf-8")
    write("en/index.md", "[[rung:co-production]]", "[[rung:nowhere]]")
    for save in ("broken", "unrelated save"):
        if save == "unrelated save":
            write("cy/index.md", "See", "Gweler")
        with pytest.raises(Abort):
            serve_build(save)
        assert "Gweler" in "".join(converted) or save == "broken"
        assert any(line.startswith("docs/en/index.md:7: ") and "nowhere" in line
                   for line in caplog.messages), f"{save}: the page given back is reported again"
        caplog.clear()


def test_search_entries_are_kept_once_per_page(monkeypatch):
    """keep_search_entries under a long `mkdocs serve`: saving a page many times keeps one
    version of its entries, not one per save."""
    from types import SimpleNamespace

    from material.plugins.search import plugin as search

    from toolkit import template_cache

    monkeypatch.setattr(template_cache, "_SEARCH_ENTRIES", {})
    for save in range(5):
        plugin = SimpleNamespace(search_index=search.SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={}))
        template_cache.keep_search_entries(plugin)
        content = f'<h1 id="ysgol">Ysgol</h1><p>Fersiwn {save}.</p>'
        plugin.search_index.add_entry_from_context(
            SimpleNamespace(content=content, url="ladder.html", toc=[], title="Ysgol", meta={"title": "Ysgol"}))
        assert f"Fersiwn {save}." in plugin.search_index.entries[0]["text"]
    assert list(template_cache._SEARCH_ENTRIES) == ["ladder.html"]
