"""A sitemap for each language folder.

The i18n plugin writes one sitemap, at the root, for the whole site. Material's language
switcher also asks for en/sitemap.xml; without it every English page logs a 404. That
sitemap lists the English pages, each with its alternates.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .languages import DEFAULT_LANGUAGE, LANGUAGES

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def write_language_sitemaps(site_dir: Path) -> list[Path]:
    root_map = Path(site_dir) / "sitemap.xml"
    if not root_map.is_file():
        return []
    for prefix, uri in NS.items():
        ET.register_namespace("" if prefix == "s" else "xhtml", uri)
    written = []
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        tree = ET.parse(root_map)
        urlset = tree.getroot()
        for url in urlset.findall("s:url", NS):
            alternate = url.find(f"x:link[@hreflang='{lang}']", NS)
            if alternate is None or url.find("s:loc", NS).text != alternate.get("href"):
                urlset.remove(url)
        target = Path(site_dir) / lang / "sitemap.xml"
        tree.write(target, encoding="UTF-8", xml_declaration=True)
        written.append(target)
    return written
