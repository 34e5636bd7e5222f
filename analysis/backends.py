"""Where the runs of a sweep execute: in-process, local processes, or a Dask cluster.

Every backend has the same small interface: ``map(fn, items)`` calls ``fn(item)`` for each item
of a (lazy) iterable and yields ``(item, result)`` pairs as they finish, in any order, with the
exception in place of the result when ``fn`` raised. At most a few items per worker are in
flight, so a sweep of a million runs never holds a million futures or results. Items are
batches of runs (several runs per task keep the scheduling overhead small); results do not
depend on the backend because every run carries its own seed.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

__all__ = ["Backend", "DaskBackend", "ProcessBackend", "SerialBackend", "make_backend"]

#: tasks kept in flight per worker
IN_FLIGHT_PER_WORKER = 2


class Backend:
    """Base class: a context manager with ``workers``, ``description`` and ``map``."""

    workers = 1
    description = "this process"

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SerialBackend(Backend):
    """Runs every item in this process, one after another (``--workers 1``)."""

    def map(self, fn, items):
        for item in items:
            try:
                result = fn(item)
            except Exception as exc:  # recorded by the caller; the sweep goes on
                result = exc
            yield item, result


def _watch_parent(pid: int) -> None:
    """Exit this worker when the sweep process is gone (e.g. killed with SIGKILL)."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            pass


def _init_worker(parent_pid: int) -> None:
    # Ctrl-C is for the parent: it stops submitting and keeps finished results
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


class ProcessBackend(Backend):
    """Local worker processes (``concurrent.futures``), started with forkserver (or spawn).

    The forkserver imports the model once; each worker is forked from it, so starting a worker
    costs milliseconds instead of a fresh interpreter's second. Workers ignore Ctrl-C and exit
    when the parent dies.
    """

    def __init__(
        self,
        workers: int,
        start_method: str | None = None,
        preload: tuple[str, ...] = ("analysis.sweep",),
    ):
        methods = multiprocessing.get_all_start_methods()
        method = start_method or ("forkserver" if "forkserver" in methods else "spawn")
        self.context = multiprocessing.get_context(method)
        if method == "forkserver":
            self.context.set_forkserver_preload(list(preload))
        self.workers = int(workers)
        self.description = f"{self.workers} local processes ({method})"
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=self.context,
                initializer=_init_worker,
                initargs=(os.getpid(),),
            )
        return self._pool

    def map(self, fn, items):
        it = iter(items)
        futures: dict = {}
        window = self.workers * IN_FLIGHT_PER_WORKER
        exhausted = False
        try:
            while True:
                while not exhausted and len(futures) < window:
                    try:
                        item = next(it)
                    except StopIteration:
                        exhausted = True
                        break
                    futures[self._executor().submit(fn, item)] = item
                if not futures:
                    return
                done, _ = wait(futures, return_when=FIRST_COMPLETED)
                broken = False
                for fut in done:
                    item = futures.pop(fut)
                    try:
                        result = fut.result()
                    except BrokenProcessPool as exc:  # a worker died (e.g. out of memory)
                        result, broken = exc, True
                    except Exception as exc:
                        result = exc
                    yield item, result
                if broken:  # every future of the broken pool fails: report them, start anew
                    for item in list(futures.values()):
                        yield item, BrokenProcessPool("a worker process died")
                    futures.clear()
                    assert self._pool is not None  # it ran the futures just now
                    self._pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = None
        finally:
            if futures and self._pool is not None:  # interrupted: drop what has not started
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskBackend(Backend):
    """A Dask distributed cluster: an existing scheduler (``tcp://host:8786``) or a
    ``LocalCluster`` on 127.0.0.1 without dashboard.

    Every worker must be able to import ``analysis.sweep`` (install Kluit there).
    """

    def __init__(self, address: str | None = None, workers: int = 2, timeout: str = "30s"):
        from distributed import Client, LocalCluster

        self.cluster = None
        if address:
            self.client = Client(address, timeout=timeout)
            where = address
        else:
            self.cluster = LocalCluster(
                n_workers=int(workers),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
            where = "local cluster"
        info = self.client.scheduler_info()
        threads = sum(w.get("nthreads", 1) for w in info.get("workers", {}).values())
        self.workers = max(1, threads)
        self.description = f"Dask at {where} ({self.workers} worker threads)"

    def map(self, fn, items):
        from distributed import as_completed

        it = iter(items)
        pending: dict = {}
        window = self.workers * IN_FLIGHT_PER_WORKER

        def submit() -> bool:
            try:
                item = next(it)
            except StopIteration:
                return False
            fut = self.client.submit(fn, item, pure=False)
            pending[fut.key] = item
            queue.add(fut)
            return True

        queue = as_completed()
        for _ in range(window):
            if not submit():
                break
        try:
            for fut in queue:
                item = pending.pop(fut.key)
                try:
                    result = fut.result()
                except Exception as exc:
                    result = exc
                fut.release()
                yield item, result
                submit()
        finally:
            for fut in list(queue.futures):
                fut.cancel()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_backend(
    workers: int | None = None, scheduler: str | None = None, local_dask: bool = False
) -> Backend:
    """The backend the CLI options ask for: ``--scheduler`` > ``--local-dask`` > processes.

    ``workers`` defaults to the number of CPUs; ``workers=1`` runs in this process.
    """
    if scheduler:
        return DaskBackend(scheduler)
    if local_dask:
        return DaskBackend(None, workers or 2)
    n = workers or os.cpu_count() or 1
    return SerialBackend() if n == 1 else ProcessBackend(n)
