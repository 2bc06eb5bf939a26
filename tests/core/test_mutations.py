"""The Welsh mutation rules behind search, and the index expansion built on them."""

from __future__ import annotations

import pytest

from toolkit.mutations import RULES, fold, mutated_forms, radicals
from toolkit.search_index import expand_index

# (radical, soft, nasal, aspirate): None where that mutation does not touch the letter.
TABLE = [
    ("cath", "gath", "nghath", "chath"),
    ("pen", "ben", "mhen", "phen"),
    ("tad", "dad", "nhad", "thad"),
    ("gardd", "ardd", "ngardd", None),
    ("bara", "fara", "mara", None),
    ("dydd", "ddydd", "nydd", None),
    ("mam", "fam", None, None),
    ("llaw", "law", None, None),
    ("rhan", "ran", None, None),
]


@pytest.mark.parametrize("radical, soft, nasal, aspirate", TABLE)
def test_every_form_in_the_table_comes_and_goes_back(radical, soft, nasal, aspirate):
    expected = {radical} | {form for form in (soft, nasal, aspirate) if form}
    assert mutated_forms(radical) == expected
    for form in expected:
        assert radical in radicals(form), form


def test_the_table_has_every_mutation_the_toolkit_promises():
    pairs = {(r.kind, r.radical, r.mutated) for r in RULES}
    assert pairs == {
        ("soft", "c", "g"), ("soft", "p", "b"), ("soft", "t", "d"), ("soft", "g", ""), ("soft", "b", "f"),
        ("soft", "d", "dd"), ("soft", "m", "f"), ("soft", "ll", "l"), ("soft", "rh", "r"),
        ("nasal", "c", "ngh"), ("nasal", "p", "mh"), ("nasal", "t", "nh"), ("nasal", "g", "ng"),
        ("nasal", "b", "m"), ("nasal", "d", "n"),
        ("aspirate", "c", "ch"), ("aspirate", "p", "ph"), ("aspirate", "t", "th"),
        ("h", "", "h"),
    }


def test_h_before_a_vowel():
    assert mutated_forms("ardal") == {"ardal", "hardal"}
    assert "ardal" in radicals("hardal")
    assert "ran" not in radicals("hran")  # h- only before a vowel


def test_the_toolkits_own_word_in_all_its_forms():
    forms = {"cydgynhyrchu", "gydgynhyrchu", "nghydgynhyrchu", "chydgynhyrchu"}
    assert mutated_forms("cydgynhyrchu") == forms
    assert all("cydgynhyrchu" in radicals(form) for form in forms)
    assert "partneriaeth" in radicals("bartneriaeth")


def test_digraphs_are_matched_longest_first():
    assert radicals("nghymru") == {"nghymru", "cymru", "gnghymru"}  # not g- + hymru
    assert "bhobl" not in radicals("mhobl") and "pobl" in radicals("mhobl")
    assert radicals("ddim") == {"ddim", "dim", "gddim"}  # not t- + dim
    assert radicals("nhad") == {"nhad", "tad", "gnhad"}
    assert radicals("ngwaith") == {"ngwaith", "gwaith", "gngwaith"}


def test_letters_that_are_digraphs_do_not_mutate_as_their_first_half():
    assert mutated_forms("chwarae") == {"chwarae"}  # ch is a letter, not c + h
    assert mutated_forms("llan") == {"llan", "lan"}
    assert mutated_forms("thema") == {"thema"}
    assert mutated_forms("ffordd") == {"ffordd"}


def test_fold_removes_hyphens_accents_and_case():
    assert fold("Cyd-gynhyrchu") == "cydgynhyrchu"
    assert fold("pŵer") == "pwer"
    assert fold("Co-production") == "coproduction"


def index_of(*docs: tuple[str, str]) -> dict:
    return {"config": {"fields": {"title": {}, "text": {}}},
            "docs": [{"location": loc, "title": "", "text": text} for loc, text in docs]}


def test_index_gets_radicals_only_when_the_site_uses_them():
    index = expand_index(index_of(
        ("a.html", "Y bartneriaeth a'r gwaith"),
        ("b.html", "Partneriaeth gyda'r pŵer"),
        ("c.html", "Mae cyd-gynhyrchu yn digwydd"),
        ("en/d.html", "Co-production and power"),
    ))
    variants = {doc["location"]: doc.get("variants", "").split() for doc in index["docs"]}
    assert "partneriaeth" in variants["a.html"]
    assert "cwaith" not in variants["a.html"]  # gwaith only looks like a mutated cwaith
    assert "pwer" in variants["b.html"]
    assert "cydgynhyrchu" in variants["c.html"]
    assert variants["en/d.html"] == ["coproduction"]  # English: no mutations, hyphens folded
    assert index["config"]["fields"]["variants"]["boost"] < 1
    assert {"kind": "nasal", "radical": "c", "mutated": "ngh"} in index["config"]["welsh"]["rules"]
