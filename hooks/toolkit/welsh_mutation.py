"""Welsh mutation after common trigger words, for link text: *yn Cam 1* should read *yng
Ngham 1*, *â cydgomisiynu* should read *â chydgomisiynu*.

Link text is where mutations go wrong: a title the build inserts, or one an author copied
from a heading, is in its dictionary (radical) form, and the word before it may need it
mutated. The rules come from mutations.py.

What it checks (the word before the link text, then the text's first word):

- soft after *i*, *o*, *gan*, *am*, *ar*, *at*, *dan*, *dros*, *drwy*, *trwy*, *heb*, *hyd*,
  *wrth*, *dau*, *dwy*: c, p, t, m, ll, rh (*i gydgynhyrchu*, *o Gymru*);
- nasal after *fy* (c, p, t, g, b, d) and after *yn*/*yng*/*ym* before a capitalised word in
  c, p, t (*yng Nghymru*, *yng Ngham 1*), with *yn* itself becoming *yng*/*ym*;
- aspirate after *a* (and), *â*, *gyda*, *tua*: c, p, t (*a chydgyflenwi*, *â chydgomisiynu*);
- *a*/*ac* and *â*/*ag*: *ac* and *ag* before a vowel, *a* and *â* before a consonant
  (*ac Ymddiriedolaeth*, *a chydgyflenwi*).

What it does not catch, on purpose (each is ambiguous without parsing the sentence):

- *yn* before a lower-case word: it may be *in* (nasal), predicative (soft, *yn gymuned*) or
  mark a verb-noun (no mutation, *yn cydgynhyrchu*);
- *ei* (his: soft; her: aspirate, h- before vowels), *a* as *which* (soft) and *yn* before
  g-, b-, d- (*yn Gymraeg* is right): reported only where every reading needs a change,
  with each reading named;
- radicals in g-, b-, d- after soft triggers, which may already be soft forms of c-, p-, t-;
- names: citations (text ending in a year, '(2014)'), acronyms, words with letters Welsh
  does not use (j, k, q, v, x, z), and anything inside `<span lang="en">…</span>`. Mark
  other English names that way and the check leaves them alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .findings import Finding
from .memo import by_text
from .mutations import RULES, VOWELS, first_letter

SOFT_TRIGGERS = frozenset({"i", "o", "gan", "am", "ar", "at", "dan", "dros", "drwy", "trwy", "heb", "hyd", "wrth",
                           "dau", "dwy"})
ASPIRATE_TRIGGERS = frozenset({"a", "â", "gyda", "tua"})
NASAL_IN = frozenset({"yn", "yng", "ym"})  # 'in', before a capitalised name or title
SOFT_ONLY = ("c", "p", "t", "m", "ll", "rh")  # radicals no soft mutation produces
NASAL_FY = ("c", "p", "t", "g", "b", "d")
CPT = ("c", "p", "t")
NOT_WELSH = re.compile(r"[jkqvxz]", re.I)
CITATION = re.compile(r"\(\d{4}[a-z]?\)|\bet al\b|&")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
NASAL_YN = {"ngh": "yng", "mh": "ym", "nh": "yn"}  # the form 'yn' takes before each nasal


def _nasal_start(word: str) -> str | None:
    return next((p for p in NASAL_YN if word.lower().startswith(p)), None)


@dataclass(frozen=True)
class Advice:
    """What the trigger needs: the corrected words (trigger included) and the mutation's name."""

    words: str
    mutation: str


def mutate(word: str, kind: str) -> str:
    """`word` with the `kind` mutation (soft, nasal or aspirate), keeping its capital."""
    letter = first_letter(word.lower())
    rule = next((r for r in RULES if r.kind == kind and r.radical == letter), None)
    if rule is None:
        return word
    mutated = rule.mutated + word[len(letter):]
    return mutated[:1].upper() + mutated[1:] if word[:1].isupper() and mutated else mutated


def _is_name_like(word: str, text: str) -> bool:
    """Words the rules must not touch: citations, acronyms and non-Welsh spellings."""
    return bool(CITATION.search(text) or NOT_WELSH.search(word) or (len(word) > 1 and word.isupper()))


