"""Training the relation classifier from annotated text (the gold JSON-lines format).

``train(data_dirs)`` reads each folder's ``gold.jsonl`` and ``docs/``, runs graphkit's
own entity finder, coreference and rule patterns over the texts, and turns every
candidate pair (``extract/candidates.py``) into a labelled example: positive for a
type when the gold has that relation between the two entities, negative when the
document was annotated for that type and the gold has none, and left out when the
document says nothing about the type (``annotated_types``) or the gold fact is
optional. One logistic regression per relation type is fitted; document-grouped
cross-validation gives out-of-fold probabilities, from which an isotonic
calibration and each type's decision threshold are learnt, and P/R/F1 per set and
type are measured end to end with the same scorer as ``graphkit evaluate``.

Everything is deterministic (fixed seed, sorted inputs), so the same data gives the
same model file, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .evaluate import MEASURED_TYPES, Score, doc_key, load_jsonl, score
from .names import name_key

__all__ = ["TrainingReport", "collect", "fit", "train"]

SEED = 13
N_FOLDS = 5
MIN_FEATURE_COUNT = 2
C_VALUES = (0.1, 0.3, 1.0)
#: Thresholds maximize the mean over sets of F-beta: below 1, precision counts more than
#: recall (an edge a user sees and finds wrong costs more than one the graph lacks).
THRESHOLD_BETA = 0.7
PAIR_TYPES = {
    "po": ("employer", "alma_mater", "founder"),
    "pp": ("adviser", "mentor"),
}


@dataclass
class Record:
    """One training document: its gold line, graphkit's rule-only result and its pairs."""

    set_name: str
    doc: str
    group: str
    gold: dict[str, Any]
    result: dict[str, Any]
    pairs: list[dict[str, Any]]
    latent: set[str] = field(default_factory=set)


@dataclass
class TrainingReport:
    examples: dict[str, tuple[int, int]]  # type -> (positives, negatives)
    cv: dict[str, dict[str, Any]]  # set -> score dict (as_dict of evaluate.Score)
    cv_rules: dict[str, dict[str, Any]]
    c_value: float
    rule_override: float
    calibration: list[dict[str, Any]]
    seconds: float
    features: int
    learner: str = "logistic-regression"
    compared: dict[str, dict[str, float]] = field(default_factory=dict)  # learner -> set -> F1

    def format(self) -> str:
        lines = [f"features: {self.features}   C: {self.c_value}   rule override at: {self.rule_override}"]
        for t, (pos, neg) in sorted(self.examples.items()):
            lines.append(f"  {t:<11} {pos} positive / {neg} negative pairs")
        lines.append("document-grouped cross-validation (classifier | rules alone), relations P / R / F1:")
        for name in sorted(self.cv):
            for t, c in sorted(self.cv[name]["relations_by_type"].items()):
                r = self.cv_rules[name]["relations_by_type"].get(t, {"precision": 0, "recall": 0, "f1": 0})
                lines.append(
                    f"  {name:<16} {t:<11} {c['precision']:.3f} / {c['recall']:.3f} / {c['f1']:.3f}"
                    f"  (tp {c['tp']} fp {c['fp']} fn {c['fn']})"
                    f"   | {r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f}"
                )
            c = self.cv[name]["relations"]
            r = self.cv_rules[name]["relations"]
            lines.append(
                f"  {name:<16} {'ALL':<11} {c['precision']:.3f} / {c['recall']:.3f} / {c['f1']:.3f}"
                f"   | {r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f}"
            )
        lines.append("calibration (out-of-fold, all sets): confidence bin -> share right")
        for b in self.calibration:
            lines.append(f"  {b['low']:.1f}-{b['high']:.1f}  {b['right']}/{b['n']}  {b['accuracy']:.3f}")
        if self.compared:
            names = sorted({n for v in self.compared.values() for n in v})
            lines.append("learners compared (cross-validated relation F1 per set):")
            lines.append("  " + " " * 20 + " ".join(f"{n[:16]:>16}" for n in names))
            for learner, scores in self.compared.items():
                lines.append(f"  {learner:<20}" + " ".join(f"{scores.get(n, 0.0):>16.3f}" for n in names))
        lines.append(f"trained in {self.seconds:.0f} s")
        return "\n".join(lines)


