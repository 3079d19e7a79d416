"""Exports of the graph for other tools: pandas and spreadsheets (CSV), Gephi and
Cytoscape (GraphML, GEXF), and Neo4j (``neo4j-admin`` CSV, a Cypher script).

Every export keeps direction, entity types, relation types, roles, confidence and
evidence. Where a format holds no lists, a list is flattened to one string, its
items one a line (each item's own line breaks made spaces).

Names and sentences come from untrusted documents, so every value is made inert
for the tool that reads it: CSV cells that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading
apostrophe; the Cypher script holds no value at all, only statements that read
their values from parameters (``parameters.json``), and its labels and
relationship types come from graphkit's own fixed vocabulary, never from the text.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx

from .fsutil import atomic_write_text
from .model import EntityType, RelationType

__all__ = [
    "CYPHER_PARAMETERS",
    "CYPHER_SCRIPT",
    "FORMATS",
    "LABELS",
    "NEO4J_ARRAY_DELIMITER",
    "REL_TYPES",
    "csv_cell",
    "cypher_statements",
    "default_output",
    "edge_rows",
    "edges_csv",
    "export_graph",
    "flat_graph",
    "neo4j_csv",
    "node_rows",
    "nodes_csv",
    "to_csv",
    "to_cypher",
    "to_gexf",
    "to_graphml",
]

FORMATS = ("csv", "graphml", "gexf", "neo4j", "cypher")
_FOLDER_FORMATS = ("csv", "neo4j", "cypher")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CYPHER_SCRIPT = "graph.cypher"
CYPHER_PARAMETERS = "parameters.json"
NEO4J_ARRAY_DELIMITER = "\x1f"  # the unit separator: never in a name or a sentence

LABELS = {
    EntityType.PERSON.value: "Person",
    EntityType.ORGANIZATION.value: "Organization",
    EntityType.INSTITUTION.value: "Institution",
}
REL_TYPES = {r.value: r.value.upper() for r in RelationType}


# --- plain rows (pandas, CSV) --------------------------------------------------


# characters XML 1.0 does not allow, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(value: object) -> str:
    # XML reads every line break as "\n"; say so rather than lose it on the way back
    return _NOT_XML.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))


def _one_line(value: object) -> str:
    return " ".join(_xml_safe(value).split())


def _joined(items: list[Any]) -> str:
    return "\n".join(_one_line(x) for x in items)


def _edges(g: nx.MultiDiGraph):
    return sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))


def node_rows(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One dict per entity: ``id, name, type, aliases, docs, mentions, degree``
    (lists kept as lists), ready for ``pandas.DataFrame``."""
    return [
        {
            "id": n,
            "name": d.get("name", ""),
            "type": d.get("type", ""),
            "aliases": list(d.get("aliases") or []),
            "docs": list(d.get("docs") or []),
            "mentions": int(d.get("mentions") or 0),
            "degree": g.degree(n),
        }
        for n, d in sorted(g.nodes(data=True))
    ]


