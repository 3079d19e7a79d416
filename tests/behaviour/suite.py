"""Run the behavioural cases through extraction and score them.

A relation case passes when every expected triple is among the extracted relations and no
forbidden triple is; an entity case passes when all its checks hold. Names match after
folding case and punctuation, a leading "the" and a trailing possessive, against an
entity's name or any alias. Precision counts every extracted edge of the five types that a
case neither expects nor allows as a false positive.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .cases import RELATION_TYPES, Case

RELATION_GROUPS = (*RELATION_TYPES, "negative")


def fold(name: str) -> str:
    name = name.strip().lower()
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"['’]s$", "", name)
    name = re.sub(r"[^\w\s]", "", name)
    return " ".join(name.split())


@dataclass
class Outcome:
    case: Case
    passed: bool
    missing: list[tuple[str, str, str]] = field(default_factory=list)
    forbidden: list[tuple[str, str, str]] = field(default_factory=list)
    unexpected: list[tuple[str, str, str]] = field(default_factory=list)
    failed_checks: list[tuple[str, str, str]] = field(default_factory=list)
    tp: int = 0


@dataclass
class Summary:
    outcomes: list[Outcome]
    rates: dict[str, float]  # group, "entity:<kind>", "<group>:<form>" -> pass rate
    counts: dict[str, tuple[int, int]]  # same keys -> (passed, cases)
    prf: dict[str, tuple[float, float, float, int, int, int]]  # type or "all" -> P, R, F1, tp, fp, fn


def _names(entity) -> set[str]:
    return {fold(entity.name), *(fold(a) for a in entity.aliases)}


def _matches(triple, source_names, rtype, target_names) -> bool:
    s, t, o = triple
    return t == rtype and fold(s) in source_names and fold(o) in target_names


def judge(case: Case, result) -> Outcome:
    """Score one case against its ``DocumentResult``."""
    names = {e.id: _names(e) for e in result.entities}
    edges = [
        (names.get(r.source, set()), str(r.type), names.get(r.target, set()), r)
        for r in result.relations
        if str(r.type) in RELATION_TYPES
    ]
    out = Outcome(case, passed=True)
    if case.group == "entity":
        out.failed_checks = [c for c in case.checks if not _check(c, result.entities)]
        out.passed = not out.failed_checks
        return out
    for triple in case.expect:
        if any(_matches(triple, *e[:3]) for e in edges):
            out.tp += 1
        else:
            out.missing.append(triple)
    out.forbidden = [t for t in case.forbid if any(_matches(t, *e[:3]) for e in edges)]
    for src, rtype, tgt, r in edges:
        if not any(_matches(t, src, rtype, tgt) for t in (*case.expect, *case.allow)):
            s = min(src, default=r.source)
            o = min(tgt, default=r.target)
            out.unexpected.append((s, rtype, o))
    out.passed = not out.missing and not out.forbidden
    return out


def _check(check: tuple[str, str, str], entities) -> bool:
    op, a, b = check
    fa, fb = fold(a), fold(b)
    named = [e for e in entities if fa in _names(e)]
    if op == "=":
        return any(str(e.type) == b for e in named) and all(str(e.type) == b for e in named)
    if op == "-":
        return not named
    if op == "~":
        return not any(fa in n for e in entities for n in _names(e))
    if op == "+":
        return not any(fa in n and fb in n for e in entities for n in _names(e))
    if op == "&":
        return any(fb in _names(e) for e in named)
    raise ValueError(f"unknown entity check {op!r}")


def run(cases: Iterable[Case], *, model: str | None = None) -> list[Outcome]:
    """Extract every case's text in one batched pass and judge it."""
    from graphkit.extract import extract_documents

    cases = list(cases)
    results = extract_documents(((c.id, c.text) for c in cases), model=model, cache_dir=None)
    return [judge(c, r) for c, r in zip(cases, results, strict=True)]


def summarize(outcomes: list[Outcome]) -> Summary:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        g = o.case.group
        keys = [f"entity:{o.case.form}"] if g == "entity" else [g, f"{g}:{o.case.form}", "relations"]
        for k in keys:
            counts[k][0] += o.passed
            counts[k][1] += 1
    prf = {}
    relation_outcomes = [o for o in outcomes if o.case.group != "entity"]
    for rtype in (*RELATION_TYPES, "all"):
        want = (lambda t: True) if rtype == "all" else (lambda t, r=rtype: t == r)
        tp = sum(1 for o in relation_outcomes for t in o.case.expect if want(t[1])) - sum(
            1 for o in relation_outcomes for t in o.missing if want(t[1])
        )
        fn = sum(1 for o in relation_outcomes for t in o.missing if want(t[1]))
        fp = sum(1 for o in relation_outcomes for t in o.unexpected if want(t[1]))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        prf[rtype] = (p, r, f, tp, fp, fn)
    return Summary(
        outcomes,
        {k: v[0] / v[1] for k, v in counts.items()},
        {k: (v[0], v[1]) for k, v in counts.items()},
        prf,
    )


def format_table(summary: Summary, *, forms: bool = True) -> str:
    """Pass rates per relation type, negatives and entity kind (and per form), then P/R/F1."""
    lines = [f"{'group / form':<36} {'passed':>7} {'cases':>6} {'rate':>6}"]
    top = [*RELATION_GROUPS, "relations", *sorted(k for k in summary.counts if k.startswith("entity:"))]
    for key in top:
        if key not in summary.counts:
            continue
        passed, n = summary.counts[key]
        lines.append(f"{key:<36} {passed:>7} {n:>6} {passed / n:>6.2f}")
        group = key.removeprefix("entity:") if key.startswith("entity:") else key
        if forms and not key.startswith("entity:") and key != "relations":
            for sub in sorted(k for k in summary.counts if k.startswith(f"{group}:")):
                sp, sn = summary.counts[sub]
                lines.append(f"  {sub.split(':', 1)[1]:<34} {sp:>7} {sn:>6} {sp / sn:>6.2f}")
    lines.append("")
    lines.append(f"{'relations (texts of the relation groups)':<42} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for rtype, (p, r, f, tp, fp, fn) in summary.prf.items():
        lines.append(f"{rtype:<42} {p:>6.3f} {r:>6.3f} {f:>6.3f}   {tp}/{fp}/{fn}")
    return "\n".join(lines)


def format_failures(summary: Summary, group: str | None = None, *, limit: int | None = None) -> str:
    """One line per failing case: id, text, and what went wrong."""
    lines = []
    for o in summary.outcomes:
        key = f"entity:{o.case.form}" if o.case.group == "entity" else o.case.group
        if o.passed or (group is not None and key != group):
            continue
        why = []
        if o.missing:
            why.append("missing " + ", ".join(" ".join(t) for t in o.missing))
        if o.forbidden:
            why.append("forbidden " + ", ".join(" ".join(t) for t in o.forbidden))
        if o.failed_checks:
            why.append("failed " + ", ".join(" ".join(filter(None, c)) for c in o.failed_checks))
        lines.append(f"{o.case.id}: {o.case.text!r}: {'; '.join(why)}")
    if limit is not None and len(lines) > limit:
        lines = [*lines[:limit], f"... and {len(lines) - limit} more"]
    return "\n".join(lines)
