"""Exports of the graph for other tools: CSV (spreadsheets) and Cypher (Neo4j).

Names and sentences come from untrusted documents, so every value is made inert
for the tool that reads it: CSV cells that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading
apostrophe; Cypher strings are quoted with every quote, backslash and control
character escaped, and labels and relationship types come from graphkit's own
fixed vocabulary, never from the text.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import networkx as nx

from .fsutil import atomic_write_text
from .model import EntityType, RelationType

__all__ = ["FORMATS", "csv_cell", "cypher_string", "export_graph", "to_csv", "to_cypher"]

FORMATS = ("csv", "cypher")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A CSV cell that no spreadsheet will evaluate."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def to_csv(g: nx.MultiDiGraph) -> str:
    """One row per relation and evidence sentence."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        [
            "source",
            "source_type",
            "relation",
            "role",
            "target",
            "target_type",
            "confidence",
            "doc",
            "evidence",
        ]
    )
    for s, t, _k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        evidence = d.get("evidence") or [{}]
        for ev in evidence:
            w.writerow(
                [
                    csv_cell(x)
                    for x in (
                        g.nodes[s]["name"],
                        g.nodes[s]["type"],
                        d.get("type"),
                        d.get("role"),
                        g.nodes[t]["name"],
                        g.nodes[t]["type"],
                        f"{float(d.get('confidence') or 0):.3f}",
                        ev.get("doc"),
                        ev.get("text"),
                    )
                ]
            )
    return buf.getvalue()


def cypher_string(value: object) -> str:
    """A single-quoted Cypher string literal with everything that could end it escaped."""
    text = "" if value is None else str(value)
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


_LABELS = {
    EntityType.PERSON.value: "Person",
    EntityType.ORGANIZATION.value: "Organization",
    EntityType.INSTITUTION.value: "Institution",
}
_REL_TYPES = {r.value: r.value.upper() for r in RelationType}


def to_cypher(g: nx.MultiDiGraph) -> str:
    """MERGE statements that recreate the graph in Neo4j."""
    lines = [
        "// graphkit graph export",
        "CREATE CONSTRAINT graphkit_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;",
    ]
    for n, d in sorted(g.nodes(data=True)):
        label = _LABELS.get(d.get("type"), "Entity")
        aliases = "[" + ", ".join(cypher_string(a) for a in d.get("aliases") or []) + "]"
        lines.append(
            f"MERGE (n:Entity {{id: {cypher_string(n)}}}) SET n:{label}, "
            f"n.name = {cypher_string(d.get('name'))}, n.aliases = {aliases};"
        )
    for s, t, _k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        rel = _REL_TYPES.get(d.get("type"), "RELATED_TO")
        ev = d.get("evidence") or []
        sentences = "[" + ", ".join(cypher_string(e.get("text")) for e in ev) + "]"
        docs = "[" + ", ".join(cypher_string(e.get("doc")) for e in ev) + "]"
        lines.append(
            f"MATCH (a:Entity {{id: {cypher_string(s)}}}), (b:Entity {{id: {cypher_string(t)}}}) "
            f"MERGE (a)-[r:{rel}]->(b) SET r.role = {cypher_string(d.get('role') or '')}, "
            f"r.confidence = {float(d.get('confidence') or 0):.3f}, r.evidence = {sentences}, "
            f"r.docs = {docs};"
        )
    return "\n".join(lines) + "\n"


def export_graph(g: nx.MultiDiGraph, path: str | os.PathLike[str], fmt: str) -> Path:
    """Write ``g`` to ``path`` in ``fmt`` ("csv" or "cypher"), atomically."""
    if fmt == "csv":
        return atomic_write_text(path, to_csv(g))
    if fmt == "cypher":
        return atomic_write_text(path, to_cypher(g))
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
