"""The trained relation classifier: loading its weights and deciding candidate pairs.

The model is data (``graphkit/data/relation_model.json.gz``, written by
``graphkit train``): for each relation type a logistic regression over the
features of ``candidates.pair_features`` (weights by feature name), an isotonic
calibration table mapping its score to the probability of being right, and the
decision threshold chosen by cross-validation. Inference is a sum of weights per
candidate: no scikit-learn at run time.

How decisions combine with the rule patterns: the rules are features of each
pair; where a rule's measured precision is at least the model's
``rule_override`` its edge is kept even when the classifier disagrees.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import GraphkitError
from ..model import RelationType

__all__ = [
    "DEFAULT_MODEL_PATH",
    "PAIR_TYPES",
    "RelationModel",
    "TypeModel",
    "load_relation_model",
]

DEFAULT_MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "relation_model.json.gz"
FORMAT_VERSION = 1

#: Which relation types each kind of pair can hold. For "po" pairs (person, organization)
#: the founder edge runs from the organization to the person.
PAIR_TYPES: dict[str, tuple[RelationType, ...]] = {
    "po": (RelationType.EMPLOYER, RelationType.ALMA_MATER, RelationType.FOUNDER),
    "pp": (RelationType.ADVISER, RelationType.MENTOR),
}


@dataclass(frozen=True)
class TypeModel:
    weights: dict[str, float]
    bias: float
    cal_x: tuple[float, ...]  # isotonic calibration: raw probability -> calibrated
    cal_y: tuple[float, ...]
    threshold: float  # on the calibrated probability

    def raw(self, features: list[str]) -> float:
        w = self.weights
        z = self.bias + sum(w.get(f, 0.0) for f in set(features))
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def calibrate(self, p: float) -> float:
        xs, ys = self.cal_x, self.cal_y
        if not xs:
            return p
        if p <= xs[0]:
            return ys[0]
        if p >= xs[-1]:
            return ys[-1]
        k = bisect_right(xs, p) - 1
        x0, x1, y0, y1 = xs[k], xs[k + 1], ys[k], ys[k + 1]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)

    def probability(self, features: list[str]) -> float:
        return self.calibrate(self.raw(features))


@dataclass(frozen=True)
class RelationModel:
    types: dict[str, TypeModel]
    rule_override: float  # rule edges whose pattern precision is at least this are kept
    meta: dict
    fingerprint: str

    def to_json(self) -> str:
        data = {
            "format": FORMAT_VERSION,
            "meta": self.meta,
            "rule_override": self.rule_override,
            "types": {
                t: {
                    "bias": m.bias,
                    "threshold": m.threshold,
                    "calibration": {"x": list(m.cal_x), "y": list(m.cal_y)},
                    "weights": dict(sorted(m.weights.items())),
                }
                for t, m in sorted(self.types.items())
            },
        }
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, fingerprint: str = "") -> RelationModel:
        data = json.loads(text)
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"unknown model format {data.get('format')!r}")
        types = {}
        for t, d in data["types"].items():
            RelationType(t)
            types[t] = TypeModel(
                weights={str(k): float(v) for k, v in d["weights"].items()},
                bias=float(d["bias"]),
                cal_x=tuple(float(v) for v in d["calibration"]["x"]),
                cal_y=tuple(float(v) for v in d["calibration"]["y"]),
                threshold=float(d["threshold"]),
            )
        return cls(types, float(data.get("rule_override", 1.01)), data.get("meta", {}), fingerprint)


def write_model(model: RelationModel, path: str | os.PathLike[str]) -> Path:
    """Write a model, gzip-compressed with a fixed timestamp so the bytes are reproducible."""
    from ..fsutil import atomic_write_bytes

    raw = model.to_json().encode("utf-8")
    return atomic_write_bytes(Path(path), gzip.compress(raw, compresslevel=9, mtime=0))


@lru_cache(maxsize=4)
def load_relation_model(path: str | None = None) -> RelationModel | None:
    """The trained model at ``path`` (default: the shipped one); None if none is shipped."""
    p = Path(path) if path else DEFAULT_MODEL_PATH
    if not p.exists():
        if path:
            raise GraphkitError(f"No relation model at {p}. Train one with: graphkit train -o {p}")
        return None
    try:
        raw = p.read_bytes()
        text = gzip.decompress(raw).decode("utf-8") if raw[:2] == b"\x1f\x8b" else raw.decode("utf-8")
        return RelationModel.from_json(text, hashlib.sha256(raw).hexdigest()[:16])
    except (OSError, ValueError, KeyError, TypeError, EOFError) as e:
        raise GraphkitError(
            f"{p} is not a graphkit relation model ({e}). Retrain it with graphkit train."
        ) from e


def decide_relations(pairs: list, rule_candidates: list, model: RelationModel, clusters: list) -> list:
    """The relations of one parsed text: the classifier's decisions over ``pairs``, and
    the rule edges precise enough to stand on their own (``model.rule_override``)."""
    from .candidates import NOT_ASSERTED
    from .relations import PATTERN_CONFIDENCE, Candidate

    rule_by_key: dict[tuple[int, str, int], object] = {}
    for c in rule_candidates:
        k = (c.source, str(c.type), c.target)
        old = rule_by_key.get(k)
        if old is None or c.confidence > old.confidence:
            rule_by_key[k] = c
    best: dict[tuple[int, str, int], Candidate] = {}
    for pair in pairs:
        if NOT_ASSERTED in pair.features:
            continue  # a negated or hedged clause states nothing
        for rtype in PAIR_TYPES[pair.kind]:
            tm = model.types.get(str(rtype))
            if tm is None:
                continue
            p = tm.probability(pair.features)
            if p < tm.threshold:
                continue
            if rtype in (RelationType.EMPLOYER, RelationType.ALMA_MATER) and clusters[pair.b].body:
                continue  # a member of a team, band, party or force is neither employed nor schooled
            src, tgt = (pair.b, pair.a) if rtype == RelationType.FOUNDER else (pair.a, pair.b)
            k = (src, str(rtype), tgt)
            old = best.get(k)
            if old is None or p > old.confidence:
                rule = rule_by_key.get(k)
                best[k] = Candidate(
                    src,
                    rtype,
                    tgt,
                    pair.sent,
                    round(min(p, 0.99), 3),
                    getattr(rule, "role", None),
                    "model" if rule is None else f"model+{rule.pattern}",
                    list(pair.via) + list(getattr(rule, "via", [])),
                )
    # one sentence says either that a person studied at a place or that they worked there:
    # where the classifier reads both from the same sentence, the likelier one stands
    for (src, rtype, tgt), c in list(best.items()):
        if rtype != str(RelationType.EMPLOYER) or rule_by_key.get((src, rtype, tgt)) is not None:
            continue
        other = best.get((src, str(RelationType.ALMA_MATER), tgt))
        if other is not None and other.sent == c.sent:
            weaker = (
                (src, rtype, tgt)
                if c.confidence <= other.confidence
                else (src, str(RelationType.ALMA_MATER), tgt)
            )
            del best[weaker]
    for k, c in rule_by_key.items():
        if k in best:
            continue
        if PATTERN_CONFIDENCE.get(c.pattern, 0.0) >= model.rule_override:
            best[k] = c
    return list(best.values())
