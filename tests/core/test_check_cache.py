"""A second `check` renders only what changed (toolkit.check_cache) and reports exactly what a
fresh check reports, whatever changed in between."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import site_check
from toolkit.check_cache import FOLDER
from trees import valid_files, write_tree


def checked(root: Path) -> tuple[list[str], list[str], list[str]]:
    """(the report, the pages rendered for it, a fresh check's report)."""
    rendered: list[str] = []
    real = site_check.render_in_parallel

    def counting(site, pages):
        rendered.extend(page.path for page in pages)
        return real(site, pages)

    site_check.render_in_parallel = counting
    try:
        found = [str(p) for p in site_check.check_site(root / "docs", root)]
    finally:
        site_check.render_in_parallel = real
    return found, rendered, [str(p) for p in site_check.check_site(root / "docs", root, fresh=True)]


@pytest.fixture
def root(tmp_path) -> Path:
    write_tree(tmp_path, valid_files())
    return tmp_path


def test_a_second_check_renders_nothing_and_reports_the_same(root):
    first, rendered, _ = checked(root)
    assert first == [] and len(rendered) == 10
    again, rendered, fresh = checked(root)
    assert again == fresh == [] and rendered == []
    assert len(list((root / FOLDER).glob("*.json"))) == 1


def test_a_page_body_edit_renders_that_page_only(root):
    checked(root)
    page = root / "docs/en/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [[rung:co-dreaming]].\n", encoding="utf-8")
    found, rendered, fresh = checked(root)
    assert rendered == ["docs/en/index.md"]
    assert found == fresh and any("co-dreaming" in line for line in found)


def test_a_title_other_pages_use_renders_every_page_again(root):
    """The ladder's rung title is the text of [[rung:co-production]] on the home pages."""
    checked(root)
    ladder = root / "docs/en/ladder.md"
    ladder.write_text(ladder.read_text(encoding="utf-8").replace("### 7. Co-production {#co-production}",
                                                                 "### 7. Working as equals {#co-production}"),
                      encoding="utf-8")
    found, rendered, fresh = checked(root)
    assert len(rendered) == 10 and found == fresh


@pytest.mark.parametrize("change", ["snippets/abbreviations.en.md", "data/tools/en/extra.yml"])
def test_a_change_outside_the_pages_renders_every_page_again(root, change):
    checked(root)
    target = root / change
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text((target.read_text(encoding="utf-8") if target.exists() else "") + "\n# changed\n",
                      encoding="utf-8")
    _, rendered, _ = checked(root)
    assert len(rendered) == 10
