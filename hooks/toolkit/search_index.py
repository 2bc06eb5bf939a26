"""Search that understands Welsh, one index per language, loaded only when a reader searches.

After the build, Material's one search index for both languages is split into one per
language (`search/search_index.cy.json`, `search_index.en.json`, and for file:// readers
`search_index.cy.js`, `search_index.en.js` holding `var __index = …`), and the combined
files are removed. docs/assets/js/search-welsh.js fetches the reader's language only, when
search is first focused or opened (see toolkit.theme_internals for the theme's side).

Each page section gets a hidden `variants` field: its words without hyphens or accents,
and, for Welsh pages, the radical form of each mutated word when that radical is a word the
site uses. The Welsh index's config carries the mutation rules for the query script, so the
rules live only in toolkit/mutations.py. English words also get their siblings: the other
words of the site with the same stem (Snowball's English stemmer), so "commissioned" finds
"commissioning" while prefixes still match as the reader types. (Stemming in lunr instead
would break that: Material adds a trailing wildcard to every query word, and wildcard terms
skip lunr's stemmer.) lunr and Snowball have no Welsh stemmer; Welsh has the mutations.
"""

from __future__ import annotations

import copy
import html
import json
import re
from pathlib import Path

import snowballstemmer

from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .mutations import VOWELS, fold, radicals, rules_table

TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W\d_])?")
VARIANTS_BOOST = 0.5  # below the text's 1.0, so the form the reader typed ranks first
STEMMERS = {"en": "english"}  # Snowball stemmers by language


def words(doc: dict) -> list[str]:
    text = html.unescape(TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}"))
    return WORD.findall(text)


def language_of(doc: dict) -> str:
    """Pages of the default language are at the site root, the others under /<lang>/."""
    folder = doc["location"].partition("/")[0]
    return folder if folder in LANGUAGES else DEFAULT_LANGUAGE


def siblings(words_by_doc: list[set[str]], stemmer: str) -> dict[str, frozenset[str]]:
    """Each lower-case word -> the words it must be findable by: the words in these docs
    with the same stem, less any that is a prefix of the word or of another sibling (the
    query's trailing wildcard already finds those)."""
    vocabulary = sorted({fold(w) for found in words_by_doc for w in found})
    families: dict[str, list[str]] = {}
    for word, stem in zip(vocabulary, snowballstemmer.stemmer(stemmer).stemWords(vocabulary)):
        families.setdefault(stem, []).append(word)
    by_word = {}
    for family in families.values():
        if len(family) == 1:
            continue
        for word in family:
            others = [v for v in family if not word.startswith(v)]
            by_word[word] = frozenset(v for v in others if not any(o != v and o.startswith(v) for o in others))
    return by_word


def expand_index(index: dict) -> dict:
    """Add the `variants` field to every doc, and the rules and field to the config."""
    docs = [(doc, language_of(doc), set(words(doc))) for doc in index["docs"]]
    vocabulary = {fold(w) for _, lang, found in docs if lang == "cy" for w in found}
    family = {lang: siblings([found for _, lg, found in docs if lg == lang], stemmer)
              for lang, stemmer in STEMMERS.items()}
    known: dict[tuple[str, str], frozenset[str]] = {}  # (language, word) -> its variants

    def variants_of(lang: str, word: str) -> frozenset[str]:
        if (lang, word) not in known:
            folded = fold(word)
            found = {folded} if folded != word.lower() else set()
            if lang == "cy":
                found |= {r for r in radicals(folded) if r != folded and r in vocabulary}
            elif lang in family:
                found |= family[lang].get(folded, frozenset())
            known[lang, word] = frozenset(found)
        return known[lang, word]

    for doc, lang, found in docs:
        variants = set().union(*(variants_of(lang, w) for w in found))
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
