"""Interactive HTML maps of the graph, with pyvis and vis-network.

One self-contained file: vis-network's JavaScript and CSS are inlined (taken
from the pyvis package), nothing is loaded from another host. Text from
documents enters the page only as JSON inside a script (with ``<``, ``>``, ``&``
escaped) and is put on screen with ``textContent``/``innerText``, never as
markup. Small graphs are laid out by the browser's physics, which stops once
stable; above ``PHYSICS_LIMIT`` nodes the layout is computed here (igraph) and
physics is off, so even 10,000 nodes draw in seconds.
"""

from __future__ import annotations

import json
import math
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from .fsutil import atomic_write_text
from .query import find_entity

__all__ = [
    "PHYSICS_LIMIT",
    "RELATION_COLORS",
    "TYPE_STYLE",
    "ego_graph",
    "render_html",
    "write_html",
]

PHYSICS_LIMIT = 1500  # nodes; above this positions are precomputed and physics is off
LABEL_LIMIT = 3000  # edges; above this edge labels show on hover only

TYPE_STYLE: dict[str, dict[str, str]] = {
    "PERSON": {"color": "#4e79a7", "shape": "dot", "label": "Person"},
    "ORGANIZATION": {"color": "#f28e2b", "shape": "square", "label": "Organization"},
    "INSTITUTION": {"color": "#59a14f", "shape": "diamond", "label": "Institution"},
}
RELATION_COLORS: dict[str, str] = {
    "employer": "#f28e2b",
    "alma_mater": "#59a14f",
    "adviser": "#b07aa1",
    "mentor": "#e15759",
    "founder": "#9c755f",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _plain(text: Any) -> str:
    """Text for a tooltip: no control or bidi-override characters."""
    return _CONTROL.sub("", str(text if text is not None else ""))


def ego_graph(
    g: nx.MultiDiGraph,
    name: str,
    *,
    depth: int = 1,
    relations: list[str] | None = None,
) -> nx.MultiDiGraph:
    """The neighbourhood of one entity up to ``depth`` hops, following ``relations``."""
    center = find_entity(g, name)
    rels = set(relations) if relations else None
    keep = {center}
    frontier = {center}
    for _ in range(depth):
        nxt = set()
        for n in frontier:
            for _, o, d in g.out_edges(n, data=True):
                if rels is None or d.get("type") in rels:
                    nxt.add(o)
            for o, _, d in g.in_edges(n, data=True):
                if rels is None or d.get("type") in rels:
                    nxt.add(o)
        frontier = nxt - keep
        keep |= nxt
    sub = g.subgraph(keep).copy()
    if rels is not None:
        drop = [(s, t, k) for s, t, k, d in sub.edges(keys=True, data=True) if d.get("type") not in rels]
        sub.remove_edges_from(drop)
    sub.graph["center"] = center
    return sub


def _layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions for a big graph, computed with igraph's compiled layout."""
    import random

    import igraph as ig

    nodes = sorted(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted({(index[s], index[t]) for s, t in g.edges() if s != t})
    ig_graph = ig.Graph(n=len(nodes), edges=edges, directed=False)
    ig.set_random_number_generator(random.Random(7))
    try:
        layout = ig_graph.layout_fruchterman_reingold(niter=500, grid=len(nodes) > 1000)
    finally:
        ig.set_random_number_generator(random)
    coords = layout.coords
    xs = [c[0] for c in coords] or [0.0]
    ys = [c[1] for c in coords] or [0.0]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    scale = 40 * math.sqrt(len(nodes)) / span
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: ((coords[i][0] - cx) * scale, (coords[i][1] - cy) * scale) for n, i in index.items()}


class _IdList(list):
    """A list of node ids with set-speed membership tests."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set[Any] = set()

    def append(self, item: Any) -> None:
        self._set.add(item)
        super().append(item)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def _network(g: nx.MultiDiGraph, center: str | None):
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    net.node_ids = _IdList()  # pyvis checks membership in a list for every edge
    big = g.number_of_nodes() > PHYSICS_LIMIT
    positions = _layout(g) if big else {}
    degree = dict(g.degree())
    for n in sorted(g.nodes):
        d = g.nodes[n]
        style = TYPE_STYLE.get(d.get("type"), TYPE_STYLE["ORGANIZATION"])
        aliases = [str(a) for a in d.get("aliases") or []]
        docs = [str(x) for x in d.get("docs") or []]
        title = "\n".join(
            [f"{_plain(d.get('name'))} ({style['label']})"]
            + ([f"also: {_plain(', '.join(aliases))}"] if aliases else [])
            + [f"in {len(docs)} document(s), {d.get('mentions', 0)} mention(s)"]
        )
        opts: dict[str, Any] = {
            "title": title,
            "size": 12 + 4 * math.sqrt(degree.get(n, 0)),
            "gk_type": d.get("type"),
            "gk_name": _plain(d.get("name")),
            "gk_aliases": [_plain(a) for a in aliases],
            "gk_docs": docs,
            "gk_mentions": d.get("mentions", 0),
        }
        if n == center:
            opts["borderWidth"] = 5
            opts["size"] = opts["size"] + 10
            opts["gk_center"] = True
        if big:
            x, y = positions[n]
            opts.update({"x": round(x, 1), "y": round(y, 1), "physics": False})
        net.add_node(str(n), label=_plain(d.get("name")), shape=style["shape"], color=style["color"], **opts)
    show_labels = g.number_of_edges() <= LABEL_LIMIT
    for s, t, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        rtype = d.get("type", k)
        label = rtype + (f" ({d['role']})" if d.get("role") else "")
        evidence = d.get("evidence") or []
        lines = [
            f"{_plain(g.nodes[s]['name'])} —{label}→ {_plain(g.nodes[t]['name'])}",
            f"confidence {float(d.get('confidence') or 0):.2f}",
        ]
        for ev in evidence[:5]:
            lines.append(f"[{_plain(ev.get('doc'))}] {_plain(ev.get('text'))}")
        if len(evidence) > 5:
            lines.append(f"... and {len(evidence) - 5} more")
        net.add_edge(
            str(s),
            str(t),
            label=label if show_labels else "",
            title="\n".join(lines),
            color=RELATION_COLORS.get(rtype, "#888888"),
            arrows="to",
            gk_type=rtype,
            gk_label=_plain(label),
            gk_confidence=float(d.get("confidence") or 0),
            gk_evidence=[{"doc": _plain(e.get("doc")), "text": _plain(e.get("text"))} for e in evidence],
        )
    options = {
        "layout": {"randomSeed": 42, "improvedLayout": not big and g.number_of_nodes() < 150},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "navigationButtons": False,
        },
        "edges": {
            "smooth": False if big else {"type": "dynamic"},
            "font": {"size": 10, "align": "middle", "strokeWidth": 3},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        },
        "nodes": {"font": {"size": 14}},
        "physics": (
            {"enabled": False}
            if big
            else {
                "enabled": True,
                "solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.4},
                "stabilization": {"enabled": True, "iterations": 200, "fit": True},
            }
        ),
    }
    net.options = options
    return net


def _vis_asset(name: str) -> str:
    return (resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / name).read_text("utf-8")


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element."""
    s = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return (
        s.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_html(g: nx.MultiDiGraph, *, title: str = "graphkit map") -> str:
    """Return the HTML page of an interactive map of ``g``."""
    from jinja2 import Environment, FileSystemLoader

    center = g.graph.get("center")
    net = _network(g, center)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    env = Environment(
        loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
        autoescape=True,
    )
    env.filters["script_json"] = _script_json
    template = env.get_template("map.html")
    vis_js = _vis_asset("vis-network.min.js").replace("</script", "<\\/script")
    vis_css = _vis_asset("vis-network.css").replace("</style", "<\\/style")
    return template.render(
        title=_plain(title),
        data={
            "nodes": nodes,
            "edges": edges,
            "options": json.loads(options),
            "types": TYPE_STYLE,
            "relations": RELATION_COLORS,
            "center": center,
            "big": g.number_of_nodes() > PHYSICS_LIMIT,
        },
        vis_js=vis_js,
        vis_css=vis_css,
        n_nodes=g.number_of_nodes(),
        n_edges=g.number_of_edges(),
    )


def write_html(g: nx.MultiDiGraph, path: str | os.PathLike[str], *, title: str = "graphkit map") -> Path:
    """Render the map and write it atomically as UTF-8."""
    return atomic_write_text(path, render_html(g, title=title))
