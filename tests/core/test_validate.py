"""The validator on tiny broken trees: the exact `path:line: message` a contributor sees."""

from __future__ import annotations

from trees import report, valid_files


def edit(files: dict[str, str], rel: str, old: str, new: str) -> dict[str, str]:
    assert old in files[rel], f"{old!r} not in {rel}"
    return {**files, rel: files[rel].replace(old, new, 1)}


def test_valid_tree_has_no_problems(tmp_path):
    assert report(tmp_path, valid_files()) == []


def test_yaml_that_does_not_parse(tmp_path):
    files = edit(valid_files(), "en/case-studies/healthy.md", "stages: [co-design, co-delivery]", "stages: [co-design, co-delivery")
    assert report(tmp_path, files) == [
        "docs/en/case-studies/healthy.md:6: front matter: YAML does not parse: expected ',' or ']', but got ':'",
    ]


def test_unknown_field(tmp_path):
    files = edit(valid_files(), "cy/case-studies/healthy.md", "ladder:", "colour: blue\nladder:")
    assert report(tmp_path, files) == [
        "docs/cy/case-studies/healthy.md:6: unknown field 'colour' (fields are title, summary, place, organisations, "
        "stages, ladder, basis, sector, country, years, years_basis, sources, models, outcomes, twin)",
    ]


def test_missing_field(tmp_path):
    files = edit(valid_files(), "cy/case-studies/healthy.md", "sector: health\n", "")
    assert report(tmp_path, files) == [
        "docs/cy/case-studies/healthy.md:1: missing field 'sector': The main public-service sector, as the source names it.",
    ]


def test_value_outside_its_list(tmp_path):
    files = valid_files()
    for lang in ("cy", "en"):
        files = edit(files, f"{lang}/case-studies/healthy.md", "co-delivery]", "co-dreaming]")
    assert report(tmp_path, files) == [
        f"docs/{lang}/case-studies/healthy.md:5: stages: unknown value 'co-dreaming' "
        "(expected one of co-commissioning, co-design, co-delivery, co-assessment, not-stated)"
        for lang in ("cy", "en")
    ]


def test_wrong_type(tmp_path):
    files = valid_files()
    for lang in ("cy", "en"):
        files = edit(files, f"{lang}/case-studies/healthy.md", 'years: "2014"', "years: [2014]")
        files = edit(files, f"{lang}/case-studies/healthy.md", "ladder: co-production", "ladder: [co-production]")
    lines = report(tmp_path, files)
    assert lines == [
        f"docs/{lang}/case-studies/healthy.md:{line}: {message}"
        for lang in ("cy", "en")
        for line, message in (
            (6, "ladder: expected one value, got a list"),
            (9, "years: expected 'YYYY' or 'YYYY-YYYY', got a list"),
        )
    ]


def test_neutral_field_differs_between_twins(tmp_path):
    files = edit(valid_files(), "en/case-studies/healthy.md", "sector: health", "sector: housing")
    assert report(tmp_path, files) == [
        "docs/cy/case-studies/healthy.md:7: sector: 'health' differs from 'housing' in its twin "
        "docs/en/case-studies/healthy.md:7 (language-neutral fields must match)",
    ]


def test_case_study_without_its_twin(tmp_path):
    files = valid_files()
    del files["en/case-studies/healthy.md"]
    assert report(tmp_path, files) == [
        "docs/cy/case-studies/healthy.md:1: no English twin: docs/en/case-studies/healthy.md is missing",
    ]


def test_value_listed_twice(tmp_path):
    files = valid_files()
    for lang in ("cy", "en"):
        files = edit(files, f"{lang}/case-studies/healthy.md", "sources: [seed-2014]", "sources: [seed-2014, seed-2014]")
    assert report(tmp_path, files) == [
        f"docs/{lang}/case-studies/healthy.md:10: sources: 'seed-2014' is listed twice" for lang in ("cy", "en")
    ]


