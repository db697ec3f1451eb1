"""Timing shared by the benchmark scripts: passes of one call over many items."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from typing import Any


def passes(items: Sequence[Any], call: Callable[[Any], object], repeats: int) -> list[float]:
    """The time of each of *repeats* passes of *call* over *items*, in µs per item, after one warm-up call."""
    call(items[0])
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        for item in items:
            call(item)
        times.append((time.perf_counter() - start) / len(items) * 1e6)
    return times
