"""The stale-translation report, on a throwaway git repository."""

from __future__ import annotations

import os
import subprocess

from toolkit.stale import stale_twins


def git(root, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_a_twin_changed_later_is_reported_with_dates(tmp_path):
    git(tmp_path, "init", "-q")
    for lang in ("cy", "en"):
        for page in ("index.md", "ladder.md"):
            (tmp_path / "docs" / lang).mkdir(parents=True, exist_ok=True)
            (tmp_path / "docs" / lang / page).write_text("v1\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "both", date="2026-01-10T10:00:00+00:00")
    (tmp_path / "docs/en/ladder.md").write_text("v2\n")
    git(tmp_path, "commit", "-qam", "English only", date="2026-03-05T10:00:00+00:00")
    (tmp_path / "docs/cy/index.md").write_text("v2\n")
    (tmp_path / "docs/en/index.md").write_text("v2\n")
    git(tmp_path, "commit", "-qam", "both again", date="2026-04-01T10:00:00+00:00")
    assert [str(s) for s in stale_twins(tmp_path)] == [
        "docs/cy/ladder.md:1: may need updating: its twin docs/en/ladder.md changed later (2026-03-05 10:00, this page 2026-01-10 10:00)",
    ]
