"""Search that understands Welsh, one index per language, loaded only when a reader searches.

After the build, Material's one search index for both languages is split into one per
language (`search/search_index.cy.json`, `search_index.en.json`, and for file:// readers
`search_index.cy.js`, `search_index.en.js` holding `var __index = …`), and the combined
files are removed. docs/assets/js/search-welsh.js fetches the reader's language only, when
search is first focused or opened (see toolkit.theme_internals for the theme's side).

Each page section gets a hidden `variants` field: its words without hyphens or accents,
and, for Welsh pages, the radical form of each mutated word when that radical is a word the
site uses. The Welsh index's config carries the mutation rules for the query script, so the
rules live only in toolkit/mutations.py. English queries are stemmed in the query script
(lunr's own stemmer cannot help: Material adds a trailing wildcard to every query word, and
lunr skips its stemmer for wildcard terms).
"""

from __future__ import annotations

import copy
import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .memo import by_text
from .mutations import VOWELS, fold, radicals, rules_table

TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W\d_])?")
VARIANTS_BOOST = 0.5  # below the text's 1.0, so the form the reader typed ranks first


def words(doc: dict) -> list[str]:
    text = html.unescape(TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}"))
    return WORD.findall(text)


def language_of(doc: dict) -> str:
    """Pages of the default language are at the site root, the others under /<lang>/."""
    folder = doc["location"].partition("/")[0]
    return folder if folder in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class DocWords:
    """What a doc's words offer search, before the site's vocabulary is known."""

    folded: frozenset[str]  # every word folded (no accents or hyphens): the Welsh vocabulary
    variants: frozenset[str]  # folded forms that differ from the word as written
    radicals: frozenset[str]  # Welsh only: possible radicals of mutated words, kept if the site uses them


@lru_cache(maxsize=262144)
def word_forms(word: str, lang: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """A word's folded form, and the variants it gives search (its possible radicals too, in
    Welsh); remembered, as the same words recur on every page."""
    form = fold(word)
    variants = {form} if form != word.lower() else set()
    return form, frozenset(variants), frozenset(radicals(form) - {form}) if lang == "cy" else frozenset()


def learn_entries(entries: list[tuple[str, str, str]]) -> None:
    """Work out the words of a page's search entries (title, text, location) as the page is
    built, ahead of the index (a head start for the second process: toolkit.worker)."""
    for title, text, location in entries:
        doc_words(f"{title} {text}", language_of({"location": location}))


@by_text
def doc_words(text: str, lang: str) -> DocWords:
    """Remembered per text, so `mkdocs serve` works out only the pages a save changed."""
    forms = [word_forms(word, lang) for word in set(words({"text": text}))]
    return DocWords(frozenset(form for form, _, _ in forms),
                    frozenset().union(*(variants for _, variants, _ in forms)),
                    frozenset().union(*(found for _, _, found in forms)))


def expand_index(index: dict) -> dict:
    """Add the `variants` field to every doc, and the rules and field to the config."""
    docs = [(doc, doc_words(f"{doc.get('title', '')} {doc.get('text', '')}", language_of(doc)))
            for doc in index["docs"]]
    vocabulary = set().union(*(found.folded for doc, found in docs if language_of(doc) == "cy"))
    for doc, found in docs:
        variants = found.variants | (found.radicals & vocabulary)
        if variants:
            doc["variants"] = " ".join(sorted(variants))
    index["config"]["fields"]["variants"] = {"boost": VARIANTS_BOOST}
    index["config"]["welsh"] = {"rules": rules_table(), "vowels": VOWELS}
    return index


def split_index(index: dict) -> dict[str, dict]:
    """One index per language: its own docs; the Welsh rules only in Welsh."""
    split = {}
    for lang in LANGUAGES:
        config = copy.deepcopy(index["config"])
        if lang != "cy":
            config.pop("welsh", None)
        split[lang] = {"config": config, "docs": [doc for doc in index["docs"] if language_of(doc) == lang]}
    return split


def index_path(site_dir: Path, lang: str, suffix: str) -> Path:
    """search/search_index.<lang>.json (http) or .js (file://: `var __index = …`)."""
    return Path(site_dir) / "search" / f"search_index.{lang}{suffix}"


def write_language_indexes(site_dir: Path, scripts: bool = True) -> dict[str, int] | None:
    """Replace Material's combined index (and the offline plugin's .js copy) with one
    expanded index per language; the .js copies only when `scripts` (not needed by serve).
    Returns the bytes of each language's JSON index, or None if search is off."""
    folder = Path(site_dir) / "search"
    source = folder / "search_index.json"
    if not source.is_file():
        return None
    index = expand_index(json.loads(source.read_text(encoding="utf-8")))
    sizes = {}
    for lang, part in split_index(index).items():
        data = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        index_path(site_dir, lang, ".json").write_text(data, encoding="utf-8")
        if scripts:
            index_path(site_dir, lang, ".js").write_text(f"var __index = {data}", encoding="utf-8")
        sizes[lang] = len(data.encode("utf-8"))
    source.unlink()
    (folder / "search_index.js").unlink(missing_ok=True)
    return sizes
