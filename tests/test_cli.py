"""The command line: output shapes, exit codes, messages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import main

from .conftest import SEED


@pytest.fixture()
def runner():
    return CliRunner()


def test_every_command_has_help(runner):
    for name, cmd in main.commands.items():
        r = runner.invoke(main, [name, "--help"])
        assert r.exit_code == 0, name
        assert cmd.help and len(cmd.help) > 20
        assert "Usage:" in r.output


def test_extract_jsonl_shape(runner, tmp_path):
    shutil.copy(SEED, tmp_path / SEED.name)
    r = runner.invoke(main, ["extract", str(tmp_path), "--format", "jsonl", "--no-cache"])
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 1
    d = lines[0]
    assert d["doc"] == "deepseek-talent.txt"
    ids = {e["id"] for e in d["entities"]}
    for e in d["entities"]:
        assert set(e) == {"id", "name", "type", "aliases", "mentions"}
        assert e["type"] in ("PERSON", "ORGANIZATION", "INSTITUTION")
        for m in e["mentions"]:
            assert set(m) == {"start", "end", "text"}
    for rel in d["relations"]:
        assert {"source", "type", "target", "role", "confidence", "evidence"} <= set(rel)
        assert rel["source"] in ids and rel["target"] in ids
        assert set(rel["evidence"]) == {"text", "start", "end"}
    assert r.stderr == ""


def test_extract_text_format_and_min_confidence(runner):
    r = runner.invoke(main, ["extract", str(SEED), "--format", "text"])
    assert r.exit_code == 0
    assert "Zizheng Pan --mentor--> Zhiding Yu" in r.stdout
    r = runner.invoke(main, ["extract", str(SEED), "--min-confidence", "1"])
    assert json.loads(r.stdout)["relations"] == []


def test_missing_path_is_usage_error(runner, tmp_path):
    r = runner.invoke(main, ["extract", str(tmp_path / "nope")])
    assert r.exit_code == 2
    assert "nope" in r.stderr and "does not exist" in r.stderr


def test_build_writes_outputs_and_summary(runner, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    r = runner.invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    assert "Read 1 document(s)" in r.stderr
    assert "PERSON" in r.stderr and "employer" in r.stderr
    assert (tmp_path / "out" / "graph.json").exists()
    assert (tmp_path / "out" / "graph.html").exists()


def test_query_text_and_json(runner, seed_graph_path):
    r = runner.invoke(main, ["query", "Pan", "-g", str(seed_graph_path)])
    assert r.exit_code == 0
    assert r.stdout.startswith("Zizheng Pan (PERSON")
    assert "mentor: Zhiding Yu" in r.stdout
    assert "employer: Nvidia (intern)" in r.stdout
    assert "deepseek-talent.txt" in r.stdout
    r = runner.invoke(main, ["query", "Zhiding Yu", "-g", str(seed_graph_path), "--json"])
    d = json.loads(r.stdout)
    assert set(d["entity"]) == {"id", "name", "type", "aliases"}
    c = next(c for c in d["connections"] if c["relation"] == "mentor")
    assert c["direction"] == "in" and c["other"]["name"] == "Zizheng Pan" and c["hops"] == 1
    assert set(c["other"]) == {"id", "name", "type"}
    assert {"doc", "text"} == set(c["evidence"][0])
    r = runner.invoke(main, ["query", "DeepSeek", "-g", str(seed_graph_path)])
    assert "founded by: Liang Wenfeng" in r.stdout


def test_query_not_found_suggests(runner, seed_graph_path):
    r = runner.invoke(main, ["query", "Zizheng Pna", "-g", str(seed_graph_path)])
    assert r.exit_code == 1
    assert "Did you mean: Zizheng Pan?" in r.stderr
    assert r.stdout == ""


def test_bad_graph_file_is_one_line_error(runner, tmp_path):
    bad = tmp_path / "graph.json"
    bad.write_text('{"nodes": [', "utf-8")
    r = runner.invoke(main, ["query", "x", "-g", str(bad)])
    assert r.exit_code == 1
    assert r.stderr.count("\n") == 1 and str(bad) in r.stderr
    assert "Traceback" not in r.output


def test_render_ego_map(runner, seed_graph_path, tmp_path):
    out = tmp_path / "pan.html"
    r = runner.invoke(main, ["render", "-g", str(seed_graph_path), "--person", "Pan", "-o", str(out)])
    assert r.exit_code == 0, r.output
    html = out.read_text("utf-8")
    assert "Zhiding Yu" in html and "Vassar College" not in html


def test_strict_exit_code_with_bad_files(runner, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    (corpus / "bin.txt").write_bytes(b"\x00\x01" * 50)
    r = runner.invoke(main, ["build", str(corpus), "-o", str(tmp_path / "o")])
    assert r.exit_code == 0
    assert r.stderr.count("bin.txt") == 1
    r = runner.invoke(main, ["build", str(corpus), "-o", str(tmp_path / "o"), "--strict"])
    assert r.exit_code == 1


def test_installed_command_runs(tmp_path):
    exe = shutil.which("graphkit") or str(Path(sys.executable).with_name("graphkit"))
    r = subprocess.run(
        [exe, "extract", str(SEED), "--format", "jsonl", "--no-cache"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["doc"] == "deepseek-talent.txt"
    r = subprocess.run([sys.executable, "-m", "graphkit", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and "graphkit" in r.stdout
