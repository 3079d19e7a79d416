"""A query index beside graph.json, so questions to a large graph need not read all of it.

``graph.json`` stays the graph's interchange form. Beside it, ``graph.index.sqlite``
holds the same nodes and edges in SQLite, with the folded names, aliases, name parts
and acronym letters that ``find_entity`` matches on. A question reads only the rows of
the entity it is about and of its neighbourhood, then answers with ``query.connections``
on that small graph, so the answer is the one the whole graph gives. The index records
the size and modification time of the graph.json it was made from; when they no longer
match (or there is no index) it is made again from graph.json first.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import AmbiguousEntity, EntityNotFound

__all__ = ["connections_in_file", "index_path", "write_index"]

_FORMAT = "1"
_SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE nodes (n INTEGER PRIMARY KEY, id TEXT UNIQUE, type TEXT, degree INTEGER, data TEXT);
CREATE TABLE names (key TEXT, tier INTEGER, n INTEGER);
CREATE TABLE edges (e INTEGER PRIMARY KEY, source INTEGER, target INTEGER, key TEXT, data TEXT);
"""
_INDEXES = """
CREATE INDEX names_key ON names(key, tier);
CREATE INDEX edges_source ON edges(source);
CREATE INDEX edges_target ON edges(target);
"""
_CHUNK = 500  # parameters per IN (...)


def index_path(graph_path: str | os.PathLike[str]) -> Path:
    """``output/graph.json`` -> ``output/graph.index.sqlite``."""
    p = Path(graph_path)
    return p.with_name(f"{p.stem}.index.sqlite")


def _stamp(graph_path: Path) -> dict[str, str]:
    st = graph_path.stat()
    return {"format": _FORMAT, "json_size": str(st.st_size), "json_mtime_ns": str(st.st_mtime_ns)}


def _name_rows(n: int, d: dict[str, Any]) -> Iterator[tuple[str, int, int]]:
    """The keys ``find_entity`` matches a node on, by tier: 0 name, 1 alias, 2 a part of a
    person's name, 3 the letters an acronym of an organization's name would have."""
    from .names import initialisms, name_key

    names = [d.get("name", ""), *(d.get("aliases") or [])]
    yield name_key(names[0]), 0, n
    for a in names[1:]:
        yield name_key(a), 1, n
    if d.get("type") == "PERSON":
        for nm in names:
            for part in nm.split():
                yield name_key(part), 2, n
    else:
        for nm in names:
            for letters in initialisms(nm):
                yield letters, 3, n