def advise(previous: str, text: str) -> list[Advice]:
    """What the word before (`previous`) needs of `text`; empty if nothing is wrong or it is
    too ambiguous to say. More than one entry when the reading decides (ei: his or her)."""
    trigger = previous.lower()
    match = WORD.match(text.strip())
    if not match:
        return []
    word = match.group(0)
    rest = text.strip()[len(word):]
    if _is_name_like(word, text):
        return []
    lower = word.lower()
    letter = first_letter(lower)
    vowel = letter in VOWELS

    def fix(trigger_word: str, kind: str | None) -> Advice:
        new = mutate(word, kind) if kind else word
        return Advice(f"{trigger_word} {new}{rest}", kind or "")

    if trigger in ("a", "ac") and vowel:
        return [] if trigger == "ac" else [fix("ac", None)]
    if trigger in ("â", "ag") and vowel:
        return [] if trigger == "ag" else [fix("ag", None)]
    if trigger == "ac":
        return [fix("a", "aspirate" if letter in CPT else None)]
    if trigger == "ag":
        return [fix("â", "aspirate" if letter in CPT else None)]
    if trigger in ASPIRATE_TRIGGERS and letter in CPT:
        return [fix(previous, "aspirate")]
    if trigger in SOFT_TRIGGERS and letter in SOFT_ONLY:
        return [fix(previous, "soft")]
    if trigger == "fy" and letter in NASAL_FY:
        return [fix(previous, "nasal")]
    if trigger == "ei" and letter in CPT:
        return [fix(previous, "soft"), fix(previous, "aspirate")]
    if trigger in NASAL_IN and word[:1].isupper():
        if letter in CPT:
            new = mutate(word, "nasal")
            return [Advice(f"{NASAL_YN[_nasal_start(new)]} {new}{rest}", "nasal")]
        start = _nasal_start(word)
        if start in ("ngh", "mh", "nh") and trigger != NASAL_YN[start]:
            return [Advice(f"{NASAL_YN[start]} {word}{rest}", "")]
    return []


def expected_form(previous_words: str, text: str) -> str | None:
    """The form `text` should take after `previous_words` (the text before it), or None if it
    is right as it is, the context is ambiguous, or the word before must change too (yn ->
    yng, a -> ac): the build cannot rewrite the author's words, so validation reports those.

    For the build, when it inserts a title: expected_form('cynllun a', 'cydgyflenwi') is
    'chydgyflenwi'; expected_form('gweler', 'Cam 1') is None."""
    words = WORD.findall(previous_words)
    return _expected_after(words[-1], text) if words else None


@lru_cache(maxsize=4096)
def _expected_after(previous: str, text: str) -> str | None:
    """expected_form for the last word before: titles and their triggers repeat across pages."""
    advice = advise(previous, text)
    if len(advice) != 1:
        return None
    trigger, new_text = advice[0].words.split(" ", 1)
    if trigger != previous or new_text == text.strip():
        return None
    return new_text


PREVIOUS = re.compile(r"(?:^|[\s(])([^\W\d_]+|â)\s+$")


def _message(previous: str, text: str, advice: list[Advice]) -> str:
    shown = text.strip()
    if len(advice) == 1:
        a = advice[0]
        if a.mutation:
            return f"after '{previous}', write '{a.words}' ({a.mutation} mutation of '{shown}')"
        return f"write '{a.words}', not '{previous} {shown}'"
    readings = " or ".join(f"'{a.words}' ({'his' if a.mutation == 'soft' else 'her'})" for a in advice)
    return f"after '{previous}', write {readings}: '{shown}' needs a mutation either way"


def _skipped(node: LexborNode) -> bool:
    """Inside code, or in a passage marked as English."""
    parent = node.parent
    while parent is not None:
        if parent.tag in ("code", "pre") or (parent.attributes or {}).get("lang", "cy") != "cy":
            return True
        parent = parent.parent
    return False


@by_text
def check_rendered(html: str) -> list[Finding]:
    """Links in a Welsh page's rendered content whose text the word before it should mutate.

    Reads what the reader gets, so titles the build inserts are checked like the author's
    own words, and links in code are not links. Citations (links to the references page)
    are names, which do not mutate."""
    findings: list[Finding] = []
    tree = LexborHTMLParser(html)
    for link in tree.css("a[href]"):
        href = link.attributes.get("href") or ""
        if "references." in href or _skipped(link) or link.css_first("[lang]:not([lang=cy])") is not None:
            continue
        before = link.prev
        previous_text = (before.text(deep=True) if before is not None else "") or ""
        match = PREVIOUS.search(previous_text)
        text = link.text(deep=True) or ""
        if not match or not text.strip():
            continue
        previous = match.group(1)
        advice = advise(previous, text)
        if advice:
            shown = text.strip()
            findings.append(Finding(_message(previous, text, advice),
                                    (f"{previous} [{shown}", f"|{shown}]]", f"{previous} [[", shown)))
    return findings
