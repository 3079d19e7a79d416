"""Candidate pairs for the relation classifier, and the features that describe them.

A candidate is an ordered pair of entity mentions in one sentence that could hold
one of the five relations: a person and an organization or institution (employer,
alma mater, founder), or two people (adviser, mentor; the first is the student or
mentee). Mentions include what coreference resolved: pronouns, surnames, first
names and "the company" stand for their entity, so a pair can link names that
never share a sentence.

``pair_features`` is the one function that turns a candidate into features, used
alike when the model is trained and when it is applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import EntityType
from .coref import Reference
from .entities import Cluster, norm_lemma
from .lexicon import (
    ADVISE_VERBS,
    DEGREE_VERBS,
    DEGREE_WORDS,
    EMPLOY_VERBS,
    EMPLOYMENT_ROLES,
    FOUND_VERBS,
    FOUNDER_ROLES,
    HEDGE_VERBS,
    HEDGE_WORDS,
    LAB_NOUNS,
    MEMBERSHIP_WORDS,
    MENTOR_VERBS,
    NEGATIONS,
    STUDENT_ROLES,
    UNDER_NOUNS,
)
from .relations import asserted

__all__ = ["NOT_ASSERTED", "PairCandidate", "find_pairs", "pair_features"]

#: The feature of a pair whose clause is negated or hedged ("did not join", "may join",
#: "declined to join"): such a pair never becomes an edge, whatever its other features.
NOT_ASSERTED = "not_asserted"

_ORGISH = (EntityType.ORGANIZATION, EntityType.INSTITUTION)
MAX_MENTIONS_PER_SENTENCE = 24  # a longer list of names pairs too many; the nearest are kept

# Word classes the rules know, as features: a learned weight per class generalizes to
# the words of the class that training data never showed.
_ADVISE_WORDS = {"advise", "advisor", "adviser", "supervisor", "supervise", "promoter", "doctoral"}
_MENTOR_WORDS = {"mentor", "mentee", "protégé", "protege", "apprentice", "apprenticeship", "disciple"}


def _word_class(lemma: str) -> str | None:
    if lemma in ADVISE_VERBS or lemma in _ADVISE_WORDS:
        return "ADVISE"
    if lemma in MENTOR_VERBS or lemma in _MENTOR_WORDS:
        return "MENTOR"
    if lemma in UNDER_NOUNS:
        return "UNDER"
    if lemma in FOUND_VERBS or lemma in FOUNDER_ROLES:
        return "FOUND"
    if lemma in DEGREE_WORDS or lemma in DEGREE_VERBS:
        return "DEGREE"
    if lemma in STUDENT_ROLES:
        return "STUDENT"
    if lemma in EMPLOY_VERBS:
        return "EMPLOYV"
    if lemma in EMPLOYMENT_ROLES:
        return "ROLE"
    if lemma in LAB_NOUNS:
        return "LAB"
    if lemma in MEMBERSHIP_WORDS:
        return "MEMBER"
    if lemma in NEGATIONS:
        return "NEG"
    if lemma in HEDGE_WORDS or lemma in HEDGE_VERBS:
        return "HEDGE"
    return None


@dataclass
class Mention:
    cluster: int
    head: int  # token index standing for the mention
    start: int
    end: int  # token span [start, end)
    antecedent: int | None = None  # for a resolved reference: the token it was resolved to


@dataclass
class PairCandidate:
    kind: str  # "po": person -> organization; "pp": person -> person
    a: int  # cluster of the person (po) or of the student/mentee (pp)
    b: int  # cluster of the organization (po) or of the adviser/mentor (pp)
    sent: tuple[int, int]  # token span of the sentence
    features: list[str] = field(default_factory=list)
    via: list[int] = field(default_factory=list)
    role: str | None = None


def _mentions(
    sent, clusters: list[Cluster], token_map: dict[int, int], refs: dict[int, Reference]
) -> list[Mention]:
    out: list[Mention] = []
    i = sent.start
    doc = sent.doc
    while i < sent.end:
        cl = token_map.get(i)
        if cl is not None:
            j = i + 1
            while j < sent.end and token_map.get(j) == cl:
                j += 1
            out.append(Mention(cl, doc[i:j].root.i, i, j))
            i = j
            continue
        ref = refs.get(i)
        if ref is not None:
            out.append(Mention(ref.cluster, i, i, i + 1, ref.antecedent))
        i += 1
    return out


def _kind_of(c: Cluster) -> str | None:
    if c.type == EntityType.PERSON:
        return "P" if not c.latent else None
    if c.type in _ORGISH:
        return "O"
    return None


def find_pairs(
    doc: Doc,
    clusters: list[Cluster],
    token_map: dict[int, int],
    refs: dict[int, Reference],
    skip_tokens: set[int],
    rule_hits: dict[tuple[int, int, int], list[tuple[str, str]]],
) -> list[PairCandidate]:
    """Every ordered mention pair of each sentence that could hold a relation.

    ``rule_hits`` maps (sentence start, person cluster, other cluster) to the (type,
    pattern) of the rule edges found there; they become features of the pair.
    """
    out: list[PairCandidate] = []
    counts: dict[int, int] = {}
    for c in clusters:
        if _kind_of(c) == "P":
            counts[c.idx] = len(c.spans)
    topic = max(counts, key=lambda k: (counts[k], -clusters[k].spans[0][0])) if counts else None
    recent: list[tuple[int, Mention]] = []  # (sentence number, person mention), newest last
    for sn, sent in enumerate(doc.sents):
        if sent.start in skip_tokens:
            continue
        ms = _mentions(sent, clusters, token_map, refs)
        people = [m for m in ms if _kind_of(clusters[m.cluster]) == "P"]
        if not people:
            # no one named here: the organizations may belong to the person of the previous
            # sentences (a list under a heading, a clause whose subject is left out) or to
            # the person the document is about
            seen = set()
            prev = [m for k, m in reversed(recent) if sn - k <= 2]
            for who, tag in ((prev[0] if prev else None, "prev"), (topic, "topic")):
                cl = who.cluster if isinstance(who, Mention) else who
                if cl is None or cl in seen:
                    continue
                seen.add(cl)
                for y in ms:
                    if _kind_of(clusters[y.cluster]) != "O":
                        continue
                    feats = cross_features(doc, sent, y, clusters, tag)
                    if isinstance(who, Mention) and cl == topic:
                        feats.append("xsent=prev+topic")
                    # the evidence reaches back to the sentence that names the person
                    named = who.head if isinstance(who, Mention) else clusters[cl].spans[0][0]
                    out.append(PairCandidate("po", cl, y.cluster, (sent.start, sent.end), feats, [named]))
        else:
            recent.extend((sn, m) for m in people)
        if len(ms) < 2:
            continue
        if len(ms) > MAX_MENTIONS_PER_SENTENCE:
            ms = ms[:MAX_MENTIONS_PER_SENTENCE]
        sent_feats = _sentence_features(sent)
        for x in ms:
            kx = _kind_of(clusters[x.cluster])
            if kx != "P":
                continue
            for y in ms:
                if y.cluster == x.cluster:
                    continue
                ky = _kind_of(clusters[y.cluster])
                if ky is None:
                    continue
                kind = "po" if ky == "O" else "pp"
                feats = pair_features(doc, sent, x, y, clusters, ms)
                feats.extend(sent_feats)
                for rtype, pattern in rule_hits.get((sent.start, x.cluster, y.cluster), ()):
                    feats.append(f"rule={rtype}")
                    feats.append(f"rulep={rtype}:{pattern}")
                via = [a for a in (x.antecedent, y.antecedent) if a is not None]
                out.append(PairCandidate(kind, x.cluster, y.cluster, (sent.start, sent.end), feats, via))
    return out


def cross_features(doc: Doc, sent, y: Mention, clusters: list[Cluster], tag: str) -> list[str]:
    """Features of a person named outside the sentence and an organization ``y`` in it."""
    cy = clusters[y.cluster]
    f = [f"xsent={tag}", f"ytype={cy.type}", f"xsent_ytype={tag}:{cy.type}"]
    if cy.body:
        f.append("ybody")
    if cy.latent:
        f.append("ylatent")
    hy = doc[y.head]
    f.append(f"xs_ydep={hy.dep_}")
    f.append(f"xs_ygov={norm_lemma(hy.head)}")
    if hy.dep_ == "pobj":
        f.append(f"xs_yprep={hy.head.lower_}/{norm_lemma(hy.head.head)}")
    for t in doc[max(sent.start, y.start - 3) : y.start]:
        f.append(f"xs_before={norm_lemma(t)}")
        c = _word_class(norm_lemma(t))
        if c:
            f.append(f"xs_beforec={c}")
    root = sent.root
    f.append(f"xs_root={norm_lemma(root)}/{root.pos_}")
    if not any(t.dep_ in ("nsubj", "nsubjpass") for t in sent):
        f.append("xs_nosubj")
    f.extend(f"xs_{feat}" for feat in _sentence_features(sent))
    return f


def _sentence_features(sent) -> list[str]:
    classes = set()
    for t in sent:
        c = _word_class(norm_lemma(t))
        if c:
            classes.add(c)
    return [f"sc={c}" for c in sorted(classes)]


def _path(doc: Doc, i: int, j: int) -> tuple[list[Token], list[Token]] | None:
    """Tokens from i up to the lowest common ancestor, and from j up to it."""
    up_i = [doc[i]]
    while up_i[-1].head.i != up_i[-1].i:
        up_i.append(up_i[-1].head)
    index = {t.i: k for k, t in enumerate(up_i)}
    up_j = [doc[j]]
    while up_j[-1].i not in index:
        if up_j[-1].head.i == up_j[-1].i:
            return None
        up_j.append(up_j[-1].head)
    lca = up_j[-1].i
    return up_i[: index[lca] + 1], up_j


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 20):
        if n <= limit:
            return str(limit)
    return "far"


def pair_features(
    doc: Doc, sent, x: Mention, y: Mention, clusters: list[Cluster], ms: list[Mention]
) -> list[str]:
    """Features of the ordered pair (x, y): the same function at training and inference."""
    f: list[str] = []
    cx, cy = clusters[x.cluster], clusters[y.cluster]
    f.append(f"ytype={cy.type}")
    if x.antecedent is not None:
        f.append("xref")
        f.append(f"xref={doc[x.head].lower_}")
    if y.antecedent is not None:
        f.append("yref")
    if cy.body:
        f.append("ybody")
    if cy.latent:
        f.append("ylatent")
    if cx.athlete:
        f.append("xathlete")
    first, second = (x, y) if x.start < y.start else (y, x)
    order = "xy" if first is x else "yx"
    f.append(f"order={order}")
    gap = max(0, second.start - first.end)
    f.append(f"gap={_bucket(gap)}")
    between = [m for m in ms if first.end <= m.start and m.end <= second.start]
    f.append(f"nbetween={_bucket(len(between))}")
    if any(clusters[m.cluster].type == EntityType.PERSON for m in between):
        f.append("person_between")

    # words between the two mentions
    if gap <= 12:
        for t in doc[first.end : second.start]:
            if t.is_punct and t.text not in (",", "(", ")", ";", ":", "'s", "’s"):
                continue
            lemma = norm_lemma(t)
            f.append(f"bw={lemma}")
            c = _word_class(lemma)
            if c:
                f.append(f"bwc={c}")
        if gap <= 4:
            f.append(f"bwseq={order}:" + "_".join(norm_lemma(t) for t in doc[first.end : second.start]))
    else:
        f.append("bw=LONG")
    # words around
    for k, t in enumerate(doc[max(sent.start, first.start - 2) : first.start]):
        f.append(f"before{k - 2 if first.start - 2 >= sent.start else k}={norm_lemma(t)}")
    for k, t in enumerate(doc[second.end : min(sent.end, second.end + 2)]):
        f.append(f"after{k}={norm_lemma(t)}")

    # syntactic roles of the mentions
    hx, hy = doc[x.head], doc[y.head]
    f.append(f"xdep={hx.dep_}")
    f.append(f"ydep={hy.dep_}")
    f.append(f"xgov={norm_lemma(hx.head)}")
    f.append(f"ygov={norm_lemma(hy.head)}")
    f.append(f"ygovdep={norm_lemma(hy.head)}/{hy.dep_}")
    if hy.dep_ == "pobj":
        f.append(f"yprep={hy.head.lower_}/{norm_lemma(hy.head.head)}")
    if hx.dep_ == "pobj":
        f.append(f"xprep={hx.head.lower_}/{norm_lemma(hx.head.head)}")
    for ch in hy.children:
        if ch.dep_ in ("compound", "amod", "appos") and ch.i not in range(y.start, y.end):
            f.append(f"ymod={norm_lemma(ch)}")
    for ch in hx.children:
        if ch.dep_ in ("appos",) or (ch.dep_ == "compound" and ch.i not in range(x.start, x.end)):
            f.append(f"xmod={norm_lemma(ch)}")

    # the dependency path
    path = _path(doc, x.head, y.head)
    if path is None:
        f.append("nopath")
        return f
    up_x, up_y = path
    lca = up_x[-1]
    parts = [f"{t.dep_}^" for t in up_x[:-1]]
    parts.append(norm_lemma(lca) if lca.i not in (x.head, y.head) else "#")
    parts += [f"v{t.dep_}" for t in reversed(up_y[:-1])]
    f.append(f"pathlen={_bucket(len(up_x) + len(up_y) - 2)}")
    f.append(
        "pathdep="
        + " ".join([f"{t.dep_}^" for t in up_x[:-1]] + ["*"] + [f"v{t.dep_}" for t in reversed(up_y[:-1])])
    )
    inner = [
        t
        for t in up_x[1:] + up_y[1:-1]
        if t.i not in range(x.start, x.end) and t.i not in range(y.start, y.end)
    ]
    if len(up_x) + len(up_y) <= 8:
        words = (
            [norm_lemma(t) for t in up_x[1:-1]]
            + [parts[len(up_x) - 1]]
            + [norm_lemma(t) for t in reversed(up_y[1:-1])]
        )
        f.append("pathw=" + " ".join(words))
        f.append("path=" + " ".join(parts))
    f.append(f"lca={norm_lemma(lca)}/{lca.pos_}")
    negated = False
    for t in inner:
        lemma = norm_lemma(t)
        f.append(f"pl={lemma}")
        c = _word_class(lemma)
        if c:
            f.append(f"plc={c}")
        for ch in t.children:
            if ch.dep_ == "neg" or ch.lower_ in NEGATIONS:
                negated = True
            if ch.dep_ in ("aux", "advmod") and ch.lower_ in HEDGE_WORDS:
                f.append("hedged")
            if ch.dep_ == "prt":
                f.append(f"pl={lemma}_{ch.lower_}")
            if ch.dep_ in ("amod", "compound") and ch.pos_ in ("ADJ", "NOUN"):
                c2 = _word_class(norm_lemma(ch))
                if c2:
                    f.append(f"plmodc={c2}")
        if t.tag_ in ("VBN",) and any(ch.dep_ == "auxpass" for ch in t.children):
            f.append("passive")
    if negated:
        f.append("negated")
    if not all(asserted(t) for t in [lca, *(t for t in inner if t.pos_ in ("VERB", "AUX"))]):
        f.append(NOT_ASSERTED)
    # the verb that governs the pair, and its tense
    verb = lca if lca.pos_ in ("VERB", "AUX") else None
    if verb is not None:
        f.append(f"verb={norm_lemma(verb)}")
        if any(
            ch.dep_ == "aux" and ch.lower_ in ("will", "would", "could", "may", "might")
            for ch in verb.children
        ):
            f.append("modal")
    return f
