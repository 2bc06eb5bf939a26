"""Tiny projects for the tests: a few pages in both languages, built with the real config.

A tiny project links to the real hooks, theme overrides and snippets and uses the real
mkdocs.yml with its nav cut down to the tiny pages, so a build of it runs exactly the code
and settings the real site does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, build_site

CASE = """---
title: {title}
summary: {summary}
place: {place}
stages: [co-design, co-delivery]
ladder: co-production
sector: health
country: wales
years: "2014"
sources: [seed-2014]
basis: {summary}
years_basis: work
---

# {title}

Text.
"""

WORDS = {
    "cy": ("Hafan", "Cyfeiriadau", "Ysgol", "Cydgynhyrchu", "Astudiaethau achos", "Iach", "Crynodeb.", "Caerdydd"),
    "en": ("Home", "References", "Ladder", "Co-production", "Case studies", "Healthy", "Summary.", "Cardiff"),
}
NAV = ["index.md", "references.md", "ladder.md", "case-studies/index.md"]


def valid_files() -> dict[str, str | bytes]:
    """The smallest tree that passes: home, references, a ladder, a library and one case study."""
    files: dict[str, str | bytes] = {}
    for lang, (home, refs, ladder, rung, library, study, summary, place) in WORDS.items():
        files[f"{lang}/index.md"] = f"---\ntitle: {home}\n---\n\n# {home}\n\nSee [[rung:co-production]].\n"
        files[f"{lang}/references.md"] = (f"---\ntitle: {refs}\n---\n\n# {refs}\n\n"
                                          "### Seed (2014) {#seed-2014}\n\nThe source.\n")
        files[f"{lang}/ladder.md"] = f"---\ntitle: {ladder}\n---\n\n# {ladder}\n\n### 7. {rung} {{#co-production}}\n\nText.\n"
        files[f"{lang}/case-studies/index.md"] = (f"---\ntitle: {library}\n---\n\n# {library}\n\n"
                                                  "<!-- case-studies: index -->\n")
        files[f"{lang}/case-studies/healthy.md"] = CASE.format(title=study, summary=summary, place=place)
    return files


def edit(files: dict, rel: str, old: str, new: str) -> dict:
    """A copy of files with one replacement in one file."""
    assert old in files[rel], f"{old!r} not in {rel}"
    return {**files, rel: files[rel].replace(old, new, 1)}


def config_text(nav: list[str] | None) -> str:
    """The real mkdocs.yml with the nav replaced (None: no nav at all)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = "" if nav is None else "nav:\n" + "".join(f"  - {entry}\n" for entry in nav)
    return re.sub(r"^nav:\n(?:  .*\n)+", block, text, count=1, flags=re.M)


def make_project(root: Path, files: dict[str, str | bytes], nav: list[str] | None = NAV,
                 assets: bool = False) -> Path:
    """Write a tiny project under root and return root; with assets, the site's own CSS and
    scripts are copied in, so that the built pages behave in a browser as the real ones do."""
    for rel, content in files.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if assets:
        shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets", dirs_exist_ok=True)
    for name in ("hooks", "overrides", "snippets"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    (root / "data").mkdir()  # watched by mkdocs serve; a tiny project has no tools
    (root / "mkdocs.yml").write_text(config_text(nav), encoding="utf-8")
    return root


def check(root: Path) -> tuple[int, list[str]]:
    """`python -m toolkit check` in the project: exit status and report lines (count line dropped)."""
    env = {**os.environ, "PYTHONPATH": str(root / "hooks")}
    result = subprocess.run([sys.executable, "-m", "toolkit", "check"], cwd=root, env=env,
                            capture_output=True, text=True)
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    return result.returncode, [line for line in lines if re.match(r"^[\w./-]+:\d+: ", line)]


def build(root: Path) -> tuple[int, list[str], Path]:
    """A strict build of the project: exit status, the toolkit's report lines, the site folder."""
    site = root / "site"
    result = build_site(root / "mkdocs.yml", site)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    reported = [m.group(1) for m in re.finditer(r"^ERROR\s+-\s+([\w./-]+:\d+: .*)$", output, re.M)]
    return result.returncode, reported, site
