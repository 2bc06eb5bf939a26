"""The front-matter reference in CONTRIBUTING.md, generated from the schema so it cannot drift.

`python -m toolkit contributing` rewrites the text between the markers; a test fails when
the file is stale.
"""

from __future__ import annotations

import re
from pathlib import Path

from .schema import FIELDS

START = "<!-- front-matter-reference:{lang} -->"
END = "<!-- /front-matter-reference:{lang} -->"
HEAD = {
    "en": ("Field", "Required", "Same in both languages", "Allowed values", "What it holds", "Example", "yes", "no"),
    "cy": ("Maes", "Gorfodol", "Yr un fath yn y ddwy iaith", "Gwerthoedd a ganiateir", "Beth sydd ynddo", "Enghraifft",
           "ydy", "nac ydy"),
}
KINDS = {
    "en": {"text": "text", "text-list": "a list of text", "years": "`YYYY` or `YYYY-YYYY`",
           "ids": "ids on `{page}`", "hash": "a hash (12 to 40 hex digits)"},
    "cy": {"text": "testun", "text-list": "rhestr o destun", "years": "`BBBB` neu `BBBB-BBBB`",
           "ids": "dynodwyr ar `{page}`", "hash": "stwnsh (12 i 40 digid hecs)"},
}


def _allowed(spec, lang: str) -> str:
    if spec.vocabulary is not None:
        one = {"en": "one of", "cy": "un o"}[lang] if spec.kind == "choice" else {"en": "any of", "cy": "unrhyw rai o"}[lang]
        return f"{one} " + ", ".join(f"`{i}`" for i in spec.vocabulary.choice_ids)
    return KINDS[lang][spec.kind].format(page=spec.page)


def _example(value) -> str:
    if isinstance(value, list):
        return "`[" + ", ".join(value) + "]`"
    return f"`{value}`"


def reference_table(lang: str) -> str:
    """A Markdown table of every case-study field, in `lang`."""
    field, required, neutral, allowed, holds, example, yes, no = HEAD[lang]
    rows = [f"| {field} | {required} | {neutral} | {allowed} | {holds} | {example} |", "|---|---|---|---|---|---|"]
    for spec in FIELDS:
        rows.append(f"| `{spec.name}` | {yes if spec.required else no} | {yes if spec.neutral else no} | "
                    f"{_allowed(spec, lang)} | {spec.help_cy if lang == 'cy' else spec.help_en} | {_example(spec.example)} |")
    return "\n".join(rows)


def render(text: str) -> str:
    """The file's text with each language's reference block regenerated."""
    for lang in ("cy", "en"):
        start, end = START.format(lang=lang), END.format(lang=lang)
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
        if not pattern.search(text):
            raise ValueError(f"CONTRIBUTING.md lacks the markers {start} … {end}")
        text = pattern.sub(lambda _: f"{start}\n{reference_table(lang)}\n{end}", text)
    return text


def update(path: Path) -> bool:
    """Rewrite the file if its reference is stale; True if it changed."""
    old = path.read_text(encoding="utf-8")
    new = render(old)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old
