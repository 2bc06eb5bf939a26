"""Case-study fields that keep the library honest: a rung basis, 'not stated', and years that
say whether they date the work or only the source."""

from __future__ import annotations

from trees import report, valid_files, write_tree

from toolkit.render import case_card
from toolkit.site import collect


def edit_both(files: dict[str, str], old: str, new: str) -> dict[str, str]:
    files = dict(files)
    for lang in ("cy", "en"):
        rel = f"{lang}/case-studies/healthy.md"
        assert old in files[rel], old
        files[rel] = files[rel].replace(old, new, 1)
    return files


def card(tmp_path, files: dict[str, str], lang: str) -> str:
    """The card's facts as 'term: value' lines, and its links."""
    site = collect(write_tree(tmp_path, files), tmp_path)
    aside = case_card(site, site.cases[lang]["healthy"], "case-studies/healthy.md")
    facts = ["".join(node.itertext()) for node in aside.iter() if node.tag in ("dt", "dd")]
    links = [a.get("href") for a in aside.iter("a")]
    return "\n".join(f"{term}: {value}" for term, value in zip(facts[::2], facts[1::2])) + "\n" + " ".join(links)


def test_basis_and_years_basis_are_required(tmp_path):
    files = edit_both(valid_files(), "years_basis: work\n", "")
    files["cy/case-studies/healthy.md"] = files["cy/case-studies/healthy.md"].replace("basis: Crynodeb.\n", "")
    assert report(tmp_path, files) == [
        "docs/cy/case-studies/healthy.md:1: missing field 'basis': "
        "One sentence, in the page's language: what in the source puts the practice on that rung.",
        "docs/cy/case-studies/healthy.md:1: missing field 'years_basis': "
        "'work' if the source says when the work ran; 'source-year' if `years` is only the source's date.",
        "docs/en/case-studies/healthy.md:1: missing field 'years_basis': "
        "'work' if the source says when the work ran; 'source-year' if `years` is only the source's date.",
    ]


def test_not_stated_is_allowed_alone_and_shown_in_words_without_a_link(tmp_path):
    files = edit_both(valid_files(), "ladder: co-production", "ladder: not-stated")
    files = edit_both(files, "sector: health", "sector: not-stated")
    files = edit_both(files, "country: wales", "country: not-stated")
    files["en/case-studies/healthy.md"] = files["en/case-studies/healthy.md"].replace("place: Cardiff", "place: not-stated")
    assert report(tmp_path, files) == []
    english = card(tmp_path, files, "en")
    assert "Rung of the ladder: Not stated\n" in english
    assert "Sector: Not stated\n" in english and "Place: Not stated\n" in english
    assert "#not-stated" not in english
    assert "Gris ar yr ysgol: Heb ei nodi\n" in card(tmp_path, files, "cy")


def test_not_stated_cannot_be_mixed_with_stages(tmp_path):
    files = edit_both(valid_files(), "stages: [co-design, co-delivery]", "stages: [co-design, not-stated]")
    assert report(tmp_path, files) == [
        f"docs/{lang}/case-studies/healthy.md:5: stages: 'not-stated' cannot be listed with other values"
        for lang in ("cy", "en")
    ]


def test_years_are_labelled_as_the_source_year_when_that_is_all_they_are(tmp_path):
    assert "When: 2014\n" in card(tmp_path, valid_files(), "en")
    files = edit_both(valid_files(), "years_basis: work", "years_basis: source-year")
    assert "When: Not stated (source year: 2014)\n" in card(tmp_path, files, "en")
    assert "Pryd: Heb ei nodi (blwyddyn y ffynhonnell: 2014)\n" in card(tmp_path, files, "cy")
    assert "Why this rung: Summary.\n" in card(tmp_path, files, "en")


def test_years_basis_has_no_not_stated(tmp_path):
    files = edit_both(valid_files(), "years_basis: work", "years_basis: not-stated")
    assert report(tmp_path, files) == [
        f"docs/{lang}/case-studies/healthy.md:12: years_basis: unknown value 'not-stated' (expected one of work, source-year)"
        for lang in ("cy", "en")
    ]


def test_twin_records_a_hash(tmp_path):
    files = edit_both(valid_files(), "years_basis: work\n", 'years_basis: work\ntwin: "0123456789ab"\n')
    assert report(tmp_path, files) == []
    files = edit_both(valid_files(), "years_basis: work\n", "years_basis: work\ntwin: reviewed\n")
    assert report(tmp_path, files) == [
        f"docs/{lang}/case-studies/healthy.md:13: twin: expected a hash written by `make translations`, got 'reviewed'"
        for lang in ("cy", "en")
    ]
