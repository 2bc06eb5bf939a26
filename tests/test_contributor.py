"""The contributor's path, step by step: scaffold, fill in, check and spell, build, open a
pull request whose CI gives the same report."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_site

from toolkit.contributing import render
from toolkit.offline import ZIP_NAME


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root / "hooks")}
    return subprocess.run([sys.executable, "-m", "toolkit", *args], cwd=root, env=env, capture_output=True, text=True)


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project, as a contributor's clone."""
    for name in ("docs", "hooks", "overrides", "snippets", "spelling", "data"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


NEUTRAL = {"stages": "[co-design]", "ladder": "co-design", "sector": "community-development", "country": "wales",
           "years": '"2014"', "years_basis": "source-year", "sources": "[bovaird-loeffler-2014]"}
PROSE = {
    "cy": {"title": "Pont y Dref", "summary": "Trigolion a'r cyngor yn cynllunio pont newydd gyda'i gilydd.", "place": "Cymru",
           "organisations": "[Cyngor y Dref]",
           "basis": "Bu'r trigolion yn helpu i lunio'r cynllun, ond y cyngor a'i cyflawnodd.", "text": "Bu'r trigolion yn helpu i gynllunio'r bont gyda'r cyngor."},
    "en": {"title": "Town Bridge", "summary": "Residents and the council plan a new bridge together.", "place": "Wales",
           "organisations": "[Town Council]",
           "basis": "Residents helped to shape the plan, but the council carried it out.", "text": "Residents helped the council to plan the bridge."},
}


def fill(path: Path, lang: str) -> None:
    """Fill every gap as a contributor would."""
    text = path.read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        key = line.split(":", 1)[0]
        if key in NEUTRAL:
            line = f"{key}: {NEUTRAL[key]}"
        elif key in ("title", "summary", "place", "organisations", "basis"):
            line = f"{key}: {PROSE[lang][key]}"
        elif line.startswith("# "):
            line = f"# {PROSE[lang]['title']}"
        elif line.startswith(("- 'TODO", "  - 'TODO")):
            continue
        elif line.startswith("TODO"):
            line = PROSE[lang]["text"] + " ([[ref:bovaird-loeffler-2014]])"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_scaffold_then_check_reports_every_gap(project):
    result = run(project, "new-case-study", "pont-y-dref")
    assert result.returncode == 0, result.stdout
    for lang in ("cy", "en"):
        assert (project / f"docs/{lang}/case-studies/pont-y-dref.md").is_file()
    report = run(project, "check")
    assert report.returncode == 1
    lines = report.stdout.splitlines()
    assert "docs/cy/case-studies/pont-y-dref.md:9: ladder: fill in this gap (The highest rung of the ladder the source shows the practice reached.)" in lines
    assert "docs/en/case-studies/pont-y-dref.md:15: sources: fill in this gap (Reference ids from references.md; the source document first.)" in lines
    assert "docs/en/case-studies/pont-y-dref.md:25: fill in this gap: TODO: What was done, by whom and for how long, as the source says." in lines
    assert all("pont-y-dref.md" in line for line in lines[:-1]), "only the new case study has problems"
    assert lines[-1] == f"{len(lines) - 1} problems found."


def test_scaffold_refuses_a_bad_slug_or_an_existing_case(project):
    assert run(project, "new-case-study", "Pont Y Dref").returncode == 2
    result = run(project, "new-case-study", "well-london")
    assert result.returncode == 2 and "already exists" in result.stdout


def test_filled_case_study_passes_check_spell_and_the_build(project, tmp_path_factory):
    run(project, "new-case-study", "pont-y-dref")
    for lang in ("cy", "en"):
        fill(project / f"docs/{lang}/case-studies/pont-y-dref.md", lang)
    check = run(project, "check")
    assert check.returncode == 0, check.stdout
    if shutil.which("aspell"):
        spell = run(project, "spell")
        assert spell.returncode == 0, spell.stdout
    out = tmp_path_factory.mktemp("contributed") / "site"
    build = build_site(project / "mkdocs.yml", out)
    assert build.returncode == 0, build.stderr
    assert "Pont y Dref" in (out / "case-studies/pont-y-dref.html").read_text(encoding="utf-8")
    assert "Town Bridge" in (out / "en/case-studies/index.html").read_text(encoding="utf-8")


def test_half_written_case_study_cannot_be_built(project, tmp_path):
    run(project, "new-case-study", "pont-y-dref")
    build = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert build.returncode != 0
    assert "docs/cy/case-studies/pont-y-dref.md:2: title: fill in this gap" in build.stderr


def test_contributing_front_matter_reference_is_current():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert render(text) == text, "run: PYTHONPATH=hooks python -m toolkit contributing"
    for field in ("stages", "ladder", "basis", "sector", "country", "years", "years_basis", "sources", "models"):
        assert text.count(f"| `{field}` |") == 2, field  # once in each language


def test_contributing_is_bilingual_and_covers_the_workflow():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    welsh, english = text.split("\n## English\n")
    assert "\n## Cymraeg\n" in welsh
    for half in (welsh, english):
        for command in ("make serve", "make check", "make spell", "make case-study SLUG=", "glossary.md",
                        "references.md", "[[ref:", "path:line", "data/tools/", "<!-- tool:"):
            assert command in half, command


def test_pre_commit_runs_check_and_spell():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert any(e.endswith("python -m toolkit check") for e in entries)
    assert any(e.endswith("python -m toolkit spell") for e in entries)


def test_pull_request_template_has_a_bilingual_checklist():
    text = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] .*", text, re.M)
    assert len(boxes) >= 4
    assert "Both languages" in text and "Mae'r ddwy iaith" in text and "make check" in text


def test_workflow_checks_tests_uploads_the_zip_and_deploys_main():
    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text())
    triggers = workflow[True]  # YAML reads the key 'on' as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["test"]["steps"]
    commands = [step.get("run", "") for step in steps]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make test" in commands
    assert "make check" in commands and "make spell" in commands
    assert commands.index("make check") < commands.index("make test")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == f"site/{ZIP_NAME}"
    deploy = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and deploy["needs"] == "test"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in deploy["steps"])
    ci_run = (ROOT / ".ci/run").read_text()
    assert "make test" in ci_run
