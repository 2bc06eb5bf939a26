"""The case-study library as built: data-driven cards, listings and indexes in both languages."""

from __future__ import annotations

import re
from html import escape as html_escape

import pytest

from conftest import ROOT
from htmlscan import scan
from test_content import RUNGS, STAGES

from toolkit.site import collect

SITE = collect(ROOT / "docs", ROOT)


def slugs(lang: str) -> list[str]:
    return sorted(SITE.cases[lang])


def test_at_least_thirty_case_studies_in_both_languages():
    assert len(slugs("cy")) >= 30
    assert slugs("cy") == slugs("en")


@pytest.mark.parametrize("prefix, lang", [("", "cy"), ("en/", "en")])
def test_every_case_study_page_has_its_card(html_pages, prefix, lang):
    for slug, case in SITE.cases[lang].items():
        html = html_pages[f"{prefix}case-studies/{slug}.html"]
        card = re.search(r'<aside[^>]*class="case-card".*?</aside>', html, re.S)
        assert card, f"{slug}: no card"
        links = {href for href, _ in scan(card.group(0)).links}
        if case.ladder != "not-stated":
            assert f"../ladder.html#{case.ladder}" in links
        for stage in case.stages:
            if stage != "not-stated":
                assert f"../definitions.html#{stage}" in links
        for source in case.sources:
            assert f"../references.html#{source}" in links
        assert case.years in card.group(0)
        assert html_escape(case.basis, quote=False) in re.sub(r"<[^>]+>", "", card.group(0))  # abbreviations
        if case.years_basis == "source-year":
            assert ("blwyddyn y ffynhonnell" if lang == "cy" else "source year") in card.group(0)


def test_card_labels_are_in_the_page_language(html_pages):
    welsh = html_pages["case-studies/well-london.html"]
    english = html_pages["en/case-studies/well-london.html"]
    assert "Gris ar yr ysgol" in welsh and "Rung of the ladder" not in welsh
    assert "Rung of the ladder" in english and "Gris ar yr ysgol" not in english


def test_related_case_studies_share_a_stage(html_pages):
    for slug, case in SITE.cases["en"].items():
        html = html_pages[f"en/case-studies/{slug}.html"]
        section = html.split('id="related"', 1)
        if len(section) == 1:
            continue
        for other in re.findall(r'href="([a-z0-9-]+)\.html"', section[1].split("</ul>", 1)[0]):
            assert set(SITE.cases["en"][other].stages) & set(case.stages), (slug, other)


@pytest.mark.parametrize("prefix, lang", [("", "cy"), ("en/", "en")])
def test_ladder_lists_case_studies_under_each_rung(html_pages, prefix, lang):
    html = html_pages[f"{prefix}ladder.html"]
    for rung in RUNGS:
        rung_html = html.split(f'id="{rung}"', 1)[1].split('class="ladder-rung"', 1)[0]
        expected = {s for s, c in SITE.cases[lang].items() if c.ladder == rung}
        listed = set(re.findall(r'href="case-studies/([a-z0-9-]+)\.html"', rung_html))
        assert listed == expected, rung


@pytest.mark.parametrize("prefix, lang", [("", "cy"), ("en/", "en")])
def test_definitions_list_case_studies_under_each_stage(html_pages, prefix, lang):
    html = html_pages[f"{prefix}definitions.html"]
    for stage in STAGES:
        section = html.split(f'id="{stage}"', 1)[1].split("<h", 1)[0]
        expected = {s for s, c in SITE.cases[lang].items() if stage in c.stages}
        listed = set(re.findall(r'href="case-studies/([a-z0-9-]+)\.html"', section))
        assert listed == expected, stage


@pytest.mark.parametrize("prefix, lang", [("", "cy"), ("en/", "en")])
def test_index_groups_by_stage_with_facets(html_pages, prefix, lang):
    html = html_pages[f"{prefix}case-studies/index.html"]
    ids = scan(html).ids
    assert {"all", "by-stages", "by-ladder", "by-sector", "by-country"} <= ids
    assert {f"stages-{s}" for s in STAGES} <= ids
    assert {f"ladder-{r}" for r in RUNGS} <= ids
    cases = SITE.cases[lang].values()
    assert {f"sector-{c.sector}" for c in cases} <= ids
    assert {f"country-{c.country}" for c in cases} <= ids
    all_list = html.split('<ul class="cs-all">', 1)[1].split("</ul>", 1)[0]
    assert sorted(re.findall(r'href="([a-z0-9-]+)\.html"', all_list)) == slugs(lang)
    # Without JavaScript the filter stays hidden and the grouped lists are plain links.
    assert re.search(r"<form[^>]*data-cs-filter[^>]*hidden", html)


def test_index_titles_are_in_the_page_language(html_pages):
    assert "Yn ôl cam cydgynhyrchu" in html_pages["case-studies/index.html"]
    assert "By stage of co-production" in html_pages["en/case-studies/index.html"]
    for slug, case in SITE.cases["cy"].items():
        assert case.title in html_pages["case-studies/index.html"].replace("&#39;", "'").replace("&amp;", "&")
