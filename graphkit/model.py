"""The data that flows through graphkit: mentions, entities, relations, documents.

Plain frozen dataclasses with ``to_dict``/``from_dict`` so that a document's
extraction is self-contained and serializable (it can be cached on disk or
computed in another process). Nothing here imports spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = [
    "INVERSE_LABELS",
    "DocumentResult",
    "Entity",
    "EntityType",
    "Evidence",
    "Mention",
    "Relation",
    "RelationType",
]


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    INSTITUTION = "INSTITUTION"


class RelationType(StrEnum):
    """Relation types; the direction is always "source's TYPE is target"."""

    EMPLOYER = "employer"  # person -> organization/institution
    ALMA_MATER = "alma_mater"  # person -> institution
    ADVISER = "adviser"  # student -> adviser
    MENTOR = "mentor"  # mentee -> mentor
    FOUNDER = "founder"  # organization -> person


#: How an incoming edge reads from the target's side ("mentor of: Zizheng Pan").
INVERSE_LABELS: dict[str, str] = {
    RelationType.EMPLOYER: "employs",
    RelationType.ALMA_MATER: "alma mater of",
    RelationType.ADVISER: "adviser of",
    RelationType.MENTOR: "mentor of",
    RelationType.FOUNDER: "founded",
}

#: How an outgoing edge reads from the source's side ("founded by: Liang Wenfeng").
FORWARD_LABELS: dict[str, str] = {
    RelationType.EMPLOYER: "employer",
    RelationType.ALMA_MATER: "alma mater",
    RelationType.ADVISER: "adviser",
    RelationType.MENTOR: "mentor",
    RelationType.FOUNDER: "founded by",
}


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the document's text naming an entity: ``text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": str(self.type),
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=str(d["id"]),
            name=str(d["name"]),
            type=EntityType(d["type"]),
            aliases=tuple(d.get("aliases") or ()),
            mentions=tuple(Mention.from_dict(m) for m in d.get("mentions") or ()),
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that states a relation, with its offsets in the document."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(str(d["text"]), int(d["start"]), int(d["end"]))


@dataclass(frozen=True, slots=True)
class Relation:
    source: str  # entity id
    type: RelationType
    target: str  # entity id
    evidence: Evidence
    confidence: float
    role: str | None = None
    pattern: str = ""  # which rule produced it (for error analysis)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "type": str(self.type),
            "target": self.target,
            "role": self.role,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence.to_dict(),
            "pattern": self.pattern,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Relation:
        return cls(
            source=str(d["source"]),
            type=RelationType(d["type"]),
            target=str(d["target"]),
            evidence=Evidence.from_dict(d["evidence"]),
            confidence=float(d["confidence"]),
            role=d.get("role"),
            pattern=str(d.get("pattern") or ""),
        )


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything extracted from one document; the unit of caching."""

    doc: str
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    chars: int = 0

    def entity(self, entity_id: str) -> Entity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocumentResult:
        return cls(
            doc=str(d["doc"]),
            entities=tuple(Entity.from_dict(e) for e in d.get("entities") or ()),
            relations=tuple(Relation.from_dict(r) for r in d.get("relations") or ()),
            chars=int(d.get("chars") or 0),
        )

    def with_min_confidence(self, threshold: float) -> DocumentResult:
        if threshold <= 0:
            return self
        kept = tuple(r for r in self.relations if r.confidence >= threshold)
        return DocumentResult(self.doc, self.entities, kept, self.chars)