def test_source_not_on_the_references_page(tmp_path):
    files = valid_files()
    for lang in ("cy", "en"):
        files = edit(files, f"{lang}/case-studies/healthy.md", "sources: [seed-2014]", "sources: [seed-2014, seed-2041]")
    assert report(tmp_path, files) == [
        f"docs/{lang}/case-studies/healthy.md:10: sources: 'seed-2041' is not on references.md (did you mean 'seed-2014'?)"
        for lang in ("cy", "en")
    ]


def test_duplicate_slug(tmp_path):
    files = valid_files()
    for lang in ("cy", "en"):
        files[f"{lang}/case-studies/Healthy.md"] = files[f"{lang}/case-studies/healthy.md"].replace(
            "title: ", "title: Other ")
    lines = report(tmp_path, files)
    assert lines == [
        f"docs/{lang}/case-studies/{line}"
        for lang in ("cy", "en")
        for line in (
            "Healthy.md:1: file name 'Healthy.md': a case-study slug is lowercase letters, digits and hyphens",
            "healthy.md:1: duplicate slug 'healthy' (also docs/%s/case-studies/Healthy.md)" % lang,
        )
    ]


def test_page_without_twin_and_ids_that_differ(tmp_path):
    files = valid_files()
    files["cy/extra.md"] = "---\ntitle: Ychwanegol\n---\n\n# Ychwanegol\n"
    files = edit(files, "en/ladder.md", "{#co-production}", "{#coproduction}")
    assert report(tmp_path, files) == [
        "docs/cy/extra.md:1: no English twin: docs/en/extra.md is missing",
        "docs/cy/ladder.md:7: id 'co-production' is not on its twin docs/en/ladder.md; twins carry the same ids",
        "docs/en/index.md:7: [[rung:co-production]]: unknown ladder rung 'co-production' "
        "(expected one of coercion, educating, informing, consultation, engagement, co-design, co-production)",
        "docs/en/ladder.md:7: id 'coproduction' is not on its twin docs/cy/ladder.md; twins carry the same ids",
    ]


def test_unknown_cross_reference_keys(tmp_path):
    files = valid_files()
    files = edit(files, "en/index.md", "See [[rung:co-production]].",
                 "See [[ref:seed-2015]], [[case:nowhere]], [[stage:co-design]] and [[rung:co-dreaming]].\n\n[[wat:x]]")
    assert report(tmp_path, files) == [
        "docs/en/index.md:7: [[case:nowhere]]: unknown case study 'nowhere': there is no docs/en/case-studies/nowhere.md",
        "docs/en/index.md:7: [[ref:seed-2015]]: unknown reference 'seed-2015': no such id on references.md (did you mean 'seed-2014'?)",
        "docs/en/index.md:7: [[rung:co-dreaming]]: unknown ladder rung 'co-dreaming' "
        "(expected one of coercion, educating, informing, consultation, engagement, co-design, co-production)",
        "docs/en/index.md:7: [[stage:co-design]]: there is no docs/en/definitions.md to link to",
        "docs/en/index.md:9: [[wat:x]]: unknown kind 'wat' (expected one of ref, term, rung, stage, step, case)",
    ]


def test_bad_listing_marker(tmp_path):
    files = edit(valid_files(), "cy/case-studies/index.md", "<!-- case-studies: index -->", "<!-- case-studies: stage=co-dreaming -->")
    assert report(tmp_path, files) == [
        "docs/cy/case-studies/index.md:7: listing marker: unknown stages 'co-dreaming' "
        "(expected one of co-commissioning, co-design, co-delivery, co-assessment)",
    ]


def test_page_without_title(tmp_path):
    files = edit(valid_files(), "en/index.md", "title: Home\n", "")
    assert report(tmp_path, files) == [
        "docs/en/index.md:1: front matter: 'title' must be the page's title in its own language",
    ]


