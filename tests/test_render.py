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
