"""HTML maps: self-contained, escaped, ego maps."""

from __future__ import annotations

import re

import networkx as nx

from graphkit.render import ego_graph, render_html

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_SENTENCE = "</script><script>window.__pwned = 1</script> said so."


def hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(schema_version=1)
    g.add_node("person:x", name=XSS_NAME, type="PERSON", aliases=["</script>"], docs=["a<b>.txt"], mentions=1)
    g.add_node("org:y", name="Acme & Sons", type="ORGANIZATION", aliases=[], docs=["a.txt"], mentions=1)
    g.add_edge(
        "person:x",
        "org:y",
        key="employer",
        type="employer",
        role="<b>boss</b>",
        confidence=0.9,
        evidence=[{"doc": "a.txt", "text": XSS_SENTENCE, "start": 0, "end": 5}],
    )
    return g


def test_map_is_self_contained(seed_graph):
    html = render_html(seed_graph)
    assert "vis.Network" in html
    # no script, stylesheet or image is loaded from anywhere
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html, re.I)
    assert "Zhiding Yu" in html


def test_untrusted_text_cannot_break_out(tmp_path):
    html = render_html(hostile_graph())
    assert XSS_NAME not in html
    assert "</script><script>window.__pwned" not in html
    # exactly the closing tags of our own scripts
    assert html.count("</script>") == 3
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html


def test_ego_graph_keeps_the_neighbourhood(seed_graph):
    sub = ego_graph(seed_graph, "Zizheng Pan", depth=1)
    names = {d["name"] for _, d in sub.nodes(data=True)}
    assert {"Zizheng Pan", "Zhiding Yu", "Nvidia"} <= names
    assert "Vassar College" not in names
    assert sub.graph["center"] == "person:zizheng-pan"
    only = ego_graph(seed_graph, "Zizheng Pan", depth=2, relations=["mentor"])
    assert {d["type"] for _, _, d in only.edges(data=True)} == {"mentor"}


def test_csv_export_neutralizes_formulas():
    import csv
    import io

    from graphkit.export import to_csv

    g = hostile_graph()
    g.nodes["person:x"]["name"] = '=HYPERLINK("http://evil")'
    g.edges["person:x", "org:y", "employer"]["evidence"][0]["text"] = "@SUM(1+1) -2 +3"
    rows = list(csv.reader(io.StringIO(to_csv(g))))
    assert rows[0][0] == "source"
    assert rows[1][0].startswith("'=") and rows[1][8].startswith("'@")
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@"))


def _page_data(html: str) -> dict:
    import json

    raw = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    return json.loads(raw)


def test_map_draws_connected_entities_by_default(seed_graph):
    connected = {n for n, k in seed_graph.degree() if k > 0}
    data = _page_data(render_html(seed_graph))
    # every entity is in the page (to be found), only the connected ones are drawn
    assert len(data["nodes"]) == seed_graph.number_of_nodes()
    assert {n["id"] for n in data["nodes"] if n.get("gk_drawn")} == connected
    assert data["hidden"] == seed_graph.number_of_nodes() - len(connected)
    everything = _page_data(render_html(seed_graph, min_degree=0))
    assert all(n.get("gk_drawn") for n in everything["nodes"]) and everything["hidden"] == 0


def test_min_degree_raises_the_bar():
    from .bench import sparse_graph

    g = sparse_graph(300, 100, seed=2)
    data = _page_data(render_html(g, min_degree=2))
    assert {n["id"] for n in data["nodes"] if n.get("gk_drawn")} == {n for n, k in g.degree() if k >= 2}
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    hub = max(g, key=g.degree)
    leaf = next(n for n, k in g.degree() if k == 1)
    assert sizes[hub] > sizes[leaf]  # size grows with the number of relations


def test_components_are_packed_around_the_largest():
    import math

    from graphkit.layout import connected_components, positions

    from .bench import sparse_graph

    g = sparse_graph(500, 120, seed=4)
    nodes = [n for n, k in g.degree() if k > 0]
    links = list(g.edges())
    pos = positions(nodes, links)
    assert pos == positions(nodes, links)  # the same graph, the same picture
    comps = connected_components(nodes, links)

    def circle(comp):
        xs, ys = [pos[n][0] for n in comp], [pos[n][1] for n in comp]
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        return cx, cy, max(math.dist((cx, cy), pos[n]) for n in comp)

    circles = [circle(c) for c in comps]
    largest = circles[0]
    assert math.hypot(largest[0], largest[1]) < 1  # in the middle
    # components do not overlap, and the others are all within a few rings of the largest
    for i, a in enumerate(circles):
        for b in circles[i + 1 :]:
            assert math.dist(a[:2], b[:2]) > a[2] + b[2]
    far = max(math.hypot(c[0], c[1]) for c in circles)
    area = sum(math.pi * (c[2] + 25) ** 2 for c in circles)
    assert math.pi * far**2 < 12 * area  # packed, not scattered over the canvas


def test_communities_are_seeded_and_numbered_by_size():
    from graphkit.layout import communities

    from .bench import sparse_graph

    g = sparse_graph(200, 120, seed=6)
    nodes = [n for n, k in g.degree() if k > 0]
    first = communities(nodes, g.edges())
    assert first == communities(nodes, g.edges())
    sizes = {}
    for c in first.values():
        sizes[c] = sizes.get(c, 0) + 1
    assert [sizes[c] for c in sorted(sizes)] == sorted(sizes.values(), reverse=True)
    data = _page_data(render_html(g))
    assert data["communities"][0]["size"] == max(sizes.values())


def test_render_command_all_and_min_degree(seed_graph_path, tmp_path):
    from click.testing import CliRunner

    from graphkit.cli import main

    runner = CliRunner()
    out = tmp_path / "m.html"
    r = runner.invoke(main, ["render", "-g", str(seed_graph_path), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert r.stdout == "" and "11 entities drawn" in r.stderr
    r = runner.invoke(main, ["render", "-g", str(seed_graph_path), "-o", str(out), "--all"])
    assert r.exit_code == 0 and "drawn" not in r.stderr
    assert all(n.get("gk_drawn") for n in _page_data(out.read_text("utf-8"))["nodes"])
    r = runner.invoke(main, ["render", "-g", str(seed_graph_path), "-o", str(out), "--min-degree", "2"])
    assert r.exit_code == 0 and "5 entities drawn" in r.stderr
    r = runner.invoke(main, ["render", "-g", str(seed_graph_path), "--all", "--min-degree", "2"])
    assert r.exit_code == 2 and "--all" in r.stderr
