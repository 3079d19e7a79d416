"""Entity resolution across documents.

Each document's extraction already merged its own mentions; here the entities
of all documents become the nodes of one graph. People merge on their full
name (never on a bare surname: two Chens are two people); organizations and
institutions merge on any shared name, alias or acronym. A user alias file
overrides both ways.

Every comparison goes through a blocking key, so an entity is only ever
compared with the few entities that share one: its folded names (``name_key``),
the letters of an acronym it bears (``acronym_letters``) and the letters its
long names abbreviate to (``initialisms``). Adding a document costs the same
whether the graph holds ten entities or a million.

Alias file format (UTF-8 text, one rule a line, ``#`` starts a comment)::

    Geoffrey Hinton = Geoff Hinton        # the same entity
    Google DeepMind = DeepMind = DM
    Yu Zhou != Zhou Yu                    # never the same entity
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import AliasFileError
from .model import DocumentResult, EntityType, Relation
from .names import acronym_letters, initialisms, is_acronym, name_key, slugify

__all__ = ["AliasRules", "DocRecord", "GlobalEntity", "Resolver", "Sighting", "load_alias_file"]

_PREFIX = {EntityType.PERSON: "person", EntityType.ORGANIZATION: "org", EntityType.INSTITUTION: "inst"}


@dataclass
class AliasRules:
    same: list[list[str]] = field(default_factory=list)
    different: list[tuple[str, str]] = field(default_factory=list)

    def group_of(self, key: str) -> int | None:
        for i, names in enumerate(self.same):
            if key in {name_key(n) for n in names}:
                return i
        return None

    def forbids(self, keys_a: set[str], keys_b: set[str]) -> bool:
        for a, b in self.different:
            ka, kb = name_key(a), name_key(b)
            if (ka in keys_a and kb in keys_b) or (kb in keys_a and ka in keys_b):
                return True
        return False


def load_alias_file(path: str | os.PathLike[str]) -> AliasRules:
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except OSError as e:
        raise AliasFileError(f"Cannot read alias file {p}: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise AliasFileError(f"Alias file {p} is not UTF-8 text.") from None
    rules = AliasRules()
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "!=" in line:
            parts = [x.strip() for x in line.split("!=")]
            if len(parts) != 2 or not all(parts):
                raise AliasFileError(f"{p}:{n}: write 'A != B' (two names), got: {raw.strip()}")
            rules.different.append((parts[0], parts[1]))
        elif "=" in line:
            parts = [x.strip() for x in line.split("=")]
            if len(parts) < 2 or not all(parts):
                raise AliasFileError(f"{p}:{n}: write 'A = B [= C ...]', got: {raw.strip()}")
            rules.same.append(parts)
        else:
            raise AliasFileError(
                f"{p}:{n}: a rule is 'A = B' (same entity) or 'A != B' (different), got: {raw.strip()}"
            )
    return rules


@dataclass(frozen=True, slots=True)
class Sighting:
    """An entity of one document as resolution sees it: its names and how often it was named."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class DocRecord:
    """What resolution and the graph need of a document's extraction (no mention offsets)."""

    doc: str
    entities: tuple[Sighting, ...]
    relations: tuple[Relation, ...]

    @classmethod
    def of(cls, result: DocumentResult) -> DocRecord:
        return cls(
            result.doc,
            tuple(Sighting(e.id, e.name, e.type, e.aliases, len(e.mentions)) for e in result.entities),
            result.relations,
        )

    def to_json(self) -> list:
        return [
            self.doc,
            [[e.id, e.name, str(e.type), list(e.aliases), e.mentions] for e in self.entities],
            [r.to_dict() for r in self.relations],
        ]

    @classmethod
    def from_json(cls, data: list) -> DocRecord:
        doc, entities, relations = data
        return cls(
            str(doc),
            tuple(Sighting(i, n, EntityType(t), tuple(a), int(m)) for i, n, t, a, m in entities),
            tuple(Relation.from_dict(r) for r in relations),
        )


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
        return self.aliases_besides(self.name)

    def aliases_besides(self, main: str) -> list[str]:
        return sorted((n for n in self.names if n != main), key=str.casefold)  # ties: first seen first

    def keys(self) -> set[str]:
        return {name_key(n) for n in self.names}


