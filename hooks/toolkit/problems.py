"""One problem found in the docs tree, and the one report format for all of them."""

import difflib
import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A problem at `path:line`; `path` is relative to the project root (docs/cy/...)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def format_report(problems: list[Problem]) -> str:
    """All problems sorted by file and line, one per line, then a count."""
    if not problems:
        return ""
    lines = [str(p) for p in sorted(set(problems))]
    noun = "problem" if len(lines) == 1 else "problems"
    return "\n".join(lines) + f"\n{len(lines)} {noun} found."


def suggest(key: str, known) -> str:
    """A hint for an unknown id: the numbered series it belongs to, or the closest match."""
    series = re.match(r"^([a-z]+)-(\d{1,2})$", key)
    if series:
        numbers = sorted(int(m.group(1)) for k in known if (m := re.match(rf"^{series.group(1)}-(\d{{1,2}})$", k)))
        if len(numbers) > 1:
            prefix = series.group(1)
            return f" ({prefix}s have {prefix}-{numbers[0]} … {prefix}-{numbers[-1]})"
    close = difflib.get_close_matches(key, sorted(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
