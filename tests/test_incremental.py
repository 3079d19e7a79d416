"""Incremental builds: only new or changed documents are extracted, deleted ones vanish,
and the graph is always the one a build from scratch gives."""

from __future__ import annotations

import itertools
import random

import pytest
from click.testing import CliRunner

import graphkit.extract.api as api
from graphkit.build import build_graph
from graphkit.cli import main
from graphkit.graph import graph_from_results, graph_to_json
from graphkit.incremental import STATE_FILE
from graphkit.model import DocumentResult, Entity, EntityType, Evidence, Mention, Relation

_NAMES = ["Ada Lovelace", "Charles Babbage", "Analytical Society", "AS", "Babbage", "Royal Institution"]
_NAMES += ["RI", "Mary Somerville", "Lovelace", "Difference Engine Company"]


def _fake_extract(text: str, doc: str) -> DocumentResult:
    """A stand-in for the parser: each line of the text is ``Name|TYPE``."""
    ents = []
    for i, line in enumerate(text.splitlines()):
        name, kind = line.split("|")
        ents.append(Entity(f"e{i}", name, EntityType(kind), (), (Mention(0, 1, "x"),)))
    rels = tuple(
        Relation(a.id, "employer", b.id, Evidence(text[:20], 0, 20), 0.8) for a, b in itertools.pairwise(ents)
    )
    return DocumentResult(doc, tuple(ents), rels)


@pytest.fixture
def parsed(monkeypatch):
    """Documents the fake parser was given, by id."""
    seen: list[str] = []

    def extract_documents(documents, **_options):
        for doc, text in documents:
            seen.append(doc)
            yield _fake_extract(text, doc)

    monkeypatch.setattr(api, "extract_documents", extract_documents)
    return seen


def _random_text(rng: random.Random) -> str:
    kinds = {"AS": "ORGANIZATION", "RI": "INSTITUTION"}
    lines = []
    for name in rng.sample(_NAMES, rng.randint(1, 4)):
        kind = kinds.get(name) or (
            "PERSON" if name[0] in "ACBLM" and "Society" not in name else "INSTITUTION"
        )
        lines.append(f"{name}|{kind}")
    return "\n".join(lines)


def _from_scratch(folder) -> str:
    results = [
        _fake_extract(p.read_text("utf-8"), p.name) for p in sorted(folder.iterdir()) if p.suffix == ".txt"
    ]
    return graph_to_json(graph_from_results(results))


@pytest.mark.parametrize("seed", range(8))
def test_incremental_graph_equals_a_build_from_scratch(tmp_path, parsed, seed):
    rng = random.Random(seed)
    docs, state = tmp_path / "docs", tmp_path / "out" / STATE_FILE
    docs.mkdir()
    for i in range(rng.randint(3, 15)):
        (docs / f"d{i:02}.txt").write_text(_random_text(rng), "utf-8")
    g = build_graph([docs], state=state)
    assert graph_to_json(g) == _from_scratch(docs)
    assert state.exists()
    for _ in range(5):
        parsed.clear()
        files = sorted(docs.iterdir())
        edits = {"add": 0, "change": 0}
        for _ in range(rng.randint(0, 3)):
            action = rng.choice(["add", "change", "delete"])
            if action == "add":
                (docs / f"n{rng.randint(0, 99):02}.txt").write_text(_random_text(rng), "utf-8")
                edits["add"] += 1
            elif files and action == "change":
                rng.choice(files).write_text(_random_text(rng) + "\nZ Writer|PERSON", "utf-8")
                edits["change"] += 1
            elif len(files) > 1:
                victim = files.pop(rng.randrange(len(files)))
                victim.unlink(missing_ok=True)
        g = build_graph([docs], state=state)
        assert graph_to_json(g) == _from_scratch(docs)
        assert len(parsed) <= edits["add"] + edits["change"]


def test_unchanged_corpus_extracts_nothing(tmp_path, parsed):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(5):
        (docs / f"d{i}.txt").write_text(f"Ada Lovelace|PERSON\nSociety {i}|ORGANIZATION", "utf-8")
    state = tmp_path / STATE_FILE
    first = graph_to_json(build_graph([docs], state=state))
    assert sorted(parsed) == [f"d{i}.txt" for i in range(5)]
    parsed.clear()
    stamp = state.stat().st_mtime_ns
    assert graph_to_json(build_graph([docs], state=state)) == first
    assert parsed == []
    assert state.stat().st_mtime_ns == stamp  # nothing to write either


def test_deleted_document_vanishes(tmp_path, parsed):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Ada Lovelace|PERSON\nAnalytical Society|ORGANIZATION", "utf-8")
    (docs / "b.txt").write_text("Mary Somerville|PERSON\nRoyal Institution|INSTITUTION", "utf-8")
    state = tmp_path / STATE_FILE
    assert build_graph([docs], state=state).number_of_nodes() == 4
    (docs / "b.txt").unlink()
    g = build_graph([docs], state=state)
    assert sorted(d["name"] for _, d in g.nodes(data=True)) == ["Ada Lovelace", "Analytical Society"]
    assert g.graph["documents"] == ["a.txt"]


def test_damaged_state_means_a_full_merge(tmp_path, parsed):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Ada Lovelace|PERSON", "utf-8")
    state = tmp_path / STATE_FILE
    state.write_text('{"format": 1, "records": [[', "utf-8")
    g = build_graph([docs], state=state)
    assert [d["name"] for _, d in g.nodes(data=True)] == ["Ada Lovelace"]
    assert parsed == ["a.txt"]


def test_build_command_keeps_the_state_beside_the_graph(tmp_path, parsed):
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "a.txt").write_text("Ada Lovelace|PERSON\nAnalytical Society|ORGANIZATION", "utf-8")
    runner = CliRunner()
    done = runner.invoke(main, ["build", str(docs), "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert (out / STATE_FILE).exists() and (out / "graph.json").exists()
    (docs / "b.txt").write_text("Mary Somerville|PERSON", "utf-8")
    parsed.clear()
    done = runner.invoke(main, ["build", str(docs), "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert parsed == ["b.txt"]