class Resolver:
    """Accumulates document results and maps each (doc, local id) to a global entity.

    Decisions depend on the order documents arrive in (the first entity to claim a
    key keeps it), so a graph is always built from documents in one fixed order.
    """

    def __init__(self, rules: AliasRules | None = None) -> None:
        self.rules = rules or AliasRules()
        self.entities: list[GlobalEntity] = []
        self.docs: list[str] = []  # in the order they were added
        self.relations: list[tuple[str, tuple]] = []  # (doc, its Relations), in the same order
        self._index: dict[tuple[str, str], int] = {}  # (class, key) -> entity index
        self._local: dict[tuple[str, str], int] = {}  # (doc, local id) -> entity index
        self._group: dict[int, int] = {}  # alias-file group -> entity index
        # acronym blocking, organizations and institutions only: the first entity (lowest
        # index) by the letters of an acronym it bears, and by the letters its long names
        # abbreviate to; all of them only when an alias file forbids some merges
        self._first_by_letters: dict[str, int] = {}
        self._first_by_initialism: dict[str, int] = {}
        self._by_letters: dict[str, set[int]] = {}
        self._by_initialism: dict[str, set[int]] = {}
        self._taken: set[str] = set()
        self._next_suffix: dict[str, int] = {}
        self._moved: dict[int, int] = {}  # entity absorbed by an alias-file rule -> its absorber
        self._same_of = {
            name_key(n): i for i in reversed(range(len(self.rules.same))) for n in self.rules.same[i]
        }

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

    def _forbids(self, keys: set[str], idx: int) -> bool:
        return bool(self.rules.different) and self.rules.forbids(keys, self.entities[idx].keys())

    def add(self, result: DocumentResult | DocRecord) -> None:
        """Resolve one document's entities against everything added before."""
        record = result if isinstance(result, DocRecord) else DocRecord.of(result)
        self.docs.append(record.doc)
        self.relations.append((record.doc, record.relations))
        for e in record.entities:
            names = [e.name, *e.aliases]
            cls = self._cls(e.type)
            keys = self._merge_keys(e.type, names)
            all_keys = {name_key(n) for n in names}
            hit = None
            group = None
            for n in names:
                group = self._same_of.get(name_key(n))
                if group is not None:
                    break
            if group is not None and group in self._group:
                hit = self._group[group]
            if hit is None:
                for k in sorted(keys):
                    idx = self._index.get((cls, k))
                    if idx is not None and not self._forbids(all_keys, idx):
                        hit = idx
                        break
            if hit is None and cls == "O":
                hit = self._acronym_match(names, all_keys)
            if hit is None:
                if e.type == EntityType.PERSON and not keys:
                    # a single-word name: only the same document's entity is the same person
                    ident = f"{_PREFIX[e.type]}:{slugify(e.name)}@{slugify(record.doc)}"
                else:
                    ident = f"{_PREFIX[e.type]}:{slugify(e.name)}"
                self.entities.append(GlobalEntity(self._unique(ident), e.type))
                hit = len(self.entities) - 1
            ge = self.entities[hit]
            for n in names:
                if n not in ge.names and ge.type != EntityType.PERSON:
                    self._index_acronyms(hit, n)
                ge.names[n] += 1
            ge.types[e.type] += e.mentions or 1
            ge.docs[record.doc] = ge.docs.get(record.doc, 0) + e.mentions
            if ge.type != EntityType.PERSON:
                ge.type = max(
                    (t for t in ge.types if t != EntityType.PERSON),
                    key=lambda t: ge.types[t],
                    default=ge.type,
                )
            for k in keys:
                self._index.setdefault((cls, k), hit)
            if group is not None:
                self._group.setdefault(group, hit)
            self._local[(record.doc, e.id)] = hit

    def _index_acronyms(self, idx: int, name: str) -> None:
        every = bool(self.rules.different)
        if is_acronym(name):
            letters = acronym_letters(name)
            if len(letters) >= 2:
                if self._first_by_letters.get(letters, idx) >= idx:
                    self._first_by_letters[letters] = idx
                if every:
                    self._by_letters.setdefault(letters, set()).add(idx)
        for letters in initialisms(name):
            if self._first_by_initialism.get(letters, idx) >= idx:
                self._first_by_initialism[letters] = idx
            if every:
                self._by_initialism.setdefault(letters, set()).add(idx)

    def _acronym_match(self, names: list[str], keys: set[str]) -> int | None:
        """The first organization one of ``names`` is an acronym of, or that has an acronym
        of one of ``names``: only entities sharing acronym letters are looked at."""
        if not self.rules.different:  # nothing forbidden: the first candidate of each key
            first: list[int] = []
            for a in names:
                if is_acronym(a):
                    i = self._first_by_initialism.get(acronym_letters(a))
                    if i is not None:
                        first.append(i)
                for letters in initialisms(a):
                    i = self._first_by_letters.get(letters)
                    if i is not None:
                        first.append(i)
            return min(first, default=None)
        found: set[int] = set()
        for a in names:
            if is_acronym(a):
                found.update(self._by_initialism.get(acronym_letters(a), ()))
            for letters in initialisms(a):
                found.update(self._by_letters.get(letters, ()))
        for i in sorted(found):
            if not self._forbids(keys, i):
                return i
        return None

    def _unique(self, ident: str) -> str:
        if ident not in self._taken:
            self._taken.add(ident)
            return ident
        # ids are never given back, so the lowest free suffix only ever grows
        n = self._next_suffix.get(ident, 2)
        while f"{ident}-{n}" in self._taken:
            n += 1
        self._next_suffix[ident] = n + 1
        self._taken.add(f"{ident}-{n}")
        return f"{ident}-{n}"

    def _live_index(self, idx: int) -> int:
        while idx in self._moved:
            idx = self._moved[idx]
        return idx

    def global_id(self, doc: str, local_id: str) -> str:
        return self.entities[self._live_index(self._local[(doc, local_id)])].id

    def apply_same_groups(self) -> None:
        """Merge entities that the alias file says are one (after all documents are in)."""
        if not self.rules.same:
            return
        by_key: dict[str, set[int]] = {}
        for i, ge in enumerate(self.entities):
            for k in ge.keys():  # noqa: SIM118 (name keys, not a dict)
                by_key.setdefault(k, set()).add(i)
        for names in self.rules.same:
            keys = {name_key(n) for n in names}
            idx = sorted(set().union(*(by_key.get(k, ()) for k in keys)))
            if len(idx) < 2:
                continue
            base = idx[0]
            for i in idx[1:]:
                for k in self.entities[i].keys():  # noqa: SIM118
                    by_key[k].discard(i)
                    by_key.setdefault(k, set()).add(base)
                self._absorb(base, i)

    def _absorb(self, base: int, other: int) -> None:
        b, o = self.entities[base], self.entities[other]
        b.names.update(o.names)
        b.types.update(o.types)
        for d, c in o.docs.items():
            b.docs[d] = b.docs.get(d, 0) + c
        self._moved[other] = base
        o.names.clear()
        o.docs.clear()

    def live(self) -> Iterable[GlobalEntity]:
        return (g for g in self.entities if g.names)

    def edges(self, min_confidence: float = 0.0) -> Iterator[tuple[str, str, str, Relation]]:
        """``(doc, source id, target id, Relation)`` of every relation, in document order."""
        for doc, relations in self.relations:
            for rel in relations:
                if rel.confidence < min_confidence:
                    continue
                yield doc, self.global_id(doc, rel.source), self.global_id(doc, rel.target), rel
