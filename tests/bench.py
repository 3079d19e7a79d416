"""Benchmarks: map rendering in a real browser, layouts compared, and extraction speed against raw spaCy.

    python -m tests.bench map [--nodes 5000 --edges 15000]
    python -m tests.bench layouts GRAPH_JSON
    python -m tests.bench speed [DOCS_DIR]

Speed is reported as a ratio to spaCy's own ``nlp.pipe`` on the same texts in the
same run, never as an absolute time (machines are shared and noisy).
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 1) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    g = nx.MultiDiGraph(schema_version=1)
    types = ["PERSON"] * 6 + ["ORGANIZATION"] * 3 + ["INSTITUTION"]
    for i in range(n_nodes):
        g.add_node(
            f"n{i}", name=f"Entity {i}", type=rng.choice(types), aliases=[], docs=["d.txt"], mentions=1
        )
    rels = ["employer", "alma_mater", "adviser", "mentor", "founder"]
    nodes = list(g.nodes)
    count = 0
    while count < n_edges:
        a, b = rng.sample(nodes, 2)
        r = rng.choice(rels)
        if not g.has_edge(a, b, r):
            count += 1
            g.add_edge(
                a,
                b,
                key=r,
                type=r,
                role=None,
                confidence=0.8,
                evidence=[{"doc": "d.txt", "text": "A sentence.", "start": 0, "end": 11}],
            )
    return g


SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "tsu",
    "va",
    "dor",
    "el",
    "fin",
    "gar",
    "has",
    "ix",
    "jo",
    "bel",
    "qua",
    "ros",
]


def invented_name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return " ".join(word() for _ in range(rng.randint(2, 3)))


def sparse_graph(n_nodes: int, n_connected: int, seed: int = 3) -> nx.MultiDiGraph:
    """A corpus-like graph: ``n_connected`` entities in a few stars and chains (one larger
    group, many pairs and triples), every other entity without a relation."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph(schema_version=1)
    types = ["PERSON"] * 5 + ["ORGANIZATION"] * 4 + ["INSTITUTION"]
    for i in range(n_nodes):
        g.add_node(
            f"n{i}", name=invented_name(rng), type=rng.choice(types), aliases=[], docs=["d.txt"], mentions=1
        )
    rels = ["employer", "alma_mater", "adviser", "mentor", "founder"]
    connected = [f"n{i}" for i in rng.sample(range(n_nodes), n_connected)]
    groups, i = [], 0
    while i < len(connected):
        size = 30 if not groups else rng.choice([2, 2, 2, 3, 3, 4, 5, 8])
        groups.append(connected[i : i + size])
        i += size
    for group in groups:
        if len(group) == 1:
            group.append(groups[0][0])
        for j, a in enumerate(group[1:], start=1):
            b = group[rng.randrange(j)] if rng.random() < 0.7 else group[0]
            r = rng.choice(rels)
            g.add_edge(
                a,
                b,
                key=r,
                type=r,
                role=None,
                confidence=0.8,
                evidence=[{"doc": "d.txt", "text": "A sentence.", "start": 0, "end": 11}],
            )
    return g


