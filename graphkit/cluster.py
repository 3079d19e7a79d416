"""Extraction on a Dask cluster (``pip install 'graphkit[dask]'``); Dask lives here only.

Batches of texts to parse go to the cluster's workers, each of which loads the spaCy
model once and keeps it; results come back in input order and are cached and merged
on this machine, into the same graph a local build gives. Cached documents never
leave this machine. Every worker needs graphkit and the model installed.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator

from .errors import GraphkitError

__all__ = ["DaskUnavailable", "parse_on_dask"]


class DaskUnavailable(GraphkitError):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)


def _client(scheduler: str):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable(
            "Dask is not installed; install it with: pip install 'graphkit[dask]'"
        ) from None
    if scheduler == "local":
        workers = max(1, min(4, os.cpu_count() or 1))
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="20s"), None
    except (OSError, TimeoutError) as e:
        raise DaskUnavailable(
            f"Cannot reach the Dask scheduler at {scheduler!r} ({e}); check the address "
            "(e.g. tcp://host:8786) and that 'dask scheduler' is running there."
        ) from None


def _run(batch: list, model: str) -> list:
    """On a worker: parse a batch with the worker's model, loaded on its first batch."""
    from .extract.api import extract_batch

    return extract_batch(batch, model)


def _result(batch: list, future) -> tuple[list, list]:
    return batch, [None] * len(batch) if future is None else future.result()


def parse_on_dask(batches: Iterable[list], *, model: str, scheduler: str) -> Iterator[tuple[list, list]]:
    """``(batch, results)`` for each batch, in order, parsed on the cluster at ``scheduler``
    (an address such as ``tcp://host:8786``, or ``"local"`` for a cluster on this machine)."""
    client, cluster = _client(scheduler)
    try:
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
        pending: deque = deque()  # (batch, future), oldest first
        for batch in batches:
            if all(hit is not None for *_, hit in batch):
                pending.append((batch, None))  # all cached: nothing to send
            else:
                # only the texts to parse travel; cached results stay here
                sent = [(doc_id, text, None, hit and {}) for doc_id, text, _key, hit in batch]
                pending.append((batch, client.submit(_run, sent, model, pure=False)))
            while len(pending) >= window or (pending and pending[0][1] is None):
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
