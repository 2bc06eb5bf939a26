"""A sitemap for each language folder, dated by the source, not by the build.

The i18n plugin writes one sitemap, at the root, for the whole site (its own template,
custom_i18n_sitemap/sitemap.xml), and MkDocs writes sitemap.xml.gz beside it. Both stamp
every page's `lastmod` with the day of the build (MkDocs' `page.update_date`), so two
builds of one commit differ. `date_sitemap` rewrites them with the source's date.

Material's language switcher also asks for en/sitemap.xml; without it every English page
logs a 404. That sitemap lists the English pages, each with its alternates.
"""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path

from .languages import DEFAULT_LANGUAGE, LANGUAGES

LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def date_sitemap(site_dir: Path, epoch: int) -> None:
    """Set every `lastmod` of the root sitemap to the day of `epoch` (UTC), and rewrite its
    .gz copy with that time in its header."""
    root_map = Path(site_dir) / "sitemap.xml"
    if not root_map.is_file():
        return
    day = datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%d")
    text = LASTMOD.sub(f"<lastmod>{day}</lastmod>", root_map.read_text(encoding="utf-8"))
    root_map.write_text(text, encoding="utf-8")
    packed = root_map.with_name("sitemap.xml.gz")
    if packed.is_file():
        with open(packed, "wb") as raw, gzip.GzipFile(filename=packed.name, mode="wb", fileobj=raw,
                                                      mtime=epoch) as out:
            out.write(text.encode("utf-8"))


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


def write_sitemaps(site_dir: str, epoch: int) -> None:
    """Both steps, for a published build (run beside it: toolkit.worker)."""
    date_sitemap(Path(site_dir), epoch)
    write_language_sitemaps(Path(site_dir))
