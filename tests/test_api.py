"""The notebook API the README shows, and the command list."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from tests.test_paths import lab_graph

README = Path(__file__).resolve().parent.parent / "README.md"


def test_graph_is_a_plain_multidigraph_with_documented_attributes(tmp_path):
    path = graphkit.save_graph(lab_graph(), tmp_path / "graph.json")
    g = graphkit.load_graph(path)
    assert type(g) is nx.MultiDiGraph
    for _, d in g.nodes(data=True):
        assert {"name", "type", "aliases", "docs", "mentions"} <= set(d)
    for _, _, k, d in g.edges(keys=True, data=True):
        assert k == d["type"] and {"role", "confidence", "evidence"} <= set(d)
        assert all({"doc", "text", "start", "end"} <= set(e) for e in d["evidence"])


def test_readme_notebook_example_runs(tmp_path, capsys):
    pytest.importorskip("pandas")
    graphkit.save_graph(lab_graph(), tmp_path / "output" / "graph.json")
    text = README.read_text("utf-8")
    [example] = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "graphkit.node_rows(g)" in b]
    example = example.replace('"output/graph.json"', repr(str(tmp_path / "output" / "graph.json")))
    exec(compile(example, "README example", "exec"), {})
    out = capsys.readouterr().out
    assert "Pia Lund" in out and "betweenness" in out


def test_node_and_edge_rows_feed_pandas():
    pd = pytest.importorskip("pandas")
    g = lab_graph()
    nodes = pd.DataFrame(graphkit.node_rows(g)).set_index("id")
    edges = pd.DataFrame(graphkit.edge_rows(g))
    assert len(nodes) == g.number_of_nodes() and len(edges) == g.number_of_edges()
    assert nodes.loc["person:pia-lund", "degree"] == 3
    row = edges[(edges.source_name == "Pia Lund") & (edges.relation == "alma_mater")].iloc[0]
    assert row.role == "PhD" and row.target_type == "INSTITUTION" and row.evidence[0]["doc"] == "a.txt"


def test_help_lists_every_command_with_a_one_line_description():
    r = CliRunner().invoke(main, ["--help"])
    assert r.exit_code == 0
    listed = {}
    section = r.stdout.split("Commands:", 1)[1]
    for line in section.splitlines():
        if line.strip():
            name, _, desc = line.strip().partition(" ")
            listed[name] = desc.strip()
    assert set(listed) == set(main.commands)
    for name, desc in listed.items():
        assert desc and not desc.endswith("..."), f"{name} has no whole one-line description in --help"
    for name in main.commands:  # and the README shows each one
        assert f"graphkit {name}" in README.read_text("utf-8")


def test_installed_command_runs_path_and_stats(tmp_path):
    exe = shutil.which("graphkit") or str(Path(sys.executable).parent / "graphkit")
    path = graphkit.save_graph(lab_graph(), tmp_path / "graph.json")
    r = subprocess.run([exe, "stats", "-g", str(path), "--json"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["entities"]["total"] == 8
    r = subprocess.run(
        [exe, "path", "Nell Brask", "Nobody Here", "-g", str(path)], capture_output=True, text=True
    )
    assert r.returncode == 1 and r.stdout == "" and "Traceback" not in r.stderr
    assert r.stderr.startswith("Error: No entity named 'Nobody Here'")
