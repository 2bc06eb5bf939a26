"""Tiny docs trees for the validator tests: a valid one, and helpers to break it."""

from __future__ import annotations

from pathlib import Path

from toolkit.problems import Problem
from toolkit.site import collect
from toolkit.validate import validate

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

REFERENCES = """---
title: {title}
---

# {title}

### Seed (2014) {{#seed-2014}}

The source.
"""

LADDER = """---
title: {title}
---

# {title}

### 7. {rung} {{#co-production}}

Text.
"""


def valid_files() -> dict[str, str]:
    """The smallest tree that passes: a home page, references, a ladder and one case study."""
    files = {}
    for lang, words in {
        "cy": ("Hafan", "Cyfeiriadau", "Ysgol", "Cydgynhyrchu", "Astudiaeth", "Crynodeb.", "Caerdydd"),
        "en": ("Home", "References", "Ladder", "Co-production", "Study", "Summary.", "Cardiff"),
    }.items():
        home, refs, ladder, rung, study, summary, place = words
        files[f"{lang}/index.md"] = f"---\ntitle: {home}\n---\n\n# {home}\n\nSee [[rung:co-production]].\n"
        files[f"{lang}/references.md"] = REFERENCES.format(title=refs)
        files[f"{lang}/ladder.md"] = LADDER.format(title=ladder, rung=rung)
        files[f"{lang}/case-studies/index.md"] = f"---\ntitle: {study}\n---\n\n# {study}\n\n<!-- case-studies: index -->\n"
        files[f"{lang}/case-studies/healthy.md"] = CASE.format(title=study, summary=summary, place=place)
    return files


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write the files under root/docs and return the docs folder."""
    docs = root / "docs"
    for rel, text in files.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return docs


def report(root: Path, files: dict[str, str]) -> list[str]:
    """The validator's report lines for this tree."""
    docs = write_tree(root, files)
    problems: list[Problem] = validate(collect(docs, root))
    return [str(p) for p in problems]
