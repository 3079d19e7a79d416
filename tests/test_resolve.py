"""Merging entities across documents."""

from __future__ import annotations

import pytest

from graphkit.build import build_graph_from_results
from graphkit.errors import AliasFileError
from graphkit.model import DocumentResult, Entity, EntityType, Evidence, Mention, Relation
from graphkit.resolve import load_alias_file


def _doc(doc, entities, relations=()):
    ents = tuple(
        Entity(f"{t.lower()}:{i}", name, EntityType(t), tuple(aliases), (Mention(0, 1, "x"),))
        for i, (name, t, aliases) in enumerate(entities)
    )
    rels = tuple(
        Relation(ents[s].id, rt, ents[t].id, Evidence("sentence", 0, 8), 0.9) for s, rt, t in relations
    )
    return DocumentResult(doc, ents, rels)


def test_same_person_in_two_documents_is_one_node():
    a = _doc(
        "a.txt",
        [("Geoffrey Hinton", "PERSON", ["Hinton"]), ("Google", "ORGANIZATION", [])],
        [(0, "employer", 1)],
    )
    b = _doc(
        "b.txt",
        [("Geoffrey Hinton", "PERSON", []), ("University of Toronto", "INSTITUTION", ["U of T"])],
        [(0, "employer", 1)],
    )
    g = build_graph_from_results([a, b])
    people = [n for n, d in g.nodes(data=True) if d["type"] == "PERSON"]
    assert len(people) == 1
    node = g.nodes[people[0]]
    assert node["docs"] == ["a.txt", "b.txt"] and node["mentions"] == 2
    assert g.out_degree(people[0]) == 2


def test_people_sharing_a_surname_stay_apart():
    a = _doc("a.txt", [("Alice Chen", "PERSON", ["Chen"])])
    b = _doc("b.txt", [("Bob Chen", "PERSON", ["Chen"])])
    g = build_graph_from_results([a, b])
    assert sorted(d["name"] for _, d in g.nodes(data=True)) == ["Alice Chen", "Bob Chen"]


def test_acronym_and_expansion_merge_across_documents():
    a = _doc("a.txt", [("HKUST", "INSTITUTION", [])])
    b = _doc("b.txt", [("Hong Kong University of Science and Technology", "INSTITUTION", [])])
    g = build_graph_from_results([a, b])
    assert g.number_of_nodes() == 1
    (node,) = g.nodes(data=True)
    assert node[1]["name"] == "Hong Kong University of Science and Technology"
    assert node[1]["aliases"] == ["HKUST"]


def test_alias_file_overrides(tmp_path):
    f = tmp_path / "aliases.txt"
    f.write_text("# rules\nGeoff Hinton = Geoffrey Hinton\nGoogle != Google Brain\n", "utf-8")
    rules = load_alias_file(f)
    a = _doc("a.txt", [("Geoff Hinton", "PERSON", []), ("Google", "ORGANIZATION", [])])
    b = _doc("b.txt", [("Geoffrey Hinton", "PERSON", []), ("Google Brain", "ORGANIZATION", ["Google"])])
    g = build_graph_from_results([a, b], aliases=rules)
    names = sorted(d["name"] for _, d in g.nodes(data=True))
    assert names == ["Geoffrey Hinton", "Google", "Google Brain"]


def test_bad_alias_file(tmp_path):
    f = tmp_path / "aliases.txt"
    f.write_text("just a name\n", "utf-8")
    with pytest.raises(AliasFileError, match=r"aliases\.txt:1"):
        load_alias_file(f)
