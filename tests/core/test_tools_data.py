"""The tools' data (data/tools/): planted problems on a tiny tree, with the exact report."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from toolkit.problems import format_report
from toolkit.site import collect
from toolkit.site_check import check_site
from toolkit.tools import load_tools, render_tool, validate_tools
from toolkit.tools.render import Context

ROOT = Path(__file__).resolve().parents[2]

PAGES = {
    "what-helps.md": "---\ntitle: {t}\n---\n\n# {t}\n\n### 1. One {{#factor-1}}\n\n### 2. Two {{#factor-2}}\n",
    "references.md": "---\ntitle: {t}\n---\n\n# {t}\n\n### WCPP {{#wcpp-collaboration-review}}\n",
}

TOOL = """\
sources: [wcpp-collaboration-review]
scales:
  in-place:
    - key: "1"
      label: {low}
    - key: "2"
      label: {high}
sections:
  - key: factors
    legend: {legend}
    questions:
      - key: factor-1
        type: scale
        scale: in-place
        label: {f1}
        link: factor:factor-1
      - key: factor-2
        type: scale
        scale: in-place
        label: {f2}
        link: factor:factor-2
"""

WORDS = {
    "cy": {"low": "Isel", "high": "Uchel", "legend": "Y ffactorau", "f1": "Un", "f2": "Dau"},
    "en": {"low": "Low", "high": "High", "legend": "The factors", "f1": "One", "f2": "Two"},
}


def tree(tmp_path: Path, tools: dict[str, str] | None = None) -> Path:
    """A tiny project: two pages per language and a health check in each language."""
    for lang in ("cy", "en"):
        for name, text in PAGES.items():
            page = tmp_path / "docs" / lang / name
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(text.format(t=name), encoding="utf-8")
        data = tmp_path / "data/tools" / lang
        data.mkdir(parents=True, exist_ok=True)
        (data / "health-check.yml").write_text((tools or {}).get(lang, TOOL.format(**WORDS[lang])), encoding="utf-8")
    return tmp_path


def report(root: Path) -> str:
    return format_report(validate_tools(collect(root / "docs", root)))


def test_the_real_data_is_valid():
    assert report(ROOT) == ""


def test_a_clean_tiny_tree_has_no_problems(tmp_path):
    assert report(tree(tmp_path)) == ""


def test_missing_translation_key_in_one_language_and_unknown_factor(tmp_path):
    """Welsh: an empty label and no hint where English has one; English: a question the Welsh
    lacks; both: a factor id that is not on what-helps.md."""
    cy = TOOL.format(**{**WORDS["cy"], "f2": '""'})
    en = TOOL.format(**WORDS["en"]).replace("        label: Two\n", "        label: Two\n        hint: Ask why.\n")
    en += textwrap.indent("- key: factor-3\n  type: scale\n  scale: in-place\n  label: Three\n", " " * 6)
    unknown = ("factor:factor-1\n", "factor:factor-11\n")
    root = tree(tmp_path, {"cy": cy.replace(*unknown), "en": en.replace(*unknown)})
    assert report(root) == (
        "data/tools/cy/health-check.yml:12: question 'factors.factor-1': link factor:factor-11: "
        "'factor-11' is not on what-helps.md (factors have factor-1 … factor-2)\n"
        "data/tools/cy/health-check.yml:17: question 'factors.factor-2': hint is missing "
        "(missing translation of data/tools/en/health-check.yml:17)\n"
        "data/tools/cy/health-check.yml:17: question 'factors.factor-2': label is empty (missing translation)\n"
        "data/tools/en/health-check.yml:12: question 'factors.factor-1': link factor:factor-11: "
        "'factor-11' is not on what-helps.md (factors have factor-1 … factor-2)\n"
        "data/tools/en/health-check.yml:23: question 'factors.factor-3' has no twin in data/tools/cy/health-check.yml\n"
        "5 problems found."
    )


def test_missing_file_bad_yaml_unknown_source_and_differing_link(tmp_path):
    root = tree(tmp_path)
    (root / "data/tools/en/star.yml").write_text("sections: []\n", encoding="utf-8")
    (root / "data/tools/cy/ladder.yml").write_text("sections:\n  - key: [\n", encoding="utf-8")
    (root / "data/tools/en/ladder.yml").write_text("sections: []\n", encoding="utf-8")
    cy = TOOL.format(**WORDS["cy"]).replace("wcpp-collaboration-review", "wcpp-review").replace(
        "link: factor:factor-2", "link: factor:factor-1")
    (root / "data/tools/cy/health-check.yml").write_text(cy, encoding="utf-8")
    assert report(root) == (
        "data/tools/cy/health-check.yml:1: sources: 'wcpp-review' differs from its twin "
        "data/tools/en/health-check.yml:1 (type, scale, links and sources must match)\n"
        "data/tools/cy/health-check.yml:1: sources: 'wcpp-review' is not on references.md "
        "(did you mean 'wcpp-collaboration-review'?)\n"
        "data/tools/cy/health-check.yml:17: question 'factors.factor-2': 'scale, in-place, factor:factor-1' differs from "
        "its twin data/tools/en/health-check.yml:17 (type, scale, links and sources must match)\n"
        "data/tools/cy/ladder.yml:3: YAML does not parse: expected the node content, but found '<stream end>'\n"
        "data/tools/en/star.yml:1: no Welsh twin: data/tools/cy/star.yml is missing\n"
        "5 problems found."
    )


def test_unknown_and_malformed_tool_markers(tmp_path):
    root = tree(tmp_path)
    for lang in ("cy", "en"):
        (root / f"docs/{lang}/tools.md").write_text(
            "---\ntitle: T\n---\n\n# T\n\n<!-- tool: health-check -->\n\n<!-- tool: star -->\n\n"
            "Text <!-- tool: health-check -->\n\n```\n<!-- tool: shown-not-run -->\n```\n", encoding="utf-8")
    found = [str(p) for p in check_site(root / "docs", root) if p.path == "docs/cy/tools.md"]
    assert found == [
        "docs/cy/tools.md:9: listing marker: unknown tool 'star' (expected one of health-check)",
        "docs/cy/tools.md:11: listing marker '<!-- tool: health-check -->' is malformed or not on a line of its own: "
        "write it alone on its line, as <!-- case-studies: stage=co-design --> (see CONTRIBUTING.md)",
    ]


def test_render_is_a_form_without_action_with_fieldsets_labels_and_a_live_region():
    loaded = load_tools(ROOT, ("cy", "en"))
    html = render_tool(loaded.tools["cy"]["health-check"], "cy", "tools/health-check.md",
                       Context(common=loaded.common["cy"].strings))
    assert '<form class="tool-form"' in html and not re.search(r"<form[^>]*\saction=", html)
    assert html.count("<fieldset") == 3 + 10 and html.count("<legend") == 13
    assert 'role="status" aria-live="polite"' in html
    assert 'data-storage-key="cydgynhyrchu:cy:health-check"' in html
    assert 'data-href="../what-helps.html#factor-7"' in html
    assert "style=" not in html and "<script" not in html and " on" + "click" not in html
    for control_id in ("health-check-factors-factor-1-1", "health-check-next-actions"):
        assert f'id="{control_id}"' in html and f'for="{control_id}"' in html


def test_the_site_validation_includes_the_tools(tmp_path):
    """`python -m toolkit check` and the build call validate(): it must report the tools too."""
    from toolkit.validate import check_sources

    root = tree(tmp_path, {"cy": TOOL.format(**WORDS["cy"]).replace("factor:factor-2", "factor:factor-9"),
                           "en": TOOL.format(**WORDS["en"]).replace("factor:factor-2", "factor:factor-9")})
    found = [str(p) for p in check_sources(collect(root / "docs", root)) if p.path.startswith("data/")]
    message = ("question 'factors.factor-2': link factor:factor-9: "
               "'factor-9' is not on what-helps.md (factors have factor-1 … factor-2)")
    assert found == [f"data/tools/{lang}/health-check.yml:17: {message}" for lang in ("cy", "en")]
