"""Place and render: case-study listings that fill markers in hand-written pages.

A page says where a listing goes with a marker on a line of its own,
`<!-- case-studies: stage=co-design -->`, `<!-- case-studies: ladder=consultation -->` or
`<!-- case-studies: index -->`; the Markdown extension calls `fill_marker`, which adds the
listing to the parsed page in the page's language.

Listings are built as elements, never as HTML strings: every value from front matter is
text, escaped by the serializer, so a title cannot become markup.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from .schema import SLUG, CaseStudy
from .vocab import COUNTRIES, FACETS, RUNGS, SECTORS, STAGES, Vocabulary, label
from .xrefs import relative_link

FILTERABLE: dict[str, Vocabulary] = {v.name.id: v for v in FACETS}  # stages, ladder, sector, country


def parse_marker(spec: str) -> tuple[tuple[str, str] | None, str | None]:
    """('stages', 'co-design') or ('index', '') for a marker's text, or an error message."""
    if spec == "index":
        return ("index", ""), None
    facet, _, value = spec.partition("=")
    facet = {"stage": "stages", "model": "models"}.get(facet.strip(), facet.strip())
    if facet == "models" and SLUG.match(value.strip()):
        return ("models", value.strip()), None  # models are ids on models.md: checked when filled
    vocabulary = FILTERABLE.get(facet)
    if vocabulary is None:
        return None, f"'{spec}' is not a listing (expected index, stage=…, ladder=…, sector=…, country=… or model=…)"
    if value.strip() not in vocabulary.ids:
        return None, f"unknown {facet} '{value.strip()}' (expected one of {', '.join(vocabulary.ids)})"
    return (facet, value.strip()), None


def matches(case: CaseStudy, facet: str, value: str) -> bool:
    field_value = case.values.get(facet)
    return value in field_value if isinstance(field_value, list) else field_value == value


def element(parent: etree.Element, tag: str, text: str | None = None, **attrs: str) -> etree.Element:
    """A child element; its text is plain text, never parsed as Markdown."""
    child = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        child.text = AtomicString(text)
    return child


def case_href(case: CaseStudy, from_rel: str) -> str:
    return relative_link(from_rel, f"case-studies/{case.slug}.md")


def case_list(parent: etree.Element, cases: list[CaseStudy], from_rel: str, lang: str) -> None:
    """A list of links to case studies, or a 'none yet' line."""
    if not cases:
        element(element(parent, "p"), "em", label("none-yet", lang))
        return
    items = element(parent, "ul")
    for case in cases:
        element(element(items, "li"), "a", case.title, href=case_href(case, from_rel))


def fill_marker(parent: etree.Element, spec: str, cases: list[CaseStudy], from_rel: str, lang: str,
                models: set[str]) -> str | None:
    """Add the listing a marker names to `parent`, or return why the marker is wrong."""
    parsed, error = parse_marker(spec)
    if error:
        return error
    facet, value = parsed
    if facet == "models" and value not in models:
        return f"unknown model '{value}': no such id on models.md"
    if facet == "index":
        render_index(parent, cases, from_rel, lang)
        return None
    box = element(parent, "div", class_="cs-listing")
    element(element(box, "p"), "strong", f"{label('examples', lang)}:")
    case_list(box, [c for c in cases if matches(c, facet, value)], from_rel, lang)
    return None


def _filter_form(parent: etree.Element, lang: str, total: int) -> None:
    """The in-page filter; hidden until its script runs, so no-JS readers see plain lists."""
    form = element(parent, "form", class_="cs-filter", data_cs_filter="", hidden="hidden",
                   aria_label=label("filter", lang), data_status_template=label("showing", lang))
    for vocabulary in FACETS:
        name = vocabulary.name.id
        field = element(form, "div", class_="cs-filter__field")
        element(field, "label", vocabulary.name.label(lang), for_=f"cs-filter-{name}")
        select = element(field, "select", id=f"cs-filter-{name}", name=name)
        element(select, "option", label("any", lang), value="")
        for term in vocabulary.choices:
            element(select, "option", term.label(lang), value=term.id)
    element(form, "button", label("reset", lang), type="reset", class_="md-button")
    element(form, "p", label("showing", lang).format(shown=total, total=total), class_="cs-filter__status",
            role="status", aria_live="polite")


def render_index(parent: etree.Element, cases: list[CaseStudy], from_rel: str, lang: str) -> None:
    """The case-study library: filter, the full list, then lists grouped by each facet."""
    element(parent, "h2", label("all", lang), id="all")
    _filter_form(parent, lang, len(cases))
    everything = element(parent, "ul", class_="cs-all")
    for case in cases:
        facets = {f"data-{name}": " ".join(v) if isinstance(v := case.values.get(name), list) else (v or "")
                  for name in FILTERABLE}
        item = etree.SubElement(everything, "li", {"class": "cs-item", **facets})
        element(item, "a", case.title, href=case_href(case, from_rel))
        element(item, "br")
        element(item, "span", case.summary or "", class_="cs-item__summary")
        if case.ladder and case.sector and case.country:
            element(item, "br")
            meta = element(item, "span", class_="cs-item__meta")
            for index, vocabulary in enumerate((RUNGS, SECTORS, COUNTRIES)):  # each value named, so a rung is
                named = element(meta, "span", f"{vocabulary.name.label(lang)}:", class_="cs-item__meta-label")  # not read as a stage
                value = vocabulary.get(case.values[vocabulary.name.id]).label(lang)
                named.tail = AtomicString(f" {value}" + (" · " if index < 2 else ""))
    for vocabulary in FACETS:
        name = vocabulary.name.id
        element(parent, "h2", label("by-" + name, lang), id=f"by-{name}")
        for term in vocabulary.choices:
            chosen = [c for c in cases if matches(c, name, term.id)]
            if not chosen and (vocabulary not in (STAGES, RUNGS) or term.id not in vocabulary.ids):
                continue
            element(parent, "h3", term.label(lang), id=f"{name}-{term.id}")
            case_list(parent, chosen, from_rel, lang)
