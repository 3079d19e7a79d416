"""Extraction on a Dask cluster gives the graph a local build gives."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graphkit.cli import main

_PEOPLE = ["Mara Velkin", "Tomas Reyl", "Ines Varga", "Oren Castell", "Lidia Morrow"]
_PLACES = ["Orbis Labs", "the University of Castella", "Quillon Systems", "the Halden Institute"]


def _corpus(folder) -> None:
    folder.mkdir()
    for i in range(40):  # two batches of documents, so both workers parse
        person, other = _PEOPLE[i % 5], _PEOPLE[(i + 2) % 5]
        place = _PLACES[i % 4]
        text = (
            f"{person} joined {place} in {2000 + i}. "
            f"At {place}, {person} was mentored by {other}.\n"
            f"{other} founded Kestrel Works after a PhD from the University of Castella.\n"
        )
        (folder / f"doc{i:02}.txt").write_text(text, "utf-8")


@pytest.mark.slow
def test_local_cluster_of_two_workers_builds_the_same_graph_json(tmp_path):
    from distributed import LocalCluster

    docs = tmp_path / "docs"
    _corpus(docs)
    runner = CliRunner()
    local = runner.invoke(main, ["build", str(docs), "-o", str(tmp_path / "local"), "--no-cache", "-j", "1"])
    assert local.exit_code == 0, local.output
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        args = ["build", str(docs), "-o", str(tmp_path / "dask"), "--no-cache"]
        done = runner.invoke(main, [*args, "--dask-scheduler", cluster.scheduler_address])
        assert done.exit_code == 0, done.output
        workers = cluster.scheduler_info["workers"]
        assert len(workers) == 2
    one = (tmp_path / "local" / "graph.json").read_text("utf-8")
    assert one == (tmp_path / "dask" / "graph.json").read_text("utf-8")
    assert '"Mara Velkin"' in one


@pytest.mark.slow
def test_unreachable_scheduler_is_one_line(tmp_path):
    pytest.importorskip("distributed")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Mara Velkin joined Orbis Labs in 2019.\n", "utf-8")
    done = CliRunner().invoke(
        main,
        ["build", str(docs), "-o", str(tmp_path / "out"), "--no-cache", "--dask", "tcp://127.0.0.1:1"],
    )
    assert done.exit_code == 1
    assert "Cannot reach the Dask scheduler" in done.output