def _group(set_name: str, doc: str) -> str:
    m = re.match(r"(kn\d+-\d+)-\d+$", doc)
    return f"{set_name}/{m.group(1) if m else doc}"


def _read_set(directory: Path) -> tuple[str, list[tuple[str, str, dict]]]:
    gold_path = directory / "gold.jsonl"
    docs_dir = directory / "docs"
    if not gold_path.is_file() or not docs_dir.is_dir():
        raise InputError(f"{directory} has no gold.jsonl and docs/ folder; give a folder in the gold format.")
    gold = load_jsonl(gold_path)
    out = []
    for key in sorted(gold):
        p = docs_dir / f"{key}.txt"
        if not p.is_file():
            continue
        out.append((key, p.read_text("utf-8"), gold[key]))
    if not out:
        raise InputError(f"No document in {docs_dir} has an id in {gold_path}.")
    return directory.name, out


def collect(
    data_dirs: Iterable[str | os.PathLike[str]],
    *,
    model: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Record]:
    """Run graphkit's rule-only extraction over every folder and keep its candidate pairs."""
    from .extract.api import extract_training_records

    records: list[Record] = []
    for d in data_dirs:
        set_name, docs = _read_set(Path(d))
        if progress:
            progress(f"{set_name}: {len(docs)} documents")
        golds = {k: g for k, _t, g in docs}
        stream = extract_training_records(((k, t) for k, t, _g in docs), model=model)
        for result, pairs, latent in stream:
            key = result.doc
            records.append(
                Record(set_name, key, _group(set_name, key), golds[key], result.to_dict(), pairs, set(latent))
            )
    return records


# --- labels -----------------------------------------------------------------


def _gold_index(gold: dict) -> tuple[list[set[str]], list[dict]]:
    ents = gold.get("entities", [])
    names = [
        {name_key(n) for n in [e.get("name", ""), *(e.get("aliases") or [])] if name_key(n)} for e in ents
    ]
    return names, ents


def _match(entity: dict, gnames: list[set[str]]) -> set[int]:
    keys = {name_key(n) for n in [entity["name"], *entity.get("aliases", [])] if name_key(n)}
    return {i for i, ns in enumerate(gnames) if keys & ns}


_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "i", "me", "my", "we", "our"}


def labels(record: Record) -> list[dict[str, int]]:
    """For each pair of the record: {type: 1 or 0}; types left out are unlabelled."""
    gold = record.gold
    annotated = set(gold.get("annotated_types") or MEASURED_TYPES)
    gnames, gents = _gold_index(gold)
    index: dict[str, int] = {}
    for i in range(len(gents)):
        for k in gnames[i]:
            index.setdefault(k, i)
    facts: dict[tuple[int, str, int], bool] = {}  # (source, type, target) -> optional
    loose: dict[str, set[int]] = defaultdict(set)  # type -> entities in facts with an unnamed end
    for r in gold.get("relations", []):
        s, t = index.get(name_key(r["source"])), index.get(name_key(r["target"]))
        unnamed_s = s is None or r["source"].strip().lower() in _PRONOUNS
        unnamed_t = t is None or r["target"].strip().lower() in _PRONOUNS
        if unnamed_s or unnamed_t:
            for k in (s, t):
                if k is not None:
                    loose[r["type"]].add(k)
            continue
        key = (s, r["type"], t)
        facts[key] = facts.get(key, True) and bool(r.get("optional"))
    ents = {e["id"]: e for e in record.result["entities"]}
    matched = {eid: _match(e, gnames) for eid, e in ents.items()}
    out = []
    for pair in record.pairs:
        ma, mb = matched.get(pair["a"], set()), matched.get(pair["b"], set())
        lab: dict[str, int] = {}
        for t in PAIR_TYPES[pair["kind"]]:
            if t not in annotated:
                continue
            src, tgt = (mb, ma) if t == "founder" else (ma, mb)
            hits = [facts[(s, t, g)] for s in src for g in tgt if (s, t, g) in facts]
            if hits:
                if all(hits):
                    continue  # optional: neither rewarded nor punished
                lab[t] = 1
                continue
            if (not ma or not mb) and ((ma | mb) & loose[t]):
                continue  # the gold names one end by a pronoun or a name we did not find
            if not ma and not mb and gold.get("annotated_types"):
                # passages that list only fact endpoints: two unlisted names say nothing
                continue
            lab[t] = 0
        out.append(lab)
    return out


