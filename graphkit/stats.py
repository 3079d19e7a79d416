"""What is in a graph: counts, the most connected entities, connected groups, the
people who bridge them, and the relations with the weakest evidence."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from .model import EntityType, RelationType

__all__ = ["EXACT_BETWEENNESS_LIMIT", "graph_stats"]

#: Above this many entities, betweenness is estimated from a sample of entities.
EXACT_BETWEENNESS_LIMIT = 5000
_SAMPLE = 500
_SEED = 0


def _entity(g: nx.MultiDiGraph, n: str) -> dict[str, Any]:
    d = g.nodes[n]
    return {"id": n, "name": d.get("name", n), "type": d.get("type")}


def _most_connected(g: nx.MultiDiGraph, simple: nx.Graph, top: int) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for typ in EntityType:
        nodes = [n for n, d in g.nodes(data=True) if d.get("type") == typ.value and g.degree(n) > 0]
        nodes.sort(key=lambda n: (-simple.degree(n), -g.degree(n), g.nodes[n].get("name", "")))
        out[typ.value] = [
            {**_entity(g, n), "connections": simple.degree(n), "relations": g.degree(n)} for n in nodes[:top]
        ]
    return out


def _components(simple: nx.Graph, top: int) -> dict[str, Any]:
    sizes = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    return {
        "count": len(sizes),
        "sizes": sizes[:top],
        "connected": sum(1 for s in sizes if s > 1),
        "isolated": sum(1 for s in sizes if s == 1),
    }


def _bridges(g: nx.MultiDiGraph, simple: nx.Graph, top: int) -> dict[str, Any]:
    n = simple.number_of_nodes()
    approximate = n > EXACT_BETWEENNESS_LIMIT
    k = min(_SAMPLE, n) if approximate else None
    scores = nx.betweenness_centrality(simple, k=k, normalized=True, seed=_SEED if approximate else None)
    cut = set(nx.articulation_points(simple))
    people = [
        p for p, d in g.nodes(data=True) if d.get("type") == EntityType.PERSON.value and scores.get(p, 0) > 0
    ]
    people.sort(key=lambda p: (-scores[p], g.nodes[p].get("name", "")))
    return {
        "approximate": approximate,
        "sample": k,
        "people": [
            {**_entity(g, p), "betweenness": round(scores[p], 4), "separates_groups": p in cut}
            for p in people[:top]
        ],
    }


def _weakest(g: nx.MultiDiGraph, top: int) -> list[dict[str, Any]]:
    edges = sorted(
        g.edges(keys=True, data=True),
        key=lambda e: (
            float(e[3].get("confidence") or 0.0),
            len(e[3].get("evidence") or []),
            e[0],
            e[2],
            e[1],
        ),
    )
    out = []
    for s, t, k, d in edges[:top]:
        ev = d.get("evidence") or []
        out.append(
            {
                "source": _entity(g, s),
                "relation": d.get("type") or k,
                "target": _entity(g, t),
                "role": d.get("role"),
                "confidence": d.get("confidence"),
                "evidence_count": len(ev),
                "evidence": [{"doc": e.get("doc"), "text": e.get("text")} for e in ev[:1]],
            }
        )
    return out


def graph_stats(g: nx.MultiDiGraph, *, top: int = 10) -> dict[str, Any]:
    """Statistics of ``g`` as plain data.

    Returns ``{"documents", "entities": {"total", "by_type"}, "relations": {"total",
    "by_type", "evidence_sentences"}, "most_connected": {TYPE: [{"id", "name",
    "type", "connections", "relations"}]}, "components": {"count", "sizes",
    "connected", "isolated"}, "bridges": {"approximate", "sample", "people":
    [{"id", "name", "type", "betweenness", "separates_groups"}]}, "weakest":
    [{"source", "relation", "target", "role", "confidence", "evidence_count",
    "evidence"}]}``. Connections ignore direction; ``connections`` counts distinct
    neighbours, ``relations`` counts edges. Betweenness is exact up to 5,000
    entities and estimated from 500 sampled entities (fixed seed) above.
    ``separates_groups`` marks a person whose removal splits their group.
    """
    simple = nx.Graph()
    simple.add_nodes_from(g)
    simple.add_edges_from((s, t) for s, t in g.edges() if s != t)
    types = Counter(d.get("type") for _, d in g.nodes(data=True))
    rels = Counter(d.get("type") for _, _, d in g.edges(data=True))
    docs = g.graph.get("documents")
    return {
        "documents": len(docs) if isinstance(docs, list) else None,
        "entities": {
            "total": g.number_of_nodes(),
            "by_type": {t.value: types.get(t.value, 0) for t in EntityType},
        },
        "relations": {
            "total": g.number_of_edges(),
            "by_type": {r.value: rels.get(r.value, 0) for r in RelationType},
            "evidence_sentences": sum(len(d.get("evidence") or []) for _, _, d in g.edges(data=True)),
        },
        "most_connected": _most_connected(g, simple, top),
        "components": _components(simple, top),
        "bridges": _bridges(g, simple, top),
        "weakest": _weakest(g, top),
    }
