"""Interactive HTML maps of the graph, with pyvis and vis-network.

One self-contained file: vis-network's JavaScript and CSS are inlined (taken
from the pyvis package), nothing is loaded from another host. Text from
documents enters the page only as JSON inside a script (with ``<``, ``>``, ``&``
escaped) and is put on screen with ``textContent``/``innerText``, never as
markup.

What is drawn: entities with at least one relation (``min_degree``); the others are
in the page, hidden until the reader asks for them or finds one. A small map in one
piece is laid out by the browser's physics, which stops once stable; otherwise
positions come from ``graphkit.layout`` (components packed around the largest) and
physics is off, so even 10,000 nodes draw in seconds. The page draws entity labels
itself: the most connected first, each only where it overlaps no other label, so
more appear as the reader zooms in.
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
    "COMMUNITY_COLORS",
    "PHYSICS_LIMIT",
    "RELATION_COLORS",
    "TYPE_STYLE",
    "drawn_nodes",
    "ego_graph",
    "render_html",
    "write_html",
]

PHYSICS_LIMIT = 1500  # nodes; above this (or for several components) positions are precomputed
EDGE_LABEL_LIMIT = 50  # relations drawn; above this relation labels show on hover and selection only
LABEL_BUDGET = 200  # entity labels on screen at most
HUBS = 20  # most connected entities, labelled first and even over other entities
DEFAULT_LAYOUT = "fr"

TYPE_STYLE: dict[str, dict[str, str]] = {
    "PERSON": {"color": "#4e79a7", "shape": "dot", "label": "Person"},
    "ORGANIZATION": {"color": "#f28e2b", "shape": "square", "label": "Organization"},
    "INSTITUTION": {"color": "#59a14f", "shape": "diamond", "label": "Institution"},
}
COMMUNITY_COLORS = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#17becf",
    "#aec7e8",
    "#ffbb78",
    "#98df8a",
    "#ff9896",
    "#c5b0d5",
    "#c49c94",
    "#dbdb8d",
]
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


def drawn_nodes(g: nx.MultiDiGraph, *, min_degree: int = 1) -> set[Any]:
    """The entities a map draws: those with at least ``min_degree`` relations, and an ego map's centre."""
    center = g.graph.get("center")
    return {n for n, k in g.degree() if k >= min_degree or n == center}


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


