"""The tools (Offerynnau) in Chromium, from file://, with every request off the disk aborted.

Each tool is answered, checked against the result it should give, reloaded, downloaded,
cleared, loaded back and printed, in Welsh and in English. Expected words come from the
tools' own data, so the tests hold no wording of their own.
"""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from test_accessibility import axe_violations
from test_keyboard import tab_through
from toolkit.tools import load_tools

pytestmark = pytest.mark.browser
TOOLS = ("ladder", "star", "health-check", "self-assessment", "project-plan")
DATA = load_tools(ROOT, ("cy", "en"))


def words(lang: str, tool: str) -> dict[str, str]:
    return {**DATA.common[lang].strings, **DATA.tools[lang][tool].strings}


def say(text: str, **values) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


@pytest.fixture
def offline(browser):
    """A page whose every non-file request is aborted and counted; confirm() is accepted."""
    context = browser.new_context(accept_downloads=True)
    blocked: list[str] = []

    def route(request_route):
        if request_route.request.url.startswith("file:"):
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.blocked = blocked
    page.on("dialog", lambda dialog: dialog.accept())
    yield page
    context.close()


def open_tool(page, site_dir, lang: str, tool: str):
    prefix = "" if lang == "cy" else "en/"
    page.goto((site_dir / f"{prefix}tools/{tool}.html").as_uri())
    page.wait_for_selector(".tool--live")
    return page


def result(page):
    return page.locator(".tool-result-body")


# ---- answers and expected results, by control id (the same in both languages) ----

def answer(page, tool: str) -> None:
    checks, texts = ANSWERS[tool]
    for control in checks:
        page.locator(f"#{tool}-{control}").check()
    for control, text in texts.items():
        page.locator(f"#{tool}-{control}").fill(text)


ANSWERS = {
    "ladder": (["staff-rung-co-design", "people-rung-consultation"],
               {"work-what": "Ward forum", "staff-why": "We design together."}),
    "star": (["stages-co-commissioning-4", "stages-co-design-2", "stages-co-delivery-1", "stages-co-assessment-3"],
             {"activity-what": "Library service"}),
    "health-check": ([f"factors-factor-{n}-{score}" for n, score in enumerate([5, 2, 4, 1, 3, 5, 4, 2, 5, 3], start=1)],
                     {"next-actions": "Meet the tenants' group.\nPay expenses."}),
    "self-assessment": ([f"individual-{p}-3" for p in ("assets", "work", "reciprocity", "networks")]
                        + [f"service-{p}-2" for p in ("assets", "work", "reciprocity", "networks")]
                        + ["organisation-assets-0", "organisation-work-1", "organisation-reciprocity-1",
                           "organisation-networks-1", "culture-present-ownership", "culture-present-commitment",
                           "barriers-present-risk-aversion", "barriers-present-new-approach", "five-steps-done-focus-it"],
                        {}),
    "project-plan": ([f"set-aims-checklist-{k}" for k in ("change", "success", "open", "rung")],
                     {"about-name": "Day centre review", "about-lead": "Team lead",
                      **{f"{s}-plan": "Plan" for s in ("set-aims", "identify-stakeholders", "plan", "engage",
                                                        "co-design-and-co-deliver", "evaluate")},
                      "people-roles": "Roles", "support-how": "Expenses"}),
}


