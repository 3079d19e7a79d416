"""The knowledge graph: a NetworkX ``MultiDiGraph``, and its node-link JSON file.

Nodes are keyed by a stable id (``person:zizheng-pan``) and carry ``name``,
``type``, ``aliases``, ``docs`` and ``mentions``. Edges are keyed by relation
type and carry ``type``, ``role``, ``confidence`` and ``evidence`` (a list of
``{doc, text, start, end}``). The graph attributes hold ``schema_version`` and
``graphkit_version``.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from . import __version__
from .errors import GraphFileError
from .fsutil import atomic_write_text
from .model import DocumentResult, EntityType, RelationType
from .resolve import DocRecord, Resolver

__all__ = [
    "SCHEMA_VERSION",
    "graph_from_json",
    "graph_from_resolver",
    "graph_from_results",
    "graph_to_json",
    "load_graph",
    "save_graph",
]

SCHEMA_VERSION = 1


def graph_from_results(
    results: Iterable[DocumentResult | DocRecord],
    *,
    resolver: Resolver | None = None,
    min_confidence: float = 0.0,
) -> nx.MultiDiGraph:
    """Resolve entities across documents and build the graph."""
    resolver = resolver or Resolver()
    with _no_cycle_collection():
        for r in results:
            resolver.add(r)
        resolver.apply_same_groups()
        return graph_from_resolver(resolver, min_confidence=min_confidence)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Building makes many objects and no garbage cycles: the cycle collector, which would
    walk everything made so far again and again, waits until the graph is built."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def graph_from_resolver(resolver: Resolver, *, min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """The graph of a resolver's entities and relations."""
    g = nx.MultiDiGraph()
    g.graph["schema_version"] = SCHEMA_VERSION
    g.graph["graphkit_version"] = __version__
    g.graph["documents"] = sorted(resolver.docs)
    for ge in resolver.live():
        name = ge.name
        g.add_node(
            ge.id,
            name=name,
            type=str(ge.type),
            aliases=ge.aliases_besides(name),
            docs=sorted(ge.docs),
            mentions=sum(ge.docs.values()),
        )
    seen: dict[tuple[str, str, str], set[tuple]] = {}  # evidence already on an edge
    for doc, s, t, rel in resolver.edges(min_confidence):
        if s == t:
            continue
        key = str(rel.type)
        ev = {"doc": doc, **rel.evidence.to_dict()}
        ident = (doc, rel.evidence.text, rel.evidence.start, rel.evidence.end)
        known = seen.get((s, t, key))
        if known is not None:
            data = g.edges[s, t, key]
            if ident not in known:
                known.add(ident)
                data["evidence"].append(ev)
            data["confidence"] = max(data["confidence"], rel.confidence)
            if data["role"] is None and rel.role:
                data["role"] = rel.role
        else:
            seen[(s, t, key)] = {ident}
            g.add_edge(s, t, key=key, type=key, role=rel.role, confidence=rel.confidence, evidence=[ev])
    return g


def graph_to_json(g: nx.MultiDiGraph) -> str:
    data = nx.node_link_data(g, edges="edges")
    data["nodes"].sort(key=lambda n: n["id"])
    data["edges"].sort(key=lambda e: (e["source"], e["target"], str(e.get("key"))))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def save_graph(g: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the graph as node-link JSON, atomically."""
    return atomic_write_text(path, graph_to_json(g))


def _migrate(data: dict[str, Any], version: int, path: object) -> dict[str, Any]:
    # Schema 1 is the first; later versions add their migrations here.
    raise GraphFileError(
        path, f"schema version {version} is not one this graphkit can read; rebuild it with 'graphkit build'"
    )


def graph_from_json(data: Any, path: object = "<graph>") -> nx.MultiDiGraph:
    if not isinstance(data, dict) or "nodes" not in data or "edges" not in data:
        raise GraphFileError(
            path, "not a graphkit graph (no 'nodes' and 'edges'); make one with 'graphkit build'"
        )
    attrs = data.get("graph")
    if not isinstance(attrs, dict) or "schema_version" not in attrs:
        raise GraphFileError(path, "not a graphkit graph (no schema_version); make one with 'graphkit build'")
    version = attrs["schema_version"]
    if not isinstance(version, int):
        raise GraphFileError(path, f"schema_version {version!r} is not a number")
    if version > SCHEMA_VERSION:
        raise GraphFileError(
            path,
            f"made by a newer graphkit (schema {version}; this one reads up to "
            f"{SCHEMA_VERSION}); upgrade graphkit",
        )
    if version < SCHEMA_VERSION:
        data = _migrate(data, version, path)
    try:
        g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except (KeyError, TypeError, ValueError, nx.NetworkXError) as e:
        raise GraphFileError(path, f"malformed graph data ({e.__class__.__name__}: {e})") from None
    for n, d in g.nodes(data=True):
        if d.get("type") not in {t.value for t in EntityType} or "name" not in d:
            raise GraphFileError(path, f"node {n!r} has no valid name and type")
    for s, t, d in g.edges(data=True):
        if d.get("type") not in {r.value for r in RelationType} and not d.get("type"):
            raise GraphFileError(path, f"edge {s!r} -> {t!r} has no type")
        d.setdefault("evidence", [])
        d.setdefault("role", None)
        d.setdefault("confidence", 0.0)
    return g


def load_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a graph.json written by graphkit; raise ``GraphFileError`` with the problem."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise GraphFileError(p, "no such file; run 'graphkit build' first") from None
    except IsADirectoryError:
        raise GraphFileError(p, "is a folder, not a graph.json") from None
    except OSError as e:
        raise GraphFileError(p, f"cannot read it ({e.strerror or e})") from None
    if not raw.strip():
        raise GraphFileError(p, "the file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise GraphFileError(p, "not UTF-8 text (is it a graph.json?)") from None
    except json.JSONDecodeError as e:
        raise GraphFileError(
            p, f"not valid JSON at line {e.lineno}, column {e.colno} (truncated or corrupt?)"
        ) from None
    return graph_from_json(data, p)
