"""Work spread over worker processes, results in the order of the work: trilex's ``--jobs``.

:func:`ordered_map` is ``map`` over processes. Results come back in the order of the tasks, so
a command gives the same output for any number of jobs; at most a few tasks per worker are in
flight, so a long stream of tasks (units read from a TMX) stays a stream.

Two ways to start the workers:

* ``"spawn"``: fresh interpreters; tasks and results are pickled. For work whose input is the
  task itself (units to prepare for a TM).
* ``"fork"``: copies of this process as it is when the first result is asked for, so they share
  what it has built (a compiled termbase index, documents already read) without pickling it.
  Where the platform cannot fork (Windows), the work runs in this process.

On ``Ctrl-C`` (which the workers leave to this process), a failed task, or a caller that stops
reading, every worker is stopped at once and the exception goes on up.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Tasks submitted per worker before waiting for the oldest result.
IN_FLIGHT = 3


def can_fork() -> bool:
    """Whether workers can be started as copies of this process."""
    return "fork" in multiprocessing.get_all_start_methods()


def ordered_map(func: Callable[[T], R], tasks: Iterable[T], jobs: int, start_method: str = "spawn") -> Iterator[R]:
    """``func(task)`` for every task, in the order of ``tasks``.

    In ``jobs`` worker processes when ``jobs`` > 1 and there are at least two tasks (a single
    task runs here: starting workers would cost more than it saves); ``func`` must then be a
    module-level function. ``start_method`` is ``"spawn"`` or ``"fork"`` (module docstring).
    """
    tasks = iter(tasks)
    head = list(islice(tasks, 2))
    if jobs <= 1 or len(head) < 2 or (start_method == "fork" and not can_fork()):
        for task in head:
            yield func(task)
        for task in tasks:
            yield func(task)
        return
    from itertools import chain

    pool = _started_pool(jobs, start_method)
    try:
        _interrupts(False)  # a Ctrl-C while the workers started is raised here
        waiting: deque = deque()
        for task in chain(head, tasks):
            waiting.append(pool.apply_async(func, (task,)))
            while len(waiting) >= jobs * IN_FLIGHT:
                yield waiting.popleft().get()
        while waiting:
            yield waiting.popleft().get()
        pool.close()
    except BaseException:  # a failed task, Ctrl-C, or the caller stopped early: stop every worker now
        pool.terminate()
        raise
    finally:
        pool.join()


def _interrupts(blocked: bool) -> None:
    """Block or unblock Ctrl-C (SIGINT) in this thread, where the platform can."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK if blocked else signal.SIG_UNBLOCK, {signal.SIGINT})


def _started_pool(jobs: int, start_method: str):
    """A pool of ``jobs`` workers, started with Ctrl-C blocked, and still blocked on return: a
    worker interrupted before its initializer, or a pool half built, could not be stopped
    cleanly. The caller unblocks it inside the ``try`` that stops the pool."""
    _interrupts(True)
    try:
        return multiprocessing.get_context(start_method).Pool(jobs, initializer=_leave_interrupts_to_the_parent)
    except BaseException:
        _interrupts(False)
        raise


def _leave_interrupts_to_the_parent() -> None:
    """In a worker: ignore Ctrl-C, which the parent answers by stopping the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # first: a Ctrl-C held back is then dropped
    _interrupts(False)
