"""Questions to the graph: which entity is this name, and who is it connected to?"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

import networkx as nx

from .errors import AmbiguousEntity, EntityNotFound
from .model import FORWARD_LABELS, INVERSE_LABELS
from .names import acronym_of, is_acronym, name_key

__all__ = ["connections", "entity_summary", "find_entity", "relation_label"]


def _names(d: dict[str, Any]) -> list[str]:
    return [d.get("name", ""), *(d.get("aliases") or [])]


def find_entity(g: nx.MultiDiGraph, name: str, *, where: str = "") -> str:
    """Return the node id of the entity called ``name``.

    Matches, in order: the id; the name; an alias; a surname or given name of
    a person; an acronym of an organization's name. Raises ``AmbiguousEntity`` when several match at the first level
    that matches, ``EntityNotFound`` (with near names) when none does.
    """
    if name in g:
        return name
    key = name_key(name)
    if not key:
        raise EntityNotFound(name, [], where)
    tiers: list[list[str]] = [[], [], []]
    for n, d in g.nodes(data=True):
        if name_key(d.get("name", "")) == key:
            tiers[0].append(n)
        elif any(name_key(a) == key for a in d.get("aliases") or []):
            tiers[1].append(n)
        elif d.get("type") == "PERSON" and any(
            name_key(part) == key for nm in _names(d) for part in nm.split()
        ):
            tiers[2].append(n)
    if not any(tiers) and is_acronym(name):
        # "HKUST" for "Hong Kong University of Science and Technology"
        tiers.append(
            [
                n
                for n, d in g.nodes(data=True)
                if d.get("type") != "PERSON" and any(acronym_of(name, nm) for nm in _names(d))
            ]
        )
    for tier in tiers:
        if len(tier) == 1:
            return tier[0]
        if len(tier) > 1:
            cands = sorted(
                ((n, g.nodes[n]["name"], g.nodes[n]["type"]) for n in tier),
                key=lambda c: (-g.degree(c[0]), c[1]),
            )
            raise AmbiguousEntity(name, cands)
    pool: dict[str, str] = {}
    for _n, d in g.nodes(data=True):
        for nm in _names(d):
            pool.setdefault(nm.casefold(), d.get("name", nm))
    close = difflib.get_close_matches(name.casefold(), list(pool), n=5, cutoff=0.7)
    suggestions = list(dict.fromkeys(pool[c] for c in close))
    raise EntityNotFound(name, suggestions, where)


def entity_summary(g: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    d = g.nodes[node]
    return {"id": node, "name": d["name"], "type": d["type"], "aliases": list(d.get("aliases") or [])}


def relation_label(rtype: str, direction: str) -> str:
    """ "mentor" / "mentor of", "founded by" / "founded"."""
    if direction == "out":
        return FORWARD_LABELS.get(rtype, rtype)
    return INVERSE_LABELS.get(rtype, f"{rtype} of")


def _edges_of(g: nx.MultiDiGraph, node: str, relations: set[str] | None):
    for _, other, key, d in g.out_edges(node, keys=True, data=True):
        if relations is None or d.get("type", key) in relations:
            yield "out", other, d
    for other, _, key, d in g.in_edges(node, keys=True, data=True):
        if relations is None or d.get("type", key) in relations:
            yield "in", other, d


def connections(
    g: nx.MultiDiGraph,
    name: str,
    *,
    depth: int = 1,
    relations: Iterable[str] | None = None,
) -> dict[str, Any]:
    """The entity called ``name`` and its connections up to ``depth`` hops.

    Returns ``{"entity": {...}, "connections": [{"relation", "direction",
    "other", "hops", "via", "role", "confidence", "evidence": [{"doc", "text"}]}]}``.
    """
    if depth < 1:
        raise ValueError("depth must be at least 1")
    node = find_entity(g, name)
    rels = set(relations) if relations else None
    out: list[dict[str, Any]] = []
    seen_nodes = {node}
    frontier = [node]
    seen_edges: set[tuple[str, str, str]] = set()
    for hop in range(1, depth + 1):
        nxt = []
        for here in frontier:
            for direction, other, d in _edges_of(g, here, rels):
                rtype = d.get("type")
                ident = (here, other, rtype) if direction == "out" else (other, here, rtype)
                if ident in seen_edges:
                    continue
                seen_edges.add(ident)
                if hop > 1 and other == node:
                    continue
                out.append(
                    {
                        "relation": rtype,
                        "label": relation_label(rtype, direction),
                        "direction": direction,
                        "from": entity_summary(g, here) if hop > 1 else None,
                        "other": {k: v for k, v in entity_summary(g, other).items() if k != "aliases"},
                        "hops": hop,
                        "role": d.get("role"),
                        "confidence": d.get("confidence"),
                        "evidence": [
                            {"doc": e.get("doc"), "text": e.get("text")} for e in d.get("evidence") or []
                        ],
                    }
                )
                if other not in seen_nodes:
                    seen_nodes.add(other)
                    nxt.append(other)
        frontier = nxt
    out.sort(key=lambda c: (c["hops"], c["relation"], c["direction"], c["other"]["name"]))
    for c in out:
        if c["from"] is None:
            del c["from"]
        else:
            c["via"] = {"id": c["from"]["id"], "name": c["from"]["name"]}
            del c["from"]
    return {"entity": entity_summary(g, node), "connections": out}
