"""Benchmarks for the build and the pages (not part of the test suite: timings vary).

    make benchmark      # or: PYTHONPATH=hooks python benchmarks/run.py [--quick]

Writes benchmarks/results.json and benchmarks/results.md, and prints each budget met or not.
Every figure has its reference in the same run: the same docs built by plain Material, with
no toolkit hooks and none of the site's search script (a "bare" copy of the project).
Measures: the strict build (median of several runs, alternating with the bare build); the
time inside the hooks, per step (collect, validate, render, post-build), from the build
log; the first visit to key pages in both languages (every file Chromium fetches over http,
gzipped); the offline zip; `mkdocs serve` save-to-served time; `check`; and scaling with
10/100/1000 synthetic case studies per language.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import zipfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from toolkit.offline import ZIP_NAME  # noqa: E402
from toolkit.timing import STEPS, parse_summary  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PAGES = ["index.html", "ladder.html", "case-studies/index.html"]
FIRST_VISIT_BUDGET = 100_000
BUDGETS = {
    "first visit to any page at most 100 KB gzipped, either language":
        lambda r: None if not r.get("first_visit") else max(p["ours"] for p in r["first_visit"].values()) <= FIRST_VISIT_BUDGET,
    "the offline zip holds one index per language, no lunr language files, no source maps":
        lambda r: r["zip"]["index_copies"] == 2 and r["zip"]["lunr_files"] == 0 and r["zip"]["source_maps"] == 0,
    "mkdocs serve: save to served no longer than a plain Material build (wall-time ratio at most 1.0)":
        lambda r: None if r["serve"]["ratio"] is None else r["serve"]["ratio"] <= 1.0,
    "mkdocs serve: same, in CPU time (the machine is shared, so this is the steadier figure)":
        lambda r: None if r["serve"]["cpu_ratio"] is None else r["serve"]["cpu_ratio"] <= 1.0,
    "time inside the hooks at most 10% of the full build": lambda r: r["hooks"]["own_share"] <= 0.10,
    "check takes at most 1 s on the real site, after editing a page (the contributor's loop)":
        lambda r: r["check"]["edited_s"] <= 1.0,
    "check takes at most 1 s on the real site, every page rendered (a fresh clone)":
        lambda r: r["check"]["fresh_s"] <= 1.0,
    "the hooks scale linearly (1000 vs 100 case studies: cost per page grows at most 1.3x)":
        lambda r: None if r["scaling"]["hooks_per_page_growth"] is None else r["scaling"]["hooks_per_page_growth"] <= 1.3,
    "the whole build scales linearly (same measure)":
        lambda r: None if r["scaling"]["build_per_page_growth"] is None else r["scaling"]["build_per_page_growth"] <= 1.3,
}


SOURCE = ROOT  # main() points this at a snapshot, so edits during a run do not leak in


def copy_project(target: Path, hooks: bool = True) -> Path:
    """A copy of the project; with hooks=False, plain Material: no toolkit hooks and no
    search-welsh.js (the iframe-worker shim stays, as the offline plugin needs it)."""
    for name in ("docs", "hooks", "overrides", "snippets", "data"):
        shutil.copytree(SOURCE / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (SOURCE / "mkdocs.yml").read_text(encoding="utf-8")
    if not hooks:
        config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
        config = re.sub(r"\n *- assets/js/search-welsh\.js\n", "\n", config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(project: Path, out: Path) -> tuple[float, dict[str, float] | None, float]:
    """(seconds for the whole build, the hooks' seconds per step and in total if they ran,
    CPU seconds the build used: less sensitive than wall time to other work on the machine)."""
    start, cpu = time.perf_counter(), children_cpu()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=project,
                            env=ENV, check=True, capture_output=True, text=True)
    return time.perf_counter() - start, parse_summary(result.stderr), children_cpu() - cpu


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process and every process under it (the
    toolkit's second process) have used so far, from /proc."""
    parents, used = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
        used[int(stat.parent.name)] = sum(int(f) for f in fields[11:15])  # own, and children already waited for
    family, grew = {pid}, True
    while grew:
        more = {p for p, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return sum(used.get(p, 0) for p in family) / os.sysconf("SC_CLK_TCK")


def case_study(lang: str, n: int) -> str:
    words = {"cy": ("Astudiaeth synthetig", "Crynodeb.", "Caerdydd", "Testun", "Rheswm."),
             "en": ("Synthetic study", "Summary.", "Cardiff", "Text", "Reason.")}[lang]
    stage = ["co-commissioning", "co-design", "co-delivery", "co-assessment"][n % 4]
    return (f"---\ntitle: {words[0]} {n}\nsummary: {words[1]}\nplace: {words[2]}\nstages: [{stage}]\n"
            f"ladder: co-design\nbasis: {words[4]}\nsector: health\ncountry: wales\nyears: \"2014\"\nyears_basis: source-year\n"
            f"sources: [bovaird-loeffler-2014]\n---\n\n"
            f"# {words[0]} {n}\n\n{words[3]} [[rung:co-design]] [[ref:bovaird-loeffler-2014]].\n\n"
            "## A {#what-was-done}\n\nx\n\n## B {#who-was-involved}\n\nx\n\n## C {#what-changed}\n\nx\n\n## D {#lessons}\n\nx\n")


def add_synthetic(project: Path, count: int) -> None:
    for lang in ("cy", "en"):
        folder = project / "docs" / lang / "case-studies"
        for n in range(count):
            (folder / f"synthetic-{n:04d}.md").write_text(case_study(lang, n), encoding="utf-8")


def time_check(project: Path, runs: int = 3) -> dict[str, float]:
    """`python -m toolkit check` as a contributor runs it (`make check`), median wall seconds:
    `fresh`, every page rendered (a fresh clone, or `check --fresh`), with the CPU seconds it
    used on two cores; `edited`, after one page's text changed since the last check, which is
    the contributor's loop (toolkit.check_cache renders that page only)."""
    env = {**ENV, "PYTHONPATH": str(project / "hooks")}

    def once(*flags: str) -> tuple[float, float]:
        start, cpu = time.perf_counter(), children_cpu()
        subprocess.run([sys.executable, "-m", "toolkit", "check", *flags], cwd=project, check=True,
                       capture_output=True, env=env)
        return time.perf_counter() - start, children_cpu() - cpu

    fresh = [once("--fresh") for _ in range(runs)]
    page = project / "docs/en/ladder.md"
    original = page.read_text(encoding="utf-8")
    once()
    edited = []
    for n in range(runs):
        page.write_text(original + f"\nEdit {n}.\n", encoding="utf-8")
        edited.append(once()[0])
    page.write_text(original, encoding="utf-8")
    return {"fresh_s": round(statistics.median(t for t, _ in fresh), 3),
            "fresh_cpu_s": round(statistics.median(c for _, c in fresh), 3),
            "edited_s": round(statistics.median(edited), 3)}


def serve_rebuild(project: Path, tries: int = 3) -> tuple[list[float], list[float]] | None:
    """Seconds from saving a page to `mkdocs serve` serving the rebuilt page, on 127.0.0.1,
    and the CPU seconds the server used meanwhile, per try.

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
        times, cpus = [], []
        for n in range(tries):
            token = f"marcwr{n}x{int(time.time())}"
            start, cpu = time.monotonic(), process_cpu(server.pid)
            page.write_text(original + f"\n\n{token}\n", encoding="utf-8")
            while token not in fetch():
                if time.monotonic() - start > 60:
                    return (times, cpus) if times else None
                time.sleep(0.1)
            times.append(round(time.monotonic() - start, 2))
            cpus.append(round(process_cpu(server.pid) - cpu, 2))
        page.write_text(original, encoding="utf-8")
        return times, cpus
    finally:
        server.terminate()
        server.wait(timeout=30)


def first_visit(site: Path, paths: list[str]) -> dict[str, dict]:
    """Every file Chromium fetches when a reader first opens each page over http, with an
    empty cache, until the network is idle: gzipped bytes in total and per file."""
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    weights = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for path in paths:
                context = browser.new_context()
                page = context.new_page()
                fetched: list[str] = []
                page.on("requestfinished", lambda request: fetched.append(request.url))
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                files = {}
                for url in fetched:
                    local = urllib.parse.urlparse(url).path.lstrip("/")
                    if url.startswith(base) and (site / local).is_file():
                        files[local] = len(gzip.compress((site / local).read_bytes()))
                weights[path] = {"gzip_bytes": sum(files.values()), "files": files}
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return weights


def zip_contents(site: Path) -> dict:
    with zipfile.ZipFile(site / ZIP_NAME) as archive:
        names = archive.namelist()
    return {"bytes": (site / ZIP_NAME).stat().st_size, "files": len(names),
            "index_copies": sum("/search/search_index" in n for n in names),
            "lunr_files": sum("/lunr/" in n for n in names), "source_maps": sum(n.endswith(".map") for n in names)}


def zip_of_everything(site: Path, target: Path) -> int:
    """The reference: the plain build's whole site zipped, as the first offline copy did."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(site).as_posix())
    return target.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer runs, no 1000-case scaling")
    args = parser.parse_args()
    runs = 2 if args.quick else 5
    results: dict = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                     "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                     "load_average": {"start": round(os.getloadavg()[0], 1)}}
    global SOURCE
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        SOURCE = copy_project(tmp / "snapshot")
        real = copy_project(tmp / "real")
        bare = copy_project(tmp / "bare", hooks=False)
        # Alternate the two builds so that a busy moment on the machine hits both alike.
        pairs = [(build(real, real / f"site-{i}"), build(bare, bare / f"site-{i}")) for i in range(runs)]
        with_times = [w[0] for w, _ in pairs]
        without_times = [b[0] for _, b in pairs]
        without_cpu = statistics.median(b[2] for _, b in pairs)
        with_hooks, without_hooks = statistics.median(with_times), statistics.median(without_times)
        steps = {step: round(statistics.median(w[1][step] for w, _ in pairs), 3) for step in (*STEPS, "total", "beside_cpu")}
        results["build"] = {"median_s": round(with_hooks, 3), "runs_s": [round(t, 3) for t in with_times]}
        results["hooks"] = {"with_s": round(with_hooks, 3), "without_s": round(without_hooks, 3),
                            "overhead": round(with_hooks / without_hooks - 1, 3),
                            "own_s": steps["total"], "own_share": round(steps["total"] / with_hooks, 3),
                            "steps_s": {step: steps[step] for step in STEPS},
                            "beside_cpu_s": steps["beside_cpu"],
                            "with_cpu_s": round(statistics.median(w[2] for w, _ in pairs), 3),
                            "without_cpu_s": round(without_cpu, 3),
                            "without_runs_s": [round(t, 3) for t in without_times]}
        site, bare_site = real / "site-0", bare / "site-0"
        paths = PAGES + ["en/" + p for p in PAGES]
        ours, plain = first_visit(site, paths), first_visit(bare_site, paths)
        results["first_visit"] = {p: {"ours": ours[p]["gzip_bytes"], "plain": plain[p]["gzip_bytes"],
                                      "files": ours[p]["files"], "plain_files": plain[p]["files"]} for p in paths}
        indexes = sorted((site / "search").glob("search_index.*.json"))
        results["search_index"] = {p.name: {"bytes": p.stat().st_size, "gzip_bytes": len(gzip.compress(p.read_bytes()))}
                                   for p in indexes}
        results["zip"] = {**zip_contents(site), "plain_whole_site_bytes": zip_of_everything(bare_site, tmp / "plain.zip")}
        results["check"] = time_check(real)
        tries, cpus = serve_rebuild(copy_project(tmp / "serve"), tries=3 if args.quick else 5) or (None, None)
        results["serve"] = {"tries_s": tries, "median_s": statistics.median(tries) if tries else None,
                            "plain_build_s": round(without_hooks, 3),
                            "ratio": round(statistics.median(tries) / without_hooks, 2) if tries else None,
                            "cpu_s": cpus, "plain_build_cpu_s": round(without_cpu, 3),
                            "cpu_ratio": round(statistics.median(cpus) / without_cpu, 2) if cpus else None}
        scaling = {}
        for count in ([10, 100] if args.quick else [10, 100, 1000]):
            project = copy_project(tmp / f"scale-{count}")
            add_synthetic(project, count)
            pages = sum(1 for _ in (project / "docs").rglob("*.md"))
            seconds, hooks, _ = build(project, project / "site")
            hooks_s = hooks["total"]
            check_s = time_check(project, runs=1)["fresh_s"]
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
    results["load_average"]["end"] = round(os.getloadavg()[0], 1)
    results["budgets"] = {name: test(results) for name, test in BUDGETS.items()}
    out = Path(__file__).parent
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "results.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))
    return 0


def kib(n: int) -> str:
    return f"{n / 1024:.0f} KiB"


def markdown(r: dict) -> str:
    h, sv, z = r["hooks"], r["serve"], r["zip"]
    verdict = {True: "met", False: "NOT MET", None: "not measured"}
    lines = [f"# Benchmark results ({r['when']}, {r['machine']})", "",
             "Reference for every figure: the same docs built by plain Material in the same run (no toolkit",
             "hooks, no search-welsh.js). Timings are medians of runs that alternate ours and plain Material.", "",
             f"Machine: {r['machine']}, shared with other agents' builds and tests during the run "
             f"(1-minute load average {r['load_average']['start']} at the start, {r['load_average']['end']} at the end; "
             "2.0 would be both cores busy). Absolute times are therefore inflated and noisy; the ratios against "
             "plain Material, measured alternately in the same run, are the figures to read.", "",
             "## Issue 18 targets", "",
             "| figure | ours | plain Material | target | verdict |", "|---|---|---|---|---|"]
    if r.get("first_visit"):
        worst = max(r["first_visit"].items(), key=lambda item: item[1]["ours"])
        lines.append(f"| first visit, largest of {len(r['first_visit'])} pages (`{worst[0]}`), gzipped | {kib(worst[1]['ours'])} | "
                     f"{kib(worst[1]['plain'])} | at most 100 KB | {verdict[max(p['ours'] for p in r['first_visit'].values()) <= FIRST_VISIT_BUDGET]} |")
    lines.append(f"| offline zip | {kib(z['bytes'])}, {z['files']} files: {z['index_copies']} index files (one per language), "
                 f"{z['lunr_files']} lunr, {z['source_maps']} source maps | {kib(z['plain_whole_site_bytes'])} (whole site zipped) | "
                 f"only what the copy uses | {verdict[z['index_copies'] == 2 and z['lunr_files'] == 0 and z['source_maps'] == 0]} |")
    if sv["median_s"] is not None:
        lines.append(f"| `mkdocs serve`, save to served page, wall time | {sv['median_s']} s (tries: {', '.join(map(str, sv['tries_s']))}) | "
                     f"{sv['plain_build_s']} s (`mkdocs build`) | ratio at most 1.0 | {sv['ratio']} ({verdict[sv['ratio'] <= 1.0]}) |")
        lines.append(f"| `mkdocs serve`, save to served page, CPU time | {statistics.median(sv['cpu_s'])} s (tries: {', '.join(map(str, sv['cpu_s']))}) | "
                     f"{sv['plain_build_cpu_s']} s | ratio at most 1.0 | {sv['cpu_ratio']} ({verdict[sv['cpu_ratio'] <= 1.0]}) |")
    steps = ", ".join(f"{step} {seconds} s" for step, seconds in h["steps_s"].items())
    lines += [f"| time inside the hooks | {h['own_s']} s = {h['own_share']:.1%} of the build ({steps}) | "
              f"{h['without_s']} s build without hooks | at most 10% | {verdict[h['own_share'] <= 0.10]} |",
              f"| `check` on the real site after editing a page (wall time) | {r['check']['edited_s']} s | | at most 1 s | "
              f"{verdict[r['check']['edited_s'] <= 1.0]} |",
              f"| `check --fresh` on the real site, every page rendered (wall time) | {r['check']['fresh_s']} s "
              f"({r['check']['fresh_cpu_s']} s of CPU on two cores) | | at most 1 s | {verdict[r['check']['fresh_s'] <= 1.0]} |",
              "", "## Details", "",
              "| measure | value |", "|---|---|",
              f"| strict build, median of {len(r['build']['runs_s'])} | {r['build']['median_s']} s (runs: {', '.join(map(str, r['build']['runs_s']))}) |",
              f"| same build by plain Material | {h['without_s']} s (runs: {', '.join(map(str, h['without_runs_s']))}) |",
              f"| CPU time of the build, ours and plain Material (medians) | {h['with_cpu_s']} s, {h['without_cpu_s']} s |",
              f"| build time added by the toolkit (with against without) | {h['overhead']:.1%} |",
              f"| CPU used beside the build by the toolkit's second process (page checks, search index; "
              f"not in the hooks' time above, in the build's CPU time) | {h['beside_cpu_s']} s |"]
    if "at_1000_s" in r["check"]:
        lines.append(f"| `check --fresh` with 1000 case studies per language | {r['check']['at_1000_s']} s |")
    for name, size in r["search_index"].items():
        lines.append(f"| `search/{name}` (loaded on first search only) | {kib(size['bytes'])} ({kib(size['gzip_bytes'])} gzipped) |")
    lines += ["", "First visit (every file fetched over http with an empty cache until the network is idle, gzipped):", "",
              "| page | ours | plain Material |", "|---|---|---|"]
    for page, weight in r.get("first_visit", {}).items():
        lines.append(f"| `{page}` | {kib(weight['ours'])} | {kib(weight['plain'])} |")
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
    lines += [f"- {verdict[ok]}: {name}" for name, ok in r["budgets"].items()]
    lines += ["", "Lighthouse scores come from `make lighthouse` (benchmarks/lighthouse.md), not from this run."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
