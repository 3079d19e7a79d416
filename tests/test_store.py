"""The query index beside graph.json answers exactly as the whole graph does."""

from __future__ import annotations

import os
import random

import networkx as nx
import pytest

from graphkit.errors import AmbiguousEntity, EntityNotFound, GraphFileError
from graphkit.graph import SCHEMA_VERSION, save_graph
from graphkit.query import connections
from graphkit.store import connections_in_file, index_path

_GIVEN = ["Ada", "Alan", "Grace", "Edsger"]
_FAMILY = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Hopper"]
_ORGS = ["Analytical Engine Society", "Royal Institution", "Bletchley Park", "Mathematical Centre", "RI"]


def _graph(seed: int) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    g = nx.MultiDiGraph(schema_version=SCHEMA_VERSION, graphkit_version="0", documents=["a.txt"])
    for i in range(rng.randint(2, 30)):
        if rng.random() < 0.6:
            name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
            kind, ident = "PERSON", f"person:{i}"
            aliases = rng.sample(_FAMILY, rng.randint(0, 1))
        else:
            name = rng.choice(_ORGS)
            kind, ident = rng.choice(["ORGANIZATION", "INSTITUTION"]), f"org:{i}"
            aliases = rng.sample(["RI", "AES", "The Centre"], rng.randint(0, 1))
        g.add_node(ident, name=name, type=kind, aliases=aliases, docs=["a.txt"], mentions=1)
    nodes = list(g.nodes)
    for _ in range(rng.randint(0, 60)):
        a, b = rng.choice(nodes), rng.choice(nodes)
        r = rng.choice(["employer", "mentor", "alma_mater"])
        if a != b and not g.has_edge(a, b, r):
            ev = [{"doc": "a.txt", "text": f"{a} and {b}.", "start": 0, "end": 5}]
            g.add_edge(a, b, key=r, type=r, role=rng.choice([None, "intern"]), confidence=0.5, evidence=ev)
    return g


def _answer(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except AmbiguousEntity as e:
        return ("ambiguous", str(e))
    except EntityNotFound as e:
        return ("not found", e.name, list(e.suggestions))


@pytest.mark.parametrize("seed", range(12))
def test_index_answers_as_the_whole_graph(tmp_path, seed):
    from graphkit.graph import load_graph

    path = save_graph(_graph(seed), tmp_path / "graph.json")
    whole = load_graph(path)
    questions = [
        *_GIVEN,
        *_FAMILY,
        *_ORGS,
        "RI",
        "AES",
        "HMM",
        "Ada Lovelace",
        "Grace Hoper",
        "x",
        "person:1",
    ]
    for name in questions:
        for depth in (1, 2, 3):
            for relations in (None, ["mentor"]):
                expected = _answer(connections, whole, name, depth=depth, relations=relations)
                got = _answer(connections_in_file, path, name, depth=depth, relations=relations)
                assert got == expected, (name, depth, relations)
    assert index_path(path).exists()


def test_index_is_made_again_when_the_graph_changes(tmp_path):
    path = save_graph(_graph(1), tmp_path / "graph.json")
    g = _graph(1)
    g.add_node("person:new", name="Barbara Liskov", type="PERSON", aliases=[], docs=[], mentions=1)
    connections_in_file(path, "person:1")
    with pytest.raises(EntityNotFound):
        connections_in_file(path, "Barbara Liskov")
    save_graph(g, path)
    assert connections_in_file(path, "Barbara Liskov")["entity"]["id"] == "person:new"


def test_missing_graph_is_reported_as_before(tmp_path):
    with pytest.raises(GraphFileError, match="no such file"):
        connections_in_file(tmp_path / "graph.json", "Ada")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_read_only_folder_answers_from_graph_json(tmp_path):
    folder = tmp_path / "ro"
    path = save_graph(_graph(2), folder / "graph.json")
    folder.chmod(0o555)
    try:
        assert connections_in_file(path, "person:1")["entity"]["id"] == "person:1"
        assert not index_path(path).exists()
    finally:
        folder.chmod(0o755)
