"""Place and render: case-study listings that fill markers in hand-written pages.

A page says where a listing goes with a marker, `<!-- case-studies: stage=co-design -->`,
`<!-- case-studies: ladder=consultation -->` or `<!-- case-studies: index -->`; the hook
replaces it with the listing in the page's language.
"""

from __future__ import annotations

import html
import re

from .schema import SLUG, CaseStudy
from .vocab import COUNTRIES, FACETS, RUNGS, SECTORS, STAGES, Vocabulary, label
from .xrefs import relative_link

MARKER = re.compile(r"<!--\s*case-studies:\s*(.*?)\s*-->")
FILTERABLE: dict[str, Vocabulary] = {v.name.id: v for v in FACETS}  # stages, ladder, sector, country


def parse_marker(spec: str) -> tuple[tuple[str, str] | None, str | None]:
    """('stages', 'co-design') or ('index', '') for a marker's text, or an error message."""
    if spec == "index":
        return ("index", ""), None
    facet, _, value = spec.partition("=")
    facet = {"stage": "stages", "model": "models"}.get(facet.strip(), facet.strip())
    if facet == "models" and SLUG.match(value.strip()):
        return ("models", value.strip()), None  # models are ids on models.md: the validator checks them
    vocabulary = FILTERABLE.get(facet)
    if vocabulary is None:
        return None, f"'{spec}' is not a listing (expected index, stage=…, ladder=…, sector=…, country=… or model=…)"
    if value.strip() not in vocabulary.ids:
        return None, f"unknown {facet} '{value.strip()}' (expected one of {', '.join(vocabulary.ids)})"
    return (facet, value.strip()), None


def generated_anchors(facet: str) -> set[str]:
    """The ids a listing adds to its page (the index has a heading per facet value)."""
    if facet != "index":
        return set()
    ids = {"all"} | {f"by-{name}" for name in FILTERABLE}
    return ids | {f"{name}-{term.id}" for name, vocabulary in FILTERABLE.items() for term in vocabulary.terms}


def matches(case: CaseStudy, facet: str, value: str) -> bool:
    field_value = case.values.get(facet)
    return value in field_value if isinstance(field_value, list) else field_value == value


def case_link(case: CaseStudy, from_rel: str) -> str:
    return f"[{case.title}]({relative_link(from_rel, f'case-studies/{case.slug}.md')})"


def render_list(cases: list[CaseStudy], from_rel: str, lang: str) -> str:
    """A Markdown list of case studies, or a 'none yet' line."""
    if not cases:
        return f"*{label('none-yet', lang)}*"
    return "\n".join(f"- {case_link(c, from_rel)}" for c in cases)


def render_marker(facet: str, value: str, cases: list[CaseStudy], from_rel: str, lang: str) -> str:
    """The listing for one marker: a labelled list of the matching case studies."""
    if facet == "index":
        return render_index(cases, from_rel, lang)
    chosen = [c for c in cases if matches(c, facet, value)]
    return (f'<div class="cs-listing" markdown>\n\n**{label("examples", lang)}:**\n\n'
            f"{render_list(chosen, from_rel, lang)}\n\n</div>")


def _facet_attrs(case: CaseStudy) -> str:
    attrs = []
    for name in FILTERABLE:
        value = case.values.get(name)
        text = " ".join(value) if isinstance(value, list) else (value or "")
        attrs.append(f'data-{name}="{html.escape(text)}"')
    return " ".join(attrs)


def _filter_form(lang: str, total: int) -> str:
    """The in-page filter; hidden until its script runs, so no-JS readers see plain lists."""
    selects = []
    for vocabulary in FACETS:
        name = vocabulary.name.id
        options = [f'<option value="">{label("any", lang)}</option>'] + [
            f'<option value="{t.id}">{html.escape(t.label(lang))}</option>' for t in vocabulary.terms
        ]
        selects.append(
            f'<div class="cs-filter__field"><label for="cs-filter-{name}">{html.escape(vocabulary.name.label(lang))}</label>'
            f'<select id="cs-filter-{name}" name="{name}">{"".join(options)}</select></div>'
        )
    status = html.escape(label("showing", lang))
    return (
        f'<form class="cs-filter" data-cs-filter hidden aria-label="{html.escape(label("filter", lang))}" '
        f'data-status-template="{status}">\n'
        f'{"".join(selects)}\n'
        f'<button type="reset" class="md-button">{html.escape(label("reset", lang))}</button>\n'
        f'<p class="cs-filter__status" role="status" aria-live="polite">'
        f'{html.escape(label("showing", lang).format(shown=total, total=total))}</p>\n'
        f"</form>"
    )


def render_index(cases: list[CaseStudy], from_rel: str, lang: str) -> str:
    """The case-study library: filter, the full list, then lists grouped by each facet."""
    items = []
    for case in cases:
        href = relative_link(from_rel, f"case-studies/{case.slug}.md").removesuffix(".md") + ".html"
        meta = " · ".join(  # each value named, so a rung is not read as a stage
            f'<span class="cs-item__meta-label">{html.escape(v.name.label(lang))}:</span> '
            f'{html.escape(v.get(case.values[v.name.id]).label(lang))}' for v in (RUNGS, SECTORS, COUNTRIES)
        ) if case.ladder and case.sector and case.country else ""
        items.append(
            f'<li class="cs-item" {_facet_attrs(case)}><a href="{html.escape(href)}">{html.escape(case.title)}</a>'
            f'<br><span class="cs-item__summary">{html.escape(case.summary or "")}</span>'
            f'<br><span class="cs-item__meta">{meta}</span></li>'
        )
    parts = [
        f"## {label('all', lang)} {{#all}}",
        _filter_form(lang, len(cases)),
        f'<ul class="cs-all">\n' + "\n".join(items) + "\n</ul>",
    ]
    for vocabulary in FACETS:
        name = vocabulary.name.id
        parts.append(f"## {label('by-' + name, lang)} {{#by-{name}}}")
        for term in vocabulary.terms:
            chosen = [c for c in cases if matches(c, name, term.id)]
            if not chosen and vocabulary not in (STAGES, RUNGS):
                continue
            parts.append(f"### {term.label(lang)} {{#{name}-{term.id}}}")
            parts.append(render_list(chosen, from_rel, lang))
    return "\n\n".join(parts)
