"""Graph statistics, and the `graphkit stats` command."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from graphkit import stats as stats_module
from graphkit.cli import main
from graphkit.graph import save_graph
from graphkit.stats import graph_stats
from tests.test_paths import lab_graph


def test_counts_by_type():
    st = graph_stats(lab_graph())
    assert st["documents"] == 2
    assert st["entities"] == {"total": 8, "by_type": {"PERSON": 5, "ORGANIZATION": 2, "INSTITUTION": 1}}
    assert st["relations"]["total"] == 8 and st["relations"]["evidence_sentences"] == 8
    assert st["relations"]["by_type"] == {
        "employer": 4,
        "alma_mater": 2,
        "adviser": 1,
        "mentor": 1,
        "founder": 0,
    }


def test_most_connected_components_bridges_and_weakest():
    st = graph_stats(lab_graph(), top=3)
    people = st["most_connected"]["PERSON"]
    assert people[0]["name"] == "Pia Lund" and people[0]["connections"] == 3
    assert len(people) == 3
    assert [e["name"] for e in st["most_connected"]["INSTITUTION"]] == ["Esk University"]
    assert st["components"] == {"count": 2, "sizes": [6, 2], "connected": 2, "isolated": 0}
    bridges = st["bridges"]
    assert bridges["approximate"] is False and bridges["sample"] is None
    names = [p["name"] for p in bridges["people"]]
    assert names[0] == "Pia Lund"
    assert all(st_p["betweenness"] > 0 for st_p in bridges["people"])
    by_name = {p["name"]: p for p in bridges["people"]}
    assert by_name["Pia Lund"]["separates_groups"] is False  # the lab ring holds without her
    weakest = st["weakest"]
    assert [w["confidence"] for w in weakest] == [0.4, 0.5, 0.6]
    assert weakest[0]["source"]["name"] == "Tove Arn" and weakest[0]["relation"] == "employer"
    assert weakest[0]["evidence"] == [{"doc": "a.txt", "text": "Tove Arn works at Moss Foundry."}]


def test_a_person_who_alone_links_a_group_is_marked():
    g = lab_graph()
    g.add_node("person:kai-moe", name="Kai Moe", type="PERSON", aliases=[], docs=["b.txt"], mentions=1)
    g.add_edge(
        "person:kai-moe",
        "person:ruth-okafor",
        key="mentor",
        type="mentor",
        role=None,
        confidence=0.6,
        evidence=[],
    )
    by_name = {p["name"]: p for p in graph_stats(g)["bridges"]["people"]}
    assert by_name["Ruth Okafor"]["separates_groups"] is True
    assert "Kai Moe" not in by_name  # at the edge of the map, between no one


def test_a_lone_entity_is_its_own_group():
    g = lab_graph()
    g.add_node("person:lone", name="Lone Vesper", type="PERSON", aliases=[], docs=["b.txt"], mentions=1)
    st = graph_stats(g)
    assert st["components"]["count"] == 3 and st["components"]["isolated"] == 1
    assert "Lone Vesper" not in [e["name"] for e in st["most_connected"]["PERSON"]]


def test_betweenness_is_sampled_on_large_graphs(monkeypatch):
    monkeypatch.setattr(stats_module, "EXACT_BETWEENNESS_LIMIT", 5)
    st = graph_stats(lab_graph())
    assert st["bridges"]["approximate"] is True and st["bridges"]["sample"] == 8
    assert st["bridges"]["people"][0]["name"] == "Pia Lund"


@pytest.mark.slow
def test_large_graph_stats_finish():
    # a 6,000-entity graph: betweenness is estimated, and the answer comes back
    g = nx.MultiDiGraph(schema_version=1, documents=["big.txt"])
    for i in range(6000):
        g.add_node(
            f"person:p{i}", name=f"Person {i}", type="PERSON", aliases=[], docs=["big.txt"], mentions=1
        )
    for i in range(1, 6000):
        g.add_edge(
            f"person:p{i}",
            f"person:p{(i - 1) // 3}",
            key="mentor",
            type="mentor",
            role=None,
            confidence=0.5,
            evidence=[],
        )
    st = graph_stats(g, top=5)
    assert st["bridges"]["approximate"] is True and st["bridges"]["sample"] == 500
    # a tree of mentors: the people near its root bridge the most
    assert st["bridges"]["people"][0]["name"] in {"Person 0", "Person 1", "Person 2", "Person 3"}
    assert st["components"]["count"] == 1


def test_stats_command_text_and_json(tmp_path):
    path = str(save_graph(lab_graph(), tmp_path / "graph.json"))
    r = CliRunner().invoke(main, ["stats", "-g", path])
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    out = r.stdout
    assert "Documents: 2" in out
    assert "Entities: 8 (5 PERSON, 2 ORGANIZATION, 1 INSTITUTION)" in out
    assert "Connected groups: 2" in out
    assert "People who bridge groups" in out and "Pia Lund" in out
    assert "[0.40] Tove Arn --employer--> Moss Foundry" in out
    r = CliRunner().invoke(main, ["stats", "-g", path, "--json", "--top", "2"])
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert set(data) == {
        "documents",
        "entities",
        "relations",
        "most_connected",
        "components",
        "bridges",
        "weakest",
    }
    assert len(data["weakest"]) == 2


def test_stats_of_the_seed_graph(seed_graph):
    st = graph_stats(seed_graph)
    assert st["documents"] == 1
    assert st["entities"]["total"] == seed_graph.number_of_nodes()
    assert sum(st["relations"]["by_type"].values()) == seed_graph.number_of_edges()
    assert st["most_connected"]["PERSON"][0]["connections"] >= 2
    assert st["weakest"] == sorted(st["weakest"], key=lambda w: w["confidence"])


@pytest.mark.parametrize("command", ["path", "stats"])
def test_help_lists_the_command_on_one_line(command):
    r = CliRunner().invoke(main, ["--help"])
    lines = [ln for ln in r.stdout.splitlines() if ln.strip().startswith(command + " ")]
    assert len(lines) == 1 and len(lines[0].split(None, 1)) == 2
