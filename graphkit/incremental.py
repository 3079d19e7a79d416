"""Incremental builds: what the last build merged, kept beside its graph.

The merge state (``.graphkit-merge.json`` in the output folder) holds, for every
document of the last build, the key of its text (which changes with the text, the
model and the extraction code) and the compact record resolution needs of its
extraction. A rebuild reads the documents and computes their keys (no spaCy),
takes the records of unchanged texts from the state, extracts only the others
(from the extraction cache, else by parsing) and resolves all records in document
order, so the graph is exactly the one a build from scratch gives. Documents that
are gone are gone from the state and from the graph.
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import __version__
from .fsutil import atomic_write_text
from .resolve import DocRecord

__all__ = ["STATE_FILE", "load_state", "merge_records", "save_state"]

STATE_FILE = ".graphkit-merge.json"
_FORMAT = 1


def load_state(path: str | os.PathLike[str]) -> list[tuple[str, DocRecord]]:
    """``(text key, record)`` of the last build, in merge order; empty if there is no usable state."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        if data.get("format") != _FORMAT or data.get("graphkit_version") != __version__:
            return []
        return [(str(key), DocRecord.from_json(rec)) for key, rec in data["records"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []  # a missing, old or damaged state only means merging from the extractions


def save_state(path: str | os.PathLike[str], entries: Iterable[tuple[str, DocRecord]]) -> Path:
    """Write ``(text key, record)`` pairs, in merge order, atomically."""
    data = {
        "format": _FORMAT,
        "graphkit_version": __version__,
        "records": [[key, rec.to_json()] for key, rec in entries],
    }
    return atomic_write_text(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def merge_records(
    documents: Iterable[tuple[str, str]],
    *,
    state_path: str | os.PathLike[str],
    model: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    n_process: int = 1,
    dask_scheduler: str | None = None,
    model_path: str | os.PathLike[str] | None = None,
    rules_only: bool = False,
) -> Iterator[DocRecord]:
    """Yield the record of every ``(doc id, text)`` in order, extracting only texts the
    state at ``state_path`` does not hold; when all are yielded, write the new state."""
    from .extract.api import document_keys, extract_documents

    key_of = document_keys(model, model_path=model_path, rules_only=rules_only)
    last = load_state(state_path)
    known = dict(last)
    # documents in input order: (doc, key, record, or None while it is being extracted)
    queue: deque[tuple[str, str, DocRecord | None]] = deque()
    merged: list[tuple[str, DocRecord]] = []
    fresh = 0

    def unknown() -> Iterator[tuple[str, str]]:
        for doc, text in documents:
            key = key_of(text)
            rec = known.get(key)
            if rec is not None and rec.doc != doc:
                rec = DocRecord(doc, rec.entities, rec.relations)  # the same text, renamed
            queue.append((doc, key, rec))
            if rec is None:
                yield doc, text

    def ready() -> Iterator[DocRecord]:
        while queue and queue[0][2] is not None:
            _, key, rec = queue.popleft()
            merged.append((key, rec))
            yield rec

    extracted = extract_documents(
        unknown(),
        model=model,
        cache_dir=cache_dir,
        n_process=n_process,
        dask_scheduler=dask_scheduler,
        model_path=model_path,
        rules_only=rules_only,
    )
    for result in extracted:
        yield from ready()
        _, key, _ = queue.popleft()
        rec = DocRecord.of(result)
        fresh += 1
        merged.append((key, rec))
        yield rec
    yield from ready()
    if fresh or [(k, r.doc) for k, r in merged] != [(k, r.doc) for k, r in last]:
        save_state(state_path, merged)
