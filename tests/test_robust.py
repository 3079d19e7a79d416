"""Real-world failures: killed builds, concurrent builds, hostile text, determinism."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.fsutil import output_lock

from .conftest import SEED


def _corpus(tmp_path, copies=1):
    c = tmp_path / "corpus"
    c.mkdir(exist_ok=True)
    for i in range(copies):
        shutil.copy(SEED, c / f"seed-{i}.txt")
    return c


def test_build_is_deterministic(tmp_path):
    c = _corpus(tmp_path)
    r = CliRunner()
    assert r.invoke(main, ["build", str(c), "-o", str(tmp_path / "a"), "--no-cache"]).exit_code == 0
    assert r.invoke(main, ["build", str(c), "-o", str(tmp_path / "b")]).exit_code == 0
    assert (tmp_path / "a" / "graph.json").read_bytes() == (tmp_path / "b" / "graph.json").read_bytes()


def test_second_concurrent_build_fails_clearly(tmp_path):
    c = _corpus(tmp_path)
    out = tmp_path / "out"
    with output_lock(out):
        r = CliRunner().invoke(main, ["build", str(c), "-o", str(out)])
    assert r.exit_code == 1
    assert "Another graphkit build is writing to" in r.stderr
    assert not (out / "graph.json").exists()


@pytest.mark.slow
def test_killed_build_leaves_previous_graph_loadable(tmp_path):
    c = _corpus(tmp_path, copies=1)
    out = tmp_path / "out"
    env = {**os.environ, "GRAPHKIT_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "graphkit", "build", str(c), "-o", str(out), "--no-cache"]
    subprocess.run(cmd, check=True, capture_output=True, env=env, timeout=300)
    before = (out / "graph.json").read_bytes()
    # a bigger corpus, killed part way through
    for i in range(1, 40):
        shutil.copy(SEED, c / f"seed-{i}.txt")
    for delay in (1.5, 3.0, 4.5):
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        g = graphkit.load_graph(out / "graph.json")
        assert g.number_of_nodes() > 0
        assert (out / "graph.json").read_bytes() == before
        leftovers = [f for f in os.listdir(out) if f.endswith(".tmp")]
        assert leftovers == [] or all(f.startswith(".") for f in leftovers)


HOSTILE = [
    "x" * 200_000,  # one enormous token
    ("word " * 40_000).strip(),  # one enormous line without punctuation
    "\u202eDr. Ada Byron\u202c joined \u200fIBM\u200f. " * 50,
    "😀 李雷 joined Алексей at Überbank AG. \x07\x1b[31m" * 100,
    "\n".join(f"Person{i} Surname{i} joined Company{i} Inc." for i in range(2000)),
]


@pytest.mark.slow
@pytest.mark.parametrize("text", HOSTILE, ids=["token", "line", "bidi", "mixed", "many"])
def test_hostile_text_finishes_and_offsets_hold(text):
    start = time.perf_counter()
    result = graphkit.extract_text(text)
    assert time.perf_counter() - start < 120
    for e in result.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for r in result.relations:
        assert text[r.evidence.start : r.evidence.end] == r.evidence.text


@pytest.mark.slow
def test_five_megabyte_paragraph_is_chunked(tmp_path):
    para = ("Maria Lopez, a professor at Stanford University, met Tom Baker. " * 80_000)[:5_000_000]
    f = tmp_path / "huge.txt"
    f.write_text(para, "utf-8")
    r = CliRunner().invoke(main, ["extract", str(f), "--no-cache"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert any(rel["type"] == "employer" for rel in d["relations"])
    for e in d["entities"]:
        for m in e["mentions"][:50]:
            assert para[m["start"] : m["end"]] == m["text"]


def test_bad_corpus_builds_the_seed_and_reports_each_problem(tmp_path):
    c = _corpus(tmp_path)
    (c / "binary.txt").write_bytes(b"\x00\xff" * 100)
    (c / "paper.txt").write_bytes(b"%PDF-1.4 binary")
    (c / "latin1.txt").write_bytes("Jos\xe9 Pe\xf1a works at Banco Uni\xf3n.".encode("latin-1"))
    (c / "empty.txt").write_bytes(b"")
    os.symlink(c / "gone.txt", c / "broken.txt")
    os.symlink(c, c / "loop")
    r = CliRunner().invoke(main, ["build", str(c), "-o", str(tmp_path / "out"), "--max-bytes", "100000"])
    assert r.exit_code == 0, r.output
    for name in ("binary.txt", "paper.txt", "latin1.txt", "broken.txt"):
        assert r.stderr.count(name) == 1, (name, r.stderr)
    assert "empty.txt" not in r.stderr
    assert "Traceback" not in r.output
    assert "1 empty" in r.stderr
    strict = CliRunner().invoke(main, ["build", str(c), "-o", str(tmp_path / "out"), "--strict"])
    assert strict.exit_code == 1
