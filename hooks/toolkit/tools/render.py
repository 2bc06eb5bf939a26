"""Render a tool as an HTML form: a worksheet on paper, a live tool with `tools.js`.

Everything the script shows comes from here, in the page's language: the words (as JSON in
`data-strings`), where each answer links to (`data-href`, `data-title`), and the case studies
to suggest (a hidden list per rung or stage). The script holds no words of its own.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from ..vocab import RUNGS
from ..xrefs import relative_link, strip_number
from .load import site_tools
from .model import Link, Question, Section, Tool

STORAGE_PREFIX = "cydgynhyrchu"
OTHER_LANGUAGE_NAME = re.compile(r'\(<span lang="[a-z-]+">[^<]*</span>\)')  # a heading's name in the other language


@dataclass
class CaseLink:
    """A case study to suggest: its title, file and the rung and stages it shows."""

    slug: str
    title: str
    ladder: str | None
    stages: list[str] = field(default_factory=list)


@dataclass
class Context:
    """What a tool links to, in the page's language: the shared words, the titles of the
    ids it links to, and the case studies it can suggest."""

    common: dict[str, str] = field(default_factory=dict)
    titles: dict[tuple[str, str], str] = field(default_factory=dict)  # (page, id) -> title
    cases: list[CaseLink] = field(default_factory=list)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _href(from_rel: str, link: Link) -> str:
    return relative_link(from_rel, link.page.removesuffix(".md") + ".html", link.id)


def _title(context: Context, link: Link) -> str:
    title = context.titles.get((link.page, link.id), link.id)
    return strip_number(title) if link.kind == "rung" else title


def _link_attrs(link: Link | None, from_rel: str, context: Context) -> str:
    if link is None:
        return ""
    attrs = f' data-link="{_e(str(link))}" data-href="{_e(_href(from_rel, link))}" data-title="{_e(_title(context, link))}"'
    if link.kind == "rung" and link.id in RUNGS.ids:
        attrs += f' data-rank="{RUNGS.ids.index(link.id) + 1}"'
    return attrs


def _more(link: Link | None, from_rel: str, context: Context, words: dict[str, str]) -> str:
    if link is None:
        return ""
    return (f'<p class="tool-more">{_e(words.get("read-more", ""))} '
            f'<a href="{_e(_href(from_rel, link))}">{_e(_title(context, link))}</a></p>')


def _choices(tool: Tool, section: Section, question: Question, from_rel: str, context: Context) -> str:
    kind = "checkbox" if question.type == "checks" else "radio"
    name = f"{section.key}.{question.key}"
    items = []
    for option in tool.options(question):
        control_id = f"{tool.id}-{section.key}-{question.key}-{option.key}"
        hint = f' <span class="tool-option-hint">{_e(option.hint)}</span>' if option.hint else ""
        items.append(
            f'<li><input type="{kind}" id="{control_id}" name="{_e(name)}" value="{_e(option.key)}"'
            f' data-label="{_e(option.label)}"{_link_attrs(option.link, from_rel, context)}>'
            f'<label for="{control_id}"><span class="tool-option-label">{_e(option.label)}</span>{hint}</label></li>'
        )
    options = tool.options(question)
    across = question.type == "scale" and not any(o.hint for o in options)  # short scales sit in a row
    scale_class = f" tool-scale tool-scale--{len(items)}" if across else ""
    return f'<ul class="tool-options{scale_class}">{"".join(items)}</ul>'


def _question(tool: Tool, section: Section, question: Question, from_rel: str, context: Context,
              words: dict[str, str]) -> str:
    base = f"{tool.id}-{section.key}-{question.key}"
    hint_id = f"{base}-hint"
    hint = f'<p class="tool-hint" id="{hint_id}">{_e(question.hint)}</p>' if question.hint else ""
    described = f' aria-describedby="{hint_id}"' if question.hint else ""
    more = _more(question.link, from_rel, context, words)
    data = (f' data-question="{_e(section.key)}.{_e(question.key)}" data-type="{question.type}"'
            f' data-label="{_e(question.label)}"{_link_attrs(question.link, from_rel, context)}')
    if question.type in ("text", "line"):
        name = f"{section.key}.{question.key}"
        control = (f'<textarea id="{base}" name="{_e(name)}" rows="4"{described}></textarea>'
                   if question.type == "text" else
                   f'<input type="text" id="{base}" name="{_e(name)}" autocomplete="off"{described}>')
        return (f'<div class="tool-question tool-question--{question.type}"{data}>'
                f'<label for="{base}" class="tool-question-label">{_e(question.label)}</label>{hint}{control}{more}</div>')
    return (f'<fieldset class="tool-question tool-question--{question.type}"{data}{described}>'
            f'<legend class="tool-question-label">{_e(question.label)}</legend>{hint}'
            f'{_choices(tool, section, question, from_rel, context)}{more}</fieldset>')


def _section(tool: Tool, section: Section, from_rel: str, context: Context, words: dict[str, str]) -> str:
    hint = f'<p class="tool-hint">{_e(section.hint)}</p>' if section.hint else ""
    questions = "".join(_question(tool, section, q, from_rel, context, words) for q in section.questions)
    return (f'<fieldset class="tool-section" id="{tool.id}-{section.key}" data-section="{_e(section.key)}"'
            f'{_link_attrs(section.link, from_rel, context)}><legend>{_e(section.legend)}</legend>'
            f'{hint}{_more(section.link, from_rel, context, words)}{questions}</fieldset>')


def _case_lists(tool: Tool, from_rel: str, context: Context) -> str:
    """Hidden lists of case studies per rung and per stage the tool links to."""
    keys = sorted({str(l) for l in _links(tool) if l.kind in ("rung", "stage")})
    lists = []
    for key in keys:
        kind, _, value = key.partition(":")
        chosen = [c for c in context.cases if (c.ladder == value if kind == "rung" else value in c.stages)]
        items = "".join(f'<li><a href="{_e(relative_link(from_rel, f"case-studies/{c.slug}.html"))}">{_e(c.title)}</a></li>'
                        for c in chosen)
        lists.append(f'<ul data-cases="{_e(key)}">{items}</ul>')
    return "".join(lists)


def _links(tool: Tool) -> list[Link]:
    found = [s.link for s in tool.sections] + [q.link for s in tool.sections for q in s.questions]
    found += [o.link for s in tool.sections for q in s.questions for o in tool.options(q)]
    return [l for l in found if l is not None]


def render_tool(tool: Tool, lang: str, from_rel: str, context: Context | None = None) -> str:
    """The tool's HTML: a form without an action, its result region and its controls."""
    context = context or Context()
    words = {**context.common, **tool.strings}
    key = f"{STORAGE_PREFIX}:{lang}:{tool.id}"
    sources = ", ".join(
        f'<a href="{_e(_href(from_rel, Link("ref", s)))}">{_e(context.titles.get(("references.md", s), s))}</a>'
        for s in tool.sources)
    sections = "".join(_section(tool, s, from_rel, context, words) for s in tool.sections)
    status_id = f"{tool.id}-result-title"
    file_id = f"{tool.id}-load"
    return (
        f'<div class="tool" data-tool="{tool.id}" lang="{lang}">'
        f'<p class="tool-nojs">{_e(words.get("no-js", ""))}</p>'
        f'<p class="tool-date">{_e(words.get("date", ""))} <span class="tool-date-value">__________</span></p>'
        f'<form class="tool-form" id="{tool.id}-form" data-tool="{tool.id}" data-lang="{lang}" data-storage-key="{_e(key)}"'
        f' data-strings="{_e(json.dumps(words, ensure_ascii=False, sort_keys=True))}" autocomplete="off"'
        f' aria-label="{_e(words.get("form-label", tool.id))}">{sections}</form>'
        f'<section class="tool-result" aria-labelledby="{status_id}">'
        f'<h2 id="{status_id}">{_e(words.get("result", ""))}</h2>'
        f'<div class="tool-result-body" role="status" aria-live="polite"><p>{_e(words.get("result-none", ""))}</p></div>'
        f'</section>'
        f'<div class="tool-actions" hidden>'
        f'<button type="button" class="md-button md-button--primary" data-action="print">{_e(words.get("print", ""))}</button>'
        f'<button type="button" class="md-button" data-action="download">{_e(words.get("download", ""))}</button>'
        f'<label class="md-button tool-load" for="{file_id}">{_e(words.get("load", ""))}</label>'
        f'<input type="file" id="{file_id}" class="tool-load-input" data-action="load">'
        f'<button type="button" class="md-button" data-action="reset">{_e(words.get("reset", ""))}</button>'
        f'<p class="tool-message" role="status" aria-live="polite"></p>'
        f'</div>'
        f'<p class="tool-sources">{_e(words.get("sources", ""))} {sources}</p>'
        f'<p class="tool-privacy">{_e(words.get("privacy", ""))}</p>'
        # Hidden data for the script: case studies per rung or stage, and an empty <svg> whose
        # namespace the script borrows for drawings (script files may not spell out URLs).
        f'<div class="tool-data" hidden>{_case_lists(tool, from_rel, context)}<svg aria-hidden="true" focusable="false"></svg></div>'
        f'</div>'
    )


def tools_for(site, lang: str) -> tuple[dict[str, Tool], Context]:
    """The tools of a language and what they link to (`site` is the collected
    toolkit.site.Site: titles of linked ids, case studies to suggest), made once per build."""
    key = f"tools:{lang}"
    if key not in site.memo:
        loaded = site_tools(site)
        context = Context(common=loaded.common[lang].strings if lang in loaded.common else {})
        for page in ("ladder.md", "definitions.md", "what-helps.md", "barriers.md", "getting-started.md",
                     "references.md"):
            doc = site.tree.get(lang, page)
            lines = doc.text.splitlines() if doc else []
            for anchor in (doc.anchors.values() if doc else []):
                title = anchor.title
                if OTHER_LANGUAGE_NAME.search(lines[anchor.line - 1]):  # 'Ei fapio (<span lang="en">Map it</span>)'
                    title = re.sub(r"\s*\([^()]*\)\s*$", "", title)
                context.titles[(page, anchor.id)] = title
        context.cases = [CaseLink(c.slug, c.title or c.slug, c.ladder, list(c.stages)) for c in site.case_studies(lang)]
        site.memo[key] = (loaded.tools.get(lang, {}), context)
    return site.memo[key]