def time_map_in_browser(html_path: Path, browser=None, timeout_s: float = 60) -> float:
    """Seconds from navigation until the map has drawn its nodes."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                return time_map_in_browser(html_path, b, timeout_s)
            finally:
                b.close()
    page = browser.new_page()
    start = time.perf_counter()
    page.goto(html_path.resolve().as_uri())
    page.wait_for_selector("body[data-ready]", timeout=timeout_s * 1000)
    elapsed = time.perf_counter() - start
    drawn = page.evaluate("window.graphkit.network.body.nodeIndices.length")
    page.close()
    if drawn == 0:
        raise RuntimeError("no node drawn")
    return elapsed


def bench_map(n_nodes: int, n_edges: int) -> dict:
    from graphkit.render import write_html

    g = synthetic_graph(n_nodes, n_edges)
    with tempfile.TemporaryDirectory() as d:
        t0 = time.perf_counter()
        path = write_html(g, Path(d) / "big.html")
        render_s = time.perf_counter() - t0
        browser_s = time_map_in_browser(path)
    return {
        "nodes": n_nodes,
        "edges": n_edges,
        "python_render_s": round(render_s, 2),
        "browser_ready_s": round(browser_s, 2),
    }


def _crossings(segments: list[tuple[tuple[float, float], tuple[float, float]]]) -> int:
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 1e-9) - (v < -1e-9)

    count = 0
    for i, (a, b) in enumerate(segments):
        for c, d in segments[i + 1 :]:
            if len({a, b, c, d}) < 4:
                continue  # edges that share an entity do not cross
            if orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0:
                count += 1
    return count


def bench_layouts(graph_path: Path, layouts: list[str] | None = None) -> list[dict]:
    """Each layout on one graph: Python time, and in the browser at 1400x900 the labels
    placed at the initial view, edge crossings, entities overlapping and the view's scale."""
    import math
    import statistics

    from playwright.sync_api import sync_playwright

    from graphkit.graph import load_graph
    from graphkit.layout import LAYOUTS
    from graphkit.render import write_html

    g = load_graph(graph_path)
    rows = []
    with tempfile.TemporaryDirectory() as d, sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name in layouts or LAYOUTS:
            t0 = time.perf_counter()
            path = write_html(g, Path(d) / f"{name}.html", layout=name)
            render_s = time.perf_counter() - t0
            page = b.new_page(viewport={"width": 1400, "height": 900})
            page.goto(path.resolve().as_uri())
            page.wait_for_selector("body[data-ready]", timeout=60000)
            data = page.evaluate(
                """() => { const net = window.graphkit.network, s = net.getScale();
                  const ids = net.body.nodeIndices, pos = net.getPositions(ids);
                  return { scale: s, labels: window.graphkit.labels().length,
                    nodes: ids.map((id) => [pos[id].x, pos[id].y, net.body.nodes[id].options.size]),
                    edges: net.body.edgeIndices.map((e) => {
                      const x = net.body.edges[e]; return [pos[x.fromId], pos[x.toId]]; }) }; }"""
            )
            page.screenshot(path=str(Path(tempfile.gettempdir()) / f"layout-{name}.png"))
            page.close()
            segs = [((a["x"], a["y"]), (c["x"], c["y"])) for a, c in data["edges"]]
            nodes = data["nodes"]
            overlaps = sum(
                1
                for i, a in enumerate(nodes)
                for c in nodes[i + 1 :]
                if math.dist(a[:2], c[:2]) < a[2] + c[2]
            )
            lengths = [math.dist(a, c) for a, c in segs] or [0.0]
            rows.append(
                {
                    "layout": name,
                    "python_render_s": round(render_s, 2),
                    "drawn": len(nodes),
                    "labels_at_open": data["labels"],
                    "edge_crossings": _crossings(segs) if len(segs) <= 3000 else None,
                    "entity_overlaps": overlaps,
                    "edge_length_cv": round(statistics.pstdev(lengths) / (statistics.mean(lengths) or 1), 2),
                    "scale_at_open": round(data["scale"], 3),
                }
            )
        b.close()
    return rows


def bench_speed(docs_dir: Path) -> dict:
    """Ratio of graphkit extraction time to raw ``nlp.pipe`` on the same texts."""
    from graphkit.extract import extract_documents
    from graphkit.extract.pipeline import load_pipeline, resolve_model_name

    texts = [(p.name, p.read_text("utf-8")) for p in sorted(docs_dir.glob("*.txt"))]
    nlp = load_pipeline(resolve_model_name(None))
    raw = [t for _, t in texts]
    list(nlp.pipe(raw[:5]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(raw, batch_size=32):
        pass
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in extract_documents(texts, cache_dir=None):
        pass
    graphkit_s = time.perf_counter() - t0
    return {
        "documents": len(texts),
        "characters": sum(len(t) for t in raw),
        "ratio_to_nlp_pipe": round(graphkit_s / spacy_s, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    m = sub.add_parser("map")
    m.add_argument("--nodes", type=int, default=5000)
    m.add_argument("--edges", type=int, default=15000)
    lay = sub.add_parser("layouts")
    lay.add_argument("graph", type=Path)
    s = sub.add_parser("speed")
    s.add_argument("docs", type=Path, nargs="?", default=Path("corpus"))
    a = ap.parse_args()
    if a.what == "map":
        print(bench_map(a.nodes, a.edges))
    elif a.what == "layouts":
        for row in bench_layouts(a.graph):
            print(row)
    else:
        print(bench_speed(a.docs))


if __name__ == "__main__":
    main()