def hrefs(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all("els => els.map(a => a.getAttribute('href'))")


def expect_result(page, lang: str, tool: str) -> None:
    """The result each tool should give for ANSWERS, in the page's language."""
    w = words(lang, tool)
    text = result(page).inner_text()
    links = hrefs(page, ".tool-result-body a")
    if tool == "ladder":
        assert say(w["gap"], n=2) in text and w["staff-higher"] in text
        assert "../ladder.html#co-design" in links and "../ladder.html#consultation" in links
        headings = hrefs(page, ".tool-result-body h3 a")
        assert headings == ["../ladder.html#co-production", "../ladder.html#engagement"]
        assert any(h.startswith("../case-studies/") for h in links)
    elif tool == "star":
        points = page.locator(".tool-result-body svg .tool-chart-shape").get_attribute("points")
        assert points.split() == ["180.0,45.0", "232.5,150.0", "180.0,176.3", "101.3,150.0"]
        assert page.locator(".tool-result-body table tbody tr").count() == 4
        assert page.locator(".tool-result-body svg title").text_content() == w["chart-title"]
        stage = DATA.tools[lang]["star"].sections[1].questions[2]  # co-delivery, the weakest
        assert page.locator(".tool-result-body h3").all_inner_texts() == [
            say(w["examples"], stage=page.locator("[data-question='stages.co-delivery']").get_attribute("data-title"))]
        assert stage.key == "co-delivery" and any(h.startswith("../case-studies/") for h in links)
    elif tool == "health-check":
        assert say(w["average"], n="3.4") in text
        assert hrefs(page, ".tool-weakest a") == [f"../what-helps.html#factor-{n}" for n in (4, 2, 8)]
    elif tool == "self-assessment":
        assert f"{w['strongest-level']} {w['level-individual']}" in text
        assert f"{w['weakest-level']} {w['level-organisation']}" in text
        principle = DATA.tools[lang]["self-assessment"].sections[0].questions[0].label
        assert f"{w['weakest-principle']} {principle}" in text
        assert hrefs(page, ".tool-result-body ul a") == ["../barriers.html#barrier-risk-aversion",
                                                          "../barriers.html#barrier-new-approach"]
        assert hrefs(page, ".tool-next a") == ["../getting-started.html#people-it"]
    elif tool == "project-plan":
        assert say(w["ticked"], n=4, total=44) in text
        assert hrefs(page, ".tool-result-body a") == ["#project-plan-evaluation"]


def answers_kept(page, tool: str) -> None:
    checks, texts = ANSWERS[tool]
    for control in checks:
        assert page.locator(f"#{tool}-{control}").is_checked(), control
    for control, text in texts.items():
        assert page.locator(f"#{tool}-{control}").input_value() == text, control


@pytest.mark.parametrize("lang", ["cy", "en"])
@pytest.mark.parametrize("tool", TOOLS)
def test_tool_answer_reload_export_start_again_import_print(offline, site_dir, tmp_path, tool, lang):
    page = open_tool(offline, site_dir, lang, tool)
    w = words(lang, tool)
    assert result(page).inner_text().strip() == w["result-none"]
    answer(page, tool)
    expect_result(page, lang, tool)
    shown = result(page).inner_text()

    page.reload()
    page.wait_for_selector(".tool--live")
    answers_kept(page, tool)
    assert result(page).inner_text() == shown
    stored = page.evaluate("key => JSON.parse(localStorage.getItem(key))", f"cydgynhyrchu:{lang}:{tool}")
    assert stored["tool"] == tool and stored["lang"] == lang

    with page.expect_download() as download:
        page.locator("[data-action=download]").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith(f"{w['file-name']}-{tool}-") and saved.suffix == ".json"
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert record["answers"] == stored["answers"] and record["format"] == "cydgynhyrchu-tool-answers"
    assert page.locator(".tool-message").inner_text() == w["downloaded"]

    page.locator("[data-action=reset]").click()
    page.wait_for_function("() => document.querySelector('.tool-result-body').innerText.trim() !== ''")
    assert result(page).inner_text().strip() == w["result-none"]
    assert page.locator(".tool-form input:checked").count() == 0
    page.reload()
    page.wait_for_selector(".tool--live")
    assert page.locator(".tool-form input:checked").count() == 0
    assert page.evaluate("key => localStorage.getItem(key)", f"cydgynhyrchu:{lang}:{tool}") is None

    page.locator("input[data-action=load]").set_input_files(str(saved))
    page.wait_for_function("text => document.querySelector('.tool-message').textContent === text",
                           arg=say(w["loaded"], file=saved.name))
    answers_kept(page, tool)
    expect_result(page, lang, tool)
    assert result(page).inner_text() == shown

    page.emulate_media(media="print")
    assert page.locator(".tool-actions").evaluate("el => getComputedStyle(el).display") == "none"
    assert page.locator(".tool-date").is_visible()
    assert page.locator(".tool-date-value").inner_text() in result(page).inner_text()  # printed and saved today
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    assert page.blocked == []


def test_answers_are_kept_per_language_and_a_wrong_file_is_refused(offline, site_dir, tmp_path):
    page = open_tool(offline, site_dir, "en", "star")
    answer(page, "star")
    open_tool(page, site_dir, "cy", "star")
    assert page.locator(".tool-form input:checked").count() == 0
    wrong = tmp_path / "other.json"
    wrong.write_text(json.dumps({"format": "cydgynhyrchu-tool-answers", "tool": "ladder", "answers": {}}))
    page.locator("input[data-action=load]").set_input_files(str(wrong))
    page.wait_for_function("text => document.querySelector('.tool-message').textContent === text",
                           arg=words("cy", "star")["load-failed"])
    assert page.locator(".tool-form input:checked").count() == 0
    assert page.blocked == []


def test_a_tool_by_keyboard_alone(offline, site_dir):
    page = open_tool(offline, site_dir, "en", "star")
    page.focus("#star-activity-what")
    stops = [s for s in tab_through(page, 12) if s["id"].startswith("star-") or s["tag"] == "button"]
    ids = [s["id"] for s in stops]
    assert ids[:5] == ["star-activity-who", "star-stages-co-commissioning-0", "star-stages-co-design-0",
                       "star-stages-co-delivery-0", "star-stages-co-assessment-0"], ids
    assert [s["text"] for s in stops if s["tag"] == "button"][:2] == [words("en", "star")["print"], words("en", "star")["download"]]
    assert "star-load" in ids and all(s["ring"] for s in stops if s["visible"]), stops
    page.focus("#star-stages-co-design-0")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.locator("#star-stages-co-design-2").is_checked()
    assert "2 out of 4" in result(page).inner_text()
    page.focus("[data-action=download]")
    with page.expect_download():
        page.keyboard.press("Enter")
    assert page.blocked == []


def test_without_javascript_the_page_is_a_worksheet(browser, site_dir):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto((site_dir / "en/tools/health-check.html").as_uri())
        assert page.locator(".tool-nojs").is_visible()
        assert page.locator(".tool-actions").is_hidden()
        assert page.locator(".tool-form fieldset.tool-question").count() == 10
        page.emulate_media(media="print")
        assert page.locator(".tool-date").is_visible()
        assert page.locator("input[type=radio]:visible").count() == 50
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_tool_pages_pass_axe_with_answers_and_results(browser, site_dir, scheme, width):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    failures = {}
    try:
        for lang in ("cy", "en"):
            for tool in TOOLS:
                open_tool(page, site_dir, lang, tool)
                answer(page, tool)
                page.evaluate("window.scrollTo(0, 0)")  # as a reader arrives: nothing under the sticky header
                violations = axe_violations(page)
                if violations:
                    failures[f"{lang}/{tool}"] = violations
            page.goto((site_dir / ("" if lang == "cy" else "en/") / "tools/index.html").as_uri())
            violations = axe_violations(page)
            if violations:
                failures[f"{lang}/index"] = violations
    finally:
        context.close()
    assert failures == {}


def test_tools_script_has_no_words_or_urls_of_its_own():
    script = (ROOT / "docs/assets/js/tools.js").read_text(encoding="utf-8")
    assert "http://" not in script and "https://" not in script
    for lang in ("cy", "en"):
        for text in DATA.common[lang].strings.values():
            assert " " not in text.strip() or text not in script, text  # no sentence of the UI is hard-coded