def _network(g: nx.MultiDiGraph, *, center: str | None, min_degree: int, layout: str):
    from pyvis.network import Network

    from .layout import communities, connected_components, positions

    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    net.node_ids = _IdList()  # pyvis checks membership in a list for every edge
    degree = dict(g.degree())
    drawn = drawn_nodes(g, min_degree=min_degree)
    links = [(s, t) for s, t in g.edges() if s in drawn and t in drawn]
    components = connected_components(drawn, links)
    physics = len(drawn) <= PHYSICS_LIMIT and len(components) <= 1
    few_edges = len(links) <= EDGE_LABEL_LIMIT  # their labels always shown: longer edges
    placed = (
        {}
        if physics
        else positions(
            drawn,
            links,
            algorithm=layout,
            extra=[n for n in g if degree[n] == 0],
            edge_length=220.0 if few_edges else 80.0,
        )
    )
    community = communities(drawn, links)
    sizes: dict[int, int] = {}
    for c in community.values():
        sizes[c] = sizes.get(c, 0) + 1
    for n in sorted(g.nodes):
        d = g.nodes[n]
        style = TYPE_STYLE.get(d.get("type"), TYPE_STYLE["ORGANIZATION"])
        aliases = [str(a) for a in d.get("aliases") or []]
        docs = [str(x) for x in d.get("docs") or []]
        title = "\n".join(
            [f"{_plain(d.get('name'))} ({style['label']})"]
            + ([f"also: {_plain(', '.join(aliases))}"] if aliases else [])
            + [f"in {len(docs)} document(s), {d.get('mentions', 0)} mention(s)"]
            + [f"{degree[n]} relation(s)"]
        )
        c = community.get(n, 0)
        opts: dict[str, Any] = {
            "title": title,
            "size": 12 + 4 * math.sqrt(degree[n]),
            "gk_type": d.get("type"),
            "gk_name": _plain(d.get("name")),
            "gk_aliases": [_plain(a) for a in aliases],
            "gk_docs": docs,
            "gk_mentions": d.get("mentions", 0),
            "gk_degree": degree[n],
            "gk_community": c if sizes.get(c, 0) > 1 else 0,
        }
        if n in drawn:
            opts["gk_drawn"] = True
        if n == center:
            opts["borderWidth"] = 5
            opts["size"] = opts["size"] + 10
            opts["gk_center"] = True
        if n in placed:
            x, y = placed[n]
            opts.update({"x": x, "y": y})
        if not physics:
            opts["physics"] = False
        net.add_node(str(n), label=" ", shape=style["shape"], color=style["color"], **opts)
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
            title="\n".join(lines),
            color=RELATION_COLORS.get(rtype, "#888888"),
            arrows="to",
            gk_type=rtype,
            gk_label=_plain(label),
            gk_confidence=float(d.get("confidence") or 0),
            gk_evidence=[{"doc": _plain(e.get("doc")), "text": _plain(e.get("text"))} for e in evidence],
        )
    big = not physics
    options = {
        "layout": {"randomSeed": 42, "improvedLayout": physics and len(drawn) < 150},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": len(drawn) > PHYSICS_LIMIT,
            "navigationButtons": False,
        },
        "edges": {
            "smooth": False if big else {"type": "dynamic"},
            "font": {"size": 10, "align": "horizontal", "strokeWidth": 3},
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
    view = {
        "physics": physics,
        "drawn_edges": len(links),
        "hidden": g.number_of_nodes() - len(drawn),
        "min_degree": min_degree,
        "frame": sorted(components[0]) if components and len(components[0]) * 3 >= len(drawn) else [],
        "communities": _community_list(g, community, sizes, degree),
        # the most connected entities, whose labels are drawn even over other entities
        "hubs": sorted((n for n in drawn if degree[n] >= 3), key=lambda n: (-degree[n], n))[:HUBS],
    }
    return net, view


def _community_list(g, community, sizes, degree) -> list[dict[str, Any]]:
    """Communities of two or more entities, largest first, named after their most connected member."""
    best: dict[int, Any] = {}
    for n, c in community.items():
        if sizes[c] > 1 and (c not in best or (-degree[n], n) < (-degree[best[c]], best[c])):
            best[c] = n
    return [
        {
            "id": c,
            "size": sizes[c],
            "name": _plain(g.nodes[best[c]].get("name")),
            "color": COMMUNITY_COLORS[(c - 1) % len(COMMUNITY_COLORS)],
        }
        for c in sorted(best)
    ]


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


def render_html(
    g: nx.MultiDiGraph, *, title: str = "graphkit map", min_degree: int = 1, layout: str = DEFAULT_LAYOUT
) -> str:
    """Return the HTML page of an interactive map of ``g``.

    Entities with fewer than ``min_degree`` relations (by default: none) are in the
    page but not drawn until asked for ("show unconnected entities", or a search);
    ``min_degree=0`` draws everything. ``layout`` picks the igraph layout used when
    positions are computed here (one of ``graphkit.layout.LAYOUTS``).
    """
    from jinja2 import Environment, FileSystemLoader

    center = g.graph.get("center")
    net, view = _network(g, center=center, min_degree=min_degree, layout=layout)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    for n in nodes:
        n.pop("label", None)  # the page draws entity labels itself, by priority and zoom
    for e in edges:
        e.pop("label", None)
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
            "big": not view["physics"],
            "edge_labels": "always" if view["drawn_edges"] <= EDGE_LABEL_LIMIT else "hover",
            "label_budget": LABEL_BUDGET,
            **{k: v for k, v in view.items() if k not in ("physics", "drawn_edges")},
        },
        vis_js=vis_js,
        vis_css=vis_css,
        n_nodes=g.number_of_nodes(),
        n_edges=g.number_of_edges(),
    )


def write_html(
    g: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    title: str = "graphkit map",
    min_degree: int = 1,
    layout: str = DEFAULT_LAYOUT,
) -> Path:
    """Render the map and write it atomically as UTF-8."""
    return atomic_write_text(path, render_html(g, title=title, min_degree=min_degree, layout=layout))
