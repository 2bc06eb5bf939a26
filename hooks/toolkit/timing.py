"""Where the build's own time goes: one figure per step of the toolkit's work.

The hooks wrap each step in `timer.step(name)`; the build log gets one INFO line from
`timer.summary()`, which the benchmark reads back (`toolkit hooks took ... s (collect ...)`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

STEPS: tuple[str, ...] = ("collect", "validate", "render", "post-build")
SUMMARY = re.compile(r"toolkit hooks took (?P<total>[\d.]+) s \((?P<steps>[^)]*)\)"
                     r"(?:; the second process used (?P<beside>[\d.]+) s of CPU)?")


@dataclass
class StepTimer:
    """Seconds spent in each step, added up over every call (render runs once per page)."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STEPS, 0.0))

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    @property
    def total(self) -> float:
        return sum(self.seconds.values())

    def summary(self) -> str:
        steps = ", ".join(f"{name} {seconds:.3f} s" for name, seconds in self.seconds.items())
        return f"toolkit hooks took {self.total:.3f} s ({steps})"


def parse_summary(log: str) -> dict[str, float] | None:
    """The figures of a build log's summary line: {'total': …, 'collect': …, …}."""
    match = SUMMARY.search(log)
    if not match:
        return None
    figures = {"total": float(match["total"]), "beside_cpu": float(match["beside"] or 0)}
    for part in match["steps"].split(", "):
        name, seconds, _unit = part.split(" ")
        figures[name] = float(seconds)
    return figures
