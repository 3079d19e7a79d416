"""Finding entities and their connections."""

from __future__ import annotations

import networkx as nx
import pytest

from graphkit.errors import AmbiguousEntity, EntityNotFound
from graphkit.query import connections, find_entity


def test_find_by_name_alias_surname(seed_graph):
    assert find_entity(seed_graph, "zizheng pan") == "person:zizheng-pan"
    assert find_entity(seed_graph, "Pan") == "person:zizheng-pan"
    assert find_entity(seed_graph, "HKUST") == find_entity(
        seed_graph, "Hong Kong University of Science and Technology"
    )


def test_typo_suggests_near_names(seed_graph):
    with pytest.raises(EntityNotFound) as info:
        find_entity(seed_graph, "Zizheng Pna")
    assert "Zizheng Pan" in info.value.suggestions


def test_ambiguous_name_lists_candidates():
    g = nx.MultiDiGraph()
    g.add_node("person:a-chen", name="Alice Chen", type="PERSON", aliases=[])
    g.add_node("person:b-chen", name="Bob Chen", type="PERSON", aliases=[])
    with pytest.raises(AmbiguousEntity) as info:
        find_entity(g, "Chen")
    assert {c[1] for c in info.value.candidates} == {"Alice Chen", "Bob Chen"}


def test_connections_both_directions(seed_graph):
    pan = connections(seed_graph, "Pan")
    rel = {(c["relation"], c["direction"], c["other"]["name"]) for c in pan["connections"]}
    assert ("mentor", "out", "Zhiding Yu") in rel
    assert ("employer", "out", "Nvidia") in rel
    yu = connections(seed_graph, "Zhiding Yu")
    labels = {(c["label"], c["other"]["name"]) for c in yu["connections"]}
    assert ("mentor of", "Zizheng Pan") in labels
    assert ("employer", "Nvidia") in labels
    for c in yu["connections"]:
        assert c["hops"] == 1 and c["evidence"] and c["evidence"][0]["text"]
    ds = connections(seed_graph, "DeepSeek")
    assert ("founded by", "Liang Wenfeng") in {(c["label"], c["other"]["name"]) for c in ds["connections"]}


def test_depth_two_and_relation_filter(seed_graph):
    two = connections(seed_graph, "Zhiding Yu", depth=2)
    hops2 = [c for c in two["connections"] if c["hops"] == 2]
    assert all("via" in c for c in hops2)
    only = connections(seed_graph, "Zizheng Pan", relations=["mentor"])
    assert {c["relation"] for c in only["connections"]} == {"mentor"}
