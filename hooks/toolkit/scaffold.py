"""`python -m toolkit new-case-study <slug>`: both language files, valid front matter, and
every gap marked TODO. A gap is a validation error, so a half-written case study cannot be
published by accident."""

from __future__ import annotations

from pathlib import Path

import yaml

from .languages import LANGUAGES
from .schema import FIELDS, SLUG, Field

GAP = "TODO"
SECTIONS = {  # the write-up's headings, with the same ids in both languages
    "cy": (("Beth a wnaed", "what-was-done"), ("Pwy a fu'n rhan", "who-was-involved"),
           ("Beth a newidiodd", "what-changed"), ("Gwersi i eraill", "lessons")),
    "en": (("What was done", "what-was-done"), ("Who was involved", "who-was-involved"),
           ("What changed", "what-changed"), ("What others can learn", "lessons")),
}
PROMPTS = {
    "cy": ("Un paragraff: beth yw'r achos, a pha ffynhonnell sy'n ei ddisgrifio (dyfynnwch hi fel yn CONTRIBUTING.md).",
           "Beth a wnaed, gan bwy ac am ba hyd, fel y mae'r ffynhonnell yn ei ddweud.",
           "Pwy a fu'n rhan: y bobl, y gwasanaethau a'r sefydliadau.",
           "Beth a newidiodd, gyda ffigurau dim ond lle mae'r ffynhonnell yn eu rhoi.",
           "Yr hyn y gall eraill ei ddysgu, fel y mae'r ffynhonnell yn ei nodi."),
    "en": ("One paragraph: what the case is, and which source describes it (cite it as CONTRIBUTING.md shows).",
           "What was done, by whom and for how long, as the source says.",
           "Who was involved: the people, services and organisations.",
           "What changed, with figures only where the source gives them.",
           "What others can learn, as the source draws it out."),
}


def gap(spec: Field, lang: str) -> object:
    """The placeholder for a field: a TODO that says what belongs there."""
    help_text = spec.help_cy if lang == "cy" else spec.help_en
    if spec.vocabulary is not None:
        help_text += " (" + ", ".join(spec.vocabulary.choice_ids) + ")"
    text = f"{GAP}: {help_text}"
    return [text] if spec.kind.endswith(("list", "ids")) else text


def front_matter(lang: str) -> str:
    data = {spec.name: gap(spec, lang) for spec in FIELDS if spec.required or spec.name == "organisations"}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def case_study_page(lang: str) -> str:
    overview, *sections = PROMPTS[lang]
    title = "TODO: Teitl" if lang == "cy" else "TODO: Title"
    lines = ["---", front_matter(lang).rstrip(), "---", "", f"# {title}", "", f"{GAP}: {overview}", ""]
    for (heading, anchor), prompt in zip(SECTIONS[lang], sections):
        lines += [f"## {heading} {{#{anchor}}}", "", f"{GAP}: {prompt}", ""]
    return "\n".join(lines)


def new_case_study(docs_dir: Path, slug: str) -> list[Path]:
    """Write docs/<lang>/case-studies/<slug>.md for each language; refuse to overwrite."""
    if not SLUG.match(slug):
        raise ValueError(f"'{slug}' is not a slug: use lowercase letters, digits and hyphens (e.g. well-london)")
    paths = [docs_dir / lang / "case-studies" / f"{slug}.md" for lang in LANGUAGES]
    existing = [str(p) for p in paths if p.exists()]
    if existing:
        raise FileExistsError(f"already exists: {', '.join(existing)}")
    for lang, path in zip(LANGUAGES, paths):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(case_study_page(lang), encoding="utf-8")
    return paths
