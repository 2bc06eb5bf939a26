"""Problems planted in a copy of the real site fail both the build and `check`, all at once,
each with its path:line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site


def append(path: Path, text: str) -> int:
    """Append text to a file; return the line number of the text's first line."""
    original = path.read_text(encoding="utf-8")
    if not original.endswith("\n"):
        original += "\n"
    path.write_text(original + "\n" + text, encoding="utf-8")
    return len(original.splitlines()) + 2


def replace(path: Path, old: str, new: str) -> int:
    """Replace the first occurrence; return its line number."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, list[str]]:
    """A copy of the real project with one problem of each kind, and the report expected."""
    root = tmp_path_factory.mktemp("planted")
    for name in ("docs", "hooks", "overrides", "snippets", "data"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    docs = root / "docs"
    expected = []

    line = append(docs / "en/ladder.md", "See [step nine](c2-seven-steps.md#step-9).\n")
    expected.append(f"docs/en/ladder.md:{line}: link to 'c2-seven-steps.md#step-9': "
                    "no such anchor on c2-seven-steps.md (steps have step-1 … step-7)")
    line = append(docs / "cy/index.md", "Gweler [[rung:co-dreaming]].\n")
    expected.append(f"docs/cy/index.md:{line}: [[rung:co-dreaming]]: unknown ladder rung 'co-dreaming' "
                    "(expected one of coercion, educating, informing, consultation, engagement, co-design, co-production)")
    line = append(docs / "en/definitions.md", '<iframe src="https://example.org/video"></iframe>\n')
    expected.append(f"docs/en/definitions.md:{line}: <iframe> is not allowed: no embedded content: link to it instead")
    line = append(docs / "cy/glossary.md", '<a href="#" onclick="steal()">cliciwch</a>\n')
    expected.append(f"docs/cy/glossary.md:{line}: event handler 'onclick=' is not allowed: pages carry no scripts")
    (docs / "cy/newydd.md").write_text("---\ntitle: Newydd\n---\n\n# Newydd\n", encoding="utf-8")
    expected.append("docs/cy/newydd.md:1: no English twin: docs/en/newydd.md is missing")
    expected.append("docs/cy/newydd.md:1: not in the nav: add 'newydd.md' to nav in mkdocs.yml, or match it with a "
                    "not_in_nav pattern")
    line = replace(docs / "en/case-studies/well-london.md", "ladder: co-production", "ladder: co-dreaming")
    expected.append(f"docs/en/case-studies/well-london.md:{line}: ladder: unknown value 'co-dreaming' "
                    "(expected one of coercion, educating, informing, consultation, engagement, co-design, co-production, not-stated)")
    line = replace(docs / "cy/case-studies/time-banks.md", "sector: community-development", "sector: housing")
    en_line = (docs / "en/case-studies/time-banks.md").read_text().splitlines().index("sector: community-development") + 1
    expected.append(f"docs/cy/case-studies/time-banks.md:{line}: sector: 'housing' differs from 'community-development' "
                    f"in its twin docs/en/case-studies/time-banks.md:{en_line} (language-neutral fields must match)")
    line = replace(docs / "en/ladder.md", "{#using-the-ladder}", "{#using-it}")
    expected.append(f"docs/en/ladder.md:{line}: id 'using-it' is not on its twin docs/cy/ladder.md; twins carry the same ids")
    cy_line = next(i for i, l in enumerate((docs / "cy/ladder.md").read_text().splitlines(), 1) if "{#using-the-ladder}" in l)
    expected.append(f"docs/cy/ladder.md:{cy_line}: id 'using-the-ladder' is not on its twin docs/en/ladder.md; twins carry the same ids")
    return root, sorted(expected, key=sort_key)


def sort_key(line: str) -> tuple[str, int, str]:
    path, number, message = line.split(":", 2)
    return path, int(number), message


def test_check_reports_every_planted_problem(planted):
    root, expected = planted
    env = {**os.environ, "PYTHONPATH": str(root / "hooks")}
    result = subprocess.run([sys.executable, "-m", "toolkit", "check"], cwd=root, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:-1] == expected
    assert lines[-1] == f"{len(expected)} problems found."


def test_build_fails_with_the_same_report(planted, tmp_path):
    root, expected = planted
    result = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    reported = [m.group(1) for m in re.finditer(r"^ERROR\s+-\s+(docs/\S+:\d+: .*)$", result.stderr, re.M)]
    assert reported == expected
    assert f"{len(expected)} problem(s) in the docs" in result.stdout + result.stderr
