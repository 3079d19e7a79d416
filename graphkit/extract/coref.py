"""Within-document coreference for pronouns and "the company"-style phrases.

Rule-based and conservative: a personal pronoun refers to a person named
earlier in its sentence (never the subject of its own clause when it is that
clause's object), else to the most prominent person of the nearest sentence
before it; "the company"/"the university" refers to the nearest organization
or institution. Resolved pronouns count as mentions for the pronouns after
them, so a chain "Song ... He ... his" stays on Song.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import EntityType
from .entities import Cluster
from .lexicon import FIRST_PERSON, ORG_ANAPHORS, PERSON_PRONOUNS

__all__ = ["Reference", "resolve_references"]

_SUBJ = {"nsubj", "nsubjpass"}
_LOOKBACK = 3  # sentences


@dataclass(frozen=True)
class Reference:
    cluster: int
    antecedent: int  # token index of the mention the reference was resolved to


def _clause_verb(t: Token) -> Token:
    h = t
    while h.dep_ not in ("ROOT",) and h.pos_ not in ("VERB", "AUX") and h.head is not h:
        h = h.head
    return h


def resolve_references(doc: Doc, clusters: list[Cluster], token_map: dict[int, int]) -> dict[int, Reference]:
    """Map pronoun/anaphor token indices to the cluster they refer to."""
    refs: dict[int, Reference] = {}
    persons = {c.idx for c in clusters if c.type == EntityType.PERSON and not c.latent}
    types = {c.idx: c.type for c in clusters}
    latent = {c.idx for c in clusters if c.latent}
    # mention heads in order: (token index, cluster)
    sents = list(doc.sents)
    sent_of = {}
    for si, s in enumerate(sents):
        for t in s:
            sent_of[t.i] = si
    # people mentioned per sentence: list of (token index, cluster, is_subject)
    per_sent: list[list[tuple[int, int, bool]]] = [[] for _ in sents]
    orgs_seen: list[tuple[int, int]] = []  # (token index, cluster)

    def note(i: int, cl: int) -> None:
        t = doc[i]
        if cl in persons:
            is_subj = t.dep_ in _SUBJ or (t.dep_ in ("compound", "appos") and t.head.dep_ in _SUBJ)
            per_sent[sent_of[i]].append((i, cl, is_subj))

    starts = set()
    for c in clusters:
        for s, _e in c.spans:
            starts.add(s)
    speakers = _speakers(doc, token_map, persons) or _author(doc, clusters, token_map, persons)
    topic = None
    counts = {c.idx: len(c.spans) for c in clusters if c.idx in persons}
    if counts:
        topic = max(counts, key=lambda k: counts[k])

    for t in doc:
        i = t.i
        if i in token_map:
            cl = token_map[i]
            if i in starts or (i > 0 and token_map.get(i - 1) != cl):
                # the mention's head token stands for it
                root = i
                while root + 1 in token_map and token_map[root + 1] == cl:
                    root += 1
                note(doc[i : root + 1].root.i, cl)
                if types.get(cl) != EntityType.PERSON and cl not in latent:
                    orgs_seen.append((i, cl))
            continue
        low = t.lower_
        if low in FIRST_PERSON and t.pos_ == "PRON" and i in speakers:
            refs[i] = Reference(*speakers[i])
            continue
        if low in PERSON_PRONOUNS and t.pos_ == "PRON":
            ref = _resolve_pronoun(doc, t, per_sent, sent_of)
            if ref is not None and i in speakers and ref.cluster == speakers[i][0]:
                ref = None  # "Sarah: ... he interned at X": not the one speaking
            if (
                ref is None
                and topic is not None
                and not any(per_sent[k] for k in range(max(0, sent_of[i] - _LOOKBACK), sent_of[i] + 1))
            ):
                first = clusters[topic].spans[0][0]
                if first < i:
                    ref = Reference(topic, first)
            if ref is not None:
                refs[i] = ref
                note(i, ref.cluster)
        elif t.lemma_.lower() in ORG_ANAPHORS and t.pos_ == "NOUN" and t.tag_ in ("NN", "NNP"):
            if not any(ch.lower_ == "the" for ch in t.children):
                continue
            if any(ch.dep_ in ("amod", "compound", "prep") for ch in t.children):
                continue
            want = ORG_ANAPHORS[t.lemma_.lower()]
            si = sent_of[i]
            for j, cl in reversed(orgs_seen):
                if sent_of[j] < si - 5:
                    break
                if types.get(cl) == want or (
                    want == "ORGANIZATION" and types.get(cl) == EntityType.ORGANIZATION
                ):
                    refs[i] = Reference(cl, j)
                    break
    return refs


_QUOTES = {'"', "“", "”", "«", "»"}


def _speakers(doc: Doc, token_map: dict[int, int], persons: set[int]) -> dict[int, tuple[int, int]]:
    """Tokens of an interview's turns, outside quotes, mapped to (speaker cluster, token
    of the label): a line "Name: ..." starts a turn that runs until the next label; in
    it, "I" and "my" are the speaker."""
    out: dict[int, tuple[int, int]] = {}
    n = len(doc)
    speaker: tuple[int, int] | None = None
    quoted = False
    i = 0
    while i < n:
        t = doc[i]
        line_start = i == 0 or "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text
        if line_start and not t.is_space:
            quoted = False
            j = i
            while j < n and j - i < 4 and doc[j].text[:1].isupper() and doc[j].text != ":":
                j += 1
            if j > i and j < n and doc[j].text == ":":  # a label: "Name:"
                cl = token_map.get(i)
                speaker = (cl, i) if cl is not None and cl in persons and token_map.get(j - 1) == cl else None
                i = j + 1
                continue
            addressed = _addressee(doc, i, token_map, persons)
            if addressed is not None:  # "So Maria, tell us about yourself": the answer is Maria's
                speaker = addressed
                while i < n and not ("\n" in doc[i].whitespace_ or "\n" in doc[i].text):
                    i += 1
                i += 1
                continue
        if speaker is not None:
            if t.text in _QUOTES:
                quoted = not quoted
            elif not quoted:
                out[i] = speaker
        i += 1
    return out


_AUTHOR_WINDOW = 60  # tokens: a page's author is named at its top


def _author(
    doc: Doc, clusters: list[Cluster], token_map: dict[int, int], persons: set[int]
) -> dict[int, tuple[int, int]]:
    """A page written in the first person by the person named at its top ("Ana Ruiz\n\nI
    am a PhD student at ..."): outside quotes, "I" and "my" are that person."""
    first_person = [
        t.i for t in doc if t.lower_ in FIRST_PERSON and t.pos_ == "PRON" and not _in_quotes(doc, t.i)
    ]
    if not first_person:
        return {}
    named = [
        (s, c.idx)
        for c in clusters
        if c.idx in persons
        for s, _e in c.spans
        if s < min(first_person[0], _AUTHOR_WINDOW)
    ]
    if not named:
        return {}
    start, author = min(named)
    if len({cl for _s, cl in named}) > 1 and start > 0:
        # several people before the first "I": only a name opening the page is its author
        return {}
    return {i: (author, start) for i in first_person if i > start}


def _in_quotes(doc: Doc, i: int) -> bool:
    """Is token ``i`` inside quotation marks opened on its line?"""
    quoted = False
    k = i - 1
    while k >= 0 and "\n" not in doc[k].text and "\n" not in doc[k].whitespace_:
        if doc[k].text in _QUOTES:
            quoted = not quoted
        k -= 1
    return quoted


_OPENERS = {"so", "well", "now", "and", "ok", "okay", "first", "finally", "then"}


def _addressee(doc: Doc, start: int, token_map: dict[int, int], persons: set[int]) -> tuple[int, int] | None:
    """A question line that addresses a person by name: "So Maria, tell us about yourself ..."."""
    n = len(doc)
    end = start
    while end < n and not ("\n" in doc[end].whitespace_ or "\n" in doc[end].text):
        end += 1
    line = doc[start : min(end + 1, n)]
    words = {t.lower_ for t in line}
    if not (words & {"you", "your", "yourself"}) or not (
        line.text.rstrip().endswith(("?", "...", "…")) or "tell" in words
    ):
        return None
    i = start
    while i < end and doc[i].lower_ in _OPENERS:
        i += 1
    cl = token_map.get(i)
    if cl is None or cl not in persons:
        return None
    j = i
    while j + 1 <= end and token_map.get(j + 1) == cl:
        j += 1
    if j + 1 < n and doc[j + 1].text == ",":
        return cl, i
    return None


def _phrase_head(t: Token) -> Token:
    """The head of the noun phrase a name sits in, through appositions and coordinations."""
    h = t
    while h.dep_ in ("appos", "compound", "conj") and h.head.i != h.i:
        h = h.head
    return h


def _in_of_phrase(t: Token) -> bool:
    h = _phrase_head(t)
    return h.dep_ == "pobj" and h.head.lower_ == "of"


def _resolve_pronoun(doc: Doc, p: Token, per_sent, sent_of) -> Reference | None:
    si = sent_of[p.i]
    verb = _clause_verb(p)
    same = [(i, cl, subj) for i, cl, subj in per_sent[si] if i < p.i]
    if same:
        ok = []
        for n, (i, cl, subj) in enumerate(same):
            t = doc[i]
            # "Jones nominated her": an object pronoun is not its clause's subject
            if p.dep_ in ("dobj", "pobj", "iobj") and p.lower_ not in ("himself", "herself"):
                if _clause_verb(t) == verb and t.dep_ in _SUBJ:
                    continue
            # "The daughter of X, she ...": a name inside an "of" phrase is not who "she" is
            h = _phrase_head(t)
            if _in_of_phrase(t) and not subj:
                continue
            # two subjects of one verb are two referents ("The daughter of X, she was born")
            if p.dep_ in _SUBJ and h.dep_ in _SUBJ and h.head.i == p.head.i:
                per_sent[si][n] = (i, cl, False)  # and the pronoun is the subject
                continue
            # "X was his student": a possessive in a copula's predicate is not its subject
            if p.dep_ == "poss" and p.head.dep_ in ("attr", "acomp") and t.dep_ in _SUBJ:
                if t.head == p.head.head or t.head.head == p.head.head:
                    continue
                if any(c.i == t.i for c in p.head.head.children) or (
                    t.head.dep_ == "conj" and t.head.head == p.head.head
                ):
                    continue
                if t.dep_ == "conj" and t.head.head == p.head.head:
                    continue
            ok.append((i, cl, subj))
        if ok:
            subj = [x for x in ok if x[2]]
            i, cl, _ = (subj or ok)[-1] if subj else ok[-1]
            return Reference(cl, i)
    for k in range(si - 1, max(-1, si - 1 - _LOOKBACK), -1):
        # "The son of X ...": a name inside an "of" phrase is seldom who the next "he" is
        people = [x for x in per_sent[k] if not _in_of_phrase(doc[x[0]])]
        if not per_sent[k]:
            continue
        if not people:
            return None
        subj = [x for x in people if x[2]]
        i, cl, _ = subj[0] if subj else people[0]
        return Reference(cl, i)
    return None
