"""The cross-document resolver as it was before blocking keys: every new organization is
compared with every entity seen so far (only its alias order made independent of string
hashing, as the fast one). Kept as the oracle the fast resolver must agree
with, decision for decision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from graphkit import __version__
from graphkit.graph import SCHEMA_VERSION
from graphkit.model import DocumentResult, EntityType
from graphkit.names import acronym_of, is_acronym, name_key, slugify
from graphkit.resolve import AliasRules

_PREFIX = {EntityType.PERSON: "person", EntityType.ORGANIZATION: "org", EntityType.INSTITUTION: "inst"}


@dataclass
class GlobalEntity:
    id: str
    type: EntityType
    names: Counter = field(default_factory=Counter)  # name -> weight
    docs: dict[str, int] = field(default_factory=dict)  # doc -> mention count
    types: Counter = field(default_factory=Counter)

    @property
    def name(self) -> str:
        def rank(n: str) -> tuple:
            return (not is_acronym(n), len(n.split()) > 1, self.names[n], len(n))

        return max(self.names, key=rank)

    @property
    def aliases(self) -> list[str]:
        main = self.name
        return sorted((n for n in self.names if n != main), key=str.casefold)  # ties: first seen first

    def keys(self) -> set[str]:
        return {name_key(n) for n in self.names}


class QuadraticResolver:
    """Accumulates document results and maps each (doc, local id) to a global entity."""

    def __init__(self, rules: AliasRules | None = None) -> None:
        self.rules = rules or AliasRules()
        self.entities: list[GlobalEntity] = []
        self._index: dict[tuple[str, str], int] = {}  # (class, key) -> entity index
        self._local: dict[tuple[str, str], int] = {}  # (doc, local id) -> entity index
        self._group: dict[int, int] = {}  # alias-file group -> entity index

    @staticmethod
    def _cls(t: EntityType) -> str:
        return "P" if t == EntityType.PERSON else "O"

    def _merge_keys(self, t: EntityType, names: list[str]) -> set[str]:
        keys = set()
        for n in names:
            k = name_key(n)
            if not k:
                continue
            if t == EntityType.PERSON:
                if len(n.split()) >= 2:  # full names only: surnames are shared
                    keys.add(k)
            else:
                if len(k) >= 2:
                    keys.add(k)
        return keys

    def add(self, result: DocumentResult) -> None:
        for e in result.entities:
            names = [e.name, *e.aliases]
            cls = self._cls(e.type)
            keys = self._merge_keys(e.type, names)
            all_keys = {name_key(n) for n in names}
            hit = None
            group = None
            for n in names:
                group = self.rules.group_of(name_key(n))
                if group is not None:
                    break
            if group is not None and group in self._group:
                hit = self._group[group]
            if hit is None:
                for k in sorted(keys):
                    idx = self._index.get((cls, k))
                    if idx is not None and not self.rules.forbids(all_keys, self.entities[idx].keys()):
                        hit = idx
                        break
            if hit is None and cls == "O":
                hit = self._acronym_match(names, all_keys)
            if hit is None:
                if e.type == EntityType.PERSON and not keys:
                    # a single-word name: only the same document's entity is the same person
                    ident = f"{_PREFIX[e.type]}:{slugify(e.name)}@{slugify(result.doc)}"
                else:
                    ident = f"{_PREFIX[e.type]}:{slugify(e.name)}"
                ident = self._unique(ident)
                self.entities.append(GlobalEntity(ident, e.type))
                hit = len(self.entities) - 1
            ge = self.entities[hit]
            for n in names:
                ge.names[n] += 1
            ge.types[e.type] += len(e.mentions) or 1
            ge.docs[result.doc] = ge.docs.get(result.doc, 0) + len(e.mentions)
            if ge.type != EntityType.PERSON:
                ge.type = max(
                    (t for t in ge.types if t != EntityType.PERSON),
                    key=lambda t: ge.types[t],
                    default=ge.type,
                )
            for k in self._merge_keys(e.type, names):
                self._index.setdefault((cls, k), hit)
            if group is not None:
                self._group.setdefault(group, hit)
            self._local[(result.doc, e.id)] = hit

    def _acronym_match(self, names: list[str], keys: set[str]) -> int | None:
        for i, ge in enumerate(self.entities):
            if ge.type == EntityType.PERSON:
                continue
            for a in names:
                for b in ge.names:
                    if (is_acronym(a) and acronym_of(a, b)) or (is_acronym(b) and acronym_of(b, a)):
                        if not self.rules.forbids(keys, ge.keys()):
                            return i
        return None

    def _unique(self, ident: str) -> str:
        taken = {g.id for g in self.entities}
        if ident not in taken:
            return ident
        n = 2
        while f"{ident}-{n}" in taken:
            n += 1
        return f"{ident}-{n}"

    def global_id(self, doc: str, local_id: str) -> str:
        return self.entities[self._local[(doc, local_id)]].id

    def apply_same_groups(self) -> None:
        """Merge entities that the alias file says are one (after all documents are in)."""
        for names in self.rules.same:
            keys = {name_key(n) for n in names}
            idx = [i for i, g in enumerate(self.entities) if g.keys() & keys]
            if len(idx) < 2:
                continue
            base = idx[0]
            for i in idx[1:]:
                self._absorb(base, i)

    def _absorb(self, base: int, other: int) -> None:
        b, o = self.entities[base], self.entities[other]
        b.names.update(o.names)
        b.types.update(o.types)
        for d, c in o.docs.items():
            b.docs[d] = b.docs.get(d, 0) + c
        for k, v in list(self._local.items()):
            if v == other:
                self._local[k] = base
        o.names.clear()
        o.docs.clear()

    def live(self) -> Iterable[GlobalEntity]:
        return (g for g in self.entities if g.names)


def reference_graph(
    results: Iterable[DocumentResult],
    *,
    resolver: QuadraticResolver | None = None,
    min_confidence: float = 0.0,
) -> nx.MultiDiGraph:
    """Resolve entities across documents and build the graph."""
    resolver = resolver or QuadraticResolver()
    kept: list[DocumentResult] = []
    for r in results:
        resolver.add(r)
        kept.append(r)
    resolver.apply_same_groups()
    g = nx.MultiDiGraph()
    g.graph["schema_version"] = SCHEMA_VERSION
    g.graph["graphkit_version"] = __version__
    g.graph["documents"] = sorted(r.doc for r in kept)
    for ge in resolver.live():
        g.add_node(
            ge.id,
            name=ge.name,
            type=str(ge.type),
            aliases=ge.aliases,
            docs=sorted(ge.docs),
            mentions=sum(ge.docs.values()),
        )
    for r in kept:
        for rel in r.relations:
            if rel.confidence < min_confidence:
                continue
            s = resolver.global_id(r.doc, rel.source)
            t = resolver.global_id(r.doc, rel.target)
            if s == t:
                continue
            key = str(rel.type)
            ev = {"doc": r.doc, **rel.evidence.to_dict()}
            if g.has_edge(s, t, key):
                data = g.edges[s, t, key]
                if ev not in data["evidence"]:
                    data["evidence"].append(ev)
                data["confidence"] = max(data["confidence"], rel.confidence)
                if data["role"] is None and rel.role:
                    data["role"] = rel.role
            else:
                g.add_edge(s, t, key=key, type=key, role=rel.role, confidence=rel.confidence, evidence=[ev])
    return g
