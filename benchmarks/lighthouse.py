"""Lighthouse scores for key pages in both languages (a benchmark, not a test).

    make lighthouse     # or: python benchmarks/lighthouse.py [site_dir]

Serves the built site on 127.0.0.1, runs npm's `lighthouse` with Debian's Chromium on the
home page, the ladder, a case study, the case-study library and a tool in each language, and writes
benchmarks/lighthouse.json and benchmarks/lighthouse.md. Targets: 100 for accessibility,
best practices and SEO; at least 95 for performance.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = ["index.html", "ladder.html", "case-studies/well-london.html", "case-studies/index.html", "tools/star.html"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # one line per request would bury the scores
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str) -> dict[str, int]:
    binary = HERE / "node_modules/.bin/lighthouse"
    result = subprocess.run(
        [str(binary), url, "--quiet", "--output=json", f"--only-categories={','.join(CATEGORIES)}",
         f"--chrome-flags={CHROME_FLAGS}", "--form-factor=desktop", "--screenEmulation.disabled",
         "--throttling-method=provided"],
        capture_output=True, text=True, check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    report = json.loads(result.stdout)
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = sorted({ref["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
                      if ref["weight"] > 0 and report["audits"][ref["id"]]["score"] is not None
                      and report["audits"][ref["id"]]["score"] < 1})
    return {**scores, "failing": failing}


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "site"
    if not (HERE / "node_modules/.bin/lighthouse").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    server, base = serve(site)
    scores = {}
    try:
        for page in PAGES + [f"en/{p}" for p in PAGES]:
            scores[page] = audit(base + page)
            print(page, scores[page], flush=True)
    finally:
        server.shutdown()
    results = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "targets": TARGETS, "scores": scores}
    (HERE / "lighthouse.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    lines = [f"# Lighthouse ({results['when']})", "", "| page | " + " | ".join(CATEGORIES) + " |",
             "|---|" + "---|" * len(CATEGORIES)]
    for page, s in scores.items():
        cells = [f"{s[c]}" + ("" if s[c] >= TARGETS[c] else " (below target)") for c in CATEGORIES]
        lines.append(f"| `{page}` | " + " | ".join(cells) + " |")
    failing = sorted({audit for s in scores.values() for audit in s["failing"]})
    lines += ["", "Audits below full marks: " + (", ".join(f"`{a}`" for a in failing) or "none") + "."]
    (HERE / "lighthouse.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
