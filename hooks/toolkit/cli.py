"""Command line: `check` runs every validation without a build; `spell` checks spelling in
both languages; `translations` shows which twins are in step since their last recorded
review (`stale` lists only the drift)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .contributing import update
from .problems import format_report
from .scaffold import new_case_study
from .site import collect
from .site_check import check_site
from .spelling import check_spelling
from .stale import stale_twins
from . import stale as translation_reviews


def check(docs_dir: Path, fresh: bool = False) -> int:
    """Print the report; exit status 1 if there is any problem."""
    problems = check_site(docs_dir, Path.cwd(), fresh=fresh)
    if problems:
        print(format_report(problems))
        return 1
    print("check: no problems found.")
    return 0


def spell(docs_dir: Path, word_lists: Path) -> int:
    """Print `path:line: word` for each unknown word; exit status 1 if there is any."""
    problems = check_spelling(collect(docs_dir, Path.cwd()).tree.all_pages(), word_lists)
    if problems:
        print(format_report(problems).replace("problem", "unknown word"))
        print(f"Fix the spelling, or add a real word or name to {word_lists}/ (see CONTRIBUTING.md).")
        return 1
    print("spell: no unknown words.")
    return 0


def scaffold(docs_dir: Path, slug: str) -> int:
    """Write both language files of a new case study, full of TODO gaps to fill."""
    try:
        paths = new_case_study(docs_dir, slug)
    except (ValueError, FileExistsError) as err:
        print(f"new-case-study: {err}")
        return 2
    for path in paths:
        print(f"wrote {path}")
    print("Fill in every TODO in both files, then run `make check` and `make spell`.")
    return 0


def contributing(path: Path) -> int:
    """Regenerate the front-matter reference in CONTRIBUTING.md from the schema."""
    print(f"{path}: {'updated' if update(path) else 'already up to date'}")
    return 0


def stale() -> int:
    """Print pages whose twin changed since their review; a report, so it always exits 0."""
    report = stale_twins(Path.cwd())
    for item in report:
        print(item)
    print(f"stale: {len(report)} page(s) whose twin changed since the review.")
    return 0


def translations(marks: list[Path]) -> int:
    """Each pair's review state and the drift with its diff; `--mark` records reviews first.
    A report: exit 0 (2 if a page given to --mark has no twin)."""
    root = Path.cwd()
    for path in marks:
        try:
            print("reviewed: " + " and ".join(translation_reviews.mark(root, path.as_posix())))
        except ValueError as err:
            print(f"translations: {err}")
            return 2
    print(translation_reviews.table(translation_reviews.pairs(root)))
    for drift in stale_twins(root):
        print(f"\n{drift}\n{drift.diff or '(the reviewed version is not in git history: compare the pages by hand)'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate the docs tree and print a path:line report")
    check_cmd.add_argument("--docs", type=Path, default=Path("docs"), help="the docs folder (default: docs)")
    check_cmd.add_argument("--fresh", action="store_true",
                           help="render every page, not only those changed since the last check (.cache/)")
    spell_cmd = commands.add_parser("spell", help="spell-check both languages with aspell: path:line: word")
    spell_cmd.add_argument("--docs", type=Path, default=Path("docs"), help="the docs folder (default: docs)")
    spell_cmd.add_argument("--words", type=Path, default=Path("spelling"), help="the word lists (default: spelling)")
    new_cmd = commands.add_parser("new-case-study", help="write both language files of a new case study")
    new_cmd.add_argument("slug", help="the file name, e.g. well-london")
    new_cmd.add_argument("--docs", type=Path, default=Path("docs"), help="the docs folder (default: docs)")
    commands.add_parser("contributing", help="regenerate the front-matter reference in CONTRIBUTING.md")
    commands.add_parser("stale", help="list pages whose twin changed since it was reviewed")
    commands.add_parser("translations", help="each pair's review state and drift; --mark PATH records a review") \
        .add_argument("--mark", type=Path, nargs="+", default=[], help="pages (with their twins) to record as in step")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.docs, args.fresh)
    if args.command == "spell":
        return spell(args.docs, args.words)
    if args.command == "new-case-study":
        return scaffold(args.docs, args.slug)
    if args.command == "contributing":
        return contributing(Path("CONTRIBUTING.md"))
    if args.command == "translations":
        return translations(args.mark)
    return stale()


if __name__ == "__main__":
    sys.exit(main())
