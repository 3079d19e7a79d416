"""Nothing is loaded that is not needed: spaCy only when a document must be parsed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import SEED


def _graphkit(args: list[str], cache, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "GRAPHKIT_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "graphkit", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )


def _imports_spacy(stderr: str) -> bool:
    return any(line.rsplit("|", 1)[-1].strip().startswith("spacy") for line in stderr.splitlines())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("lazy")
    docs = base / "docs"
    docs.mkdir()
    (docs / SEED.name).write_text(SEED.read_text("utf-8"), "utf-8")
    first = _graphkit(["build", str(docs), "-o", str(base / "out")], base / "cache", base)
    assert first.returncode == 0, first.stderr
    assert _imports_spacy(first.stderr)  # it had to parse
    return base


def test_warm_build_does_not_import_spacy(built):
    again = _graphkit(["build", str(built / "docs"), "-o", str(built / "out2")], built / "cache", built)
    assert again.returncode == 0, again.stderr
    assert not _imports_spacy(again.stderr)
    assert (built / "out" / "graph.json").read_bytes() == (built / "out2" / "graph.json").read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ["query", "Pan"],
        ["query", "Pan", "--json"],
        ["render"],
        ["export", "--format", "csv"],
        ["export", "--format", "cypher"],
    ],
)
def test_graph_commands_never_import_spacy(built, args):
    done = _graphkit([*args, "-g", str(built / "out" / "graph.json")], built / "cache", built)
    assert done.returncode == 0, done.stderr
    assert not _imports_spacy(done.stderr)
