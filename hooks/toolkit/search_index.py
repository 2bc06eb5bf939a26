"""Search that understands Welsh: expand Material's search index after the build.

Each page section of the index gets a hidden `variants` field: its words without hyphens or
accents, and, for Welsh pages, the radical form of each mutated word when that radical is a
word the site uses. The query script (docs/assets/js/search-welsh.js) reads the mutation
rules from the index's config, so the rules live only in toolkit/mutations.py.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .mutations import VOWELS, fold, radicals, rules_table

TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W\d_])?")
VARIANTS_BOOST = 0.5  # below the text's 1.0, so the form the reader typed ranks first


@dataclass(frozen=True)
class IndexSize:
    """Bytes of search_index.json before and after the expansion."""

    before: int
    after: int

    @property
    def ratio(self) -> float:
        return self.after / self.before


def words(doc: dict) -> list[str]:
    text = html.unescape(TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}"))
    return WORD.findall(text)


def is_welsh(doc: dict) -> bool:
    return not doc["location"].startswith("en/")


def expand_index(index: dict) -> dict:
    """Add the `variants` field to every doc, and the rules and field to the config."""
    vocabulary = {fold(w) for doc in index["docs"] if is_welsh(doc) for w in words(doc)}
    for doc in index["docs"]:
        variants: set[str] = set()
        for word in words(doc):
            folded = fold(word)
            if folded != word.lower():
                variants.add(folded)
            if is_welsh(doc):
                variants.update(r for r in radicals(folded) if r != folded and r in vocabulary)
        if variants:
            doc["variants"] = " ".join(sorted(variants))
    index["config"]["fields"]["variants"] = {"boost": VARIANTS_BOOST}
    index["config"]["welsh"] = {"rules": rules_table(), "vowels": VOWELS}
    return index


def expand_search_index(site_dir: Path) -> IndexSize | None:
    """Rewrite search/search_index.json and the offline plugin's search_index.js."""
    folder = Path(site_dir) / "search"
    source = folder / "search_index.json"
    if not source.is_file():
        return None
    before = source.stat().st_size
    data = json.dumps(expand_index(json.loads(source.read_text(encoding="utf-8"))), ensure_ascii=False,
                      separators=(",", ":"))
    source.write_text(data, encoding="utf-8")
    script = folder / "search_index.js"
    if script.is_file():  # the offline plugin's copy, for file:// readers
        script.write_text(f"var __index = {data}", encoding="utf-8")
    return IndexSize(before, len(data.encode("utf-8")))
