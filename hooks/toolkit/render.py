"""Render: what the toolkit adds to a page (cards, related lists, listings, abbreviations).

Everything here builds elements for the Markdown extension (markdown_ext.py) to place in
the parsed page; front-matter values are set as text, so they are escaped wherever they
land.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from .abbreviations import definitions_for
from .listings import element, fill_marker
from .markdown_ext import RenderContext
from .offline import offline_link
from .schema import CaseStudy, shown_place, shown_years
from .site import Site
from .tools import render_tool, tools_for
from .vocab import COUNTRIES, NOT_STATED, RUNGS, SECTORS, STAGES, label
from .xrefs import relative_link

def _links(dd: etree.Element, links: list[tuple[str, str]], separator: str) -> None:
    """(text, href) pairs as links separated by `separator`; an empty href gives plain text."""
    last: etree.Element | None = None
    for index, (text, href) in enumerate(links):
        after = separator if index < len(links) - 1 else ""
        if href:
            last = element(dd, "a", text, href=href)
            last.tail = AtomicString(after)
        elif last is None:
            dd.text = AtomicString((dd.text or "") + text + after)
        else:
            last.tail = AtomicString(last.tail + text + after)


def _anchor_links(site: Site, lang: str, rel: str, page: str, ids: list[str],
                  titles: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Links to ids on a page, titled with that page's headings (or the given titles) in the
    same language; an id the page lacks is shown as plain text, and validation reports it."""
    target = site.tree.get(lang, page)
    links = []
    for id_ in ids:
        anchor = target.anchors.get(id_) if target and id_ != NOT_STATED.id else None  # not stated: no link
        title = (titles or {}).get(id_) or (anchor.title if anchor else "") or id_
        links.append((title, relative_link(rel, page, id_) if anchor else ""))
    return links


def case_card(site: Site, case: CaseStudy, rel: str) -> etree.Element:
    """The at-a-glance card: the case study's data as a definition list with links."""
    lang = case.lang
    card = etree.Element("aside", {"class": "case-card", "aria-label": label("card", lang)})
    facts = element(card, "dl")
    country = COUNTRIES.get(case.country).label(lang) if case.country else ""
    rows: list[tuple[str, list[tuple[str, str]]]] = [
        (STAGES.name.label(lang), _anchor_links(site, lang, rel, "definitions.md", case.stages,
                                                {s: STAGES.get(s).label(lang) for s in case.stages})),
        (RUNGS.name.label(lang), _anchor_links(site, lang, rel, "ladder.md", [case.ladder],
                                               {case.ladder: RUNGS.get(case.ladder).label(lang)}) if case.ladder else []),
        (label("basis", lang), [(case.basis, "")] if case.basis else []),
        (SECTORS.name.label(lang), [(SECTORS.get(case.sector).label(lang), "")] if case.sector else []),
        (label("place", lang), [(shown_place(case), "")] if shown_place(case) else []),
        (COUNTRIES.name.label(lang), [(country, "")] if country and country not in shown_place(case) else []),  # "Cardiff, Wales" says it
        (label("years", lang), [(shown_years(case), "")] if shown_years(case) else []),
        (label("organisations", lang), [(o, "") for o in case.organisations]),
        (label("models", lang), _anchor_links(site, lang, rel, "models.md", case.models)),
        (label("sources", lang), _anchor_links(site, lang, rel, "references.md", case.sources)),
    ]
    for term, links in rows:
        if links:
            element(facts, "dt", term)
            _links(element(facts, "dd"), links, ", " if term == STAGES.name.label(lang) else "; ")
    if case.outcomes:
        element(element(card, "p"), "strong", f"{label('outcomes', lang)}:")
        items = element(card, "ul")
        for outcome in case.outcomes:
            element(items, "li", outcome)
    return card


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


def add_case_study_parts(ctx: RenderContext, root: etree.Element) -> None:
    """On a case-study page: the card after the first heading, related case studies at the end."""
    site: Site = ctx.site
    case = site.case_for(ctx.lang, ctx.rel)
    if case is None:
        return
    h1 = next((i for i, child in enumerate(root) if child.tag == "h1"), -1)
    root.insert(h1 + 1, case_card(site, case, ctx.rel))
    others = related(site, case)
    if others:
        element(root, "h2", label("related", case.lang), id="related")
        items = element(root, "ul")
        for other in others:
            element(element(items, "li"), "a", other.title, href=relative_link(ctx.rel, f"case-studies/{other.slug}.md"))


FILTER_SCRIPT = "assets/js/case-filter.js"  # the library's filter (listings.render_index)
TOOL_ASSETS = ("assets/css/tools.css", "assets/js/tools.js")  # a live tool (tools/render.py)


def case_studies_marker(ctx: RenderContext, parent: etree.Element, spec: str) -> str | None:
    site: Site = ctx.site
    models_page = site.tree.get(ctx.lang, "models.md")
    models = {a for a in models_page.anchors if a != "__h1__"} if models_page else set()
    error = fill_marker(parent, spec, site.case_studies(ctx.lang), ctx.rel, ctx.lang, models)
    if error is None and spec == "index":  # the library, with its filter
        ctx.assets.add(FILTER_SCRIPT)
    return error


def offline_copy_marker(ctx: RenderContext, parent: etree.Element, spec: str) -> str | None:
    if spec:
        return "the offline-copy marker takes no argument: write <!-- offline-copy -->"
    ctx.raw(parent, offline_link(ctx.lang, ctx.rel))
    return None


def tool_marker(ctx: RenderContext, parent: etree.Element, spec: str) -> str | None:
    """`<!-- tool: star -->`: the tool's worksheet form, in the page's language."""
    tools, context = tools_for(ctx.site, ctx.lang)
    if spec not in tools:
        return f"unknown tool '{spec}' (expected one of {', '.join(sorted(tools))})"
    ctx.raw(parent, render_tool(tools[spec], ctx.lang, ctx.rel, context))
    ctx.assets.update(TOOL_ASSETS)
    return None


def prepare_context(context: RenderContext, site: Site) -> RenderContext:
    """Give the extension's context the site, its markers and its additions to each page."""
    context.site = site
    context.markers = {"case-studies": case_studies_marker, "offline-copy": offline_copy_marker, "tool": tool_marker}
    context.tree_steps = [add_case_study_parts]
    return context


def page_markdown(site: Site, lang: str, markdown: str) -> str:
    """A page's Markdown as it goes to the renderer: with the abbreviations it uses."""
    return markdown + "\n\n" + definitions_for(markdown, site.abbreviations.get(lang, {})) + "\n"
