from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "deepseek-talent.txt"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's extraction cache."""
    monkeypatch.setenv("GRAPHKIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text("utf-8")


@pytest.fixture(scope="session")
def seed_result(seed_text):
    import graphkit

    return graphkit.extract_text(seed_text, doc_id="deepseek-talent.txt")


@pytest.fixture(scope="session")
def seed_graph_path(tmp_path_factory) -> Path:
    """output/ of `graphkit build corpus`, built once for the session."""
    from click.testing import CliRunner

    from graphkit.cli import main

    out = tmp_path_factory.mktemp("seed-build")
    corpus = tmp_path_factory.mktemp("seed-corpus")
    shutil.copy(SEED, corpus / SEED.name)
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    return out / "graph.json"


@pytest.fixture(scope="session")
def seed_graph(seed_graph_path):
    import graphkit

    return graphkit.load_graph(seed_graph_path)
