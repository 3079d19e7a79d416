"""The blocking-key resolver makes the same merge decisions as the quadratic one, and
its cost does not grow with the number of entities already seen."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

from graphkit.graph import graph_from_results, graph_to_json
from graphkit.model import DocumentResult, Entity, EntityType, Evidence, Mention, Relation
from graphkit.resolve import AliasRules, Resolver

from .conftest import CORPUS, ROOT
from .reference_resolve import QuadraticResolver, reference_graph

_WORDS = ["Hong", "Kong", "University", "of", "Science", "and", "Technology", "Deep", "Mind", "the"]
_WORDS += ["Google", "Brain", "Alice", "Chen", "Bob", "Institute", "AI", "Lab", "Research", "Wen"]
_ACRONYMS = ["HKUST", "UST", "GB", "DM", "AI", "U of T", "IRL", "MIT", "CMU", "HK", "K.U.", "A&M"]


def _random_result(rng: random.Random, doc: str) -> DocumentResult:
    def name(kind: EntityType) -> str:
        if kind != EntityType.PERSON and rng.random() < 0.3:
            return rng.choice(_ACRONYMS)
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 4)))

    entities = []
    for i in range(rng.randint(1, 6)):
        kind = rng.choice(list(EntityType))
        aliases = tuple(dict.fromkeys(name(kind) for _ in range(rng.randint(0, 2))))
        mentions = tuple(Mention(0, 1, "x") for _ in range(rng.randint(0, 3)))
        entities.append(Entity(f"e{i}", name(kind), kind, aliases, mentions))
    relations = []
    for _ in range(rng.randint(0, 4)):
        s, t = rng.choice(entities), rng.choice(entities)
        ev = Evidence(rng.choice(["One sentence.", "Another one."]), 0, 12)
        role = rng.choice([None, "intern", "PhD"])
        relations.append(Relation(s.id, rng.choice(["employer", "mentor"]), t.id, ev, rng.random(), role))
    return DocumentResult(doc, tuple(entities), tuple(relations))


def _rules() -> AliasRules:
    return AliasRules(
        same=[["Google Brain", "GB"], ["Alice Chen", "Chen Alice", "Bob Chen"]],
        different=[("Deep Mind", "DM"), ("University", "Institute")],
    )


@pytest.mark.parametrize("seed", range(40))
def test_same_decisions_as_the_quadratic_resolver(seed):
    rng = random.Random(seed)
    results = [_random_result(rng, f"d{i:03}.txt") for i in range(rng.randint(1, 60))]
    rules = _rules() if seed % 2 else None
    new = graph_from_results(results, resolver=Resolver(rules))
    old = reference_graph(results, resolver=QuadraticResolver(rules))
    assert graph_to_json(new) == graph_to_json(old)


def _eval_dir() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        d = base / "shared" / "eval"
        if d.is_dir():
            return d
    return None


def _dev_sets() -> list[tuple[str, Path]]:
    found = [("seed", CORPUS)]
    base = _eval_dir()
    for name in ("realtext-dev", "conll04-dev", "redocred-dev"):
        if base is not None and (base / name / "docs").is_dir():
            found.append((name, base / name / "docs"))
    return found


@pytest.mark.slow
@pytest.mark.parametrize(("name", "docs"), _dev_sets(), ids=[n for n, _ in _dev_sets()])
def test_dev_set_graphs_equal_the_quadratic_resolver(name, docs):
    from graphkit.build import extract_paths
    from graphkit.extract.api import default_cache_dir

    results = list(extract_paths([docs], cache_dir=default_cache_dir()))
    assert results
    new = graph_to_json(graph_from_results(results))
    old = graph_to_json(reference_graph(results))
    assert new == old
    assert json.loads(new)["nodes"]


def test_resolution_time_grows_linearly():
    """Ten times the documents takes about ten times as long, not a hundred."""

    def timed(n: int) -> float:
        rng = random.Random(7)
        results = []
        for i in range(n):
            r = _random_result(rng, f"d{i}.txt")
            # distinct names per document, so the graph grows with the corpus
            ents = tuple(
                Entity(e.id, f"{e.name} {i}", e.type, tuple(f"{a} {i}" for a in e.aliases), e.mentions)
                for e in r.entities
            )
            results.append(DocumentResult(r.doc, ents, r.relations))
        start = time.perf_counter()
        resolver = Resolver()
        for r in results:
            resolver.add(r)
        return time.perf_counter() - start

    timed(200)  # warm the name caches
    small, large = min(timed(400) for _ in range(3)), min(timed(4000) for _ in range(2))
    assert large < small * 10 * 3, (small, large)
