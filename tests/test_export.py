"""Exports, each read back by an independent reader: networkx (GraphML, GEXF), the csv
module and pandas (CSV), a real embedded Cypher engine (Kùzu) for the Cypher script,
and a header check for the neo4j-admin files."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.export import (
    CYPHER_PARAMETERS,
    CYPHER_SCRIPT,
    LABELS,
    NEO4J_ARRAY_DELIMITER,
    REL_TYPES,
    export_graph,
    flat_graph,
)
from graphkit.graph import save_graph

# Names and sentences that would break a careless exporter.
QUOTED = 'Seán O\'Rourke-"Bram" \\ Vell'
KEYWORDS = "Ada}) DETACH DELETE n; MATCH (m) RETURN m //"
MULTILINE = "Orla\nMACHT\r\nTorvik\tthe 2nd"
FORMULA = '=HYPERLINK("http://example.invalid")'


def sample_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(
        schema_version=1, graphkit_version="0.1.0", documents=["a.txt", "b.md", "dump.jsonl#7"]
    )

    def node(nid, name, typ, aliases=(), docs=("a.txt",), mentions=1):
        g.add_node(nid, name=name, type=typ, aliases=list(aliases), docs=list(docs), mentions=mentions)

    def edge(s, t, rel, role, conf, *sentences):
        ev = [{"doc": doc, "text": text, "start": 0, "end": len(text)} for doc, text in sentences]
        g.add_edge(s, t, key=rel, type=rel, role=role, confidence=conf, evidence=ev)

    node(
        "person:sean", QUOTED, "PERSON", aliases=["O'Rourke", "Sean \\ O"], docs=["a.txt", "b.md"], mentions=4
    )
    node("person:ada", KEYWORDS, "PERSON", aliases=["MATCH"])
    node("person:orla", MULTILINE, "PERSON", docs=["dump.jsonl#7"])
    node("person:formula", FORMULA, "PERSON")
    node("org:quillon", "Quillon Systems; Ltd.", "ORGANIZATION", aliases=["Quillon"], mentions=3)
    node("inst:dunmore", "Dunmore University", "INSTITUTION", aliases=["DU"])
    edge(
        "person:sean",
        "org:quillon",
        "employer",
        'chief "data" officer',
        0.812,
        ("a.txt", "Seán O'Rourke, chief data officer at Quillon Systems; Ltd., said so."),
        ("b.md", 'He joined Quillon in 2019 — "a move\nhe planned" \\ for years.'),
    )
    edge("person:sean", "inst:dunmore", "alma_mater", "PhD", 0.9, ("a.txt", "He earned a PhD at Dunmore."))
    edge("person:sean", "inst:dunmore", "employer", None, 0.41, ("b.md", "He taught at Dunmore University."))
    edge("person:ada", "person:sean", "adviser", None, 0.7, ("a.txt", "Her adviser was O'Rourke."))
    edge("person:orla", "person:sean", "mentor", None, 0.55, ("dump.jsonl#7", "Orla's mentor, O'Rourke."))
    edge(
        "org:quillon",
        "person:orla",
        "founder",
        "co-founder",
        0.95,
        ("dump.jsonl#7", "Quillon was founded by Orla."),
    )
    edge(
        "person:formula", "org:quillon", "employer", "-analyst", 0.3, ("a.txt", "@SUM(1+1) works at Quillon.")
    )
    return g


def _items(text: str) -> list[str]:
    return text.split("\n") if text else []


# --- GraphML and GEXF -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_round_trip_through_networkx(tmp_path, fmt):
    g = sample_graph()
    [path] = export_graph(g, tmp_path / f"graph.{fmt}", fmt)
    back = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
    assert back.is_directed() and back.is_multigraph()
    expected = flat_graph(g)
    assert set(back.nodes) == set(g.nodes)
    for n, d in expected.nodes(data=True):
        got = dict(back.nodes[n])
        assert got["name"] == d["name"] == g.nodes[n]["name"].replace("\r\n", "\n")
        assert got["type"] == g.nodes[n]["type"]
        assert got["label"] == d["name"]
        assert _items(got["aliases"]) == g.nodes[n]["aliases"]
        assert int(got["mentions"]) == g.nodes[n]["mentions"]

    def edges(graph):
        return Counter(
            (
                s,
                t,
                d["relation"],
                d["role"],
                round(float(d["confidence"]), 6),
                d["evidence"],
                d["evidence_docs"],
            )
            for s, t, d in graph.edges(data=True)
        )

    assert edges(back) == edges(expected)
    # direction, relation type, role and confidence as in the graph; evidence one sentence a line
    for s, t, k, d in g.edges(keys=True, data=True):
        [(got)] = [e for a, b, e in back.edges(data=True) if (a, b, e["relation"]) == (s, t, k)]
        assert got["role"] == (d["role"] or "")
        assert float(got["confidence"]) == pytest.approx(d["confidence"])
        assert _items(got["evidence"]) == [" ".join(e["text"].split()) for e in d["evidence"]]
        assert _items(got["evidence_docs"]) == [e["doc"] for e in d["evidence"]]


def test_graph_for_xml_drops_characters_xml_cannot_hold(tmp_path):
    g = sample_graph()
    g.nodes["person:ada"]["name"] = "Ada\x0b Vell\x01"
    [path] = export_graph(g, tmp_path / "g.graphml", "graphml")
    assert nx.read_graphml(path).nodes["person:ada"]["name"] == "Ada Vell"


# --- CSV for pandas -----------------------------------------------------------------


def test_csv_folder_reads_into_pandas(tmp_path):
    pd = pytest.importorskip("pandas")
    g = sample_graph()
    written = export_graph(g, tmp_path / "csv", "csv")
    assert sorted(p.name for p in written) == ["edges.csv", "evidence.csv", "nodes.csv"]
    nodes = pd.read_csv(tmp_path / "csv" / "nodes.csv", keep_default_na=False)
    edges = pd.read_csv(tmp_path / "csv" / "edges.csv", keep_default_na=False)
    assert len(nodes) == g.number_of_nodes() and len(edges) == g.number_of_edges()
    assert set(nodes["id"]) == set(g.nodes)
    assert nodes.set_index("id").loc["person:sean", "name"] == QUOTED
    assert nodes.set_index("id").loc["person:orla", "name"] == MULTILINE
    assert nodes.set_index("id").loc["person:formula", "name"] == "'" + FORMULA  # inert in a spreadsheet
    assert Counter(edges["relation"]) == Counter(d["type"] for _, _, d in g.edges(data=True))
    row = edges[
        (edges.source == "person:sean") & (edges.relation == "employer") & (edges.target == "org:quillon")
    ]
    [row] = row.to_dict("records")
    assert row["role"] == 'chief "data" officer' and row["confidence"] == pytest.approx(0.812)
    assert row["evidence_count"] == 2
    assert row["evidence"].split("\n")[1] == 'He joined Quillon in 2019 — "a move he planned" \\ for years.'
    assert row["docs"].split("\n") == ["a.txt", "b.md"]
    # a networkx algorithm on the pandas edge list gives the same answer as on the graph
    h = nx.from_pandas_edgelist(edges, "source", "target", create_using=nx.MultiDiGraph)
    assert nx.number_weakly_connected_components(h) == nx.number_weakly_connected_components(g)


def test_evidence_csv_has_one_row_per_sentence_and_no_formulas(tmp_path):
    g = sample_graph()
    export_graph(g, tmp_path / "csv", "csv")
    with open(tmp_path / "csv" / "evidence.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == sum(len(d["evidence"]) for _, _, d in g.edges(data=True))
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@"))


def test_folder_export_refuses_a_file(tmp_path):
    (tmp_path / "taken").write_text("x")
    from graphkit.errors import GraphkitError

    with pytest.raises(GraphkitError, match="is a file"):
        export_graph(sample_graph(), tmp_path / "taken", "csv")


# --- neo4j-admin CSV ------------------------------------------------------------------


def test_neo4j_admin_files_have_the_import_headers(tmp_path):
    g = sample_graph()
    export_graph(g, tmp_path / "neo4j", "neo4j")
    with open(tmp_path / "neo4j" / "nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.reader(f))
    with open(tmp_path / "neo4j" / "relationships.csv", encoding="utf-8", newline="") as f:
        rels = list(csv.reader(f))
    nh, rh = nodes[0], rels[0]
    assert nh[0] == "id:ID" and ":LABEL" in nh
    assert rh[:3] == [":START_ID", ":END_ID", ":TYPE"]
    for header in (nh, rh):  # every typed column names a type neo4j-admin knows
        for col in header:
            if ":" in col and not col.startswith(":") and col != "id:ID":
                assert col.split(":", 1)[1] in {"string[]", "long", "double"}, col
    assert len(nodes) - 1 == g.number_of_nodes() and len(rels) - 1 == g.number_of_edges()
    by_id = {row[0]: dict(zip(nh, row)) for row in nodes[1:]}
    assert by_id["person:sean"]["name"] == QUOTED
    assert by_id["person:sean"][":LABEL"] == "Person" and by_id["inst:dunmore"][":LABEL"] == "Institution"
    assert by_id["person:sean"]["aliases:string[]"].split(NEO4J_ARRAY_DELIMITER) == ["O'Rourke", "Sean \\ O"]
    assert {row[2] for row in rels[1:]} == {"EMPLOYER", "ALMA_MATER", "ADVISER", "MENTOR", "FOUNDER"}
    assert all(row[0] in by_id and row[1] in by_id for row in rels[1:])


# --- Cypher, loaded into a real Cypher engine ------------------------------------------

_KUZU_NODE = "(id STRING PRIMARY KEY, name STRING, aliases STRING[], docs STRING[], mentions INT64)"
_KUZU_REL = "role STRING, confidence DOUBLE, evidence STRING[], docs STRING[]"


def _kuzu_load(folder: Path, db_path: Path, *, times: int = 1):
    """Create the schema Kùzu needs (it declares tables where Neo4j has constraints), then
    run every statement of the exported script with its parameters."""
    kuzu = pytest.importorskip("kuzu")
    conn = kuzu.Connection(kuzu.Database(str(db_path)))
    labels = sorted(set(LABELS.values()))
    for label in labels:
        conn.execute(f"CREATE NODE TABLE {label}{_KUZU_NODE}")
    pairs = ", ".join(f"FROM {a} TO {b}" for a in labels for b in labels)
    for rel in REL_TYPES.values():
        conn.execute(f"CREATE REL TABLE {rel}({pairs}, {_KUZU_REL})")
    script = (folder / CYPHER_SCRIPT).read_text("utf-8")
    params = json.loads((folder / CYPHER_PARAMETERS).read_text("utf-8"))
    statements = [ln for ln in script.splitlines() if ln.strip() and not ln.startswith("//")]
    assert statements and all(s.endswith(";") for s in statements)
    for _ in range(times):
        for stmt in statements:
            if stmt.startswith("CREATE CONSTRAINT"):
                continue  # Neo4j's uniqueness constraint; Kùzu's primary keys do that job
            names = re.findall(r"\$(\w+)", stmt)
            assert names, f"a statement without parameters: {stmt}"
            conn.execute(stmt.rstrip(";"), {n: params[n] for n in names})
    return conn


def _rows(conn, query, params=None):
    result = conn.execute(query, params or {})
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def test_cypher_script_holds_no_values(tmp_path):
    g = sample_graph()
    export_graph(g, tmp_path / "cypher", "cypher")
    script = (tmp_path / "cypher" / CYPHER_SCRIPT).read_text("utf-8")
    for _, d in g.nodes(data=True):
        assert d["name"] not in script
    assert "O'Rourke" not in script and "Quillon" not in script
    for line in script.splitlines():
        if not line.startswith("//"):
            assert '"' not in line and "'" not in line  # no string literal at all


def test_cypher_export_loads_into_kuzu_with_every_value_intact(tmp_path):
    g = sample_graph()
    save_graph(g, tmp_path / "graph.json")
    result = CliRunner().invoke(main, ["export", "--format", "cypher", "-g", str(tmp_path / "graph.json")])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and "Wrote" in result.stderr
    conn = _kuzu_load(tmp_path / "cypher", tmp_path / "db", times=2)  # MERGE: loading twice changes nothing

    # node and edge counts by type
    for typ, label in LABELS.items():
        want = sum(1 for _, d in g.nodes(data=True) if d["type"] == typ)
        assert _rows(conn, f"MATCH (n:{label}) RETURN count(n)") == [[want]]
    for rel, upper in REL_TYPES.items():
        want = sum(1 for *_, d in g.edges(data=True) if d["type"] == rel)
        assert _rows(conn, f"MATCH ()-[r:{upper}]->() RETURN count(r)") == [[want]]

    # names with quotes, backslashes, line breaks and Cypher keywords survive exactly
    stored = {
        i: (name, aliases) for i, name, aliases in _rows(conn, "MATCH (n) RETURN n.id, n.name, n.aliases")
    }
    assert stored == {n: (d["name"], d["aliases"]) for n, d in g.nodes(data=True)}
    [[evidence, role]] = _rows(
        conn,
        "MATCH (a:Person {id: $s})-[r:EMPLOYER]->(b:Organization {id: $t}) RETURN r.evidence, r.role",
        {"s": "person:sean", "t": "org:quillon"},
    )
    assert evidence == [e["text"] for e in g.edges["person:sean", "org:quillon", "employer"]["evidence"]]
    assert role == 'chief "data" officer'

    # one person's connections, as `graphkit query` gives them
    answer = CliRunner().invoke(main, ["query", QUOTED, "-g", str(tmp_path / "graph.json"), "--json"])
    assert answer.exit_code == 0, answer.stderr
    expected = {
        (c["relation"], c["direction"], c["other"]["id"], c["role"], tuple(e["text"] for e in c["evidence"]))
        for c in json.loads(answer.stdout)["connections"]
    }
    found = set()
    for direction, pattern in (("out", "(p {id: $id})-[r]->(o)"), ("in", "(o)-[r]->(p {id: $id})")):
        for rel, other, role, ev in _rows(
            conn, f"MATCH {pattern} RETURN label(r), o.id, r.role, r.evidence", {"id": "person:sean"}
        ):
            found.add((rel.lower(), direction, other, role, tuple(ev)))
    assert found == expected and len(found) == 5


@pytest.mark.slow
def test_seed_graph_cypher_export_matches_in_kuzu(tmp_path, seed_graph_path, seed_graph):
    result = CliRunner().invoke(
        main, ["export", "--format", "cypher", "-g", str(seed_graph_path), "-o", str(tmp_path / "cy")]
    )
    assert result.exit_code == 0, result.output
    conn = _kuzu_load(tmp_path / "cy", tmp_path / "db")
    assert _rows(conn, "MATCH (n) RETURN count(n)") == [[seed_graph.number_of_nodes()]]
    assert _rows(conn, "MATCH ()-[r]->() RETURN count(r)") == [[seed_graph.number_of_edges()]]
    answer = json.loads(
        CliRunner().invoke(main, ["query", "Zizheng Pan", "-g", str(seed_graph_path), "--json"]).stdout
    )
    pan = answer["entity"]["id"]
    out = {
        (r.lower(), o)
        for r, o in _rows(conn, "MATCH (p {id: $id})-[r]->(o) RETURN label(r), o.id", {"id": pan})
    }
    assert out == {
        (c["relation"], c["other"]["id"]) for c in answer["connections"] if c["direction"] == "out"
    }


# --- the command ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "files"),
    [
        ("graphml", ["graph.graphml"]),
        ("gexf", ["graph.gexf"]),
        ("csv", ["csv/nodes.csv", "csv/edges.csv", "csv/evidence.csv"]),
        ("neo4j", ["neo4j/nodes.csv", "neo4j/relationships.csv"]),
        ("cypher", ["cypher/graph.cypher", "cypher/parameters.json"]),
    ],
)
def test_export_command_writes_beside_the_graph(tmp_path, fmt, files):
    save_graph(sample_graph(), tmp_path / "graph.json")
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-g", str(tmp_path / "graph.json")])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    for f in files:
        assert (tmp_path / f).is_file(), f
        assert str(tmp_path / f) in result.stderr


def test_export_of_a_missing_graph_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["export", "--format", "gexf", "-g", str(tmp_path / "none.json")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "graphkit build" in result.stderr