# --- fitting ------------------------------------------------------------------


class _Vocab:
    def __init__(self, feature_lists: Iterable[list[str]], min_count: int) -> None:
        counts: dict[str, int] = defaultdict(int)
        for fl in feature_lists:
            for f in set(fl):
                counts[f] += 1
        self.names = sorted(f for f, c in counts.items() if c >= min_count)
        self.index = {f: i for i, f in enumerate(self.names)}

    def matrix(self, feature_lists: list[list[str]]):
        import numpy as np
        from scipy.sparse import csr_matrix

        indptr = [0]
        indices: list[int] = []
        for fl in feature_lists:
            cols = sorted({self.index[f] for f in fl if f in self.index})
            indices.extend(cols)
            indptr.append(len(indices))
        data = np.ones(len(indices), dtype=np.float64)
        return csr_matrix((data, indices, indptr), shape=(len(feature_lists), len(self.names)))


def _fit_lr(X, y, c: float):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=1000)
    clf.fit(X, y)
    return clf


def _fit_gbt(X, y, _c: float):
    """Gradient-boosted trees over the same features (compared under cross-validation)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(
        max_iter=300, learning_rate=0.1, max_leaf_nodes=31, early_stopping=False, random_state=SEED
    )
    clf.fit(X.toarray().astype("float32"), y)
    return _Dense(clf)


class _Dense:
    def __init__(self, clf) -> None:
        self.clf = clf

    def predict_proba(self, X):
        return self.clf.predict_proba(X.toarray().astype("float32"))


#: Learners compared by ``graphkit train --compare``: (fit function, minimum feature count).
LEARNERS = {"logistic-regression": (_fit_lr, MIN_FEATURE_COUNT), "gradient-boosting": (_fit_gbt, 10)}


@dataclass
class _Examples:
    rows: list[tuple[int, int]]  # (record index, pair index)
    features: list[list[str]]
    y: list[int]
    groups: list[str]


def _examples(records: list[Record], all_labels: list[list[dict[str, int]]], rtype: str) -> _Examples:
    ex = _Examples([], [], [], [])
    kind = "po" if rtype in PAIR_TYPES["po"] else "pp"
    for ri, (rec, labs) in enumerate(zip(records, all_labels)):
        for pi, (pair, lab) in enumerate(zip(rec.pairs, labs)):
            if pair["kind"] != kind or rtype not in lab:
                continue
            ex.rows.append((ri, pi))
            ex.features.append(pair["features"])
            ex.y.append(lab[rtype])
            ex.groups.append(rec.group)
    return ex


def _folds(groups: list[str]) -> dict[str, int]:
    """Each document group to a fold, by a stable hash of its name."""
    return {
        g: int(hashlib.sha256(f"{SEED}:{g}".encode()).hexdigest(), 16) % N_FOLDS for g in sorted(set(groups))
    }


def _isotonic(probs: list[float], y: list[int]) -> tuple[list[float], list[float]]:
    from sklearn.isotonic import IsotonicRegression

    if not probs or len(set(y)) < 2:
        return [], []
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    iso.fit(probs, y)
    xs = [float(v) for v in iso.X_thresholds_]
    ys = [float(v) for v in iso.y_thresholds_]
    return [round(v, 6) for v in xs], [round(v, 6) for v in ys]


def _interp(p: float, xs: list[float], ys: list[float]) -> float:
    import numpy as np

    return float(np.interp(p, xs, ys)) if xs else p


def _gold_count(records: list[Record], rtype: str) -> int:
    n = 0
    for rec in records:
        annotated = set(rec.gold.get("annotated_types") or MEASURED_TYPES)
        if rtype not in annotated:
            continue
        n += sum(1 for r in rec.gold.get("relations", []) if r["type"] == rtype and not r.get("optional"))
    return n


def _macro_threshold(by_set: dict[str, list[tuple[float, int]]], gold: dict[str, int]) -> float:
    """The threshold that maximizes the mean over sets of F1 = 2 TP / (predicted + gold):
    each kind of text counts alike, however many examples it has."""
    sets = [n for n in by_set if gold.get(n)]
    if not sets:
        return 0.5
    grid = sorted({round(p, 4) for n in sets for p, _y in by_set[n]})
    if len(grid) > 200:
        grid = [grid[int(k * (len(grid) - 1) / 199)] for k in range(200)]
    best_f, best_t = -1.0, 0.5
    for thr in grid:
        fs = []
        b2 = THRESHOLD_BETA**2
        for n in sets:
            pred = [y for p, y in by_set[n] if p >= thr]
            tp = sum(pred)
            fs.append((1 + b2) * tp / ((1 + b2) * tp + b2 * (gold[n] - tp) + (len(pred) - tp)))
        f = sum(fs) / len(fs)
        if f > best_f:
            best_f, best_t = f, thr
    return max(0.05, round(best_t - 1e-6, 6))


def _predictions(
    records: list[Record],
    decided: dict[int, list[dict[str, Any]]],
    rule_override: float | None,
) -> dict[str, dict[str, dict]]:
    """Prediction dicts per set and document: rule-only entities with decided relations."""
    from .extract.relations import PATTERN_CONFIDENCE

    out: dict[str, dict[str, dict]] = defaultdict(dict)
    for ri, rec in enumerate(records):
        rels = list(decided.get(ri, []))
        if rule_override is not None:
            have = {(r["source"], r["type"], r["target"]) for r in rels}
            for r in rec.result["relations"]:
                if (r["source"], r["type"], r["target"]) in have:
                    continue
                if PATTERN_CONFIDENCE.get(r.get("pattern", ""), 0.0) >= rule_override:
                    rels.append(r)
        used = {r["source"] for r in rels} | {r["target"] for r in rels}
        ents = [e for e in rec.result["entities"] if e["id"] not in rec.latent or e["id"] in used]
        out[rec.set_name][rec.doc] = {"doc": rec.doc, "entities": ents, "relations": rels}
    return out


def _score_sets(records: list[Record], preds: dict[str, dict[str, dict]]) -> dict[str, Score]:
    golds: dict[str, dict[str, dict]] = defaultdict(dict)
    for rec in records:
        golds[rec.set_name][doc_key(rec.doc)] = rec.gold
    return {
        name: score(golds[name], {doc_key(k): v for k, v in preds.get(name, {}).items()}) for name in golds
    }


def fit(
    records: list[Record],
    *,
    c_values: tuple[float, ...] = C_VALUES,
    progress: Callable[[str], None] | None = None,
    learner: str = "logistic-regression",
):
    """Cross-validate, calibrate and fit the final model. Returns (RelationModel, TrainingReport)."""
    from .extract.candidates import NOT_ASSERTED
    from .extract.classifier import RelationModel, TypeModel

    t0 = time.time()
    say = progress or (lambda _m: None)
    all_labels = [labels(r) for r in records]
    types = [t for ts in PAIR_TYPES.values() for t in ts]
    examples = {t: _examples(records, all_labels, t) for t in types}
    fold_of = _folds([r.group for r in records])
    fit_one, min_count = LEARNERS[learner]
    if learner != "logistic-regression":
        c_values = c_values[:1]  # the C of the linear model means nothing to trees
    # sets generated from templates train the model but do not choose thresholds or settings:
    # their sentences are easier than real text
    synthetic = {
        name
        for name in {r.set_name for r in records}
        if all(r.gold.get("source") == "templates" for r in records if r.set_name == name)
    }

    # out-of-fold probabilities for each C
    oof: dict[float, dict[str, list[float]]] = {}
    for c in c_values:
        oof[c] = {}
        for t in types:
            ex = examples[t]
            probs = [0.0] * len(ex.y)
            for k in range(N_FOLDS):
                tr = [i for i, g in enumerate(ex.groups) if fold_of[g] != k]
                te = [i for i, g in enumerate(ex.groups) if fold_of[g] == k]
                if not te:
                    continue
                ytr = [ex.y[i] for i in tr]
                if len(set(ytr)) < 2:
                    continue
                vocab = _Vocab((ex.features[i] for i in tr), min_count)
                clf = fit_one(vocab.matrix([ex.features[i] for i in tr]), ytr, c)
                pte = clf.predict_proba(vocab.matrix([ex.features[i] for i in te]))[:, 1]
                for i, p in zip(te, pte):
                    probs[i] = float(p)
            oof[c][t] = probs
        say(f"cross-validated C={c}")

    def decide(c: float) -> tuple[dict[int, list[dict]], dict[str, tuple], list[tuple[float, int]]]:
        decided: dict[int, list[dict]] = defaultdict(list)
        params: dict[str, tuple] = {}
        reliability: list[tuple[float, int]] = []
        for t in types:
            ex = examples[t]
            probs = oof[c][t]
            # entity-pair level: max over the pair's mentions; label is the pair's label
            best: dict[tuple[int, str, str], list] = {}
            for n, ((ri, pi), p) in enumerate(zip(ex.rows, probs)):
                pair = records[ri].pairs[pi]
                if NOT_ASSERTED in pair["features"]:
                    p = 0.0  # vetoed at inference too
                src, tgt = (pair["b"], pair["a"]) if t == "founder" else (pair["a"], pair["b"])
                k = (ri, src, tgt)
                if k not in best or p > best[k][0]:
                    best[k] = [p, pi, ex.y[n]]
            pts = [(v[0], v[2]) for v in best.values()]
            xs, ys = _isotonic([p for p, _ in pts], [y for _, y in pts])
            by_set: dict[str, list[tuple[float, int]]] = defaultdict(list)
            for (ri, _s, _t), v in best.items():
                if records[ri].set_name not in synthetic:
                    by_set[records[ri].set_name].append((_interp(v[0], xs, ys), v[2]))
            thr = _macro_threshold(
                by_set, {n: _gold_count([r for r in records if r.set_name == n], t) for n in by_set}
            )
            params[t] = (xs, ys, thr)
            for (ri, src, tgt), (p, pi, y) in best.items():
                cp = _interp(p, xs, ys)
                reliability.append((cp, y))
                if cp >= thr:
                    pair = records[ri].pairs[pi]
                    decided[ri].append(
                        {
                            "source": src,
                            "type": t,
                            "target": tgt,
                            "confidence": round(cp, 3),
                            "evidence": {"text": "", "start": pair["start"], "end": pair["end"]},
                        }
                    )
        return decided, params, reliability

    def micro_f1(scores: dict[str, Score]) -> float:
        # mean over sets of real text of each set's F1, so small sets count as much as large ones
        fs = [s.micro().prf()[2] for name, s in scores.items() if name not in synthetic]
        return sum(fs) / len(fs) if fs else 0.0

    best_choice = None
    for c in c_values:
        decided, params, reliability = decide(c)
        for override in (1.01, 0.9, 0.8, 0.7, 0.6, 0.5, 0.0):
            sc = _score_sets(records, _predictions(records, decided, override))
            f = micro_f1(sc)
            say(f"C={c} override={override}: mean F1 over sets {f:.4f}")
            if best_choice is None or f > best_choice[0] + 1e-9:
                best_choice = (f, c, override, decided, params, reliability, sc)
    assert best_choice is not None
    _f, c, override, decided, params, reliability, sc = best_choice
    rules_sc = _score_sets(records, _predictions(records, {}, 0.0))

    # final fit on everything (only the linear model's weights can be shipped)
    type_models = {}
    n_features = 0
    for t in types if learner == "logistic-regression" else ():
        ex = examples[t]
        if len(set(ex.y)) < 2:
            continue
        vocab = _Vocab(ex.features, MIN_FEATURE_COUNT)
        clf = _fit_lr(vocab.matrix(ex.features), ex.y, c)
        coef = clf.coef_[0]
        weights = {f: round(float(w), 5) for f, w in zip(vocab.names, coef) if abs(w) >= 1e-4}
        n_features += len(weights)
        xs, ys, thr = params[t]
        type_models[t] = TypeModel(weights, round(float(clf.intercept_[0]), 5), tuple(xs), tuple(ys), thr)

    bins = []
    for lo in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        hi = lo + 0.1
        inb = [y for p, y in reliability if lo <= p < hi or (hi >= 1.0 and p >= lo)]
        if inb:
            bins.append(
                {"low": lo, "high": hi, "n": len(inb), "right": sum(inb), "accuracy": sum(inb) / len(inb)}
            )
    report = TrainingReport(
        examples={t: (sum(examples[t].y), len(examples[t].y) - sum(examples[t].y)) for t in types},
        cv={k: v.as_dict() for k, v in sc.items()},
        cv_rules={k: v.as_dict() for k, v in rules_sc.items()},
        c_value=c,
        rule_override=override,
        calibration=bins,
        seconds=time.time() - t0,
        features=n_features,
        learner=learner,
    )
    fingerprint = hashlib.sha256()
    for rec in sorted(records, key=lambda r: (r.set_name, r.doc)):
        fingerprint.update(f"{rec.set_name}/{rec.doc}\0".encode())
        fingerprint.update(json.dumps(rec.gold, sort_keys=True).encode())
    meta = {
        "trained_on": sorted({r.set_name for r in records}),
        "documents": len(records),
        "data_fingerprint": fingerprint.hexdigest()[:16],
        "seed": SEED,
        "C": c,
        "folds": N_FOLDS,
        "features": "graphkit.extract.candidates.pair_features",
        "cv_relations_f1": {k: v["relations"]["f1"] for k, v in report.cv.items()},
    }
    model = RelationModel(type_models, override, meta, "")
    return model, report


def train(
    data_dirs: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    model: str | None = None,
    progress: Callable[[str], None] | None = None,
    compare: bool = False,
) -> TrainingReport:
    """Collect, cross-validate, fit and write a relation model to ``output``; with
    ``compare``, also cross-validate the other learners on the same candidates."""
    from .extract.classifier import write_model

    t0 = time.time()
    records = collect(data_dirs, model=model, progress=progress)
    rel_model, report = fit(records, progress=progress)
    write_model(rel_model, output)
    if compare:
        report.compared["logistic-regression"] = {k: v["relations"]["f1"] for k, v in report.cv.items()}
        for learner in LEARNERS:
            if learner == "logistic-regression":
                continue
            _m, other = fit(records, progress=progress, learner=learner, c_values=(report.c_value,))
            report.compared[learner] = {k: v["relations"]["f1"] for k, v in other.cv.items()}
    report.seconds = time.time() - t0
    return report
