"""graphkit's speed at any corpus size, as ratios measured in one run on the same texts.

    python -m benchmarks.run all DOCS [--sizes 500,5000,20000] [--work DIR]
    python -m benchmarks.run throughput DOCS
    python -m benchmarks.run builds DOCS --sizes 500,5000
    python -m benchmarks.run query [--nodes 100000 --edges 300000]

DOCS is a folder of ``.txt`` documents (e.g. the 500 Re-DocRED development
documents); larger sizes replicate them with changed names (``benchmarks.corpus``).
``throughput`` compares words/s of raw ``nlp.pipe`` with ``graphkit extract`` at
``-j 1`` and ``-j 2``. ``builds`` times, at each size, a cold ``graphkit build``
(empty cache), a warm rebuild of the unchanged corpus, a rebuild with 1% of the
documents changed, and graph building alone (resolution and graph from cached
extractions), with peak memory. ``query`` times ``graphkit query`` on a
synthetic graph against ``json.load`` of its graph.json. Machines are shared
and noisy: read the ratios, not the absolute times.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .corpus import changed_names, replicate

__all__ = ["main"]


def _run(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run a command; (wall seconds, peak RSS in MB of its largest process, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})}, text=True
    )
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {err.strip()[-2000:]}")
    # ru_maxrss of the children waited for so far: the largest process, in KiB on Linux
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak, out


def _peak_of(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Like ``_run``, but the peak RSS of this command alone (in a fresh measuring process)."""
    probe = [sys.executable, "-m", "benchmarks.run", "_measure", "--", *args]
    _, _, out = _run(probe, env)
    lines = out.splitlines()
    wall, peak = json.loads(lines[-1])
    return wall, peak, "\n".join(lines[:-1])


