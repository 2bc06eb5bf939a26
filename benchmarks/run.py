"""Benchmarks for the build and the pages (not part of the test suite: timings vary).

    make benchmark      # or: PYTHONPATH=hooks python benchmarks/run.py [--quick]

Writes benchmarks/results.json and benchmarks/results.md, and prints each budget met or not.
Measures: the strict build (median of several runs), the hooks' overhead (the same site
built with and without hooks, in the same run), scaling with 10/100/1000 synthetic case
studies per language, `check` on the real site and at 1000, page weight (gzipped HTML +
CSS + JS a page loads) and the search index.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from toolkit.site import collect  # noqa: E402
from toolkit.validate import validate  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PAGES = ["index.html", "ladder.html", "case-studies/index.html"]
BUDGETS = {
    "hooks add at most 5% to the build": lambda r: r["hooks"]["overhead"] <= 0.05,
    "the real site builds in at most 5 s": lambda r: r["build"]["median_s"] <= 5.0,
    "check takes at most 1 s on the real site": lambda r: r["check"]["real_site_s"] <= 1.0,
    "the hooks scale linearly (1000 vs 100 case studies: cost per page grows at most 1.3x)":
        lambda r: None if r["scaling"]["hooks_per_page_growth"] is None else r["scaling"]["hooks_per_page_growth"] <= 1.3,
    "the whole build scales linearly (same measure)":
        lambda r: None if r["scaling"]["build_per_page_growth"] is None else r["scaling"]["build_per_page_growth"] <= 1.3,
    "the first page loads at most 100 KB gzipped": lambda r: max(p["gzip_bytes"] for p in r["pages"].values()) <= 100_000,
}


def copy_project(target: Path, hooks: bool = True) -> Path:
    for name in ("docs", "hooks", "overrides", "snippets"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not hooks:
        config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


HOOKS_TOOK = re.compile(r"toolkit hooks took ([\d.]+) s")


def build(project: Path, out: Path) -> tuple[float, float | None]:
    """(seconds for the whole build, seconds spent in the toolkit's hooks, if they ran)."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=project,
                            env=ENV, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    hooks = HOOKS_TOOK.search(result.stderr)
    return seconds, float(hooks.group(1)) if hooks else None


def case_study(lang: str, n: int) -> str:
    words = {"cy": ("Astudiaeth synthetig", "Crynodeb.", "Caerdydd", "Testun"),
             "en": ("Synthetic study", "Summary.", "Cardiff", "Text")}[lang]
    stage = ["co-commissioning", "co-design", "co-delivery", "co-assessment"][n % 4]
    return (f"---\ntitle: {words[0]} {n}\nsummary: {words[1]}\nplace: {words[2]}\nstages: [{stage}]\n"
            f"ladder: co-design\nsector: health\ncountry: wales\nyears: \"2014\"\nsources: [bovaird-loeffler-2014]\n---\n\n"
            f"# {words[0]} {n}\n\n{words[3]} [[rung:co-design]] [[ref:bovaird-loeffler-2014]].\n\n"
            "## A {#what-was-done}\n\nx\n\n## B {#who-was-involved}\n\nx\n\n## C {#what-changed}\n\nx\n\n## D {#lessons}\n\nx\n")


def add_synthetic(project: Path, count: int) -> None:
    for lang in ("cy", "en"):
        folder = project / "docs" / lang / "case-studies"
        for n in range(count):
            (folder / f"synthetic-{n:04d}.md").write_text(case_study(lang, n), encoding="utf-8")


def time_check(project: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        validate(collect(project / "docs", project))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def serve_rebuild(project: Path, tries: int = 3) -> list[float] | None:
    """Seconds from saving a page to `mkdocs serve` serving the rebuilt page, on 127.0.0.1.

    Bounded: each try waits at most 60 s; None if the server never comes up."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    site_url = re.search(r"^site_url:.*?(https?://[^'\"\]\s]+)", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    path = urllib.parse.urlparse(site_url.group(1)).path if site_url else "/"  # serve mounts the site here
    url = f"http://127.0.0.1:{port}{path.rstrip('/')}/ladder.html"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 120
        while not fetch():
            if time.monotonic() > deadline or server.poll() is not None:
                return None
            time.sleep(0.5)
        page = project / "docs/cy/ladder.md"
        original = page.read_text(encoding="utf-8")
        times = []
        for n in range(tries):
            token = f"marcwr{n}x{int(time.time())}"
            start = time.monotonic()
            page.write_text(original + f"\n\n{token}\n", encoding="utf-8")
            while token not in fetch():
                if time.monotonic() - start > 60:
                    return times or None
                time.sleep(0.1)
            times.append(round(time.monotonic() - start, 2))
        page.write_text(original, encoding="utf-8")
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


def page_weight(site: Path, path: str) -> dict:
    """Gzipped bytes of the page and the CSS and JS it loads (not the search index)."""
    html = (site / path).read_text(encoding="utf-8")
    assets = re.findall(r'<script src="([^"]+)"', html) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    files = [site / path] + [(site / path).parent / a for a in assets if not a.startswith("http")]
    sizes = {f.relative_to(site).as_posix(): len(gzip.compress(f.read_bytes())) for f in files if f.exists()}
    return {"gzip_bytes": sum(sizes.values()), "files": sizes}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer runs, no 1000-case scaling")
    args = parser.parse_args()
    runs = 2 if args.quick else 5
    results: dict = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                     "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        real = copy_project(tmp / "real")
        bare = copy_project(tmp / "bare", hooks=False)
        # Alternate the two builds so that a busy moment on the machine hits both alike.
        pairs = [(build(real, real / f"site-{i}"), build(bare, bare / f"site-{i}")) for i in range(runs)]
        with_times = [w[0] for w, _ in pairs]
        without_times = [b[0] for _, b in pairs]
        with_hooks, without_hooks = statistics.median(with_times), statistics.median(without_times)
        hooks_own = statistics.median(w[1] for w, _ in pairs)
        results["build"] = {"median_s": round(with_hooks, 3), "runs_s": [round(t, 3) for t in with_times]}
        results["hooks"] = {"with_s": round(with_hooks, 3), "without_s": round(without_hooks, 3),
                            "overhead": round(with_hooks / without_hooks - 1, 3),
                            "own_s": round(hooks_own, 3), "own_share": round(hooks_own / with_hooks, 3),
                            "without_runs_s": [round(t, 3) for t in without_times]}
        site = real / "site-0"
        results["pages"] = {p: page_weight(site, p) for p in PAGES + ["en/" + p for p in PAGES]}
        index = site / "search/search_index.json"
        results["search_index"] = {"bytes": index.stat().st_size, "gzip_bytes": len(gzip.compress(index.read_bytes()))}
        results["check"] = {"real_site_s": round(time_check(real), 3)}
        results["serve_rebuild_s"] = serve_rebuild(copy_project(tmp / "serve"))
        scaling = {}
        for count in ([10, 100] if args.quick else [10, 100, 1000]):
            project = copy_project(tmp / f"scale-{count}")
            add_synthetic(project, count)
            pages = sum(1 for _ in (project / "docs").rglob("*.md"))
            seconds, hooks_s = build(project, project / "site")
            check_s = time_check(project, runs=1)
            scaling[str(count)] = {"pages": pages, "build_s": round(seconds, 3), "per_page_ms": round(seconds / pages * 1000, 2),
                                   "hooks_s": round(hooks_s, 3), "hooks_per_page_ms": round(hooks_s / pages * 1000, 2),
                                   "check_s": round(check_s, 3)}
        results["scaling"] = scaling
        if "1000" in scaling:
            # Linear growth: ten times the case studies (7.2 times the pages, with the core
            # pages) costs about 7.2 times as much. Quadratic would cost about 50 times.
            pages_ratio = scaling["1000"]["pages"] / scaling["100"]["pages"]
            for key, name in (("build_s", "build"), ("hooks_s", "hooks")):
                ratio = scaling["1000"][key] / scaling["100"][key]
                results["scaling"][f"{name}_ratio_1000_vs_100"] = round(ratio, 2)
                results["scaling"][f"{name}_per_page_growth"] = round(ratio / pages_ratio, 2)
            results["scaling"]["pages_ratio_1000_vs_100"] = round(pages_ratio, 2)
            results["check"]["at_1000_s"] = scaling["1000"]["check_s"]
        else:
            results["scaling"].update(build_per_page_growth=None, hooks_per_page_growth=None)
    results["budgets"] = {name: test(results) for name, test in BUDGETS.items()}
    out = Path(__file__).parent
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "results.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))
    return 0


def markdown(r: dict) -> str:
    lines = [f"# Benchmark results ({r['when']}, {r['machine']})", "",
             "| measure | value |", "|---|---|",
             f"| strict build, median of {len(r['build']['runs_s'])} | {r['build']['median_s']} s |",
             f"| same build without hooks | {r['hooks']['without_s']} s |",
             f"| build time added by the hooks (with against without) | {r['hooks']['overhead']:.1%} |",
             f"| time spent inside the hooks | {r['hooks']['own_s']} s ({r['hooks']['own_share']:.1%} of the build) |",
             f"| `check` on the real site | {r['check']['real_site_s']} s |"]
    if "at_1000_s" in r["check"]:
        lines.append(f"| `check` with 1000 case studies per language | {r['check']['at_1000_s']} s |")
    if r.get("serve_rebuild_s"):
        lines.append(f"| `mkdocs serve`: save to rebuilt page served | {statistics.median(r['serve_rebuild_s'])} s "
                     f"(tries: {', '.join(map(str, r['serve_rebuild_s']))}) |")
    lines.append(f"| search index | {r['search_index']['bytes'] // 1024} KiB ({r['search_index']['gzip_bytes'] // 1024} KiB gzipped) |")
    for page, weight in r["pages"].items():
        lines.append(f"| `{page}`, gzipped with its CSS and JS | {weight['gzip_bytes'] // 1024} KiB |")
    lines += ["", "| case studies per language | pages | build | per page | hooks | hooks per page | check |",
              "|---|---|---|---|---|---|---|"]
    for count, s in r["scaling"].items():
        if isinstance(s, dict):
            lines.append(f"| {count} | {s['pages']} | {s['build_s']} s | {s['per_page_ms']} ms | {s['hooks_s']} s | "
                         f"{s['hooks_per_page_ms']} ms | {s['check_s']} s |")
    sc = r["scaling"]
    if sc.get("build_per_page_growth") is not None:
        lines += ["", f"1000 against 100 case studies per language ({sc['pages_ratio_1000_vs_100']}x the pages): "
                  f"the build takes {sc['build_ratio_1000_vs_100']}x as long and the hooks {sc['hooks_ratio_1000_vs_100']}x; "
                  f"cost per page grows {sc['build_per_page_growth']}x and {sc['hooks_per_page_growth']}x "
                  "(1.0 is linear; quadratic would be about 7x)."]
    lines += ["", "## Budgets", ""]
    verdict = {True: "met", False: "NOT MET", None: "not measured (--quick)"}
    lines += [f"- {verdict[ok]}: {name}" for name, ok in r["budgets"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
