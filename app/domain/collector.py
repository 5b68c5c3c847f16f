"""`paused_gc()`: the cyclic garbage collector held still during bulk work.

Bulk work (an import of a million calls, a timeline of 100,000 events) allocates objects
that stay alive for a while; the collector would rescan them again and again, for a third
of the time in the profiles. Nothing such work builds holds cycles that need collecting
soon (reference counting frees everything else), so the collector is paused and put back
as it was, also on an error.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
