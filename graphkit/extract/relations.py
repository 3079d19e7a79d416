"""Relation patterns over spaCy's dependency parse.

Each pattern starts at a trigger word (a verb such as "join" or "found", a role
noun such as "professor" or "mentor", a degree such as "PhD", the preposition
of "under the supervision of") and walks the parse to the people and
organizations it links: subjects, objects, appositions, copulas, relative
clauses, participles, coordinations. A relation needs a clause that states it;
co-occurrence never makes an edge, and negated or hedged clauses make none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import EntityType, RelationType
from ..names import known_place
from .coref import Reference
from .entities import Cluster, norm_lemma
from .lexicon import (
    ADVISE_VERBS,
    CLASS_NOUNS,
    COURSE_NOUNS,
    DEGREE_VERBS,
    DEGREE_WORDS,
    EDU_VERB_PREPS,
    EMPLOY_VERB_PREPS,
    EMPLOY_VERB_ROLES,
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
    ORG_WORDS,
    PERSON_PRONOUNS,
    PERSON_ROLES,
    POST_NOUNS,
    STAFF_NOUNS,
    STRONG_FOUND_VERBS,
    STUDENT_ROLES,
    UNDER_NOUNS,
)

__all__ = ["PATTERN_CONFIDENCE", "Candidate", "find_relations"]

ORGISH = (EntityType.ORGANIZATION, EntityType.INSTITUTION)

#: Base confidence of each pattern: how often its edges were right on the development
#: sets. An edge from a resolved pronoun gets 0.9 of it, one to a name only its relation
#: made an organization 0.85. Regenerate with the evaluation sets when patterns change.
_JOB_UNITS = STAFF_NOUNS - {"board"}  # "served on the team of X" is a job there; a board seat is not

PATTERN_CONFIDENCE: dict[str, float] = {
    # measured: (true + 1) / (predicted + 2) over the seed, realtext, CoNLL04 and Re-DocRED
    # development sets, counting only the relation types each set annotates
    "degree": 0.97,
    "surface": 0.95,
    "person-role": 0.88,
    "student-role": 0.8,
    "post-noun": 0.8,
    "under": 0.8,
    "verb-edu": 0.79,
    "role-compound": 0.71,
    "verb-found": 0.71,
    "role-appos": 0.69,
    "role-other": 0.67,
    "founder-role": 0.62,
    "person-at-org": 0.62,
    "role-as": 0.58,
    "verb-hire": 0.5,
    "verb-employ": 0.44,
    "verb-found-weak": 0.36,
    "verb-leave": 0.33,
    "role-copula": 0.31,
    # too rare on the development sets to measure; set by analogy
    "verb-advise": 0.75,
    "verb-mentor": 0.75,
    "lab": 0.5,
}


@dataclass
class Candidate:
    source: int  # cluster index
    type: RelationType
    target: int
    sent: tuple[int, int]  # token span of the sentence
    confidence: float
    role: str | None
    pattern: str
    via: list[int] = field(default_factory=list)  # antecedent tokens of resolved references


class _Ctx:
    def __init__(
        self,
        doc: Doc,
        clusters: list[Cluster],
        token_map: dict[int, int],
        refs: dict[int, Reference],
    ) -> None:
        self.doc = doc
        self.clusters = clusters
        self.token_map = token_map
        self.refs = refs
        self.out: list[Candidate] = []

    # --- entity lookups ---------------------------------------------------
    def ent(self, t: Token) -> tuple[int, int | None] | None:
        """(cluster, antecedent token or None) that a token names or refers to."""
        if t.i in self.token_map:
            return self.token_map[t.i], None
        ref = self.refs.get(t.i)
        if ref is not None:
            return ref.cluster, ref.antecedent
        return None

    def type_of(self, cl: int) -> EntityType | None:
        return self.clusters[cl].type

    def persons(self, t: Token | None, depth: int = 0) -> list[tuple[int, int | None]]:
        if t is None or depth > 4:
            return []
        out = []
        for c in _conjuncts(t):
            e = self.ent(c)
            if e and self.type_of(e[0]) == EntityType.PERSON and not self.clusters[e[0]].latent:
                out.append(e)
                continue
            # a noun in apposition with a person: "the researcher, X"
            for ch in c.children:
                if ch.dep_ == "appos":
                    out.extend(self.persons(ch, depth + 1))
            if c.dep_ == "appos" and c.head.i != c.i:
                e = self.ent(c.head)
                if e and self.type_of(e[0]) == EntityType.PERSON:
                    out.append(e)
            # "one of X's students" etc. are handled by holders()
            if c.lower_ in ("who", "that") and c.head.dep_ == "relcl":
                out.extend(self.persons(c.head.head, depth + 1))
            out.extend(self.cofounders(c))
        return _uniq(out)

    def cofounders(self, n: Token) -> list[tuple[int, int | None]]:
        """ "The cofounders, who met at X": the founders of the company founded last before."""
        if n.tag_ != "NNS" or norm_lemma(n).replace("-", "") not in ("cofounder", "founder"):
            return []
        if not any(ch.lower_ in ("the", "its", "their") for ch in n.children) or any(
            ch.dep_ == "prep" and ch.lower_ == "of" for ch in n.children
        ):
            return []  # "the founders of Acme" name their company themselves
        earlier = [c for c in self.out if c.type == RelationType.FOUNDER and c.sent[1] <= n.sent.start]
        if not earlier:
            return []
        last = earlier[-1]
        return [(c.target, c.sent[0]) for c in earlier if c.source == last.source]

    def orgs(self, t: Token | None, depth: int = 0) -> list[tuple[int, int | None]]:
        if t is None or depth > 3:
            return []
        out = []
        for c in _conjuncts(t):
            e = self.ent(c)
            if e and self.type_of(e[0]) in ORGISH:
                out.append(e)
                # "the Department of Physics, Tsinghua University"
                for ch in c.children:
                    if ch.dep_ == "appos":
                        out.extend(self.orgs(ch, depth + 1))
                    if ch.dep_ == "prep" and ch.lower_ == "of":
                        for ob in ch.children:
                            if ob.dep_ == "pobj" and self.ent(ob) and self.ent(ob)[0] != e[0]:
                                out.extend(self.orgs(ob, depth + 1))
                continue
            if e is None and c.dep_ == "attr" and c.head.lemma_ == "be":
                # "Acme Records is an independent label, started by ...": the subject
                for sub in c.head.children:
                    if sub.dep_ == "nsubj":
                        se = self.ent(sub)
                        if se and self.type_of(se[0]) in ORGISH:
                            out.append(se)
            if e is None:
                # "search engine company Baidu" parsed apart: the name right after the noun
                nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
                if c.pos_ == "NOUN" and nxt is not None:
                    ne = self.ent(nxt)
                    if ne and self.type_of(ne[0]) in ORGISH and nxt.dep_ not in ("nsubj",):
                        out.append(ne)
                # "a Chicago-based think tank MacroPolo": names inside the noun phrase after
                # its noun ("an Acme subsidiary", "an LNG company" name something else)
                own_name = c.lemma_.lower() in CLASS_NOUNS and any(d.lower_ == "the" for d in c.children)
                for ch in c.children:
                    if ch.dep_ in ("appos", "compound", "nmod") and (ch.i > c.i or own_name):
                        sub = self.ent(ch)
                        if sub and self.type_of(sub[0]) in ORGISH:
                            out.append(sub)
        return _uniq(out)

    def pobj_orgs(self, t: Token, preps: set[str] | None) -> list[tuple[int, int | None]]:
        out = []
        for ch in t.children:
            if ch.dep_ in ("prep", "agent", "dative") and (preps is None or ch.lower_ in preps):
                for p in _conjuncts(ch):  # "of Munich and of Cambridge"
                    for ob in p.children:
                        if ob.dep_ == "pobj":
                            found = self.orgs(ob)
                            out.extend(found)
                            if found and ch.lower_ in ("at", "from"):
                                first = self.ent(ob)
                                if first is not None:
                                    out.extend(_listed_after(self, ob.i, first[0], ob.sent.end))
                        elif ob.dep_ == "pcomp":
                            out.extend(self.pobj_orgs(ob, preps))
        return _uniq(out)

    def pobj_persons(self, t: Token, preps: set[str]) -> list[tuple[int, int | None]]:
        out = []
        for ch in t.children:
            if ch.dep_ in ("prep", "agent") and ch.lower_ in preps:
                for ob in ch.children:
                    if ob.dep_ == "pobj":
                        out.extend(self.persons(ob))
        return _uniq(out)

    def subjects(self, v: Token, depth: int = 0) -> list[tuple[int, int | None]]:
        """People who are the subject of verb ``v`` (inherited through conj/xcomp/advcl)."""
        if depth > 4:
            return []
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if any(c.lower_ in PERSON_PRONOUNS for c in subj):
            # "The daughter of X, she was born ...": the noun phrase before the pronoun
            # describes her; it is not a second subject
            subj = [c for c in subj if c.lower_ in PERSON_PRONOUNS]
        if subj:
            out = []
            for s in subj:
                if s.lower_ in ("who", "that") and v.dep_ == "relcl":
                    out.extend(self.persons(v.head))
                else:
                    out.extend(self.persons(s))
                    if not out and s.dep_ == "nsubj" and s.pos_ == "NOUN":
                        out.extend(self.holders(s, depth + 1))
            return _uniq(out)
        if v.dep_ == "xcomp" and v.head.i != v.i:
            # object control: "nominated Smith to be ..." is about Smith
            obj = _first(v.head, ("dobj",))
            controllers = self.persons(obj) if obj is not None and obj.i < v.i else []
            return controllers or self.subjects(v.head, depth + 1)
        if v.dep_ in ("conj", "advcl", "ccomp", "pcomp", "acomp") and v.head.i != v.i:
            return self.subjects(v.head, depth + 1)
        if v.pos_ == "ADP" and v.dep_ == "prep" and v.head.i != v.i and v.head.pos_ != "NOUN":
            return self.subjects(v.head, depth + 1)  # "before completing X", not "a vote on joining X"
        if v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ == "VBG"):
            return self.persons(v.head)
        if v.dep_ == "acl" and v.tag_ == "VB" and v.head.dep_ == "dobj":
            # "gave notice to leave X": the one who gave notice leaves
            return self.subjects(v.head.head, depth + 1)
        if v.dep_ == "pobj" and v.head.dep_ == "prep":  # "after joining X"
            return self.subjects(v.head.head, depth + 1)
        if v.dep_ in ("advmod", "npadvmod") and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
            return self.subjects(v.head, depth + 1)  # "Prior to joining X, she ..."
        return []

    def holders(self, n: Token, depth: int = 0) -> list[tuple[int, int | None]]:
        """People a role noun describes: apposition, copula, title, "as", possessive."""
        if depth > 4:
            return []
        out = []
        if n.dep_ == "appos":
            out.extend(self.persons(n.head))
            if not out and n.head.pos_ == "NOUN" and n.head.i != n.i and self.ent(n.head) is None:
                # "X was a chemist, the director of Y": one person, two nouns
                out.extend(self.holders(n.head, depth + 1))
        for ch in n.children:
            if ch.dep_ == "appos":
                out.extend(self.persons(ch))
            elif ch.dep_ == "prep" and not out:
                # "His mentor at Nvidia, Zhiding Yu": the parser hangs the apposition on
                # the organization, which cannot have a person in apposition
                for ob in ch.children:
                    e = self.ent(ob) if ob.dep_ == "pobj" else None
                    if e and self.type_of(e[0]) in ORGISH:
                        for ap in ob.children:
                            if ap.dep_ == "appos":
                                out.extend(self.persons(ap))
        if n.dep_ in ("attr", "oprd", "acomp"):
            out.extend(self.subjects(n.head, depth + 1))
        if n.dep_ == "compound":
            e = self.ent(n.head)
            if e and self.type_of(e[0]) == EntityType.PERSON:
                out.append(e)
            elif n.head.pos_ in ("NOUN", "PROPN") and n.head.i != n.i:
                out.extend(self.holders(n.head, depth + 1))
        if n.dep_ == "pobj" and n.head.lower_ == "as" and n.head.head.i != n.head.i:
            gov = n.head.head
            if gov.pos_ in ("VERB", "AUX"):
                out.extend(self.subjects(gov, depth + 1))
            else:
                out.extend(self.persons(gov))
        if n.dep_ == "conj":
            head = n.head
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            out.extend(self.holders(head, depth + 1))
        if (
            n.dep_ == "pobj"
            and n.head.lower_ == "of"
            and n.head.head.lower_
            in (
                "one",
                "some",
                "many",
                "two",
                "three",
                "all",
                "both",
                "each",
                "among",
            )
        ):
            out.extend(self.holders(n.head.head, depth + 1))
        if n.dep_ == "pobj" and n.head.lower_ == "among" and n.head.head.pos_ in ("AUX", "VERB"):
            out.extend(self.subjects(n.head.head, depth + 1))
        if n.dep_ in ("nsubj",) and n.head.lemma_ == "be":
            for ch in n.head.children:
                if ch.dep_ == "attr":
                    out.extend(self.persons(ch))
        return _uniq(out)

    # --- output -------------------------------------------------------------
    def emit(
        self,
        src: tuple[int, int | None],
        rtype: RelationType,
        tgt: tuple[int, int | None],
        trigger: Token,
        pattern: str,
        role: str | None = None,
        factor: float = 1.0,
    ) -> None:
        s, sa = src
        t, ta = tgt
        if s == t:
            return
        st, tt = self.type_of(s), self.type_of(t)
        if rtype in (RelationType.EMPLOYER, RelationType.ALMA_MATER):
            if st != EntityType.PERSON or tt not in ORGISH:
                return
            if self.clusters[t].body or (
                rtype == RelationType.EMPLOYER and _membership(self.clusters[t].name())
            ):
                return  # one is a member of a team, band or party: neither employed nor schooled
            if (
                rtype == RelationType.EMPLOYER
                and self.clusters[s].athlete
                and tt == EntityType.ORGANIZATION
                and pattern in ("verb-employ", "person-at-org", "surface", "verb-leave")
            ):
                return  # a sportsperson joining or leaving a team
            if rtype == RelationType.ALMA_MATER and tt != EntityType.INSTITUTION:
                if known_place(self.clusters[t].name()):
                    return  # "schooled in Lyon": a city, not its college
                factor *= 0.85
        elif rtype == RelationType.FOUNDER:
            if st not in ORGISH or tt != EntityType.PERSON:
                return
        elif st != EntityType.PERSON or tt != EntityType.PERSON:
            return
        if not asserted(trigger):
            return
        via = [a for a in (sa, ta) if a is not None]
        if via:
            factor *= 0.9
        for cl in (s, t):
            if self.clusters[cl].latent:
                factor *= 0.85
        sent = trigger.sent
        conf = PATTERN_CONFIDENCE[pattern] * factor
        self.out.append(Candidate(s, rtype, t, (sent.start, sent.end), min(conf, 0.99), role, pattern, via))


def _membership(name: str) -> bool:
    words = {w.casefold().strip(".,'’()") for w in name.split()}
    return bool(words & MEMBERSHIP_WORDS)


def _uniq(items: list[tuple[int, int | None]]) -> list[tuple[int, int | None]]:
    seen = set()
    out = []
    for e in items:
        if e[0] not in seen:
            seen.add(e[0])
            out.append(e)
    return out


def _conjuncts(t: Token) -> list[Token]:
    out = [t]
    stack = [t]
    while stack:
        x = stack.pop()
        for ch in x.children:
            if ch.dep_ == "conj" and ch not in out:
                out.append(ch)
                stack.append(ch)
    return out


def asserted(trigger: Token) -> bool:
    """False when the clause governing ``trigger`` is negated or hedged.

    A role noun in apposition or as a title ("X, CEO of Y", "Y researcher X") states
    its fact whatever the verb around it does; only its own words can negate it.
    """
    t = trigger
    steps = 1 if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("appos", "compound") else 5
    for _ in range(steps):
        for ch in t.children:
            if ch.dep_ == "neg" or (ch.lower_ in NEGATIONS and ch.dep_ in ("neg", "advmod", "det")):
                return False
            if ch.dep_ in ("aux", "advmod") and ch.lower_ in HEDGE_WORDS:
                return False
        if t is not trigger and t.lemma_.lower() in HEDGE_VERBS and t.pos_ in ("VERB", "NOUN"):
            return False
        if t.lower_ in HEDGE_WORDS and t.dep_ not in ("pobj",) and t is not trigger:
            return False
        if t.dep_ in ("ROOT",) or t.head.i == t.i:
            break
        if t.dep_ in ("relcl", "acl", "appos") and t is not trigger:
            break
        t = t.head
    return True


def _role_text(n: Token, ctx: _Ctx) -> str:
    parts = []
    for ch in n.lefts:
        if (
            ch.dep_ in ("compound", "amod")
            and ch.i not in ctx.token_map
            and ch.pos_ in ("NOUN", "ADJ", "PROPN")
            and ch.lower_
            not in (
                "former",
                "current",
                "young",
                "new",
                "senior",
                "junior",
                "then",
                "leading",
                "top",
                "other",
                "famous",
                "renowned",
                "notable",
                "prominent",
                "veteran",
                "longtime",
                "future",
            )
        ):
            parts.append(ch.text)
    parts.append(n.text)
    role = " ".join(parts)
    if role.isupper() and len(role) <= 5:
        return role
    low = role.lower()
    if low.endswith("s") and n.tag_ == "NNS":
        low = n.lemma_.lower() if len(parts) == 1 else low[:-1]
    return low.replace("ph.d.", "PhD").replace("phd", "PhD").replace("ceo", "CEO")


def _founder_role(n: Token, ctx: _Ctx) -> str | None:
    role = _role_text(n, ctx)
    return None if role == "founder" else role


def _degree_role(n: Token) -> str | None:
    low = n.lower_
    if DEGREE_WORDS.get(low):
        return DEGREE_WORDS[low]
    for ch in n.children:
        if DEGREE_WORDS.get(ch.lower_):
            return DEGREE_WORDS[ch.lower_]
    return None


_SHORT_DEGREES = {"ba", "bs", "ma", "ms", "b.a.", "b.s.", "m.a.", "m.s."}  # also words or places
_NOT_DEGREE_NOUNS = {
    "education",
    "studies",
    "study",
    "honours",
    "honors",
    "certificate",
    "fellowship",
    "undergraduate",
    "postdoc",
    "doctor",
}


def _is_degree(n: Token) -> bool:
    low = n.lower_
    if low in DEGREE_WORDS and low not in _NOT_DEGREE_NOUNS and low not in _SHORT_DEGREES:
        return True
    if low in _SHORT_DEGREES and n.pos_ in ("PROPN", "NOUN"):
        return True
    if low in ("education", "studies", "study") and n.dep_ in ("dobj", "pobj"):
        if n.dep_ == "dobj" and n.head.lemma_ in ("receive", "complete", "finish", "get", "pursue"):
            return True
        return any(
            ch.lemma_ in ("undergraduate", "graduate", "doctoral", "postgraduate") for ch in n.children
        )
    return False


def find_relations(
    doc: Doc,
    clusters: list[Cluster],
    token_map: dict[int, int],
    refs: dict[int, Reference],
    skip_tokens: set[int],
) -> list[Candidate]:
    ctx = _Ctx(doc, clusters, token_map, refs)
    for t in doc:
        if t.i in skip_tokens:
            continue
        lemma = norm_lemma(t)
        low = t.lower_
        if t.pos_ in ("VERB", "AUX") or (t.tag_.startswith("VB")):
            _verb_patterns(ctx, t, lemma)
        if t.pos_ in ("NOUN", "PROPN") and t.i not in token_map:
            _noun_patterns(ctx, t, lemma, low)
        if low == "under" and t.dep_ == "prep":
            _under(ctx, t)
        if t.i in token_map and clusters[token_map[t.i]].type == EntityType.PERSON:
            _person_at_org(ctx, t)
        if lemma in LAB_NOUNS and t.dep_ == "pobj":
            _lab(ctx, t)
    for sent in doc.sents:
        if sent.start not in skip_tokens:
            _surface(ctx, sent)
    return ctx.out


_SURFACE_EDU = {"study", "graduate", "educate", "attend", "enroll", "enrol", "matriculate"}
_SURFACE_WORK = {"teach", "work", "lecture", "intern"}
_CLAUSE_BREAK = {";", "—", "–", "(", ")", ":"}


def _surface(ctx: _Ctx, sent) -> None:
    """Word-order fallback for a misparsed sentence: "<person> ... studied X at <institution>".

    The trigger verb, then within eight words "at"/"from"/"in" and an organization, with no
    clause break between; the subject is the verb's, else the nearest person before it.
    It catches sentences the small parser gets wrong; where a dependency pattern finds
    the same edge, the edge with the higher confidence is kept.
    """
    doc = ctx.doc
    for v in sent:
        lemma = norm_lemma(v)
        if not v.tag_.startswith("VB") or (lemma not in _SURFACE_EDU and lemma not in _SURFACE_WORK):
            continue
        target = None
        for j in range(v.i + 1, min(v.i + 9, sent.end)):
            t = doc[j]
            if t.text in _CLAUSE_BREAK or (t.tag_ in ("VBD", "VBZ", "VBP", "MD") and j > v.i + 1):
                break
            if t.lower_ in ("at", "from", "in") and j + 1 < sent.end:
                k = j + 1
                while k < sent.end and doc[k].lower_ in ("the",):
                    k += 1
                e = ctx.ent(doc[k]) if k < sent.end else None
                if e and ctx.type_of(e[0]) in ORGISH and not ctx.clusters[e[0]].latent:
                    target = e
                    more = _listed_after(ctx, k, e[0], sent.end)
                break
        if target is None:
            continue
        people = ctx.subjects(v)
        if not people:
            # the nearest person before the verb, unless a pronoun subject stands between
            # ("The daughter of X, she taught at Y": she is not X)
            for i in range(v.i - 1, sent.start - 1, -1):
                x = ctx.ent(doc[i])
                if x and ctx.type_of(x[0]) == EntityType.PERSON:
                    people = [x]
                    break
                if doc[i].lower_ in PERSON_PRONOUNS and doc[i].dep_ in ("nsubj", "nsubjpass"):
                    break
        for tgt in [target, *more]:
            if lemma in _SURFACE_EDU:
                if ctx.type_of(tgt[0]) != EntityType.INSTITUTION:
                    continue
                for p in people:
                    ctx.emit(p, RelationType.ALMA_MATER, tgt, v, "surface")
            else:
                for p in people:
                    ctx.emit(p, RelationType.EMPLOYER, tgt, v, "surface", role=EMPLOY_VERB_ROLES.get(lemma))


def _listed_after(ctx: _Ctx, k: int, cl: int, end: int) -> list[tuple[int, int | None]]:
    """Organizations listed right after the one at token ``k``: ", Y and Z".

    Skips what lists of schools and employers carry between their items: years in
    parentheses ("Yale (2001-2004), Duke (2006)") and places ("X in Kingston,
    Ontario, Y in Montreal").
    """
    doc = ctx.doc
    out: list[tuple[int, int | None]] = []
    i = k
    while i < end and ctx.ent(doc[i]) and ctx.ent(doc[i])[0] == cl:
        i += 1
    while i < end:
        j = i
        while j < end:
            t = doc[j]
            if t.lower_ in (",", "and", "or", "the", "at", "as", "well", "then", "later"):
                j += 1
            elif t.text == "(":
                close = next((m for m in range(j, min(end, j + 8)) if doc[m].text == ")"), None)
                if close is None:
                    break
                j = close + 1
            elif (
                t.lower_ == "in" and j + 1 < end and doc[j + 1].text[:1].isupper() and not ctx.ent(doc[j + 1])
            ):
                j += 1
                while j < end and (doc[j].text[:1].isupper() or doc[j].text == ",") and not ctx.ent(doc[j]):
                    j += 1
            else:
                break
        if j == i or j >= end:
            break
        e = ctx.ent(doc[j])
        if not e or ctx.type_of(e[0]) not in ORGISH or ctx.clusters[e[0]].latent:
            break
        out.append(e)
        i = j
        while i < end and ctx.ent(doc[i]) and ctx.ent(doc[i])[0] == e[0]:
            i += 1
    return out


# Posts that name employment outright ("his internship at Y"), unlike "his time at Y".
STRONG_POSTS = {
    "internship",
    "job",
    "position",
    "professorship",
    "fellowship",
    "residency",
    "appointment",
    "employment",
    "post",
    "chairmanship",
    "presidency",
    "directorship",
}

_CO_LEMMAS = {
    "found": "found",
    "founded": "found",
    "founds": "found",
    "founding": "found",
    "supervised": "supervise",
    "supervises": "supervise",
    "supervise": "supervise",
    "advised": "advise",
    "advise": "advise",
    "authored": "author",
    "established": "establish",
    "establish": "establish",
    "chaired": "chair",
    "directed": "direct",
    "led": "lead",
    "leads": "lead",
    "created": "create",
    "hosted": "host",
}


def _verb_patterns(ctx: _Ctx, v: Token, lemma: str) -> None:
    prt = {c.lower_ for c in v.children if c.dep_ == "prt"}
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (
        v.dep_ in ("acl", "advcl") and v.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in v.children)
    )
    if v.lower_.startswith("co-"):  # "co-founded" is one token (see pipeline)
        lemma = "co" + _CO_LEMMAS.get(v.lower_[3:], v.lower_[3:])
    base = lemma[2:] if lemma.startswith("co") and lemma[2:] in ("found", "establish") else lemma

    # founding: "X founded Y", "Y was founded by X", "Y, co-founded by X", "the company he founded"
    if (
        base in FOUND_VERBS
        and not (base == "set" and "up" not in prt)
        and not (base == "spin" and "off" not in prt)
    ):
        strong = base in STRONG_FOUND_VERBS or lemma.startswith("cofound")
        pattern = "verb-found" if strong else "verb-found-weak"
        if passive:
            orgs = ctx.orgs(_first(v, ("nsubjpass",))) if _first(v, ("nsubjpass",)) else []
            if v.dep_ == "acl" or (v.dep_ == "relcl" and not orgs):
                orgs = ctx.orgs(v.head)
            elif v.dep_ == "advcl" and not orgs:  # "Founded in 2010 by X, Acme grew"
                orgs = _subj_orgs(ctx, v.head)
            people = ctx.pobj_persons(v, {"by"})
            for agent in [c for c in v.children if c.dep_ == "agent"]:
                for ob in agent.children:
                    people += ctx.pobj_persons(ob, {"alongside", "with"})
            people += ctx.pobj_persons(v, {"alongside"})
        else:
            people = ctx.subjects(v)
            if lemma.startswith("co"):  # "co-founded X with Y"
                people += ctx.pobj_persons(v, {"with", "alongside"})
            obj = _first(v, ("dobj",))
            orgs = ctx.orgs(obj) if obj is not None else []
            if not orgs and v.dep_ == "relcl" and obj is None:
                orgs = ctx.orgs(v.head) or _appos_orgs(ctx, v.head)
        for o in orgs:
            if not strong and ctx.clusters[o[0]].latent:
                continue
            for p in people:
                ctx.emit(
                    o,
                    RelationType.FOUNDER,
                    p,
                    v,
                    pattern,
                    role="co-founder" if lemma.startswith("cofound") else None,
                )
        return

    if lemma in ADVISE_VERBS or lemma in MENTOR_VERBS:
        rtype = RelationType.MENTOR if lemma in MENTOR_VERBS else RelationType.ADVISER
        pattern = "verb-mentor" if rtype == RelationType.MENTOR else "verb-advise"
        if passive:
            students = ctx.persons(_first(v, ("nsubjpass",))) if _first(v, ("nsubjpass",)) else []
            if v.dep_ == "acl":
                students = ctx.persons(v.head) or ctx.holders(v.head)
                # "a PhD in the Vision Lab, supervised by X": the degree's holder
                up = v.head
                for _ in range(5):
                    if students or up.head.i == up.i:
                        break
                    if _is_degree(up):
                        students = _degree_holders(ctx, up)[0]
                        break
                    up = up.head
            if v.dep_ == "advcl" and not students:
                # "X did a PhD at Y, supervised by Z"
                degree = next((ch for ch in v.head.children if ch.dep_ == "dobj" and _is_degree(ch)), None)
                if degree is not None:
                    students = _degree_holders(ctx, degree)[0]
            advisers = ctx.pobj_persons(v, {"by"})
        else:
            advisers = ctx.subjects(v)
            students = ctx.persons(_first(v, ("dobj",)))
        for s in students:
            for a in advisers:
                ctx.emit(s, rtype, a, v, pattern)
        return

    if lemma in EMPLOY_VERBS:
        role = EMPLOY_VERB_ROLES.get(lemma)
        if lemma in ("hire", "employ", "recruit", "appoint", "poach", "name", "promote"):
            if passive:
                people = ctx.persons(_first(v, ("nsubjpass",)))
                if v.dep_ == "acl":
                    people = ctx.persons(v.head)
                orgs = ctx.pobj_orgs(v, {"by", "at", "to"})
            else:
                orgs = _subj_orgs(ctx, v)
                people = ctx.persons(_first(v, ("dobj",)))
            for p in people:
                for o in orgs:
                    ctx.emit(p, RelationType.EMPLOYER, o, v, "verb-hire", role=role)
                # "Google hired Hinton from the University of Toronto": the one before
                for o in ctx.pobj_orgs(v, {"from"}):
                    ctx.emit(p, RelationType.EMPLOYER, o, v, "verb-hire", role=role)
            return
        people = ctx.subjects(v)
        if not people:
            return
        orgs = []
        if EMPLOY_VERBS[lemma] == "dobj":
            obj = _first(v, ("dobj",))
            orgs = ctx.orgs(obj) if obj is not None else []
            if obj is not None and not orgs and obj.lemma_.lower() in STAFF_NOUNS:
                orgs = ctx.pobj_orgs(obj, {"of", "at"})  # "joined the faculty of X"
            if lemma in ("leave", "quit") and obj is not None and ctx.ent(obj) is None:
                orgs = []  # "left a bequest to X" leaves no employer
            if lemma in ("leave", "quit") and orgs:
                # "left Y for Z": Z is an employer too
                orgs += ctx.pobj_orgs(v, {"for"})
        preps = EMPLOY_VERB_PREPS.get(lemma)
        if preps:
            orgs += ctx.pobj_orgs(v, preps)
            orgs += _where_orgs(ctx, v)
            for ch in v.children:  # "served on the management team of X", "worked in the lab at X"
                if ch.dep_ == "prep" and ch.lower_ in preps:
                    for ob in ch.children:
                        if ob.dep_ == "pobj" and ctx.ent(ob) is None and ob.lemma_.lower() in _JOB_UNITS:
                            orgs += ctx.pobj_orgs(ob, {"of", "at"})
        pattern = (
            "verb-leave"
            if lemma in ("leave", "quit", "resign", "retire", "depart", "step")
            else "verb-employ"
        )
        for p in people:
            for o in _uniq(orgs):
                if ctx.clusters[o[0]].latent and lemma not in ("join", "work", "intern", "hire"):
                    continue
                ctx.emit(p, RelationType.EMPLOYER, o, v, pattern, role=role)
        # education verbs share lemmas with a few of these ("return to school")
        return

    if lemma in EDU_VERB_PREPS or lemma == "attend":
        if lemma in ("educate", "admit", "accept", "train") and passive:
            people = ctx.persons(_first(v, ("nsubjpass",)))
            if v.dep_ == "acl":
                people = ctx.persons(v.head) or ctx.holders(v.head)
        else:
            people = ctx.subjects(v)
        if not people:
            return
        orgs = []
        if lemma in ("attend", "enter"):
            obj = _first(v, ("dobj",))
            orgs = ctx.orgs(obj) if obj is not None else []
        orgs += ctx.pobj_orgs(v, EDU_VERB_PREPS.get(lemma) or set())
        orgs += _where_orgs(ctx, v)
        # "admitted to the piano class at X", "enrolled in a course at X"
        for ch in v.children:
            if ch.dep_ == "prep" and ch.lower_ in (EDU_VERB_PREPS.get(lemma) or set()):
                for ob in ch.children:
                    if ob.dep_ == "pobj" and ctx.ent(ob) is None and ob.lemma_.lower() in COURSE_NOUNS:
                        orgs += ctx.pobj_orgs(ob, {"at", "of"})
        for p in people:
            for o in _uniq(orgs):
                if (
                    lemma in ("go", "return", "transfer", "enter", "train")
                    and ctx.type_of(o[0]) != EntityType.INSTITUTION
                ):
                    continue
                ctx.emit(p, RelationType.ALMA_MATER, o, v, "verb-edu")
        # a degree named as the object is handled by the degree noun


def _where_orgs(ctx: _Ctx, v: Token) -> list[tuple[int, int | None]]:
    """ "the University of Toronto, where Hinton taught": the place the clause hangs on."""
    if v.dep_ == "relcl" and any(c.lower_ == "where" for c in v.children):
        return ctx.orgs(v.head)
    return []


def _first(v: Token, deps: tuple[str, ...]) -> Token | None:
    for c in v.children:
        if c.dep_ in deps:
            return c
    return None


def _subj_orgs(ctx: _Ctx, v: Token) -> list[tuple[int, int | None]]:
    subj = _first(v, ("nsubj",))
    return ctx.orgs(subj) if subj is not None else []


def _appos_orgs(ctx: _Ctx, n: Token) -> list[tuple[int, int | None]]:
    if n.dep_ == "appos":
        return ctx.orgs(n.head)
    return []


def _noun_orgs(ctx: _Ctx, n: Token, preps: set[str]) -> list[tuple[int, int | None]]:
    """Organizations a role noun names: "at/of/for Y", "Y researcher", "Y's founder"."""
    out = ctx.pobj_orgs(n, preps)
    # "founder and executive chairman of Y": conjoined roles share the "of"
    for c in n.children:
        if c.dep_ == "conj" and c.pos_ == "NOUN":
            out.extend(ctx.pobj_orgs(c, preps))
    # "a professor of history at Y": through the field to the place
    for ch in n.children:
        if ch.dep_ == "prep" and ch.lower_ in ("of", "in"):
            for ob in ch.children:
                if ob.dep_ == "pobj" and ctx.ent(ob) is None:
                    out.extend(ctx.pobj_orgs(ob, {"at", "for", "with"}))
    # "the Acme Professor of Law": a named chair, not a post at Acme
    named_chair = n.text[:1].isupper() and any(
        ch.dep_ == "prep"
        and ch.lower_ == "of"
        and any(ob.dep_ == "pobj" and ctx.ent(ob) is None for ob in ch.children)
        for ch in n.children
    )
    for ch in n.children:
        if ch.dep_ in ("compound", "nmod") and named_chair:
            continue
        if ch.dep_ in ("compound", "poss", "nmod", "amod") and ch.i < n.i:
            if any(CLASS_NOUNS.get(w.lower_) == "work" for w in n.doc[ch.i + 1 : n.i]) and not any(
                w.lower_ in ORG_WORDS for w in ch.subtree
            ):
                continue  # "the Acme Saga film director": the name is the film's
            e = ctx.ent(ch)
            if e and ctx.type_of(e[0]) in ORGISH:
                out.append(e)
            elif ch.dep_ in ("compound", "nmod") and ch.pos_ in ("PROPN", "NOUN"):
                for g in ch.children:
                    ge = ctx.ent(g)
                    if g.dep_ in ("compound", "poss") and ge and ctx.type_of(ge[0]) in ORGISH:
                        out.append(ge)
    return _uniq(out)


def _degree_holders(ctx: _Ctx, n: Token) -> tuple[list[tuple[int, int | None]], Token]:
    """Who holds the degree ``n`` ("his PhD", "earned a PhD", "graduated with a BA"), and the
    token the degree phrase hangs on."""
    holders: list[tuple[int, int | None]] = []
    poss = _first(n, ("poss",))
    if poss is not None:
        holders = ctx.persons(poss)
    gov = n
    # "earned a master's degree and PhD": walk up through conjuncts and compounds
    while gov.head.i != gov.i:
        if gov.dep_ in ("conj", "compound", "appos"):
            gov = gov.head
        elif gov.dep_ == "pobj" and gov.head.dep_ == "prep" and _is_degree(gov.head.head):
            gov = gov.head.head  # "a BA from X and a law degree from Y"
        else:
            break
    if not holders:
        if gov.dep_ in ("dobj", "nsubjpass") and gov.head.pos_ in ("VERB", "AUX"):
            if gov.head.lemma_.lower() in DEGREE_VERBS or gov.head.lemma_ in (
                "complete",
                "earn",
                "receive",
                "obtain",
                "do",
                "pursue",
                "start",
                "begin",
                "finish",
            ):
                holders = ctx.subjects(gov.head)
                if gov.dep_ == "nsubjpass":
                    holders = ctx.pobj_persons(gov.head, {"to"})
        elif gov.dep_ == "pobj" and gov.head.lower_ in ("with", "for") and gov.head.head.pos_ in ("VERB",):
            holders = ctx.subjects(gov.head.head)
        elif gov.dep_ in ("appos", "attr"):
            holders = ctx.holders(gov)
    return holders, gov


def _noun_patterns(ctx: _Ctx, n: Token, lemma: str, low: str) -> None:
    # relational person nouns: "his mentor, Z", "Z's doctoral student X"
    key = lemma if lemma in PERSON_ROLES else (low if low in PERSON_ROLES else None)
    if key is not None:
        rel, holder_is_source = PERSON_ROLES[key]
        rtype = RelationType(rel)
        holders = ctx.holders(n)
        others = []
        poss = _first(n, ("poss",))
        if poss is not None:
            others = ctx.persons(poss)
        if not others:
            # "an advisor to the president" counsels a politician; a doctoral adviser is
            # someone's ("his adviser", "the adviser of X")
            preps = {"of", "for"} if rtype == RelationType.ADVISER else {"of", "to", "for"}
            others = ctx.pobj_persons(n, preps)
        for h in holders:
            for o in others:
                if holder_is_source:
                    ctx.emit(h, rtype, o, n, "person-role")
                else:
                    ctx.emit(o, rtype, h, n, "person-role")
        if key in ("student", "postdoc"):
            # "a student at Y", "a University of Toronto graduate student"
            for h in holders:
                for o in _noun_orgs(ctx, n, {"at", "of", "in", "from"}):
                    ctx.emit(h, RelationType.ALMA_MATER, o, n, "student-role", role=_role_text(n, ctx))
        elif key in ("mentor", "adviser", "advisor", "supervisor"):
            for h in holders:
                for o in _noun_orgs(ctx, n, {"at", "from"}):
                    ctx.emit(h, RelationType.EMPLOYER, o, n, "role-other")
        return

    if lemma in FOUNDER_ROLES or low in FOUNDER_ROLES:
        holders = ctx.holders(n)
        for h in holders:
            for o in _noun_orgs(ctx, n, {"of", "at", "behind"}):
                ctx.emit(o, RelationType.FOUNDER, h, n, "founder-role", role=_founder_role(n, ctx))
        return

    if lemma in STUDENT_ROLES or low in STUDENT_ROLES:
        holders = ctx.holders(n)
        orgs = _noun_orgs(ctx, n, {"at", "of", "from", "in"})
        for h in holders:
            for o in orgs:
                ctx.emit(h, RelationType.ALMA_MATER, o, n, "student-role", role=_role_text(n, ctx))
        return

    if lemma in EMPLOYMENT_ROLES or low in EMPLOYMENT_ROLES:
        holders = ctx.holders(n)
        if not holders:
            poss = _first(n, ("poss",))
            if poss is not None:
                holders = ctx.persons(poss)
        if not holders:
            return
        orgs = _noun_orgs(ctx, n, {"at", "of", "for", "with", "in", "on"})
        gov = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "among" else n.head
        if not orgs and n.dep_ in ("attr", "pobj") and gov.pos_ in ("AUX", "VERB"):
            # "At Acme, Smith and Jones were among the researchers ..."
            orgs = ctx.pobj_orgs(gov, {"at"})
        if n.dep_ == "appos":
            pattern = "role-appos"
        elif n.dep_ in ("attr", "oprd"):
            pattern = "role-copula"
        elif n.dep_ == "compound":
            pattern = "role-compound"
        elif n.dep_ == "pobj" and n.head.lower_ == "as":
            pattern = "role-as"
        elif any(c.dep_ == "appos" for c in n.children):
            pattern = "role-appos"
        else:
            pattern = "role-other"
        for h in holders:
            for o in orgs:
                ctx.emit(h, RelationType.EMPLOYER, o, n, pattern, role=_role_text(n, ctx))
        if n.dep_ == "compound" and orgs:
            # "Acme chairperson X and chief executive Y": the second role is at Acme too
            for c in n.head.children:
                if c.dep_ != "conj" or c.i < n.head.i:
                    continue
                roles = [m for m in c.subtree if m.dep_ in ("amod", "compound") and m.i < c.i]
                own = [ctx.ent(m) for m in roles]
                if not any(m.lower_ in EMPLOYMENT_ROLES for m in roles) or any(
                    e and ctx.type_of(e[0]) in ORGISH for e in own
                ):
                    continue
                role = " ".join(m.lower_ for m in roles if ctx.ent(m) is None)
                for p in ctx.persons(c):
                    for o in orgs:
                        ctx.emit(p, RelationType.EMPLOYER, o, n, pattern, role=role)
        return

    if low in POST_NOUNS or lemma in POST_NOUNS:
        role = POST_NOUNS.get(low, POST_NOUNS.get(lemma))
        holders = []
        poss = _first(n, ("poss",))
        if poss is not None:
            holders = ctx.persons(poss)
        if (
            not holders
            and n.dep_ in ("dobj",)
            and n.head.lemma_
            in (
                "have",
                "hold",
                "take",
                "land",
                "get",
                "accept",
                "begin",
                "start",
                "secure",
                "do",
                "complete",
                "finish",
                "spend",
                "serve",
            )
        ):
            holders = ctx.subjects(n.head)
        if not holders and n.dep_ == "pobj" and n.head.lower_ in ("during", "after", "before"):
            gov = n.head.head
            if gov.pos_ in ("VERB", "AUX"):
                holders = ctx.subjects(gov)
        if not holders:
            return
        if low in ("time", "years", "days", "work", "seat", "office") and not poss:
            return
        if low not in STRONG_POSTS and lemma not in STRONG_POSTS:
            # "his time at", "her role in", "his years with": 0 of 6 right on the dev sets
            return
        orgs = ctx.pobj_orgs(n, {"at", "with", "in", "for"})
        for h in holders:
            for o in orgs:
                ctx.emit(h, RelationType.EMPLOYER, o, n, "post-noun", role=role)
        return

    if _is_degree(n):
        holders, gov = _degree_holders(ctx, n)
        if not holders:
            return
        orgs = ctx.pobj_orgs(n, {"at", "from", "of"})  # "a degree in X": X is the field
        for ch in n.children:
            if ch.dep_ == "prep":
                for ob in ch.children:
                    if ob.dep_ == "pobj" and not ctx.ent(ob):
                        orgs += ctx.pobj_orgs(ob, {"at", "from", "of"})
        if gov.dep_ in ("dobj", "pobj") and gov.head.pos_ in ("VERB", "AUX", "ADP"):
            verb = gov.head if gov.dep_ == "dobj" else gov.head.head
            orgs += ctx.pobj_orgs(verb, {"at", "from"})
            for ch in verb.children:  # "completed an MA in Illustration at Y"
                if ch.dep_ == "prep" and ch.lower_ == "in":
                    for ob in ch.children:
                        if ob.dep_ == "pobj" and not ctx.ent(ob):
                            orgs += ctx.pobj_orgs(ob, {"at", "from"})
        role = _degree_role(n)
        for h in holders:
            for o in _uniq(orgs):
                ctx.emit(h, RelationType.ALMA_MATER, o, n, "degree", role=role)


def _under(ctx: _Ctx, prep: Token) -> None:
    """ "under the supervision of Y", "studied under Y", "under the guidance of Y"."""
    for ob in prep.children:
        if ob.dep_ != "pobj":
            continue
        rel = None
        advisers = []
        if ob.lemma_.lower() in UNDER_NOUNS:
            rel = RelationType(UNDER_NOUNS[ob.lemma_.lower()])
            advisers = ctx.pobj_persons(ob, {"of"})
            if not advisers:
                poss = _first(ob, ("poss",))
                advisers = ctx.persons(poss) if poss is not None else []
        else:
            # "studied under Y", "a PhD under Y"; not "served under a president", not
            # "wrote under the pseudonym Y"
            advisers = ctx.persons(ob) if ob.pos_ in ("PROPN", "PRON") else []
            gov = prep.head
            if advisers and (
                gov.lemma_ in ("study", "research", "train", "complete", "earn", "write", "pursue")
                or _is_degree(gov)
            ):
                rel = RelationType.ADVISER
        if rel is None or not advisers:
            continue
        # the student: the subject of the nearest governing verb
        gov = prep.head
        students = []
        for _ in range(4):
            if gov.pos_ in ("VERB", "AUX"):
                students = ctx.subjects(gov)
                if students:
                    break
            if gov.dep_ == "poss" or gov.head.i == gov.i:
                break
            poss = _first(gov, ("poss",))
            if poss is not None and ctx.persons(poss):
                students = ctx.persons(poss)
                break
            gov = gov.head
        for s in students:
            for a in advisers:
                ctx.emit(s, rel, a, prep, "under")


def _person_at_org(ctx: _Ctx, t: Token) -> None:
    """ "Li Wei at the Institute of Physics", "Jane Doe of the Associated Press".

    The parser often hangs "formerly of Y" on the first person of a sentence; the
    phrase belongs to the nearest person before it (and those coordinated with them).
    """
    # only from the head token of the person's mention
    if t.head.i in ctx.token_map and ctx.token_map[t.head.i] == ctx.token_map[t.i] and t.head != t:
        return
    doc = ctx.doc
    for ch in t.children:
        if ch.dep_ == "prep" and ch.lower_ in ("at", "of", "with"):
            for ob in ch.children:
                if ob.dep_ != "pobj":
                    continue
                e = ctx.ent(ob)
                if e is None or ctx.type_of(e[0]) not in ORGISH:
                    continue
                if ctx.clusters[e[0]].latent:
                    continue
                holders = [(ctx.token_map[t.i], None)]
                nearest = None
                for k in range(ch.i - 1, t.i, -1):
                    x = ctx.ent(doc[k])
                    if x and ctx.type_of(x[0]) == EntityType.PERSON and x[0] != holders[0][0]:
                        nearest = doc[k]
                        break
                if nearest is not None:
                    head = nearest
                    while head.i + 1 < len(doc) and ctx.token_map.get(head.i + 1) == ctx.token_map.get(
                        nearest.i
                    ):
                        head = doc[head.i + 1]
                    group = head
                    while group.dep_ == "conj" and group.head.i != group.i:
                        group = group.head
                    holders = ctx.persons(group)
                elif t.dep_ == "conj" and not any(c.dep_ == "conj" and c.i > t.i for c in t.children):
                    # "A and B of the Acme Foundation": the last of a list of people carries
                    # the organization for all of them, unless an earlier one has its own
                    group = t
                    while group.dep_ == "conj" and group.head.i != group.i:
                        group = group.head
                    listed = [x for x in _conjuncts(group) if x.i != t.i]
                    if all(x.pos_ == "PROPN" for x in listed) and not any(
                        c.dep_ == "prep" and c.lower_ in ("at", "of", "with", "from")
                        for x in listed
                        for c in x.children
                    ):
                        holders = ctx.persons(group)
                for h in holders:
                    ctx.emit(h, RelationType.EMPLOYER, e, t, "person-at-org")


def _lab(ctx: _Ctx, n: Token) -> None:
    """ "trained in Y's lab", "a PhD student in Y's group": the student's adviser is Y."""
    if n.head.lower_ not in ("in", "at", "into"):
        return
    poss = _first(n, ("poss",))
    if poss is None:
        return
    advisers = ctx.persons(poss)
    gov = n.head.head
    students = ctx.subjects(gov) if gov.pos_ in ("VERB", "AUX") else ctx.holders(gov)
    for s in students:
        for a in advisers:
            ctx.emit(s, RelationType.ADVISER, a, n, "lab")
