"""Render: turn a page's Markdown into what MkDocs builds (xrefs, listings, cards)."""

from __future__ import annotations

import re

from .abbreviations import definitions_for
from .listings import MARKER, case_link, parse_marker, render_marker
from .offline import MARKER as OFFLINE_MARKER
from .offline import offline_link
from .schema import CaseStudy
from .site import Site
from .vocab import COUNTRIES, RUNGS, SECTORS, STAGES, label
from .xrefs import KINDS, XREF, relative_link

H1 = re.compile(r"^# .*$", re.M)


COMMON_NOUNS = ("rung", "stage")  # their titles are ordinary words: lower case mid-sentence


def sentence_start(markdown: str, index: int) -> bool:
    """Whether a sentence (or a line, list item or heading) starts at this position."""
    before = markdown[:index].rstrip(" \t(\"'*_")
    return not before or before[-1] in ".!?:\n" or bool(re.search(r"(^|\n)\s*([-*+]|\d+\.|#+|\|)$", before))


def expand_xrefs(site: Site, lang: str, rel: str, markdown: str) -> str:
    """Replace each `[[kind:key|text]]` with a Markdown link; leave unknown ones for the validator."""

    def replace(match: re.Match) -> str:
        kind = KINDS.get(match.group(1))
        target = site.resolve(lang, kind, match.group(2)) if kind else None
        if target is None:
            return match.group(0)
        page, anchor, title = target
        if kind.name in COMMON_NOUNS and not sentence_start(markdown, match.start()):
            title = title[:1].lower() + title[1:]
        text = match.group(3) or title
        return f"[{text}]({relative_link(rel, page, anchor)})"

    return XREF.sub(replace, markdown)


def fill_markers(site: Site, lang: str, rel: str, markdown: str) -> str:
    """Replace each listing marker with its listing."""
    cases = site.case_studies(lang)

    def replace(match: re.Match) -> str:
        parsed, _ = parse_marker(match.group(1))
        return render_marker(*parsed, cases, rel, lang) if parsed else match.group(0)

    return MARKER.sub(replace, markdown)


def _anchor_links(site: Site, lang: str, rel: str, page: str, ids: list[str]) -> list[str]:
    """Links to ids on a page, titled with that page's headings in the same language."""
    target = site.tree.get(lang, page)
    links = []
    for id_ in ids:
        anchor = target.anchors.get(id_) if target else None
        links.append(f"[{anchor.title or id_}]({relative_link(rel, page, id_)})" if anchor else id_)
    return links


def case_card(site: Site, case: CaseStudy, rel: str) -> str:
    """The at-a-glance card: the case study's data as a definition list with links."""
    lang = case.lang

    def link(page: str, anchor: str, text: str) -> str:
        return f"[{text}]({relative_link(rel, page, anchor)})"

    country = COUNTRIES.get(case.country).label(lang) if case.country else ""
    rows = [
        (STAGES.name.label(lang), ", ".join(link("definitions.md", s, STAGES.get(s).label(lang)) for s in case.stages)),
        (RUNGS.name.label(lang), link("ladder.md", case.ladder, RUNGS.get(case.ladder).label(lang)) if case.ladder else ""),
        (SECTORS.name.label(lang), SECTORS.get(case.sector).label(lang) if case.sector else ""),
        (label("place", lang), case.place or ""),
        (COUNTRIES.name.label(lang), "" if country in (case.place or "") else country),  # "Cardiff, Wales" says it
        (label("years", lang), case.years or ""),
    ]
    if case.organisations:
        rows.append((label("organisations", lang), "; ".join(case.organisations)))
    rows.append((label("models", lang), "; ".join(_anchor_links(site, lang, rel, "models.md", case.models))))
    rows.append((label("sources", lang), "; ".join(_anchor_links(site, lang, rel, "references.md", case.sources))))
    body = "\n\n".join(f"{term}\n:   {value}" for term, value in rows if value)
    outcomes = ""
    if case.outcomes:
        items = "\n".join(f"- {o}" for o in case.outcomes)
        outcomes = f"\n\n**{label('outcomes', lang)}:**\n\n{items}"
    return (f'<aside class="case-card" aria-label="{label("card", lang)}" markdown>\n\n{body}{outcomes}\n\n</aside>')


def related(site: Site, case: CaseStudy, limit: int = 4) -> list[CaseStudy]:
    """Case studies that share a stage, those in the same sector first, then by title.

    Drawn from per-build buckets, so each page looks at a few candidates, not every case
    study: the cost stays linear as the library grows."""
    buckets = site.buckets(case.lang)
    chosen: list[CaseStudy] = []
    for key in [(case.sector, s) for s in case.stages] + [(None, s) for s in case.stages]:
        for other in buckets.get(key, []):
            if other.slug != case.slug and other not in chosen:
                chosen.append(other)
            if len(chosen) == limit:
                return chosen
    return chosen


def render_case_study(site: Site, case: CaseStudy, rel: str, markdown: str) -> str:
    """Put the card after the h1 and the related case studies at the end."""
    card = case_card(site, case, rel)
    match = H1.search(markdown)
    if match:
        markdown = markdown[: match.end()] + "\n\n" + card + "\n" + markdown[match.end() :]
    else:
        markdown = card + "\n\n" + markdown
    others = related(site, case)
    if others:
        items = "\n".join(f"- {case_link(o, rel)}" for o in others)
        markdown += f"\n\n## {label('related', case.lang)} {{#related}}\n\n{items}\n"
    return markdown


def render_page(site: Site, lang: str, rel: str, markdown: str) -> str:
    """The whole pipeline for one page's Markdown (without front matter)."""
    case = site.case_for(lang, rel)
    if case is not None:
        markdown = render_case_study(site, case, rel, markdown)
    markdown = fill_markers(site, lang, rel, markdown)
    markdown = markdown.replace(OFFLINE_MARKER, offline_link(lang, rel))
    markdown = expand_xrefs(site, lang, rel, markdown)
    return markdown + "\n\n" + definitions_for(markdown, site.abbreviations.get(lang, {})) + "\n"
