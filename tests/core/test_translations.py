"""Recorded translation reviews, on a throwaway git repository: the table, the drift report
with its diff, and marking a pair reviewed."""

from __future__ import annotations

import os
import subprocess

import pytest

from toolkit.stale import content_hash, mark, pairs, recorded, stale_twins, table, with_record, without_record


def git(root, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def page(title: str, body: str) -> str:
    return f"---\ntitle: {title}\n---\n\n# {title}\n\n{body}\n"


@pytest.fixture
def repo(tmp_path):
    """Three pairs committed: index and ladder reviewed, glossary never."""
    git(tmp_path, "init", "-q")
    for lang, words in {"cy": ("Hafan", "Ysgol", "Geirfa"), "en": ("Home", "Ladder", "Glossary")}.items():
        (tmp_path / "docs" / lang).mkdir(parents=True)
        for rel, word in zip(("index.md", "ladder.md", "glossary.md"), words):
            (tmp_path / "docs" / lang / rel).write_text(page(word, f"{word} text."), encoding="utf-8")
    mark(tmp_path, "docs/cy/index.md")
    mark(tmp_path, "docs/en/ladder.md")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "reviewed")
    return tmp_path


def test_record_line_is_left_out_of_the_hash():
    text = page("Home", "Text.")
    recorded_text = with_record(text, "0123456789ab")
    assert recorded_text.startswith('---\ntitle: Home\ntwin: "0123456789ab"\n---\n')
    assert recorded(recorded_text) == "0123456789ab" and recorded(text) is None
    assert recorded(text.replace("title: Home", "title: Home\ntwin: 0123456789ab")) == "0123456789ab"  # unquoted too
    assert without_record(recorded_text) == text
    assert content_hash(recorded_text) == content_hash(text)
    assert with_record(recorded_text, "ba9876543210") == recorded_text.replace("0123456789ab", "ba9876543210")


def test_table_on_a_clean_tree(repo):
    assert table(pairs(repo)).splitlines() == [
        "page                 state",
        "-------------------  --------------",
        "docs/cy/glossary.md  never reviewed",
        "docs/cy/index.md     in step",
        "docs/cy/ladder.md    in step",
        "3 pairs: 2 in step, 0 changed since, 1 never reviewed.",
    ]
    assert stale_twins(repo) == []


def test_only_real_drift_is_reported_with_the_diff_since_the_review(repo):
    en = repo / "docs/en/ladder.md"
    was = content_hash(en.read_text(encoding="utf-8"))
    en.write_text(en.read_text(encoding="utf-8").replace("Ladder text.", "Ladder text, now longer."), encoding="utf-8")
    git(repo, "commit", "-qam", "English only")
    now = content_hash(en.read_text(encoding="utf-8"))
    [drift] = stale_twins(repo)
    assert str(drift) == (
        f"docs/cy/ladder.md:1: its twin docs/en/ladder.md changed since the review (reviewed {was}, now {now}): "
        "carry the change over if it needs it, then run: make translations MARK=docs/cy/ladder.md")
    assert drift.diff.splitlines() == [
        f"--- docs/en/ladder.md (reviewed {was})",
        "+++ docs/en/ladder.md (now)",
        "@@ -6,2 +6,2 @@",
        " ",
        "-Ladder text.",
        "+Ladder text, now longer.",
    ]
    states = {p.path: p.state for p in pairs(repo)}
    assert states["docs/cy/ladder.md"] == "en changed since"


def test_marking_a_pair_puts_both_in_step_and_does_not_unsettle_the_other_side(repo):
    (repo / "docs/cy/index.md").write_text(page("Hafan", "Testun newydd."), encoding="utf-8")
    assert [d.path for d in stale_twins(repo)] == ["docs/en/index.md"]
    assert mark(repo, "docs/en/index.md") == ("docs/en/index.md", "docs/cy/index.md")
    assert stale_twins(repo) == []
    states = {p.path: p.state for p in pairs(repo)}
    assert states["docs/cy/index.md"] == "in step"


def test_a_reviewed_version_missing_from_history_gives_no_diff(repo):
    cy = repo / "docs/cy/index.md"
    cy.write_text(with_record(cy.read_text(encoding="utf-8"), "feedfacecafe"), encoding="utf-8")
    [drift] = stale_twins(repo)
    assert drift.path == "docs/cy/index.md" and drift.was == "feedfacecafe" and drift.diff == ""


def test_mark_refuses_what_is_not_a_page_with_a_twin(repo):
    with pytest.raises(ValueError, match="not a page under docs/<language>/"):
        mark(repo, "README.md")
    (repo / "docs/cy/only.md").write_text(page("Unig", "Testun."), encoding="utf-8")
    with pytest.raises(ValueError, match="docs/en/only.md: no such page"):
        mark(repo, "docs/cy/only.md")


def test_command_marks_then_prints_the_table(repo):
    import sys
    from pathlib import Path

    hooks = Path(__file__).resolve().parents[2] / "hooks"
    result = subprocess.run([sys.executable, "-m", "toolkit", "translations", "--mark", "docs/en/glossary.md"],
                            cwd=repo, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(hooks)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "reviewed: docs/en/glossary.md and docs/cy/glossary.md"
    assert result.stdout.splitlines()[-1] == "3 pairs: 3 in step, 0 changed since, 0 never reviewed."
    bad = subprocess.run([sys.executable, "-m", "toolkit", "translations", "--mark", "README.md"],
                         cwd=repo, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(hooks)})
    assert bad.returncode == 2 and bad.stdout == "translations: README.md: not a page under docs/<language>/\n"
