"""The spell-check: mutation-aware Welsh, British English, reviewed word lists."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from trees import write_tree

from toolkit.site import collect
from toolkit.spelling import check_spelling

pytestmark = pytest.mark.skipif(not shutil.which("aspell"), reason="aspell is installed by the test command")


def spell(tmp_path: Path, files: dict[str, str], lists: dict[str, str] | None = None) -> list[str]:
    docs = write_tree(tmp_path, files)
    words = tmp_path / "spelling"
    words.mkdir(exist_ok=True)
    for name, text in (lists or {}).items():
        (words / name).write_text(text, encoding="utf-8")
    return [str(p) for p in check_spelling(collect(docs, tmp_path).tree.all_pages(), words)]


def page(title: str, body: str) -> str:
    return f"---\ntitle: {title}\n---\n\n# {title}\n\n{body}\n"


def test_typos_are_reported_with_path_and_line(tmp_path):
    files = {
        "cy/index.md": page("Croeso", "Mae'r gwasanaeth yn dda.\n\nMae'r gwasanaith yn dda."),
        "en/index.md": page("Welcome", "The service is good.\n\nThe servise is good."),
    }
    assert spell(tmp_path, files) == ["docs/cy/index.md:9: gwasanaith", "docs/en/index.md:9: servise"]


def test_mutated_forms_and_clitics_are_welsh(tmp_path):
    body = "Mae'n dda. Yng nghanol y dref, mae ei waith a'i wasanaeth yn dda. Ei hardal hi."
    assert spell(tmp_path, {"cy/index.md": page("Croeso", body), "en/index.md": page("Welcome", "Good.")}) == []


def test_other_language_passages_are_skipped(tmp_path):
    body = ('Gwnewch <span lang="en">co-production workshops</span> nawr.\n\n'
            "A paragraph that is entirely English.\n{ lang=\"en\" }")
    assert spell(tmp_path, {"cy/index.md": page("Croeso", body), "en/index.md": page("Welcome", "Good.")}) == []


def test_word_lists_cover_radical_forms_and_names(tmp_path):
    body = "Mae cydgynhyrchu a gydgynhyrchu a nghydgynhyrchu gan Bovaird yn dda."
    files = {"cy/index.md": page("Croeso", body), "en/index.md": page("Welcome", "Bovaird wrote this.")}
    assert spell(tmp_path, files) == [
        "docs/cy/index.md:7: Bovaird", "docs/cy/index.md:7: cydgynhyrchu", "docs/cy/index.md:7: gydgynhyrchu",
        "docs/cy/index.md:7: nghydgynhyrchu", "docs/en/index.md:7: Bovaird",
    ]
    assert spell(tmp_path, files, {"names.txt": "# people\nBovaird\n", "cy.txt": "cydgynhyrchu\n"}) == []


def test_front_matter_prose_is_checked(tmp_path):
    files = {"cy/index.md": page("Croeso", "Da."), "en/index.md": page("Welcomme", "Good.")}
    assert spell(tmp_path, files) == ["docs/en/index.md:2: Welcomme", "docs/en/index.md:5: Welcomme"]


def test_the_real_site_has_no_unknown_words():
    result = subprocess.run([sys.executable, "-m", "toolkit", "spell"], cwd=ROOT, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout
