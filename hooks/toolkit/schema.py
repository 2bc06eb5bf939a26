"""The case-study front matter, defined once.

The validator, the scaffold and the contributor documentation all read `FIELDS`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from .pages import Page
from .problems import Problem
from .vocab import COUNTRIES, NOT_STATED, RUNGS, SECTORS, STAGES, YEARS_BASIS, Vocabulary, label

YEARS = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
HASH = re.compile(r"^[0-9a-f]{12,40}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Field:
    """One front-matter field: its kind, whether it is required, and whether it is shared.

    kind: 'text', 'text-list', 'choice', 'choice-list', 'years', 'ids' or 'hash'.
    neutral: the value must be identical in the Welsh and English twins.
    page: for 'ids', the page whose explicit ids are the allowed values, in the same language.
    """

    name: str
    kind: str
    required: bool
    neutral: bool
    help_en: str
    help_cy: str
    example: Any
    vocabulary: Vocabulary | None = None
    page: str | None = None


FIELDS: tuple[Field, ...] = (
    Field("title", "text", True, False, "The case study's title in the page's language.",
          "Teitl yr astudiaeth achos yn iaith y dudalen.", "Well London"),
    Field("summary", "text", True, False, "One sentence: what it is and why it matters.",
          "Un frawddeg: beth ydyw a pham mae'n bwysig.", "A programme in which ..."),
    Field("place", "text", True, False,
          "Where it happened, in the page's language, or 'not-stated' if the source does not say.",
          "Ble y digwyddodd, yn iaith y dudalen, neu 'not-stated' os nad yw'r ffynhonnell yn dweud.",
          "London, England"),
    Field("organisations", "text-list", False, False, "Organisations involved, in the page's language.",
          "Y sefydliadau a fu'n rhan, yn iaith y dudalen.", ["Well London Alliance"]),
    Field("stages", "choice-list", True, True, "The stages of co-production the source shows it had.",
          "Y camau cydgynhyrchu y mae'r ffynhonnell yn dangos iddo eu cael.", ["co-design", "co-delivery"], STAGES),
    Field("ladder", "choice", True, True, "The highest rung of the ladder the source shows the practice reached.",
          "Y gris uchaf ar yr ysgol y mae'r ffynhonnell yn dangos i'r arfer ei gyrraedd.", "co-production", RUNGS),
    Field("basis", "text", True, False,
          "One sentence, in the page's language: what in the source puts the practice on that rung.",
          "Un frawddeg, yn iaith y dudalen: beth yn y ffynhonnell sy'n gosod yr arfer ar y gris hwnnw.",
          "The source says residents chose, ran and judged the projects with the council."),
    Field("sector", "choice", True, True, "The main public-service sector, as the source names it.",
          "Y prif sector gwasanaethau cyhoeddus, fel y mae'r ffynhonnell yn ei enwi.", "community-development", SECTORS),
    Field("country", "choice", True, True, "The country where it happened.",
          "Y wlad lle y digwyddodd.", "england", COUNTRIES),
    Field("years", "years", True, True,
          "When it ran, as the source states: 'YYYY' or 'YYYY-YYYY' (if undated, the source's year).",
          "Pryd y bu'n rhedeg, fel y dywed y ffynhonnell: 'BBBB' neu 'BBBB-BBBB' (heb ddyddiad, blwyddyn y ffynhonnell).",
          "2007-2011"),
    Field("years_basis", "choice", True, True,
          "'work' if the source says when the work ran; 'source-year' if `years` is only the source's date.",
          "'work' os yw'r ffynhonnell yn dweud pryd y digwyddodd y gwaith; 'source-year' os mai dyddiad y ffynhonnell yn unig yw `years`.",
          "work", YEARS_BASIS),
    Field("sources", "ids", True, True, "Reference ids from references.md; the source document first.",
          "Dynodwyr cyfeiriadau o references.md; y ddogfen ffynhonnell yn gyntaf.", ["bovaird-loeffler-2014"],
          page="references.md"),
    Field("models", "ids", False, True, "Collaboration models it is an example of: ids from models.md.",
          "Y modelau cydweithio y mae'n enghraifft ohonynt: dynodwyr o models.md.", ["community-champions"],
          page="models.md"),
    Field("outcomes", "text-list", False, False, "Results with figures, only as the source gives them.",
          "Canlyniadau gyda ffigurau, dim ond fel y mae'r ffynhonnell yn eu rhoi.", ["..."]),
    Field("twin", "hash", False, False,
          "Written by `make translations`: the version of the twin this page was last checked against.",
          "Caiff ei ysgrifennu gan `make translations`: y fersiwn o'r dudalen efaill y gwiriwyd y dudalen hon yn ei herbyn ddiwethaf.",
          "3f2a9c41d0be"),
)

FIELD_BY_NAME = {f.name: f for f in FIELDS}
NEUTRAL_FIELDS = tuple(f.name for f in FIELDS if f.neutral)


@dataclass
class CaseStudy:
    """One language's version of a case study, as validated data."""

    slug: str
    lang: str
    path: str
    values: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        if name in FIELD_BY_NAME:
            return self.values.get(name, [] if FIELD_BY_NAME[name].kind.endswith(("list", "ids")) else None)
        raise AttributeError(name)


def _expected(vocabulary: Vocabulary) -> str:
    return ", ".join(vocabulary.choice_ids)


def is_gap(value: Any) -> bool:
    """A scaffold's placeholder: text (or a list holding text) that starts with TODO."""
    values = value if isinstance(value, list) else [value]
    return any(isinstance(v, str) and v.strip().startswith("TODO") for v in values)


def _check_value(spec: Field, value: Any, problem: Any) -> Any:
    """Return the normalised value, calling `problem(message)` for each fault."""
    if is_gap(value):
        return problem(f"{spec.name}: fill in this gap ({spec.help_en})")
    if spec.kind == "text":
        if not isinstance(value, str) or not value.strip():
            return problem(f"{spec.name}: expected text, got {describe(value)}")
        return value.strip()
    if spec.kind == "years":
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        match = YEARS.match(text) if isinstance(text, str) else None
        if not match:
            return problem(f"{spec.name}: expected 'YYYY' or 'YYYY-YYYY', got {describe(value)}")
        if match.group(2) and match.group(2) < match.group(1):
            return problem(f"{spec.name}: '{text}' ends before it starts: write the earlier year first, "
                           f"'{match.group(2)}-{match.group(1)}'")
        return text
    if spec.kind == "hash":
        if not isinstance(value, str) or not HASH.match(value):
            return problem(f"{spec.name}: expected a hash written by `make translations`, got {describe(value)}")
        return value
    if spec.kind == "choice":
        if not isinstance(value, str):
            return problem(f"{spec.name}: expected one value, got {describe(value)}")
        if value not in spec.vocabulary.choice_ids:
            return problem(f"{spec.name}: unknown value '{value}' (expected one of {_expected(spec.vocabulary)})")
        return value
    # the list kinds
    if isinstance(value, list) and not value:
        return problem(f"{spec.name}: the list is empty: give at least one value, or leave the field out "
                       f"if it is optional")
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        odd = next((v for v in value if not (isinstance(v, str) and v.strip())), None) if isinstance(value, list) else None
        got = f"a list holding {describe(odd)}" if isinstance(value, list) else describe(value)
        return problem(f"{spec.name}: expected a list of text values, got {got}")
    for twice in sorted({v for v in value if value.count(v) > 1}):
        problem(f"{spec.name}: '{twice}' is listed twice")
    if spec.kind == "choice-list":
        unknown = [v for v in value if v not in spec.vocabulary.choice_ids]
        for v in unknown:
            problem(f"{spec.name}: unknown value '{v}' (expected one of {_expected(spec.vocabulary)})")
        if unknown:
            return None
        if NOT_STATED.id in value and len(value) > 1:
            return problem(f"{spec.name}: '{NOT_STATED.id}' cannot be listed with other values")
        return sorted(set(value), key=spec.vocabulary.choice_ids.index)
    return [v.strip() for v in value]


def describe(value: Any) -> str:
    """A value as the contributor wrote it, in YAML's terms, with what YAML made of it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (YAML reads yes/no/true/false as a yes-or-no value: put text in quotes)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value.isoformat()} (put it in quotes to keep it as text)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return repr(value)


def slug_of(page: Page) -> str:
    return page.rel.rsplit("/", 1)[-1].removesuffix(".md")


def is_case_study(page: Page) -> bool:
    return page.rel.startswith("case-studies/") and page.rel != "case-studies/index.md"


def parse_case_study(page: Page) -> tuple[CaseStudy | None, list[Problem]]:
    """Validate one case-study page's front matter against FIELDS."""
    problems: list[Problem] = []
    front = page.front
    if page.problems:  # the YAML did not parse: nothing more to say about its fields
        return None, []
    fm_line = front.start_line

    def at(name: str) -> int:
        return front.key_lines.get(name, fm_line)

    slug = slug_of(page)
    if not SLUG.match(slug):
        problems.append(Problem(page.path, 1, f"file name '{slug}.md': a case-study slug is lowercase letters, digits and hyphens"))
    if "/" in page.rel.removeprefix("case-studies/"):
        problems.append(Problem(page.path, 1, "case studies live directly in case-studies/, not in a subfolder"))
    values: dict[str, Any] = {}
    for name in front.data:
        if name not in FIELD_BY_NAME:
            known = ", ".join(FIELD_BY_NAME)
            problems.append(Problem(page.path, at(name), f"unknown field '{name}' (fields are {known})"))
    for spec in FIELDS:
        if spec.name not in front.data or front.data[spec.name] is None:
            if spec.required:
                problems.append(Problem(page.path, at(spec.name) if spec.name in front.data else fm_line,
                                        f"missing field '{spec.name}': {spec.help_en}"))
            continue

        def problem(message: str, _name: str = spec.name) -> None:
            problems.append(Problem(page.path, at(_name), message))

        value = _check_value(spec, front.data[spec.name], problem)
        if value is not None:
            values[spec.name] = value
    lines = {name: at(name) for name in front.data}
    return CaseStudy(slug, page.lang, page.path, values, lines), problems


def shown_place(case: CaseStudy) -> str:
    """The place for the card: 'not-stated' in words."""
    return NOT_STATED.label(case.lang) if case.place == NOT_STATED.id else (case.place or "")


def shown_years(case: CaseStudy) -> str:
    """The years for the card, labelled as the source's year when that is all they are."""
    if not case.years:
        return ""
    if case.years_basis == "source-year":
        return label("source-year", case.lang).format(years=case.years)
    return case.years