def test_several_problems_are_all_reported_sorted(tmp_path):
    files = valid_files()
    files = edit(files, "en/case-studies/healthy.md", "country: wales", "country: atlantis")
    files = edit(files, "cy/case-studies/healthy.md", "ladder: co-production", "ladder: co-dreaming")
    files = edit(files, "cy/index.md", "See", "<script>alert(1)</script> See")
    del files["en/references.md"]
    assert report(tmp_path, files) == [
        "docs/cy/case-studies/healthy.md:6: ladder: unknown value 'co-dreaming' "
        "(expected one of coercion, educating, informing, consultation, engagement, co-design, co-production, not-stated)",
        "docs/cy/index.md:7: <script> is not allowed: pages carry no scripts: the site's behaviour lives in docs/assets/js/",
        "docs/cy/references.md:1: no English twin: docs/en/references.md is missing",
        "docs/en/case-studies/healthy.md:8: country: unknown value 'atlantis' "
        "(expected one of wales, england, scotland, northern-ireland, united-kingdom, denmark, netherlands, switzerland, united-states, not-stated)",
        "docs/en/case-studies/healthy.md:10: sources: 'seed-2014' is not on references.md",
    ]


def test_broken_links_and_anchors(tmp_path):
    files = valid_files()
    files = edit(files, "en/index.md", "See [[rung:co-production]].",
                 "See [the ladder](ladder.md#co-producton), [steps](ladder.md#step-9), [gone](gone.md),\n"
                 "[Welsh](../cy/index.md), [root](/ladder.md), [fine](ladder.md#co-production), "
                 "[web](https://example.org/x).\n\n"
                 '<a href="case-studies/index.html#stages-co-design">ok</a> <a href="case-studies/healthy.html#nope">no</a>')
    assert report(tmp_path, files) == [
        "docs/en/index.md:7: link to 'gone.md': no such page or file in the site",
        "docs/en/index.md:7: link to 'ladder.md#co-producton': no such anchor on ladder.md (did you mean 'co-production'?)",
        "docs/en/index.md:7: link to 'ladder.md#step-9': no such anchor on ladder.md",
        "docs/en/index.md:8: link to '../cy/index.md': links to the other language's folder: link to the page in docs/en/",
        "docs/en/index.md:8: link to '/ladder.md': absolute links break when the site is opened from disk: use a relative link",
        "docs/en/index.md:10: link to 'case-studies/healthy.html#nope': no such anchor on case-studies/healthy.md",
    ]


def test_numbered_ids_get_their_range_in_the_message(tmp_path):
    files = valid_files()
    for lang in ("cy", "en"):
        files[f"{lang}/c2-seven-steps.md"] = "---\ntitle: C2\n---\n\n# C2\n\n" + "".join(
            f"### Step {n} {{#step-{n}}}\n\nText.\n\n" for n in range(1, 8))
    files = edit(files, "en/index.md", "See [[rung:co-production]].", "See [[step:step-9]] and [step 9](c2-seven-steps.md#step-9).")
    assert report(tmp_path, files) == [
        "docs/en/index.md:7: [[step:step-9]]: unknown C2 step 'step-9' (expected one of step-1 … step-7)",
        "docs/en/index.md:7: link to 'c2-seven-steps.md#step-9': no such anchor on c2-seven-steps.md (steps have step-1 … step-7)",
    ]


def test_an_anchor_on_the_page_itself_is_checked_on_each_page(tmp_path):
    """Two pages in one folder with the same '#id' link: only the page without that id is
    reported (link verdicts are shared within a folder, but not those of a page's own anchors)."""
    files = valid_files()
    files = edit(files, "en/index.md", "See [[rung:co-production]].", '<a href="#seed-2014">seed</a>')
    files = edit(files, "en/references.md", "The source.", 'The source. <a href="#seed-2014">here</a>')
    assert report(tmp_path, files) == ["docs/en/index.md:7: link to '#seed-2014': no such anchor on this page"]