def edge_rows(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One dict per relation, "source's RELATION is target": ``source, source_name,
    source_type, relation, role, target, target_name, target_type, confidence,
    evidence`` (a list of ``{doc, text, start, end}``), ready for ``pandas.DataFrame``."""
    rows = []
    for s, t, k, d in _edges(g):
        rows.append(
            {
                "source": s,
                "source_name": g.nodes[s].get("name", ""),
                "source_type": g.nodes[s].get("type", ""),
                "relation": d.get("type") or k,
                "role": d.get("role"),
                "target": t,
                "target_name": g.nodes[t].get("name", ""),
                "target_type": g.nodes[t].get("type", ""),
                "confidence": float(d.get("confidence") or 0.0),
                "evidence": [dict(e) for e in d.get("evidence") or []],
            }
        )
    return rows


def csv_cell(value: object) -> str:
    """A CSV cell that no spreadsheet will evaluate."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow([csv_cell(x) for x in row])
    return buf.getvalue()


def nodes_csv(g: nx.MultiDiGraph) -> str:
    """``nodes.csv``: one row per entity; aliases and docs one a line in their cell."""
    header = ["id", "name", "type", "aliases", "docs", "mentions", "degree"]
    rows = [
        [r["id"], r["name"], r["type"], _joined(r["aliases"]), _joined(r["docs"]), r["mentions"], r["degree"]]
        for r in node_rows(g)
    ]
    return _csv(header, rows)


def edges_csv(g: nx.MultiDiGraph) -> str:
    """``edges.csv``: one row per relation; its sentences and their documents one a
    line in their cells (``evidence``, ``docs``)."""
    header = [
        "source",
        "source_name",
        "source_type",
        "relation",
        "role",
        "target",
        "target_name",
        "target_type",
        "confidence",
        "evidence_count",
        "docs",
        "evidence",
    ]
    rows = [
        [
            r["source"],
            r["source_name"],
            r["source_type"],
            r["relation"],
            r["role"] or "",
            r["target"],
            r["target_name"],
            r["target_type"],
            f"{r['confidence']:.3f}",
            len(r["evidence"]),
            _joined([e.get("doc", "") for e in r["evidence"]]),
            _joined([e.get("text", "") for e in r["evidence"]]),
        ]
        for r in edge_rows(g)
    ]
    return _csv(header, rows)


def to_csv(g: nx.MultiDiGraph) -> str:
    """``evidence.csv``: one row per relation and evidence sentence, by name, for reading
    in a spreadsheet."""
    header = [
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
    rows = []
    for s, t, _k, d in _edges(g):
        for ev in d.get("evidence") or [{}]:
            rows.append(
                [
                    g.nodes[s]["name"],
                    g.nodes[s]["type"],
                    d.get("type"),
                    d.get("role"),
                    g.nodes[t]["name"],
                    g.nodes[t]["type"],
                    f"{float(d.get('confidence') or 0):.3f}",
                    ev.get("doc"),
                    ev.get("text"),
                ]
            )
    return _csv(header, rows)


# --- GraphML and GEXF (Gephi, Cytoscape, networkx) -------------------------------


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` with only strings and numbers as attributes, as GraphML and GEXF
    need: nodes ``label`` (the name), ``name``, ``type``, ``aliases``, ``docs``,
    ``mentions``; edges ``id``, ``label`` (relation and role), ``relation``, ``role``,
    ``confidence``, ``evidence``, ``evidence_docs``, ``evidence_count``. Lists are one
    item a line; a missing role is ``""``; characters XML cannot hold are left out and line
    breaks are ``\\n``."""
    flat = nx.MultiDiGraph()
    for r in node_rows(g):
        flat.add_node(
            _xml_safe(r["id"]),
            label=_xml_safe(r["name"]),
            name=_xml_safe(r["name"]),
            type=r["type"],
            aliases=_joined(r["aliases"]),
            docs=_joined(r["docs"]),
            mentions=r["mentions"],
        )
    for r in edge_rows(g):
        role = _xml_safe(r["role"] or "")
        source, target = _xml_safe(r["source"]), _xml_safe(r["target"])
        flat.add_edge(
            source,
            target,
            key=r["relation"],
            id=f"{source}|{r['relation']}|{target}",
            label=r["relation"] + (f" ({role})" if role else ""),
            relation=r["relation"],
            role=role,
            confidence=r["confidence"],
            evidence=_joined([e.get("text", "") for e in r["evidence"]]),
            evidence_docs=_joined([e.get("doc", "") for e in r["evidence"]]),
            evidence_count=len(r["evidence"]),
        )
    return flat


def to_graphml(g: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(flat_graph(g), encoding="utf-8", prettyprint=True)) + "\n"


def to_gexf(g: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_gexf(flat_graph(g), encoding="utf-8", prettyprint=True)) + "\n"


# --- Neo4j: neo4j-admin CSV --------------------------------------------------------


def _array(items: list[Any]) -> str:
    return NEO4J_ARRAY_DELIMITER.join(str(x).replace(NEO4J_ARRAY_DELIMITER, " ") for x in items)


def _plain_csv(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


NEO4J_NODE_HEADER = ["id:ID", "name", "type", "aliases:string[]", "docs:string[]", "mentions:long", ":LABEL"]
NEO4J_RELATIONSHIP_HEADER = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "role",
    "confidence:double",
    "evidence:string[]",
    "docs:string[]",
]


def neo4j_csv(g: nx.MultiDiGraph) -> dict[str, str]:
    """``nodes.csv`` and ``relationships.csv`` for ``neo4j-admin database import full``
    (array delimiter U+001F; sentences may span lines)."""
    nodes = [
        [
            r["id"],
            r["name"],
            r["type"],
            _array(r["aliases"]),
            _array(r["docs"]),
            r["mentions"],
            LABELS.get(r["type"], "Entity"),
        ]
        for r in node_rows(g)
    ]
    rels = [
        [
            r["source"],
            r["target"],
            REL_TYPES.get(r["relation"], "RELATED_TO"),
            r["role"] or "",
            f"{r['confidence']:.3f}",
            _array([e.get("text", "") for e in r["evidence"]]),
            _array([e.get("doc", "") for e in r["evidence"]]),
        ]
        for r in edge_rows(g)
    ]
    return {
        "nodes.csv": _plain_csv(NEO4J_NODE_HEADER, nodes),
        "relationships.csv": _plain_csv(NEO4J_RELATIONSHIP_HEADER, rels),
    }


# --- Neo4j: a Cypher script with parameters -----------------------------------------


def cypher_statements(g: nx.MultiDiGraph) -> tuple[list[str], dict[str, list[dict[str, Any]]]]:
    """The statements that load ``g`` into a Cypher database, and their parameters.

    Each statement is one line and takes its rows from one parameter
    (``UNWIND $person_nodes AS row MERGE ...``); no value from the graph is ever
    written into a statement. The first statements are Neo4j uniqueness constraints
    (``CREATE CONSTRAINT``); the others are plain openCypher.
    """
    statements: list[str] = []
    params: dict[str, list[dict[str, Any]]] = {}
    by_label: dict[str, list[dict[str, Any]]] = {}
    label_of: dict[str, str] = {}
    for r in node_rows(g):
        label = LABELS.get(r["type"], "Entity")
        label_of[r["id"]] = label
        by_label.setdefault(label, []).append(
            {
                "id": r["id"],
                "name": r["name"],
                "aliases": r["aliases"],
                "docs": r["docs"],
                "mentions": r["mentions"],
            }
        )
    for label in sorted(by_label):
        statements.append(
            f"CREATE CONSTRAINT graphkit_{label.lower()}_id IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.id IS UNIQUE;"
        )
    for label in sorted(by_label):
        name = f"{label.lower()}_nodes"
        params[name] = by_label[label]
        statements.append(
            f"UNWIND ${name} AS row MERGE (n:{label} {{id: row.id}}) "
            "SET n.name = row.name, n.aliases = row.aliases, n.docs = row.docs, n.mentions = row.mentions;"
        )
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for r in edge_rows(g):
        rel = REL_TYPES.get(r["relation"], "RELATED_TO")
        groups.setdefault((rel, label_of[r["source"]], label_of[r["target"]]), []).append(
            {
                "source": r["source"],
                "target": r["target"],
                "role": r["role"],
                "confidence": r["confidence"],
                "evidence": [e.get("text", "") for e in r["evidence"]],
                "docs": [e.get("doc", "") for e in r["evidence"]],
            }
        )
    for (rel, a, b), rows in sorted(groups.items()):
        name = f"{rel.lower()}_{a.lower()}_{b.lower()}"
        params[name] = rows
        statements.append(
            f"UNWIND ${name} AS row MATCH (a:{a} {{id: row.source}}), (b:{b} {{id: row.target}}) "
            f"MERGE (a)-[r:{rel}]->(b) "
            "SET r.role = row.role, r.confidence = row.confidence, r.evidence = row.evidence, r.docs = row.docs;"
        )
    return statements, params


def to_cypher(g: nx.MultiDiGraph) -> dict[str, str]:
    """``graph.cypher`` (one statement a line, ``//`` comments) and ``parameters.json``."""
    statements, params = cypher_statements(g)
    head = [
        f"// graphkit graph: {g.number_of_nodes()} entities, {g.number_of_edges()} relations.",
        f"// Every value comes from the parameters in {CYPHER_PARAMETERS}; run each statement",
        "// with them (see the Exports section of the graphkit README).",
    ]
    return {
        CYPHER_SCRIPT: "\n".join(head + statements) + "\n",
        CYPHER_PARAMETERS: json.dumps(params, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
    }


# --- writing ------------------------------------------------------------------------


def default_output(graph_path: str | os.PathLike[str], fmt: str) -> Path:
    """Where ``export`` writes when no ``-o`` is given: beside the graph, ``graph.graphml``,
    ``graph.gexf``, or a folder ``csv/``, ``neo4j/``, ``cypher/``."""
    base = Path(graph_path).parent
    return base / fmt if fmt in _FOLDER_FORMATS else base / f"graph.{fmt}"


def export_graph(g: nx.MultiDiGraph, path: str | os.PathLike[str], fmt: str) -> list[Path]:
    """Write ``g`` in ``fmt`` to ``path`` (a file for graphml and gexf, a folder for csv,
    neo4j and cypher), each file atomically; return the files written."""
    path = Path(path)
    if fmt == "graphml":
        return [atomic_write_text(path, to_graphml(g))]
    if fmt == "gexf":
        return [atomic_write_text(path, to_gexf(g))]
    if fmt == "csv":
        files = {"nodes.csv": nodes_csv(g), "edges.csv": edges_csv(g), "evidence.csv": to_csv(g)}
    elif fmt == "neo4j":
        files = neo4j_csv(g)
    elif fmt == "cypher":
        files = to_cypher(g)
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if path.exists() and not path.is_dir():
        from .errors import InputError

        raise InputError(
            f"'{path}' is a file; the {fmt} export is a folder of files. Choose a folder with -o."
        )
    return [atomic_write_text(path / name, text) for name, text in files.items()]
