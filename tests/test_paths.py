"""Shortest chains between two entities, and the `graphkit path` command."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.errors import EntityNotFound, InputError
from graphkit.graph import save_graph
from graphkit.paths import shortest_paths


def lab_graph() -> nx.MultiDiGraph:
    """Two labs joined through one person, and a group on its own.

    Nell Brask --mentor--> Ivo Tamm --employer--> Corvane Labs <--employer-- Pia Lund
    Nell Brask --alma_mater--> Esk University <--alma_mater-- Pia Lund
    Pia Lund --adviser--> Ruth Okafor --employer--> Esk University
    Tove Arn --employer--> Moss Foundry (no link to the others)
    """
    g = nx.MultiDiGraph(schema_version=1, documents=["a.txt", "b.txt"])
    for nid, name, typ in [
        ("person:nell-brask", "Nell Brask", "PERSON"),
        ("person:ivo-tamm", "Ivo Tamm", "PERSON"),
        ("person:pia-lund", "Pia Lund", "PERSON"),
        ("person:ruth-okafor", "Ruth Okafor", "PERSON"),
        ("person:tove-arn", "Tove Arn", "PERSON"),
        ("org:corvane-labs", "Corvane Labs", "ORGANIZATION"),
        ("org:moss-foundry", "Moss Foundry", "ORGANIZATION"),
        ("inst:esk-university", "Esk University", "INSTITUTION"),
    ]:
        g.add_node(nid, name=name, type=typ, aliases=[], docs=["a.txt"], mentions=1)

    def edge(s, t, rel, conf, text, role=None):
        g.add_edge(
            s,
            t,
            key=rel,
            type=rel,
            role=role,
            confidence=conf,
            evidence=[{"doc": "a.txt", "text": text, "start": 0, "end": len(text)}],
        )

    edge("person:nell-brask", "person:ivo-tamm", "mentor", 0.8, "Nell Brask's mentor, Ivo Tamm, ...")
    edge(
        "person:ivo-tamm",
        "org:corvane-labs",
        "employer",
        0.9,
        "Ivo Tamm, a chemist at Corvane Labs.",
        "chemist",
    )
    edge("person:pia-lund", "org:corvane-labs", "employer", 0.6, "Pia Lund joined Corvane Labs.")
    edge(
        "person:nell-brask", "inst:esk-university", "alma_mater", 0.7, "Nell Brask studied at Esk University."
    )
    edge(
        "person:pia-lund",
        "inst:esk-university",
        "alma_mater",
        0.95,
        "Pia Lund earned a PhD at Esk University.",
        "PhD",
    )
    edge("person:pia-lund", "person:ruth-okafor", "adviser", 0.85, "Pia Lund's adviser, Ruth Okafor.")
    edge(
        "person:ruth-okafor", "inst:esk-university", "employer", 0.5, "Ruth Okafor teaches at Esk University."
    )
    edge("person:tove-arn", "org:moss-foundry", "employer", 0.4, "Tove Arn works at Moss Foundry.")
    return g


def test_shortest_chains_strongest_first_with_direction_role_and_evidence():
    ans = shortest_paths(lab_graph(), "Nell Brask", "Pia Lund")
    assert ans["hops"] == 2
    assert ans["source"]["id"] == "person:nell-brask" and ans["target"]["id"] == "person:pia-lund"
    [via_esk] = [p for p in ans["paths"] if p["steps"][0]["to"]["name"] == "Esk University"]
    assert ans["paths"][0] is via_esk  # 0.7 x 0.95 beats nothing else at 2 hops
    first, second = via_esk["steps"]
    assert (first["from"]["name"], first["to"]["name"]) == ("Nell Brask", "Esk University")
    link = first["links"][0]
    assert (link["relation"], link["direction"], link["label"]) == ("alma_mater", "out", "alma mater")
    assert link["evidence"] == [{"doc": "a.txt", "text": "Nell Brask studied at Esk University."}]
    link = second["links"][0]
    # the edge points Pia Lund -> Esk University: read from Esk University's side it is "in"
    assert (link["relation"], link["direction"], link["label"], link["role"]) == (
        "alma_mater",
        "in",
        "alma mater of",
        "PhD",
    )
    assert via_esk["strength"] == pytest.approx(0.7 * 0.95, abs=1e-4)


def test_relation_filter_and_max_hops():
    g = lab_graph()
    ans = shortest_paths(g, "Nell Brask", "Pia Lund", relations=["mentor", "employer"])
    assert ans["hops"] == 3
    [p] = ans["paths"]
    assert [s["to"]["name"] for s in p["steps"]] == ["Ivo Tamm", "Corvane Labs", "Pia Lund"]
    assert [s["links"][0]["direction"] for s in p["steps"]] == ["out", "out", "in"]
    assert p["steps"][1]["links"][0]["role"] == "chemist"
    none = shortest_paths(g, "Nell Brask", "Pia Lund", relations=["mentor", "employer"], max_hops=2)
    assert none["hops"] is None and none["paths"] == [] and none["max_hops"] == 2


def test_no_connection_is_an_answer():
    ans = shortest_paths(lab_graph(), "Nell Brask", "Tove Arn")
    assert ans["hops"] is None and ans["paths"] == []


def test_unknown_and_same_names_are_errors():
    g = lab_graph()
    with pytest.raises(EntityNotFound) as info:
        shortest_paths(g, "Nell Brsk", "Pia Lund")
    assert "Nell Brask" in info.value.suggestions
    with pytest.raises(InputError, match="same entity"):
        shortest_paths(g, "Nell Brask", "Brask")


def test_several_equally_short_chains_are_all_listed():
    g = lab_graph()
    ans = shortest_paths(g, "Ruth Okafor", "Nell Brask")
    assert ans["hops"] == 2
    middles = {p["steps"][0]["to"]["name"] for p in ans["paths"]}
    assert middles == {"Esk University"}
    two = shortest_paths(g, "Ivo Tamm", "Esk University")
    assert two["hops"] == 2
    assert {p["steps"][0]["to"]["name"] for p in two["paths"]} == {"Nell Brask"}
    ans = shortest_paths(g, "Corvane Labs", "Esk University")
    assert ans["hops"] == 2 and {p["steps"][0]["to"]["name"] for p in ans["paths"]} == {"Pia Lund"}
    four = shortest_paths(g, "Ivo Tamm", "Ruth Okafor", limit=1)
    assert four["hops"] == 3 and len(four["paths"]) == 1 and four["truncated"] is True


# --- the command -----------------------------------------------------------------


@pytest.fixture
def graph_file(tmp_path):
    return str(save_graph(lab_graph(), tmp_path / "graph.json"))


def test_path_command_text(graph_file):
    r = CliRunner().invoke(main, ["path", "Nell Brask", "Pia Lund", "-g", graph_file])
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    out = r.stdout
    assert "Nell Brask and Pia Lund: 1 shortest chain(s) of 2 hop(s)" in out
    assert "Nell Brask --alma_mater--> Esk University" in out
    assert "Esk University <--alma_mater (PhD)-- Pia Lund" in out
    assert '"Pia Lund earned a PhD at Esk University." — a.txt' in out


def test_path_command_json_and_no_connection(graph_file):
    r = CliRunner().invoke(main, ["path", "Nell Brask", "Tove Arn", "-g", graph_file, "--json"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)["hops"] is None
    r = CliRunner().invoke(main, ["path", "Nell Brask", "Tove Arn", "-g", graph_file, "--max-hops", "3"])
    assert r.exit_code == 0
    assert r.stdout.strip() == "No connection between Nell Brask and Tove Arn within 3 hop(s)."
    r = CliRunner().invoke(
        main, ["path", "Nell Brask", "Pia Lund", "-g", graph_file, "--relation", "mentor", "--json"]
    )
    assert r.exit_code == 0 and json.loads(r.stdout)["relations"] == ["mentor"]


def test_path_command_unknown_name_is_one_line_with_suggestions(graph_file):
    r = CliRunner().invoke(main, ["path", "Nell Brask", "Pia Lnud", "-g", graph_file])
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr.count("\n") == 1
    assert "No entity named 'Pia Lnud'" in r.stderr and "Did you mean: Pia Lund?" in r.stderr
    r = CliRunner().invoke(main, ["path", "Nell Brask", "Pia Lund", "-g", graph_file, "--max-hops", "0"])
    assert r.exit_code == 2


def test_path_in_the_seed_graph(seed_graph):
    ans = shortest_paths(seed_graph, "Zizheng Pan", "Nvidia")
    assert ans["hops"] == 1
    link = ans["paths"][0]["steps"][0]["links"][0]
    assert link["relation"] == "employer" and link["direction"] == "out" and link["evidence"]
