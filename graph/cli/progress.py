"""Progress bars for the long commands (build, add, push, export), shown only on a terminal.

The library reports progress through plain callbacks; the CLI turns them into tqdm
bars on stderr with :func:`bar`. tqdm (already installed with spaCy) draws nothing
when stderr is not a terminal (``disable=None``), so logs, pipes and CI stay quiet, and
``SGCN_PROGRESS=0`` turns the bars off on a terminal too.

Examples:
    >>> with bar(3, "demo") as tick:   # not a terminal under doctest: draws nothing
    ...     for _ in range(3):
    ...         tick(1)
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Callable, Iterator


def enabled() -> bool:
    """Whether bars may be drawn: stderr is a terminal and ``SGCN_PROGRESS`` is not ``0``.

    Examples:
        >>> enabled()  # stderr is captured under doctest
        False
    """
    if os.environ.get("SGCN_PROGRESS", "") == "0":
        return False
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


@contextlib.contextmanager
def bar(total: int | None, description: str, *, unit: str = "doc", scale: bool = False) -> Iterator[Callable[[int], None]]:
    """A progress bar of ``total`` steps; yields ``tick(n)`` to advance it by ``n``.

    Args:
        total: number of steps, or ``None`` when unknown.
        description: what is being done ("extracting").
        unit: what a step is ("doc", "B").
        scale: show large counts as k/M (for bytes).
    """
    if not enabled():
        yield lambda _n=1: None
        return
    import tqdm as tqdm_module
    from tqdm import tqdm

    tqdm_module.tqdm.monitor_interval = 0  # no monitor thread: builds fork worker processes
    with tqdm(total=total, desc=description, unit=unit, unit_scale=scale, file=sys.stderr,
              leave=False, dynamic_ncols=True, disable=None) as shown:
        yield shown.update


class Stages:
    """One bar per stage of a long job, each opened when the job reports its size.

    ``stages(name, total)`` starts (or restarts) the bar of stage ``name`` and returns its
    ``tick``; :meth:`close` ends the last one. The build pipeline takes such a callable.

    Examples:
        >>> stages = Stages()
        >>> tick = stages("extracting", 2); tick(1); tick(1); stages.close()
    """

    def __init__(self) -> None:
        self._current: contextlib.ExitStack | None = None

    def __call__(self, name: str, total: int | None, unit: str = "doc") -> Callable[[int], None]:
        self.close()
        self._current = contextlib.ExitStack()
        return self._current.enter_context(bar(total, name, unit=unit))

    def close(self) -> None:
        if self._current is not None:
            self._current.close()
            self._current = None
