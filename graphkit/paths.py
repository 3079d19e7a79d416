"""How are two entities connected? The shortest chains of relations between them.

Chains follow relations in either direction (a mentor and a mentee are connected
whichever way the edge points); every step says which way its relation points,
with its role, confidence and evidence sentences.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import islice, pairwise
from typing import Any

import networkx as nx

from .errors import InputError
from .query import entity_summary, find_entity, relation_label

__all__ = ["DEFAULT_MAX_HOPS", "MAX_PATHS", "shortest_paths"]

DEFAULT_MAX_HOPS = 4
MAX_PATHS = 10
_RANKED = 1000  # at most this many equally short chains are ranked by strength


def _short(g: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    return {k: v for k, v in entity_summary(g, node).items() if k != "aliases"}


def _links(g: nx.MultiDiGraph, a: str, b: str, relations: set[str] | None) -> list[dict[str, Any]]:
    """Every relation between ``a`` and ``b``, read from ``a``'s side, strongest first."""
    out = []
    for direction, (s, t) in (("out", (a, b)), ("in", (b, a))):
        for key, d in (g.get_edge_data(s, t) or {}).items():
            rtype = d.get("type") or key
            if relations is not None and rtype not in relations:
                continue
            out.append(
                {
                    "relation": rtype,
                    "direction": direction,
                    "label": relation_label(rtype, direction),
                    "role": d.get("role"),
                    "confidence": d.get("confidence"),
                    "evidence": [
                        {"doc": e.get("doc"), "text": e.get("text")} for e in d.get("evidence") or []
                    ],
                }
            )
    out.sort(key=lambda x: (-(x["confidence"] or 0.0), x["relation"], x["direction"]))
    return out


def _strength(steps: list[dict[str, Any]]) -> float:
    return math.prod((s["links"][0]["confidence"] or 0.0) for s in steps)


def shortest_paths(
    g: nx.MultiDiGraph,
    source: str,
    target: str,
    *,
    max_hops: int = DEFAULT_MAX_HOPS,
    relations: Iterable[str] | None = None,
    limit: int = MAX_PATHS,
) -> dict[str, Any]:
    """The shortest chains between the entities called ``source`` and ``target``.

    Returns ``{"source", "target", "max_hops", "relations", "hops", "paths",
    "truncated"}``. ``hops`` is the length of the shortest chains, or ``None`` when
    there is no connection within ``max_hops`` (an answer, not an error). Each path
    is ``{"hops", "strength", "steps": [{"from", "to", "links": [{"relation",
    "direction", "label", "role", "confidence", "evidence"}]}]}``: ``direction``
    ``"out"`` means "from's RELATION is to". Paths are strongest first (the product
    of each step's best confidence); at most ``limit`` are listed. Names are found as
    by ``find_entity`` (``EntityNotFound`` with suggestions, ``AmbiguousEntity``).
    """
    if max_hops < 1:
        raise ValueError("max_hops must be at least 1")
    a = find_entity(g, source)
    b = find_entity(g, target)
    if a == b:
        raise InputError(
            f"'{source}' and '{target}' are the same entity ({g.nodes[a]['name']}); name two different ones."
        )
    rels = set(relations) if relations else None
    view = nx.Graph()
    view.add_nodes_from(g)
    view.add_edges_from(
        (s, t) for s, t, k, d in g.edges(keys=True, data=True) if rels is None or (d.get("type") or k) in rels
    )
    answer: dict[str, Any] = {
        "source": entity_summary(g, a),
        "target": entity_summary(g, b),
        "max_hops": max_hops,
        "relations": sorted(rels) if rels else None,
        "hops": None,
        "paths": [],
        "truncated": False,
    }
    reach = nx.single_source_shortest_path_length(view, a, cutoff=max_hops)
    if b not in reach:
        return answer
    found = list(islice(nx.all_shortest_paths(view, a, b), max(limit, _RANKED) + 1))
    answer["truncated"] = len(found) > limit
    paths = []
    for nodes in found:
        steps = [
            {"from": _short(g, x), "to": _short(g, y), "links": _links(g, x, y, rels)}
            for x, y in pairwise(nodes)
        ]
        paths.append({"hops": len(steps), "strength": round(_strength(steps), 4), "steps": steps})
    paths.sort(key=lambda p: (-p["strength"], [s["to"]["name"] for s in p["steps"]]))
    answer["hops"] = reach[b]
    answer["paths"] = paths[:limit]
    return answer
