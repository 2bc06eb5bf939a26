"""The Welsh mutation check on planted errors: the exact `path:line: message` an author sees,
and silence where the grammar is ambiguous or the words are names."""

from __future__ import annotations

import re

import markdown
import pytest
from trees import report, valid_files, write_tree

from toolkit.findings import trace
from toolkit.markdown_ext import RenderContext
from toolkit.render import prepare_context
from toolkit.site import collect
from toolkit.site_check import markdown_for
from toolkit.welsh_mutation import check_rendered, expected_form, mutate

PAGE = "docs/cy/x.md"


def lines(text: str) -> list[str]:
    """The report for a Welsh page's text, checked as rendered (cross-references with their
    own text stand in for the links the build would make)."""
    source = re.sub(r"\[\[ref:[^|\]]*\|([^\]]+)\]\]", r"[\1](references.md#x)", text)
    source = re.sub(r"\[\[[a-z]+:[^|\]]*\|([^\]]+)\]\]", r"[\1](x.md)", source)
    source = re.sub(r"\[\[[a-z]+:[^\]]*\]\]", "", source)
    html = markdown.Markdown(extensions=["attr_list", "md_in_html", "pymdownx.superfences"]).convert(source)
    return [str(p) for p in trace(check_rendered(html), PAGE, text)]


@pytest.mark.parametrize("word, kind, expected", [
    ("Cam", "nasal", "Ngham"), ("cydgomisiynu", "aspirate", "chydgomisiynu"), ("Caerdydd", "soft", "Gaerdydd"),
    ("llais", "soft", "lais"), ("rhwydwaith", "soft", "rwydwaith"), ("gwaith", "nasal", "ngwaith"),
    ("tîm", "aspirate", "thîm"), ("Pen-y-bont", "nasal", "Mhen-y-bont"), ("sector", "soft", "sector"),
])
def test_mutate(word, kind, expected):
    assert mutate(word, kind) == expected


def test_the_four_errors_in_the_issue_are_reported_with_the_form_to_write():
    text = ("Y llinell sylfaen a osodir yn [Cam 1](c2.md#step-1).\n"
            "Mae'n cyffwrdd â [[stage:co-commissioning|cydgomisiynu]] a [[stage:co-delivery|cydgyflenwi]].\n"
            "Gweler [[case:vanguard|Vanguard]] a [[case:torfaen|Ymddiriedolaeth Hamdden Torfaen]].\n")
    assert lines(text) == [
        "docs/cy/x.md:1: after 'yn', write 'yng Ngham 1' (nasal mutation of 'Cam 1')",
        "docs/cy/x.md:2: after 'â', write 'â chydgomisiynu' (aspirate mutation of 'cydgomisiynu')",
        "docs/cy/x.md:2: after 'a', write 'a chydgyflenwi' (aspirate mutation of 'cydgyflenwi')",
        "docs/cy/x.md:3: write 'ac Ymddiriedolaeth Hamdden Torfaen', not 'a Ymddiriedolaeth Hamdden Torfaen'",
    ]


def test_each_kind_of_trigger():
    text = "\n".join([
        "Rhoi grym i [cydgynhyrchu](a.md).",                  # soft after i
        "Enghraifft o [Cymru](a.md) a'r byd.",                # soft after o
        "Gwaith gyda [pobl ifanc](a.md).",                    # aspirate after gyda
        "Tua [tri](a.md) o bobl.",                            # aspirate after tua
        "Dyma fy [cynllun](a.md).",                           # nasal after fy
        "Mae ag [cynllun](a.md).",                            # ag before a consonant
        "Cytuno â [Ymddiriedolaeth](a.md).",                  # â before a vowel
        "Siarad am ei [cymuned](a.md).",                      # ei: his or her, both need a change
        "Byw yn [Nghaerdydd](a.md).",                         # the nasal form needs yng, not yn
        "Dau [plentyn](a.md).",                               # soft after dau
    ])
    assert lines(text) == [
        "docs/cy/x.md:1: after 'i', write 'i gydgynhyrchu' (soft mutation of 'cydgynhyrchu')",
        "docs/cy/x.md:2: after 'o', write 'o Gymru' (soft mutation of 'Cymru')",
        "docs/cy/x.md:3: after 'gyda', write 'gyda phobl ifanc' (aspirate mutation of 'pobl ifanc')",
        "docs/cy/x.md:4: after 'Tua', write 'Tua thri' (aspirate mutation of 'tri')",
        "docs/cy/x.md:5: after 'fy', write 'fy nghynllun' (nasal mutation of 'cynllun')",
        "docs/cy/x.md:6: after 'ag', write 'â chynllun' (aspirate mutation of 'cynllun')",
        "docs/cy/x.md:7: write 'ag Ymddiriedolaeth', not 'â Ymddiriedolaeth'",
        "docs/cy/x.md:8: after 'ei', write 'ei gymuned' (his) or 'ei chymuned' (her): 'cymuned' needs a mutation either way",
        "docs/cy/x.md:9: write 'yng Nghaerdydd', not 'yn Nghaerdydd'",
        "docs/cy/x.md:10: after 'Dau', write 'Dau blentyn' (soft mutation of 'plentyn')",
    ]


