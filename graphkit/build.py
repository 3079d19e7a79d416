"""The whole journey: files -> documents -> extraction -> resolution -> graph.

``extract_paths`` streams one ``DocumentResult`` per readable file;
``build_graph`` turns paths into a graph. Both report skipped files and
decoding warnings through a ``Report`` instead of raising.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import networkx as nx

from .ingest import DEFAULT_FIELDS, DEFAULT_MAX_BYTES, Document, RecordFields, Skipped, iter_documents
from .model import DocumentResult
from .resolve import AliasRules, DocRecord, Resolver

__all__ = ["Report", "build_graph", "build_graph_from_results", "extract_paths"]


@dataclass
class Report:
    """What was read and what was left out, for the summary and the exit code."""

    read: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    problems: list[str] = field(default_factory=list)  # one line per problem
    on_problem: Callable[[str], None] | None = None

    def problem(self, message: str) -> None:
        self.problems.append(message)
        if self.on_problem is not None:
            self.on_problem(message)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


def _documents(
    paths: Iterable[str | os.PathLike[str]],
    report: Report,
    max_bytes: int,
    fields: RecordFields = DEFAULT_FIELDS,
) -> Iterator[tuple[str, str]]:
    for item in iter_documents(paths, max_bytes=max_bytes, fields=fields):
        if isinstance(item, Skipped):
            report.skipped[item.reason] += 1
            if item.message:
                report.problem(item.message)
            continue
        assert isinstance(item, Document)
        if item.warning:
            report.problem(item.warning)
        report.read += 1
        yield item.doc, item.text


def extract_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    model: str | None = None,
    report: Report | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    min_confidence: float = 0.0,
    cache_dir: str | os.PathLike[str] | None = None,
    n_process: int = 1,
    model_path: str | os.PathLike[str] | None = None,
    rules_only: bool = False,
    fields: RecordFields = DEFAULT_FIELDS,
    dask_scheduler: str | None = None,
) -> Iterator[DocumentResult]:
    """Yield the extraction of every document under ``paths`` (folders recursively);
    ``fields`` names the text and id fields of JSON records; ``dask_scheduler`` (an
    address, or "local") parses on a Dask cluster instead of here."""
    from .extract import extract_documents

    report = report if report is not None else Report()
    docs = _documents(list(paths), report, max_bytes, fields)
    for result in extract_documents(
        docs,
        model=model,
        cache_dir=cache_dir,
        n_process=n_process,
        model_path=model_path,
        rules_only=rules_only,
        dask_scheduler=dask_scheduler,
    ):
        yield result.with_min_confidence(min_confidence)


def build_graph_from_results(
    results: Iterable[DocumentResult | DocRecord],
    *,
    aliases: AliasRules | None = None,
    min_confidence: float = 0.0,
) -> nx.MultiDiGraph:
    from .graph import graph_from_results

    return graph_from_results(results, resolver=Resolver(aliases), min_confidence=min_confidence)


def build_graph(
    paths: Iterable[str | os.PathLike[str]],
    *,
    model: str | None = None,
    aliases: AliasRules | None = None,
    min_confidence: float = 0.0,
    report: Report | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: str | os.PathLike[str] | None = None,
    n_process: int = 1,
    model_path: str | os.PathLike[str] | None = None,
    rules_only: bool = False,
    fields: RecordFields = DEFAULT_FIELDS,
    state: str | os.PathLike[str] | None = None,
    on_document: Callable[[], None] | None = None,
    dask_scheduler: str | None = None,
) -> nx.MultiDiGraph:
    """Extract every document under ``paths`` and return the merged knowledge graph.

    With ``state`` (a file, usually ``.graphkit-merge.json`` beside the graph), only
    documents that are new or changed since the build that wrote it are extracted; the
    graph is the same as without it. ``on_document`` is called once per document merged.
    ``dask_scheduler`` (an address, or "local") parses on a Dask cluster; the graph is the same.
    """
    report = report if report is not None else Report()
    if state is None:
        results: Iterable = extract_paths(
            paths,
            model=model,
            report=report,
            max_bytes=max_bytes,
            cache_dir=cache_dir,
            n_process=n_process,
            model_path=model_path,
            rules_only=rules_only,
            fields=fields,
            dask_scheduler=dask_scheduler,
        )
    else:
        from .incremental import merge_records

        docs = _documents(list(paths), report, max_bytes, fields)
        results = merge_records(
            docs,
            state_path=state,
            model=model,
            cache_dir=cache_dir,
            n_process=n_process,
            dask_scheduler=dask_scheduler,
            model_path=model_path,
            rules_only=rules_only,
        )
    if on_document is not None:
        results = _counted(results, on_document)
    return build_graph_from_results(results, aliases=aliases, min_confidence=min_confidence)


def _counted(items: Iterable, tick: Callable[[], None]) -> Iterator:
    for item in items:
        tick()
        yield item
