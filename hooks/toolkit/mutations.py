"""Welsh initial mutations, for search: every form of a word finds the others.

A mutation changes a word's first letters after certain words (*cydgynhyrchu* becomes
*gydgynhyrchu*, *nghydgynhyrchu* or *chydgynhyrchu*). lunr knows nothing of this, so the
build adds each word's radical (dictionary) form to the search index, and the query script
(docs/assets/js/search-welsh.js) looks for the radical forms of what the reader typed. The
table below is the one source of the rules: the build hands it to that script in the index.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache

VOWELS = "aeiouwyâêîôûŵŷáéíóúàèìòùäëïöü"
DIGRAPHS = ("ch", "dd", "ff", "ng", "ll", "ph", "rh", "th")


@dataclass(frozen=True)
class Rule:
    """A mutation turns the radical's first letters `radical` into `mutated`."""

    kind: str  # soft, nasal, aspirate or h
    radical: str
    mutated: str


RULES: tuple[Rule, ...] = (
    Rule("soft", "c", "g"), Rule("soft", "p", "b"), Rule("soft", "t", "d"), Rule("soft", "g", ""),
    Rule("soft", "b", "f"), Rule("soft", "d", "dd"), Rule("soft", "m", "f"), Rule("soft", "ll", "l"),
    Rule("soft", "rh", "r"),
    Rule("nasal", "c", "ngh"), Rule("nasal", "p", "mh"), Rule("nasal", "t", "nh"), Rule("nasal", "g", "ng"),
    Rule("nasal", "b", "m"), Rule("nasal", "d", "n"),
    Rule("aspirate", "c", "ch"), Rule("aspirate", "p", "ph"), Rule("aspirate", "t", "th"),
    Rule("h", "", "h"),  # h- before a vowel: ei hardal (ardal)
)


def first_letter(word: str) -> str:
    """The first letter in the Welsh alphabet, where ch, dd, ff, ng, ll, ph, rh and th are one."""
    return next((d for d in DIGRAPHS if word.startswith(d)), word[:1])


def mutated_forms(radical: str) -> set[str]:
    """Every form a radical word can take, itself included. Only the whole first letter
    mutates: *chwarae* and *llan* are not *c-* or *l-* words."""
    word = radical.lower()
    letter = first_letter(word)
    forms = {word}
    for rule in RULES:
        if rule.kind == "h":
            if letter in VOWELS:
                forms.add("h" + word)
        elif rule.radical == letter:
            forms.add(rule.mutated + word[len(letter):])
    return forms


@lru_cache(maxsize=65536)
def radicals(word: str) -> frozenset[str]:
    """Every word this one could be a mutated form of, itself included.

    Mutated prefixes are matched longest first: *nghymru* comes only from *cymru*, never
    from a word in *g-* (as *ng* alone would suggest). The dropped *g* of the soft mutation
    means any word might have lost one, so *waith* gives *gwaith*.
    """
    word = word.lower()
    found = {word}
    prefixes = [r.mutated for r in RULES if r.kind != "h" and r.mutated and word.startswith(r.mutated)]
    longest = max(prefixes, key=len, default=None)
    for rule in RULES:
        if rule.kind == "h":
            if word.startswith("h") and word[1:2] in VOWELS:
                found.add(word[1:])
        elif rule.mutated == "":
            found.add(rule.radical + word)
        elif rule.mutated == longest:
            found.add(rule.radical + word[len(rule.mutated):])
    return frozenset(found)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case, no hyphens, no accents: *Cyd-gynhyrchu* and *pŵer* become
    *cydgynhyrchu* and *pwer*."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("’", "'"))
    return re.sub(r"[\u0300-\u036f\-]", "", decomposed)


def rules_table() -> list[dict[str, str]]:
    """The rules as plain data, for the query script."""
    return [asdict(rule) for rule in RULES]