def test_no_report_where_the_text_is_right_or_the_grammar_ambiguous():
    text = "\n".join([
        "Gweler yng [[step:step-1|Ngham 1]] ac [addysgu](a.md), â [chydgomisiynu](a.md).",
        "Mae hyn yn [cydgynhyrchu](a.md) go iawn, ac yn [gymuned](a.md) gref.",  # verb-noun, predicative
        "Dysgu yn [Gymraeg](a.md) i [gydgynhyrchu](a.md) o [Gymru](a.md).",      # already mutated
        "Gyda [Big Local](a.md), i [Bovaird](a.md) ac o [Pestoff (2012)](a.md).",  # names, citations
        "Gwaith a [gwneud gyda](a.md); ei [gwaith](a.md); a [Kent](a.md); i [CQC](a.md).",
        "Gweler i <span lang=\"en\">[Care Quality Commission](a.md)</span>.",
        "Cod: `i [cydgynhyrchu](a.md)`.",
        "```",
        "i [cydgynhyrchu](a.md)",
        "```",
        "Gweler o [[ref:pestoff-2012]] ac [[ref:x|Pestoff]].",
    ])
    assert lines(text) == []


def test_expected_form_for_a_title_the_build_inserts():
    assert expected_form("mae hyn yn cyffwrdd â", "cydgomisiynu") == "chydgomisiynu"
    assert expected_form("cydgomisiynu a", "cydgyflenwi") == "chydgyflenwi"
    assert expected_form("rhoi grym i", "Cydgynhyrchu") == "Gydgynhyrchu"
    assert expected_form("gweler", "Cam 1") is None
    assert expected_form("i", "gydgynhyrchu") is None  # already right
    assert expected_form("a osodir yn", "Cam 1") is None  # 'yn' must become 'yng': the author's word
    assert expected_form("hyn a", "Ymddiriedolaeth") is None  # 'a' must become 'ac'
    assert expected_form("ei", "cam") is None  # his or her: ambiguous
    assert expected_form("", "Cam 1") is None


def test_a_title_the_build_inserts_takes_the_mutation_it_needs(tmp_path):
    files = valid_files()
    files["cy/index.md"] = files["cy/index.md"].replace("See [[rung:co-production]].",
                                                        "Anelu at [[rung:co-production]] a [[rung:co-production]].")
    assert report(tmp_path, files) == []
    site = collect(write_tree(tmp_path / "again", files), tmp_path / "again")
    context = prepare_context(RenderContext(site=None), site)
    context.start("cy", "index.md")
    html = markdown_for(site.project, context).convert(site.tree.get("cy", "index.md").body)
    assert ">gydgynhyrchu</a> a <a" in html and ">chydgynhyrchu</a>." in html


def test_the_word_before_a_title_is_the_author_s_to_change(tmp_path):
    files = valid_files()
    files["cy/index.md"] = files["cy/index.md"].replace("See [[rung:co-production]].",
                                                        "Mae hyn yn [[case:healthy]] a [[rung:co-production]].")
    files["cy/case-studies/healthy.md"] = files["cy/case-studies/healthy.md"].replace("title: Astudiaeth",
                                                                                      "title: Cam Cyntaf")
    assert report(tmp_path, files) == [
        "docs/cy/index.md:7: after 'yn', write 'yng Ngham Cyntaf' (nasal mutation of 'Cam Cyntaf')",
    ]
