"""Where entities go on a map, and which ones belong together.

Positions are computed per connected component with one of igraph's compiled
layouts, then the components are packed: the largest in the middle, the others
on rings around it, largest first, so a map opens on its main structure instead
of fragments scattered over the canvas. Communities come from networkx (Louvain,
or label propagation for large graphs where Louvain is slow). Both are seeded:
the same graph always gives the same picture.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Iterable

import networkx as nx

__all__ = [
    "LAYOUTS",
    "communities",
    "component_layout",
    "connected_components",
    "pack_components",
    "positions",
]

LAYOUTS = ("fr", "kk", "drl")  # Fruchterman-Reingold, Kamada-Kawai, DrL (OpenOrd)
EDGE_LENGTH = 80.0  # canvas units between neighbours in a small component
SPACING = 55.0  # canvas units per node (square root of area) in a large component
GAP = 40.0  # between packed components
MIN_GAP = 50.0  # canvas units between two nodes of a small component
LOUVAIN_LIMIT = 5000  # edges; above this, label propagation (Louvain takes seconds)
SEED = 7

Pos = tuple[float, float]


def _simple(
    nodes: Iterable[Hashable], edges: Iterable[tuple[Hashable, Hashable]]
) -> tuple[list[Hashable], dict[Hashable, set[Hashable]]]:
    """Sorted nodes and an undirected adjacency without self-loops."""
    ordered = sorted(nodes)
    adj: dict[Hashable, set[Hashable]] = {n: set() for n in ordered}
    for s, t in edges:
        if s != t:
            adj[s].add(t)
            adj[t].add(s)
    return ordered, adj


def _components(nodes: list[Hashable], adj: dict[Hashable, set[Hashable]]) -> list[list[Hashable]]:
    """Connected components, largest first, ties broken by their first node."""
    seen: set[Hashable] = set()
    comps = []
    for n in nodes:
        if n in seen:
            continue
        seen.add(n)
        comp, stack = [n], [n]
        while stack:
            for m in adj[stack.pop()]:
                if m not in seen:
                    seen.add(m)
                    comp.append(m)
                    stack.append(m)
        comps.append(sorted(comp))
    comps.sort(key=lambda c: (-len(c), c[0]))
    return comps


def connected_components(
    nodes: Iterable[Hashable], edges: Iterable[tuple[Hashable, Hashable]]
) -> list[list[Hashable]]:
    """Connected components (sorted lists of nodes), largest first; direction ignored."""
    return _components(*_simple(nodes, edges))


def communities(nodes: Iterable[Hashable], edges: Iterable[tuple[Hashable, Hashable]]) -> dict[Hashable, int]:
    """Community number of every node: 1 for the largest community, 2 for the next...

    Louvain (networkx, seeded) up to ``LOUVAIN_LIMIT`` distinct links, label propagation
    (seeded) above. A node without links is a community of its own. ``edges`` are
    pairs of nodes, direction and repeats ignored.
    """
    nodes, adj = _simple(nodes, edges)
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from((s, t) for s in nodes for t in adj[s] if s < t)
    if simple.number_of_edges() <= LOUVAIN_LIMIT:
        groups = nx.community.louvain_communities(simple, seed=SEED)
    else:
        groups = nx.community.asyn_lpa_communities(simple, seed=SEED)
    ordered = sorted((sorted(c) for c in groups), key=lambda c: (-len(c), c[0]))
    return {n: i for i, c in enumerate(ordered, start=1) for n in c}


def component_layout(
    n: int,
    edges: list[tuple[int, int]],
    *,
    algorithm: str = "fr",
    rng: random.Random | None = None,
    edge_length: float = EDGE_LENGTH,
) -> list[Pos]:
    """Positions of one connected component (nodes ``0..n-1``), centred on the origin and
    scaled so neighbours sit about ``EDGE_LENGTH`` apart (small components) or each node
    has about ``SPACING``² of room (large ones)."""
    if n == 1:
        return [(0.0, 0.0)]
    if n == 2:
        return [(-edge_length / 2, 0.0), (edge_length / 2, 0.0)]
    import igraph as ig

    graph = ig.Graph(n=n, edges=edges, directed=False)
    ig.set_random_number_generator(rng or random.Random(SEED))
    try:
        if algorithm == "fr":
            coords = graph.layout_fruchterman_reingold(niter=500, grid=n > 1000).coords
        elif algorithm == "kk":
            coords = graph.layout_kamada_kawai(maxiter=50 * n if n < 400 else 20000).coords
        elif algorithm == "drl":
            coords = graph.layout_drl().coords
        else:
            raise ValueError(f"unknown layout {algorithm!r}; choose one of {', '.join(LAYOUTS)}")
    finally:
        ig.set_random_number_generator(random)
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    if n <= 100:
        lengths = sorted(math.dist(coords[a], coords[b]) for a, b in edges)
        scale = edge_length / max(lengths[len(lengths) // 2], 1e-9)
        # and no crowding: nodes at least MIN_GAP apart, unless that makes edges 3x as long
        nearest = min(math.dist(coords[i], coords[j]) for i in range(n) for j in range(i))
        scale = max(scale, min(MIN_GAP / max(nearest, 1e-9), 3 * scale))
    else:
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        scale = SPACING * math.sqrt(n) / span
    return [((x - cx) * scale, (y - cy) * scale) for x, y in coords]


def pack_components(shapes: list[list[Pos]]) -> list[Pos]:
    """Offsets that place each component (its node positions around the origin): the
    first (the largest) in the middle, the others on rings around it, the widest
    nearest, each ring as wide as its widest component."""
    if not shapes:
        return []
    radii = [max((math.hypot(x, y) for x, y in s), default=0.0) + 25.0 for s in shapes]
    order = sorted(range(1, len(shapes)), key=lambda i: (-radii[i], i))
    offsets: list[Pos] = [(0.0, 0.0)] * len(shapes)
    inner = radii[0]  # everything so far lies within this radius
    k = 0
    while k < len(order):
        ring_r = radii[order[k]]  # the widest of the ring, as they come widest first
        center = inner + GAP + ring_r
        ring, used = [], 0.0
        while k < len(order):
            need = 2 * math.asin(min(1.0, (radii[order[k]] + GAP / 2) / center))
            if ring and used + need > 2 * math.pi:
                break
            ring.append((order[k], need))
            used += need
            k += 1
        spare = (2 * math.pi - used) / len(ring) if len(ring) > 1 else 0.0
        angle = -math.pi / 2
        for i, need in ring:
            angle += need / 2
            offsets[i] = (center * math.cos(angle), center * math.sin(angle))
            angle += need / 2 + spare
        inner = center + ring_r
    return offsets


def positions(
    nodes: Iterable[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    algorithm: str = "fr",
    extra: Iterable[Hashable] = (),
    edge_length: float = EDGE_LENGTH,
) -> dict[Hashable, Pos]:
    """Positions of ``nodes`` linked by ``edges`` (pairs), components packed around the
    largest; ``extra`` nodes get places of their own on the outer rings. ``edge_length``
    is the distance between neighbours in small components (longer leaves room for labels)."""
    nodes, adj = _simple(nodes, edges)
    comps = _components(nodes, adj)
    rng = random.Random(SEED)
    shapes = []
    for comp in comps:
        index = {n: i for i, n in enumerate(comp)}
        edges = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a in comp for b in adj[a]})
        shapes.append(
            component_layout(len(comp), edges, algorithm=algorithm, rng=rng, edge_length=edge_length)
        )
    extra = sorted(n for n in extra if n not in adj)
    comps += [[n] for n in extra]
    shapes += [[(0.0, 0.0)]] * len(extra)
    out: dict[Hashable, Pos] = {}
    for comp, shape, (ox, oy) in zip(comps, shapes, pack_components(shapes)):
        for n, (x, y) in zip(comp, shape):
            out[n] = (round(x + ox, 1), round(y + oy, 1))
    return out