def write_index(g: nx.MultiDiGraph, graph_path: str | os.PathLike[str]) -> Path:
    """Write the index of ``g``, which is the graph saved at ``graph_path``, atomically."""
    graph_path = Path(graph_path)
    target = index_path(graph_path)
    stamp = _stamp(graph_path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            order = {node: i for i, node in enumerate(sorted(g.nodes))}  # graph.json's order
            con.executemany(
                "INSERT INTO nodes VALUES (?, ?, ?, ?, ?)",
                (
                    (order[node], node, d.get("type"), g.degree(node), json.dumps(d, ensure_ascii=False))
                    for node, d in sorted(g.nodes(data=True), key=lambda x: order[x[0]])
                ),
            )
            con.executemany(
                "INSERT INTO names VALUES (?, ?, ?)",
                (row for node, d in g.nodes(data=True) for row in _name_rows(order[node], d)),
            )
            edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
            con.executemany(
                "INSERT INTO edges (source, target, key, data) VALUES (?, ?, ?, ?)",
                ((order[s], order[t], str(k), json.dumps(d, ensure_ascii=False)) for s, t, k, d in edges),
            )
            meta = {**stamp, "graph": json.dumps(g.graph, ensure_ascii=False)}
            con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            con.executescript(_INDEXES)
            con.commit()
        finally:
            con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


def _open_fresh(graph_path: Path) -> sqlite3.Connection | None:
    """The index of ``graph_path`` if it was made from the graph.json there now."""
    target = index_path(graph_path)
    if not target.exists():
        return None
    try:
        con = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        meta = dict(con.execute("SELECT k, v FROM meta WHERE k != 'graph'").fetchall())
        if meta == _stamp(graph_path):
            return con
    except (sqlite3.Error, OSError):
        pass
    con.close()
    return None


def _open_index(graph_path: Path) -> sqlite3.Connection | None:
    """The up-to-date index, made first if need be; None if it cannot be written."""
    con = _open_fresh(graph_path)
    if con is not None:
        return con
    from .graph import load_graph

    g = load_graph(graph_path)  # raises GraphFileError for a missing or damaged graph.json
    try:
        write_index(g, graph_path)
    except (OSError, sqlite3.Error):
        return None  # a read-only folder: answer from graph.json
    return _open_fresh(graph_path)


def _chunks(items: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _find(con: sqlite3.Connection, name: str, where: str) -> int:
    """The row of the entity ``name`` names, by ``query.find_entity``'s rules."""
    from .names import acronym_letters, is_acronym, name_key

    row = con.execute("SELECT n FROM nodes WHERE id = ?", (name,)).fetchone()
    if row is not None:
        return row[0]
    key = name_key(name)
    if not key:
        raise EntityNotFound(name, [], where)
    tiers: list[list[int]] = [[], [], []]
    rows = con.execute(
        "SELECT n, MIN(tier) FROM names WHERE key = ? AND tier < 3 GROUP BY n ORDER BY n", (key,)
    )
    for n, tier in rows:
        tiers[tier].append(n)
    if not any(tiers) and is_acronym(name):
        letters = acronym_letters(name)
        if len(letters) >= 2:
            found = con.execute(
                "SELECT DISTINCT n FROM names WHERE key = ? AND tier = 3 ORDER BY n", (letters,)
            )
            tiers.append([n for (n,) in found])
    for tier in tiers:
        if len(tier) == 1:
            return tier[0]
        if len(tier) > 1:
            cands = []
            for chunk in _chunks(tier):
                marks = ",".join("?" * len(chunk))
                for n, ident, data, kind, degree in con.execute(
                    f"SELECT n, id, data, type, degree FROM nodes WHERE n IN ({marks})", chunk
                ):
                    cands.append((n, ident, json.loads(data)["name"], kind, degree))
            cands.sort(key=lambda c: c[0])
            cands.sort(key=lambda c: (-c[4], c[2]))
            raise AmbiguousEntity(name, [(c[1], c[2], c[3]) for c in cands])
    pool: dict[str, str] = {}
    for (data,) in con.execute("SELECT data FROM nodes ORDER BY n"):
        d = json.loads(data)
        for nm in [d.get("name", ""), *(d.get("aliases") or [])]:
            pool.setdefault(nm.casefold(), d.get("name", nm))
    close = difflib.get_close_matches(name.casefold(), list(pool), n=5, cutoff=0.7)
    raise EntityNotFound(name, list(dict.fromkeys(pool[c] for c in close)), where)


def _neighbourhood(con: sqlite3.Connection, root: int, depth: int) -> nx.MultiDiGraph:
    """The entity at row ``root``, every edge of entities fewer than ``depth`` hops away, and
    their ends, added in graph.json's order (so adjacency is iterated as in the whole graph)."""
    seen = {root}
    frontier = [root]
    edges: dict[int, tuple] = {}
    for _ in range(depth):
        nxt = []
        for chunk in _chunks(sorted(frontier)):
            marks = ",".join("?" * len(chunk))
            for row in con.execute(
                f"SELECT e, source, target, key, data FROM edges WHERE source IN ({marks}) "
                f"UNION SELECT e, source, target, key, data FROM edges WHERE target IN ({marks})",
                chunk + chunk,
            ):
                edges[row[0]] = row
                for n in row[1:3]:
                    if n not in seen:
                        seen.add(n)
                        nxt.append(n)
        frontier = nxt
    g = nx.MultiDiGraph()
    ids: dict[int, str] = {}
    for chunk in _chunks(sorted(seen)):
        marks = ",".join("?" * len(chunk))
        for n, ident, data in con.execute(
            f"SELECT n, id, data FROM nodes WHERE n IN ({marks}) ORDER BY n", chunk
        ):
            ids[n] = ident
            g.add_node(ident, **json.loads(data))
    for e in sorted(edges):
        _, s, t, key, data = edges[e]
        d = json.loads(data)
        d.setdefault("evidence", [])
        d.setdefault("role", None)
        d.setdefault("confidence", 0.0)
        g.add_edge(ids[s], ids[t], key=key, **d)
    return g


def connections_in_file(
    graph_path: str | os.PathLike[str],
    name: str,
    *,
    depth: int = 1,
    relations: Iterable[str] | None = None,
) -> dict[str, Any]:
    """``query.connections`` of the graph saved at ``graph_path``, read through its index."""
    from .query import connections

    graph_path = Path(graph_path)
    con = _open_index(graph_path)
    if con is None:
        from .graph import load_graph

        return connections(load_graph(graph_path), name, depth=depth, relations=relations)
    try:
        root = _find(con, name, str(graph_path))
        sub = _neighbourhood(con, root, depth)
        ident = con.execute("SELECT id FROM nodes WHERE n = ?", (root,)).fetchone()[0]
    finally:
        con.close()
    return connections(sub, ident, depth=depth, relations=relations)
