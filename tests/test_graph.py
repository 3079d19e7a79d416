"""The graph file: contents, round trip, and reading bad files."""

from __future__ import annotations

import json

import networkx as nx
import pytest

import graphkit
from graphkit.errors import GraphFileError
from graphkit.graph import SCHEMA_VERSION, graph_to_json, load_graph, save_graph


def _node(g, name):
    return next(n for n, d in g.nodes(data=True) if d["name"] == name)


def test_seed_graph_contents(seed_graph):
    g = seed_graph
    assert isinstance(g, nx.MultiDiGraph)
    assert g.graph["schema_version"] == SCHEMA_VERSION
    assert g.graph["graphkit_version"] == graphkit.__version__
    pan, yu, nvidia = _node(g, "Zizheng Pan"), _node(g, "Zhiding Yu"), _node(g, "Nvidia")
    assert g.has_edge(pan, yu, "mentor")
    edge = g.edges[pan, nvidia, "employer"]
    assert edge["type"] == "employer" and edge["role"] == "intern"
    assert 0 < edge["confidence"] <= 1
    ev = edge["evidence"][0]
    assert set(ev) == {"doc", "text", "start", "end"} and ev["doc"] == "deepseek-talent.txt"
    assert g.nodes[pan]["type"] == "PERSON" and "Pan" in g.nodes[pan]["aliases"]
    assert g.nodes[pan]["docs"] == ["deepseek-talent.txt"] and g.nodes[pan]["mentions"] >= 5


def test_json_round_trip(seed_graph, tmp_path):
    path = save_graph(seed_graph, tmp_path / "g.json")
    again = load_graph(path)
    assert nx.utils.graphs_equal(seed_graph, again)
    assert graph_to_json(again) == path.read_text("utf-8")
    data = json.loads(path.read_text("utf-8"))
    assert "edges" in data and "links" not in data


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b'{"directed": true, "multigraph": true, "graph": {"schema', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[1, 2, 3]", "not a graphkit graph"),
        (b'{"nodes": [], "edges": [], "graph": {}}', "no schema_version"),
        (b'{"nodes": [], "edges": [], "graph": {"schema_version": 99}}', "newer graphkit"),
        (b'{"nodes": [], "edges": [], "graph": {"schema_version": 0}}', "rebuild"),
        (
            b'{"nodes": [{"id": "x"}], "edges": [], "graph": {"schema_version": 1},'
            b' "directed": true, "multigraph": true}',
            "valid name and type",
        ),
    ],
)
def test_bad_graph_files(tmp_path, content, problem):
    p = tmp_path / "graph.json"
    p.write_bytes(content)
    with pytest.raises(GraphFileError, match=problem) as info:
        load_graph(p)
    assert str(p) in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_graph_file_says_how_to_make_one(tmp_path):
    with pytest.raises(GraphFileError, match="graphkit build"):
        load_graph(tmp_path / "nope.json")
