"""The core pages: required ids in both languages, and each page written in its language."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from htmlscan import article_text, scan

RUNGS = ["coercion", "educating", "informing", "consultation", "engagement", "co-design", "co-production"]
STAGES = ["co-commissioning", "co-design", "co-delivery", "co-assessment"]
REQUIRED_IDS = {
    "index.html": ["start-here"],
    "definitions.html": STAGES + ["not-co-production", "three-levels", "roles-matrix", "benefits", "involvement"],
    "ladder.html": RUNGS + ["doing-to", "doing-for", "doing-with", "nhs-england-continuum"],
    "c2-seven-steps.html": [f"step-{n}" for n in range(1, 8)],
    "dos-and-donts.html": ["dos", "donts", "practical-tips", "golden-rules", "shared-decision-making"],
    "glossary.html": ["co-production", "co-design", "participatory-budgeting"],
    "references.html": ["bovaird-loeffler-2014", "co-production-network-wales", "improvement-cymru-2025",
                        "wales-audit-office-2014", "wcpp-collaboration-review", "tlap-2016"],
    "case-studies/index.html": [],
    "getting-started.html": ["six-steps", "set-aims", "identify-stakeholders", "plan", "engage",
                             "co-design-and-co-deliver", "evaluate", "culture", "five-steps"],
    "what-helps.html": [f"factor-{n}" for n in range(1, 11)],
    "barriers.html": ["barriers", "barrier-risk-aversion", "barrier-user-information-systems",
                      "barrier-professional-reluctance", "barrier-political-reluctance", "overcoming"],
    "models.html": ["strengthening-communities", "collaborations-and-partnerships", "volunteer-and-peer-roles",
                    "access-to-community-resources"],
    "benefits-and-evidence.html": ["who-benefits", "case-studies-are-partial", "education-and-inequality",
                                   "scaling-out-and-up", "economies-of-scope", "sources-of-value"],
}
DICTIONARY = {"cy": "cy", "en": "en_GB"}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@pytest.mark.parametrize("page", sorted(REQUIRED_IDS))
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_core_page_has_its_ids(html_pages, page, prefix):
    html = html_pages.get(prefix + page)
    assert html is not None, f"{prefix}{page} was not built"
    missing = [i for i in REQUIRED_IDS[page] if i not in scan(html).ids]
    assert missing == [], f"{prefix}{page} lacks ids {missing}"


def test_fourteen_collaboration_models(html_pages):
    for prefix in ("", "en/"):
        html = html_pages[prefix + "models.html"]
        body = html.split('id="strengthening-communities"', 1)[1]
        assert len(re.findall(r'<h3 id="[a-z-]+"', body)) == 14


def test_home_page_routes_newcomers_to_getting_started_first(html_pages):
    for prefix in ("", "en/"):
        html = html_pages[prefix + "index.html"]
        article = html[html.index('id="start-here"'):]
        first_link = re.search(r'<a href="([^"#]+)', article).group(1)
        assert first_link == "getting-started.html"


def test_ladder_is_an_ordered_list_top_rung_first(html_pages):
    for prefix in ("", "en/"):
        html = html_pages[prefix + "ladder.html"]
        order = [m.group(1) for m in re.finditer(r'<h3 id="([a-z-]+)"', html) if m.group(1) in RUNGS]
        assert order == list(reversed(RUNGS)), order
        assert html.count('<ol class="ladder-rungs"') == 3


def test_c2_steps_are_an_ordered_list(html_pages):
    for prefix in ("", "en/"):
        html = html_pages[prefix + "c2-seven-steps.html"]
        block = html[html.index('<ol class="steps"'):]
        ids = re.findall(r'id="(step-\d)"', block)
        assert ids == [f"step-{n}" for n in range(1, 8)]


def known_share(words: list[str], dictionary: str) -> float:
    """The share of words the aspell dictionary knows."""
    unknown = subprocess.run(["aspell", "-d", dictionary, "list"], input="\n".join(words),
                             capture_output=True, text=True, check=True).stdout.split()
    return 1 - len(unknown) / len(words)


def test_each_page_is_written_in_its_own_language(html_pages):
    """Dictionary hit rates: a Welsh page's words are Welsh far more than English, and the
    reverse. aspell-cy lacks many mutated forms (measured: 65-80% of the words on a Welsh
    page are known), so the Welsh bar is lower."""
    assert shutil.which("aspell"), "aspell is missing: make test installs it (scripts/install-system-deps.sh)"
    failures = []
    for path, html in html_pages.items():
        if path.endswith("references.html"):
            continue  # bibliographic entries: names and titles in their original language
        lang = "en" if path.startswith("en/") else "cy"
        words = [w.replace("’", "'") for w in WORD.findall(article_text(html, lang)) if len(w) > 2]
        if len(words) < 20:
            failures.append(f"{path}: only {len(words)} words")
            continue
        own = known_share(words, DICTIONARY[lang])
        foreign = known_share(words, DICTIONARY["cy" if lang == "en" else "en"])
        floor, margin = (0.6, 0.4) if lang == "cy" else (0.85, 0.5)
        if own < floor or own - foreign < margin:
            failures.append(f"{path}: {own:.0%} {lang} words, {foreign:.0%} other-language words")
    assert failures == []
