"""Time spent in each step of the toolkit's work during a build, for the log and benchmarks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class StepTimer:
    """Seconds per named step, added up over the whole build (every language)."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    def report(self) -> str:
        steps = ", ".join(f"{name} {seconds:.3f} s" for name, seconds in self.seconds.items())
        return f"toolkit hooks took {sum(self.seconds.values()):.3f} s ({steps})"