def _measure(args: list[str]) -> None:
    wall, _peak, out = _run(args)
    sys.stdout.write(out)
    print(json.dumps([wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def throughput(docs: Path) -> dict:
    """Words/s of raw ``nlp.pipe`` and of graphkit extraction with 1 and 2 processes."""
    from graphkit.extract import extract_documents
    from graphkit.extract.pipeline import load_pipeline, resolve_model_name

    texts = [(p.name, p.read_text("utf-8")) for p in sorted(docs.glob("*.txt"))]
    words = _words([t for _, t in texts])
    nlp = load_pipeline(resolve_model_name(None))
    list(nlp.pipe([t for _, t in texts[:5]]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe((t for _, t in texts), batch_size=32):
        pass
    raw = words / (time.perf_counter() - start)
    rates = {}
    outputs = {}
    for jobs in (1, 2):
        start = time.perf_counter()
        outputs[jobs] = [r.to_dict() for r in extract_documents(texts, cache_dir=None, n_process=jobs)]
        rates[jobs] = words / (time.perf_counter() - start)
    return {
        "documents": len(texts),
        "words": words,
        "nlp_pipe_words_per_s": round(raw),
        "extract_j1_words_per_s": round(rates[1]),
        "extract_j2_words_per_s": round(rates[2]),
        "j1_to_nlp_pipe": round(rates[1] / raw, 3),
        "j2_to_j1": round(rates[2] / rates[1], 3),
        "identical_output_j1_j2": outputs[1] == outputs[2],
    }


def graph_building(state: Path) -> dict:
    """Seconds of resolution and graph building alone, from the records a build kept."""
    from graphkit.graph import graph_from_results
    from graphkit.incremental import load_state

    records = [rec for _key, rec in load_state(state)]
    start = time.perf_counter()
    g = graph_from_results(records)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "entities": g.number_of_nodes(), "relations": g.number_of_edges()}


def builds(docs: Path, sizes: list[int], work: Path, jobs: int = 2) -> list[dict]:
    rows = []
    for n in sizes:
        corpus = work / f"corpus-{n}"
        replicate(docs, corpus, n)
        cache, out = work / f"cache-{n}", work / f"out-{n}"
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        env = {"GRAPHKIT_CACHE_DIR": str(cache)}
        build = [sys.executable, "-m", "graphkit", "build", str(corpus), "-o", str(out), "-j", str(jobs)]
        cold, cold_peak, _ = _peak_of(build, env)
        warm, warm_peak, _ = _peak_of(build, env)
        rng = random.Random(n)
        changed = rng.sample(sorted(corpus.glob("*.txt")), max(1, n // 100))
        for p in changed:  # other names in the same sentences
            p.write_text(changed_names(p.read_text("utf-8"), 7) + "\n", "utf-8")
        one_pct, _, _ = _peak_of(build, env)
        graph_cmd = [sys.executable, "-m", "benchmarks.run", "_graph", str(out / ".graphkit-merge.json")]
        _, merge_peak, merged = _peak_of(graph_cmd, env)
        merge = json.loads(merged.splitlines()[-1])
        rows.append(
            {
                "documents": n,
                "entities": merge["entities"],
                "relations": merge["relations"],
                "cold_s": round(cold, 2),
                "warm_s": round(warm, 2),
                "one_percent_changed_s": round(one_pct, 2),
                "cold_to_warm": round(cold / warm, 1),
                "cold_to_one_percent": round(cold / one_pct, 1),
                "graph_building_s": round(merge["seconds"], 3),
                "peak_rss_cold_mb": round(cold_peak),
                "peak_rss_warm_mb": round(warm_peak),
                "peak_rss_graph_building_mb": round(merge_peak),
            }
        )
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    for a, b in itertools.pairwise(rows):
        b["graph_building_growth_to_docs_growth"] = round(
            (b["graph_building_s"] / a["graph_building_s"]) / (b["documents"] / a["documents"]), 2
        )
    return rows


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 1):
    """A graph of the shape ``graphkit build`` writes, with name-like entity names."""
    import networkx as nx

    from graphkit.graph import SCHEMA_VERSION

    rng = random.Random(seed)
    given = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Karen", "Leslie"]
    types = ["PERSON"] * 6 + ["ORGANIZATION"] * 3 + ["INSTITUTION"]
    g = nx.MultiDiGraph(schema_version=SCHEMA_VERSION, graphkit_version="0", documents=[])
    ids = []
    for i in range(n_nodes):
        kind = rng.choice(types)
        name = f"{rng.choice(given)} Example{i}" if kind == "PERSON" else f"Example Works {i}"
        ident = f"{'person' if kind == 'PERSON' else 'org'}:{name.lower().replace(' ', '-')}"
        g.add_node(ident, name=name, type=kind, aliases=[], docs=[f"d{i % 5000}.txt"], mentions=1)
        ids.append(ident)
    rels = ["employer", "alma_mater", "adviser", "mentor", "founder"]
    count = 0
    while count < n_edges:
        a, b = rng.sample(ids, 2)
        r = rng.choice(rels)
        if not g.has_edge(a, b, r):
            count += 1
            ev = [{"doc": "d.txt", "text": f"Sentence {count} about them.", "start": 0, "end": 20}]
            g.add_edge(a, b, key=r, type=r, role=None, confidence=0.8, evidence=ev)
    return g


def query(n_nodes: int, n_edges: int, work: Path) -> dict:
    from graphkit.graph import save_graph

    path = work / f"query-{n_nodes}" / "graph.json"
    g = synthetic_graph(n_nodes, n_edges)
    save_graph(g, path)
    name = g.nodes[next(iter(g.nodes))]["name"]
    json_s = []
    for _ in range(3):
        start = time.perf_counter()
        with open(path, encoding="utf-8") as f:
            json.load(f)
        json_s.append(time.perf_counter() - start)
    load_cmd = [
        sys.executable,
        "-c",
        "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))",
        str(path),
    ]
    json_proc = min(_run(load_cmd)[0] for _ in range(3))
    query_cmd = [sys.executable, "-m", "graphkit", "query", name, "-g", str(path), "--json"]
    _run(query_cmd)  # a first query may build the index beside graph.json
    query_proc = min(_run(query_cmd)[0] for _ in range(3))
    importtime = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "graphkit", "query", name, "-g", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    return {
        "nodes": n_nodes,
        "edges": n_edges,
        "graph_json_mb": round(path.stat().st_size / 2**20, 1),
        "json_load_s": round(min(json_s), 3),
        "python_json_load_process_s": round(json_proc, 3),
        "graphkit_query_process_s": round(query_proc, 3),
        "query_to_json_load_process": round(query_proc / json_proc, 2),
        "query_imports_spacy": any(
            line.rsplit("|", 1)[-1].strip().startswith("spacy") for line in importtime.splitlines()
        ),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    for name in ("all", "throughput", "builds"):
        p = sub.add_parser(name)
        p.add_argument("docs", type=Path)
        if name != "throughput":
            p.add_argument("--sizes", default="500,5000,20000", help="Corpus sizes, comma-separated.")
            p.add_argument("--jobs", type=int, default=2, help="graphkit build -j (default 2).")
    for name in ("all", "query"):
        p = sub.choices[name] if name in sub.choices else sub.add_parser(name)
        p.add_argument("--nodes", type=int, default=100_000)
        p.add_argument("--edges", type=int, default=300_000)
    for p in sub.choices.values():
        p.add_argument("--work", type=Path, default=None, help="Folder for corpora, caches and outputs.")
    m = sub.add_parser("_measure")
    m.add_argument("cmd", nargs=argparse.REMAINDER)
    gb = sub.add_parser("_graph")
    gb.add_argument("state", type=Path)
    a = ap.parse_args(argv)
    if a.what == "_measure":
        _measure([c for c in a.cmd if c != "--"])
        return
    if a.what == "_graph":
        print(json.dumps(graph_building(a.state)))
        return
    work = a.work or Path(tempfile.mkdtemp(prefix="graphkit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report: dict = {}
    if a.what in ("all", "throughput"):
        report["throughput"] = throughput(a.docs)
        print(json.dumps({"throughput": report["throughput"]}), file=sys.stderr, flush=True)
    if a.what in ("all", "builds"):
        report["builds"] = builds(a.docs, [int(s) for s in a.sizes.split(",")], work, a.jobs)
    if a.what in ("all", "query"):
        report["query"] = query(a.nodes, a.edges, work)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
