"""Scoring extraction against gold annotations (the JSON-lines gold format).

Gold: one JSON object a line, ``{"doc", "entities": [{"name", "type",
"aliases", "optional"}], "relations": [{"source", "type", "target",
"optional"}]}``. Names match after folding case, punctuation, a leading "the"
and a trailing possessive; an entity matches when any of its names matches any
of the gold entity's. ORGANIZATION and INSTITUTION are one class for matching;
their split is scored separately. Optional gold items are neither rewarded nor
punished; a second node for an already matched entity is a false positive.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from .errors import InputError
from .names import name_key

__all__ = ["MEASURED_TYPES", "Counts", "Score", "doc_key", "evaluate", "load_jsonl", "score"]

_ORGISH = {"ORGANIZATION", "INSTITUTION", "ORG"}
#: The relation types scored where a gold document does not list its ``annotated_types``.
MEASURED_TYPES = ("employer", "alma_mater", "adviser", "mentor", "founder")


def doc_key(d: str) -> str:
    return re.sub(r"\.(txt|md|markdown|html?|json)$", "", PurePath(str(d)).name, flags=re.I)


def _cls(t: str | None) -> str:
    t = (t or "").upper()
    return "ORG" if t in _ORGISH else t


def _names(e: dict[str, Any]) -> set[str]:
    return {k for k in (name_key(n) for n in [e.get("name", ""), *(e.get("aliases") or [])]) if k}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def as_dict(self) -> dict[str, Any]:
        p, r, f = self.prf()
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
        }


@dataclass
class Score:
    documents: int = 0
    missing: int = 0
    entities: Counts = field(default_factory=Counts)
    inst_seen: int = 0
    inst_right: int = 0
    relations: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[tuple[str, ...]] = field(default_factory=list)
    judged: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right) per edge

    def reliability(self, bands: int = 10) -> list[dict[str, Any]]:
        """Per confidence band: how many predicted edges, and the share that were right."""
        out = []
        for k in range(bands):
            lo, hi = k / bands, (k + 1) / bands
            inb = [ok for c, ok in self.judged if lo <= c < hi or (k == bands - 1 and c >= hi)]
            if inb:
                out.append(
                    {
                        "low": round(lo, 2),
                        "high": round(hi, 2),
                        "edges": len(inb),
                        "right": sum(inb),
                        "precision": round(sum(inb) / len(inb), 4),
                    }
                )
        return out

    def format_reliability(self) -> str:
        lines = ["confidence   edges  right  precision"]
        for b in self.reliability():
            lines.append(
                f"{b['low']:.1f}-{b['high']:.1f}   {b['edges']:>6} {b['right']:>6}  {b['precision']:.3f}"
            )
        return "\n".join(lines)

    def micro(self) -> Counts:
        m = Counts()
        for c in self.relations.values():
            m.tp += c.tp
            m.fp += c.fp
            m.fn += c.fn
        return m

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "documents_without_prediction": self.missing,
            "entities": self.entities.as_dict(),
            "institution_type_accuracy": round(self.inst_right / self.inst_seen, 4)
            if self.inst_seen
            else None,
            "relations": self.micro().as_dict(),
            "relations_by_type": {t: c.as_dict() for t, c in sorted(self.relations.items())},
        }

    def format(self) -> str:
        d = self.as_dict()
        lines = [f"documents: {d['documents']} (no prediction for {d['documents_without_prediction']})"]
        lines.append(
            "entities   P {precision:.3f} R {recall:.3f} F1 {f1:.3f}  (tp {tp} fp {fp} fn {fn})".format(
                **d["entities"]
            )
        )
        if d["institution_type_accuracy"] is not None:
            lines.append(f"institution/organization type accuracy {d['institution_type_accuracy']:.3f}")
        for t, c in d["relations_by_type"].items():
            lines.append(
                f"{t:<12}P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}  "
                f"(tp {c['tp']} fp {c['fp']} fn {c['fn']})"
            )
        lines.append(
            "relations  P {precision:.3f} R {recall:.3f} F1 {f1:.3f}  (tp {tp} fp {fp} fn {fn})".format(
                **d["relations"]
            )
        )
        return "\n".join(lines)


def load_jsonl(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    out = {}
    p = Path(path)
    try:
        lines = p.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"Cannot read {p}: {e}") from None
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        try:
            d = json.loads(line)
            out[doc_key(d["doc"])] = d
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise InputError(f"{p}:{n}: not a JSON object with a 'doc' ({e})") from None
    return out


def _score_doc(gold: dict, pred: dict, s: Score, doc: str) -> None:
    gents = [e for e in gold.get("entities", []) if _cls(e.get("type")) in ("PERSON", "ORG")]
    gnames = [_names(e) for e in gents]
    pents = [e for e in pred.get("entities", []) if _cls(e.get("type")) in ("PERSON", "ORG")]
    used: set[int] = set()
    for pe in pents:
        pn, pc = _names(pe), _cls(pe.get("type"))
        hit = next(
            (
                i
                for i, ge in enumerate(gents)
                if i not in used and pn & gnames[i] and _cls(ge.get("type")) == pc
            ),
            None,
        )
        if hit is None:
            same = [i for i in range(len(gents)) if pn & gnames[i]]
            if not same or not all(gents[i].get("optional") for i in same):
                s.entities.fp += 1
                s.errors.append((doc, "entity-fp", str(pe.get("name")), str(pe.get("type"))))
        elif gents[hit].get("optional"):
            used.add(hit)
        else:
            used.add(hit)
            s.entities.tp += 1
            gt = gents[hit].get("type", "").upper()
            if gt in ("ORGANIZATION", "INSTITUTION"):
                s.inst_seen += 1
                s.inst_right += int(pe.get("type", "").upper() == gt)
    for i, ge in enumerate(gents):
        if i not in used and not ge.get("optional"):
            s.entities.fn += 1
            s.errors.append((doc, "entity-fn", str(ge.get("name")), str(ge.get("type"))))

    def gold_index(name: str) -> set[int]:
        k = name_key(name)
        return {i for i, ns in enumerate(gnames) if k in ns}

    by_id = {str(e.get("id")): e for e in pred.get("entities", []) if e.get("id") is not None}

    def pnames(ref: Any) -> set[str]:
        e = by_id.get(str(ref))
        return _names(e) if e else {name_key(str(ref))}

    def plabel(ref: Any) -> str:
        e = by_id.get(str(ref))
        return str(e.get("name")) if e else str(ref)

    # only the relation types the document was annotated for are scored
    scored = set(gold.get("annotated_types") or MEASURED_TYPES)
    grels = [
        (gold_index(g["source"]), g["type"], gold_index(g["target"]), bool(g.get("optional")), g)
        for g in gold.get("relations", [])
        if g.get("type") in scored
    ]
    found = [False] * len(grels)
    seen: set[tuple] = set()
    for r in pred.get("relations", []):
        if r.get("type") not in scored:
            continue
        sn, tn, rt = pnames(r.get("source")), pnames(r.get("target")), r.get("type")
        sg = {i for i, ns in enumerate(gnames) if sn & ns}
        tg = {i for i, ns in enumerate(gnames) if tn & ns}
        ident = (frozenset(sg) or frozenset(sn), rt, frozenset(tg) or frozenset(tn))
        if ident in seen:
            continue
        seen.add(ident)
        hits = [j for j, (gs, gt, gd, _, _) in enumerate(grels) if gt == rt and gs & sg and gd & tg]
        conf = float(r.get("confidence") or 0.0)
        if not hits:
            s.relations[rt].fp += 1
            s.judged.append((conf, False))
            ev = r.get("evidence")
            s.errors.append(
                (
                    doc,
                    "relation-fp",
                    f"{plabel(r.get('source'))} --{rt}--> {plabel(r.get('target'))}",
                    ev.get("text", "") if isinstance(ev, dict) else "",
                )
            )
            continue
        if all(grels[j][3] for j in hits):
            continue
        s.judged.append((conf, True))
        for j in hits:
            if not grels[j][3] and not found[j]:
                found[j] = True
                s.relations[rt].tp += 1
                break
    for j, (_gs, gt, _gd, opt, g) in enumerate(grels):
        if not opt and not found[j]:
            s.relations[gt].fn += 1
            s.errors.append((doc, "relation-fn", f"{g['source']} --{gt}--> {g['target']}", ""))


def score(gold: dict[str, dict], pred: dict[str, dict]) -> Score:
    """Score predictions (by document key) against gold (by document key)."""
    s = Score(documents=len(gold))
    s.missing = sum(1 for k in gold if k not in pred)
    for k, g in gold.items():
        _score_doc(g, pred.get(k, {}), s, k)
    return s


def evaluate(
    gold_path: str | os.PathLike[str],
    *,
    docs: str | os.PathLike[str] | None = None,
    model: str | None = None,
    min_confidence: float = 0.0,
    cache_dir: str | os.PathLike[str] | None = None,
    predictions: Iterable[dict[str, Any]] | None = None,
    model_path: str | os.PathLike[str] | None = None,
    rules_only: bool = False,
) -> Score:
    """Extract the gold's documents (from ``docs``, default ``GOLD/../docs``) and score them."""
    gold = load_jsonl(gold_path)
    if predictions is None:
        from .build import extract_paths

        folder = Path(docs) if docs is not None else Path(gold_path).parent / "docs"
        if not folder.exists():
            raise InputError(f"Documents folder '{folder}' does not exist; give it with --docs DIR.")
        files = []
        for path in sorted(folder.rglob("*")):
            if path.is_file() and doc_key(path.name) in gold:
                files.append(path)
        if not files:
            raise InputError(f"No document in '{folder}' has an id in {gold_path}.")
        predictions = (
            r.to_dict()
            for r in extract_paths(
                files,
                model=model,
                min_confidence=min_confidence,
                cache_dir=cache_dir,
                model_path=model_path,
                rules_only=rules_only,
            )
        )
    pred = {doc_key(p["doc"]): p for p in predictions}
    return score(gold, pred)
