"""Spelling in both languages, with Debian's aspell dictionaries (aspell-cy, aspell-en).

Welsh is checked mutation-aware: an unknown word is retried in each of its radical forms,
so *gydgynhyrchu* is as right as *cydgynhyrchu*. Clitics (*Mae'n*, *i'r*, *a'i*) are split
off. Passages marked with another language (`lang="en"`) are skipped: on a Welsh page a
capitalised English word is a name (of a programme, an organisation, a work) and is
accepted if the English dictionary knows it. What the dictionaries lack goes in the
reviewed word lists in spelling/: names.txt (both languages), cy.txt and en.txt.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .languages import LANGUAGES
from .mutations import radicals
from .pages import Page, outside_code
from .problems import Problem

DICTIONARIES = {"cy": "cy", "en": "en_GB"}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
STRIP = [
    re.compile(r"<!--.*?-->"),
    re.compile(r"`[^`]*`"),
    re.compile(r"<(\w+)[^>]*\blang=[\"'](?!{lang})[a-z]+[\"'][^>]*>.*?</\1>"),  # other-language passages
    re.compile(r"\[\[[a-z]+:[^\]|]*\]\]"),  # cross-references: their text is the target's title
    re.compile(r"\[\[[a-z]+:[^\]|]*\|"),  # ...but custom link text is checked
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"<https?://[^>]*>|https?://\S+|\bdoi:\s*\S+"),
    re.compile(r"<[^>]+>"),  # tags and their attributes
    re.compile(r"\{[^}]*\}"),  # attribute lists
    re.compile(r"^\s*\*\[[^\]]+\]:"),  # abbreviation definitions
    re.compile(r"!!! \w+|\?\?\?\+? \w+"),  # admonition types
]
FRONT_MATTER_PROSE = ("title", "summary", "place", "organisations", "outcomes", "description", "basis")
NOT_STATED = "not-stated"  # a controlled value, not prose


@dataclass(frozen=True)
class WordLists:
    """The reviewed project word lists: names for both languages, and one per language."""

    names: frozenset[str]
    words: dict[str, frozenset[str]]

    @classmethod
    def load(cls, folder: Path) -> "WordLists":
        def read(name: str) -> frozenset[str]:
            path = folder / name
            if not path.is_file():
                return frozenset()
            lines = path.read_text(encoding="utf-8").splitlines()
            return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))

        return cls(read("names.txt"), {lang: read(f"{lang}.txt") for lang in LANGUAGES})

    def knows(self, word: str, lang: str) -> bool:
        lowered = word.lower()
        return lowered in self.names or lowered in self.words.get(lang, frozenset())


def prose_lines(page: Page) -> list[tuple[int, str]]:
    """(line, text) for the page's prose: front-matter prose values and the body, without
    code, markup, link targets or passages in the other language."""
    lines: list[tuple[int, str]] = []
    text_lines = page.text.splitlines()
    for key in FRONT_MATTER_PROSE:
        value = page.front.data.get(key)
        values = value if isinstance(value, list) else [value]
        line = page.front.key_lines.get(key)
        for item in values:
            if isinstance(item, str) and line and item != NOT_STATED:
                lines.append((line, item))
    other_lang = re.compile(rf'\{{\s*lang="?(?!{page.lang})[a-z]+"?\s*\}}')
    strip = [re.compile(p.pattern.replace("{lang}", page.lang), p.flags) for p in STRIP]
    for number, line in outside_code(page.text, page.body_line):
        following = text_lines[number] if number < len(text_lines) else ""
        if line.lstrip().startswith("--8<--") or other_lang.search(following):
            continue  # a snippet include, or a paragraph marked { lang="en" } on the next line
        for pattern in strip:
            line = pattern.sub(" ", line)
        lines.append((number, line))
    return lines


def tokens(text: str) -> list[str]:
    """Words, with Welsh and English clitics split off (Mae'n, i'r, it's)."""
    found = []
    for word in WORD.findall(text.replace("’", "'")):
        for part in word.split("'"):
            if len(part) > 2 and not part.isupper():
                found.append(part)
    return found


def aspell_unknown(words: set[str], dictionary: str) -> set[str]:
    """The words aspell does not know, in one call."""
    if not words:
        return set()
    result = subprocess.run(["aspell", "-d", dictionary, "--encoding=utf-8", "list"], input="\n".join(sorted(words)),
                            capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def unknown_words(words: set[str], lang: str, lists: WordLists) -> set[str]:
    """Words neither the dictionary nor the word lists know; Welsh retried in radical form,
    and capitalised English names allowed on Welsh pages."""
    unknown = {w for w in aspell_unknown(words, DICTIONARIES[lang]) if not lists.knows(w, lang)}
    if lang != "cy" or not unknown:
        return unknown
    candidates = {w: radicals(w.lower()) - {w.lower()} for w in unknown}
    flat = {c for cs in candidates.values() for c in cs}
    unknown_candidates = aspell_unknown(flat, DICTIONARIES["cy"])
    still = {w for w in unknown
             if not any(c not in unknown_candidates or lists.knows(c, "cy") for c in candidates[w])}
    capitalised = {w for w in still if w[:1].isupper()}
    english_names = capitalised - aspell_unknown(capitalised, DICTIONARIES["en"])
    return still - english_names


def check_spelling(pages: list[Page], word_lists: Path) -> list[Problem]:
    """`path:line: word` for every unknown word, each once per line."""
    if shutil.which("aspell") is None:
        raise RuntimeError("aspell is not installed: run scripts/install-system-deps.sh")
    lists = WordLists.load(word_lists)
    where: dict[str, list[tuple[Page, int, str]]] = defaultdict(list)
    for page in pages:
        for number, line in prose_lines(page):
            for word in dict.fromkeys(tokens(line)):
                where[page.lang].append((page, number, word))
    problems = []
    for lang, places in where.items():
        unknown = unknown_words({w for _, _, w in places}, lang, lists)
        problems.extend(Problem(page.path, number, word) for page, number, word in places if word in unknown)
    return sorted(set(problems))
