"""Entities of one parsed document: find, clean, type and merge name mentions.

Starts from the model's named entities and fixes what a small model gets wrong
in news and biographies: possessives and titles inside names, company names
typed as places or products, surnames typed as organizations, headline
fragments, lists of names it half-recognised. Mentions that name the same
referent in the document are merged into one ``Cluster``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from spacy.tokens import Doc, Token

from ..model import EntityType
from ..names import (
    acronym_of,
    country_or_region,
    given_name,
    is_acronym,
    known_institution,
    known_place,
    name_key,
)
from .lexicon import (
    ATHLETE_NOUNS,
    CLASS_NOUNS,
    COMPANY_ROLE_HEADS,
    CORPORATE_SUFFIXES,
    DEGREE_WORDS,
    DIRECTION_WORDS,
    DISCIPLINE_WORDS,
    EMPLOYMENT_ROLES,
    EVENT_HEADS,
    FOREIGN_NAME_CONNECTORS,
    INSTITUTION_CONTEXT,
    INSTITUTION_HEADS,
    LAB_NOUNS,
    MEDIA_NOUNS,
    MEMBERSHIP_NOUNS,
    MODIFIED_CLASS_NOUNS,
    NAME_CONNECTORS,
    NAME_TAIL_WORDS,
    NAME_TITLE_WORDS,
    NOT_ACRONYM_ORGS,
    NOT_ENTITIES,
    NOT_GIVEN_NAMES,
    NOT_PERSON_MODIFIER_HEADS,
    ORG_LIST_NOUNS,
    ORG_MODIFIER_HEADS,
    ORG_NORP,
    ORG_SLOT_OBJECT,
    ORG_SLOT_PASSIVE,
    ORG_SLOT_ROLE,
    ORG_WORDS,
    PLACE_HEADS,
    PLACE_PREFIXES,
    PRODUCT_NOUNS,
    REGION_NOUNS,
    RESEARCH_WORDS,
    SHIP_PREFIXES,
    SPELL_NOUNS,
    SPORTS,
    SPORTS_VERBS,
    TITLES,
    WEAK_INSTITUTION_HEADS,
    WORK_INTRANSITIVE_VERBS,
    WORK_VERBS,
)

__all__ = ["Cluster", "find_entities", "norm_lemma"]

KEEP_LABELS = {"PERSON", "ORG", "GPE", "PRODUCT", "FAC", "NORP", "WORK_OF_ART", "EVENT", "LOC"}
_POSSESSIVE = {"'s", "’s", "'", "’", "s'"}


@dataclass
class Cluster:
    """One referent in a document: its mentions (token spans) and its type."""

    idx: int
    type: EntityType | None  # None: not decided yet
    spans: list[tuple[int, int]] = field(default_factory=list)  # token [start, end)
    labels: Counter = field(default_factory=Counter)
    latent: bool = False  # a place-or-organization kept only if a relation needs it
    body: bool = False  # a team, band, party or force: one is a member of it, not employed
    athlete: bool = False  # a person the text shows playing sport: "joined X" is a team
    forms: Counter = field(default_factory=Counter)

    def name(self) -> str:
        forms = list(self.forms)
        if self.type == EntityType.PERSON:
            return max(forms, key=lambda f: (len(f.split()), self.forms[f], len(f)))
        non_acr = [f for f in forms if not is_acronym(f)] or forms
        return max(non_acr, key=lambda f: (len(f.split()) > 1, self.forms[f], len(f)))


@dataclass
class _Cand:
    start: int
    end: int
    label: str
    headline: bool = False
    source: str = "ner"

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text


def norm_lemma(t: Token) -> str:
    """The lemma, mended where the small model's lemmatizer slips ("cofounded")."""
    lemma = t.lemma_.lower()
    low = t.lower_
    if low.startswith(("co-", "co")) and "found" in low:
        return "cofound" if "founder" not in low else lemma
    if lemma.endswith("founde"):
        return lemma[:-1]
    return lemma


def _in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


# Words that make a name a body's: "Acme Records", "Institute of X" (not "Acme Museum")
_BODY_WORDS = ORG_WORDS | (INSTITUTION_HEADS - WEAK_INSTITUTION_HEADS)
_NAME_HONORIFICS = {"sheikh", "sheik", "st", "saint"}  # part of the name: "St Agnes", "Sheikh Rahman"
_CUT_TITLES = NAME_TITLE_WORDS - _NAME_HONORIFICS  # cut from the front of a person's name


def _clean(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """Trim a span to the name it contains; may split it at line breaks."""
    pieces: list[tuple[int, int]] = []
    s = start
    for i in range(start, end):
        t = doc[i]
        if "\n" in t.text or ("\n" in t.whitespace_ and i < end - 1):
            stop = i if "\n" in t.text else i + 1
            pieces.append((s, stop))
            s = i + 1
    pieces.append((s, end))
    if label in ("ORG", "FAC"):
        # "Prior to Acme, Smith founded ...": a comma inside an organization's span ends it,
        # unless what follows is a corporate suffix or a place ("University of X, Y")
        split: list[tuple[int, int]] = []
        for ps, pe in pieces:
            cut = ps
            for i in range(ps + 1, pe - 1):
                if doc[i].text != ",":
                    continue
                after = doc[i + 1 : pe].text.strip()
                if (
                    after.casefold().rstrip(".") in CORPORATE_SUFFIXES
                    or after.casefold() in CORPORATE_SUFFIXES
                ):
                    continue
                if known_place(after) or doc[i + 1].ent_type_ == "GPE":
                    continue
                split.append((cut, i))
                cut = i + 1
            split.append((cut, pe))
        pieces = split
        # "Oxford's Business School", "Acme University's College of Music": the unit
        # after a possessive is an institution of its own
        split = []
        for ps, pe in pieces:
            cut = ps
            for i in range(ps + 1, pe - 2):
                if doc[i].tag_ != "POS" and doc[i].text not in _POSSESSIVE:
                    continue
                rest = doc[i + 1 : pe]
                words = {t.lower_ for t in rest}
                if all(t.text[:1].isupper() or t.lower_ in NAME_CONNECTORS for t in rest) and (
                    words & _BODY_WORDS
                ):
                    split.append((cut, i))
                    cut = i + 1
                break
            split.append((cut, pe))
        pieces = split
    out = []
    for s, e in pieces:
        if label in ("ORG", "FAC"):
            # "Co-Chief Executive Officer of Power Corporation": the title is not the name
            k = s
            while k < e and (
                doc[k].lemma_.lower() in EMPLOYMENT_ROLES
                or doc[k].lower_
                in (
                    "co-chief",
                    "co",
                    "-",
                    "vice",
                    "deputy",
                    "assistant",
                    "and",
                    "chief",
                    "executive",
                    "officer",
                    "managing",
                )
            ):
                k += 1
            if k > s and k < e and doc[k].lower_ == "of":
                s = k + 1
        # cut at an internal possessive: "DeepSeek's R1" names DeepSeek, but
        # "St. Mary's Academy" is one name
        for i in range(s, e):
            if doc[i].text in _POSSESSIVE or doc[i].tag_ == "POS":
                rest = [t.lower_ for t in doc[i + 1 : e]]
                if (
                    label != "PERSON"
                    and len(rest) == 1
                    and (rest[0] in INSTITUTION_HEADS or rest[0] in ORG_WORDS)
                ):
                    break
                e = i
                break
        while (
            label in ("ORG", "FAC", "GPE")
            and s < e - 1
            and doc[s].is_sent_start
            and doc[s].tag_ in ("VBG", "IN", "RB", "VBN")
        ):
            s += 1  # "Following Smith's death": the sentence's first word is no name
        while s < e and (
            doc[s].is_punct
            or doc[s].is_space
            or doc[s].lower_ in ("the", "a", "an")
            or (label == "PERSON" and doc[s].lower_ in TITLES and e - s > 1)
            or (label == "PERSON" and doc[s].lower_.rstrip(".") in TITLES and e - s > 1)
            or (
                label == "PERSON"
                and e - s > 1
                and (
                    doc[s].lemma_.lower() in EMPLOYMENT_ROLES
                    or doc[s].lower_.removesuffix("s") in EMPLOYMENT_ROLES
                    or doc[s].lower_.rstrip(".") in _CUT_TITLES
                    or CLASS_NOUNS.get(doc[s].lower_) == "person"
                )
            )
            or (label == "PERSON" and e - s > 2 and _origin_word(doc[s], doc[s + 1]))
        ):
            s += 1
        while e > s and (
            (doc[e - 1].is_punct and doc[e - 1].text not in (")",))
            or doc[e - 1].is_space
            or doc[e - 1].text in _POSSESSIVE
            or doc[e - 1].lower_ in NAME_CONNECTORS
            or (
                doc[e - 1].text[:1].islower()
                and not doc[e - 1].like_num
                and not (
                    label == "PERSON"
                    and len(doc[e - 1]) <= 5
                    and doc[e - 1].lower_ not in _NOT_NAME_PIECES
                    and e - 2 > s
                    and doc[e - 2].text in _HYPHENS
                    and doc[e - 2].whitespace_ == ""
                )
            )
        ):
            e -= 1
        if e > s and doc[e - 1].text == ")" and "(" not in doc[s : e - 1].text:
            e -= 1
        opened = [i for i in range(s + 1, e) if doc[i].text == "("]
        if opened and ")" not in doc[opened[-1] : e].text:
            e = opened[-1]  # "Endeavour (CV-9": the name ends before an unclosed parenthesis
            while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
                e -= 1
        if e > s:
            out.append((s, e))
    return out


_HYPHENS = ("-", "‐", "–")
# lower-case words after a hyphen that end no name: "Smith-led", "Paris-based"
_NOT_NAME_PIECES = {
    "led",
    "run",
    "born",
    "based",
    "owned",
    "style",
    "like",
    "type",
    "era",
    "level",
    "wing",
    "old",
}


def _first_name_word(t: Token) -> bool:
    """Could this first word of a sentence start a person's name ("Gennady Sorokin ...")?"""
    if given_name(t.text, even_a_place=True):
        return True
    return not (
        known_place(t.text) or t.lower_ in CLASS_NOUNS or re.search(r"(ist|ian|ant|ent|or|er|ess)$", t.lower_)
    )


def _origin_word(t: Token, nxt: Token) -> bool:
    """ "Ohioan Peter Lindqvist", "Oslo painter Rune Berg": where a person is from, written
    before the name."""
    if given_name(t.text, even_a_place=True) or not given_name(nxt.text, even_a_place=True):
        return False
    return known_place(t.text) or bool(re.search(r"(an|man|ese|ish)$", t.lower_))


def _extend_name(doc: Doc, s: int, e: int, label: str) -> tuple[int, int]:
    """Take in what the model left out of a name: the rest of a hyphenated word
    ("Park Ji-sung", "Lloyd-Jones") and, for people, given names it parsed as part of the
    name ("Ada Lovelace")."""
    n = len(doc)

    def glued(i: int) -> bool:  # token i is written against token i + 1
        return i + 1 < n and doc[i].whitespace_ == "" and "\n" not in doc[i].text

    def piece(t: Token) -> bool:  # "Jones" of "Lloyd-Jones", "sung" of "Ji-sung", not "based"
        return t.is_alpha and (
            t.text[:1].isupper() or (label == "PERSON" and len(t) <= 5 and t.lower_ not in _NOT_NAME_PIECES)
        )

    while (
        e < n
        and glued(e - 1)
        and (
            (doc[e].text in _HYPHENS and e + 1 < n and glued(e) and piece(doc[e + 1]))
            or (doc[e - 1].text in _HYPHENS and piece(doc[e]))
        )
    ):
        e += 1
    while s >= 2 and doc[s - 1].text in _HYPHENS and glued(s - 1) and glued(s - 2) and piece(doc[s - 2]):
        s -= 2
    # a hyphenated given name before the surname the model kept: "Joon-young Lee"
    while (
        label == "PERSON"
        and s >= 3
        and not glued(s - 1)
        and doc[s - 2].text in _HYPHENS
        and glued(s - 3)
        and glued(s - 2)
        and re.fullmatch(r"[a-z]{2,5}", doc[s - 1].text)
        and doc[s - 3].is_alpha
        and doc[s - 3].text[:1].isupper()
        and not doc[s - 3].is_upper
        and doc[s - 3].ent_type_ != "GPE"
    ):
        s -= 3
    if label != "PERSON":
        # a campus after a dash: "Lakeland State University – Fairview"
        if (
            e + 1 < n
            and doc[e].text in (*_HYPHENS, "—")
            and any(t.lower_ in INSTITUTION_HEADS for t in doc[s:e])
            and doc[e + 1].text[:1].isupper()
            and doc[e + 1].is_alpha
        ):
            k = e + 1
            while k < n and k - e <= 3 and doc[k].text[:1].isupper() and doc[k].is_alpha:
                k += 1
            if k - e <= 3 and not any(t.lower_ in INSTITUTION_HEADS for t in doc[e + 1 : k]):
                e = k
        return s, e

    def name_word(t: Token) -> bool:
        return (
            t.pos_ == "PROPN"
            and t.ent_iob_ == "O"
            and t.is_alpha
            and t.text[:1].isupper()
            and t.lower_ not in _NOT_A_NAME
            and t.lower_ not in CLASS_NOUNS
            and t.lower_ not in NAME_TITLE_WORDS
            and not (t.is_upper and len(t) > 1)
            and not (t.is_sent_start and not _first_name_word(t))
        )

    while s > 0 and doc[s - 1].dep_ == "compound" and s <= doc[s - 1].head.i < e and name_word(doc[s - 1]):
        s -= 1
    head = doc[e - 1].head.i
    if doc[e - 1].dep_ == "compound" and e <= head < e + 5:
        if all(name_word(t) or t.text in _HYPHENS for t in doc[e : head + 1]):
            e = head + 1
    return s, e


_RANK_WORDS = {"assistant", "deputy", "acting"}


def _plausible(text: str, label: str) -> bool:
    if not re.search(r"[^\W\d_]", text):
        return False
    if text.casefold() in NOT_ENTITIES or text.casefold() in DEGREE_WORDS or name_key(text) in {"", "s"}:
        return False
    if text.startswith("List of "):  # a list's title names no one
        return False
    if len(text) < 2 and label != "PERSON":
        return False
    if label != "PERSON" and text.split()[0].casefold() in _RANK_WORDS:
        return False  # a post, not a body: "an Assistant District Attorney"
    if not (text[:1].isupper() or text[:1].isdigit() or re.match(r"[a-z][A-Z]", text)):
        return False  # "iMusic Store" and "eBay" are names too
    if label == "PERSON" and any(ch.isdigit() for ch in text):
        return False
    return not len(text) > 80


def _uncovered_chunk(doc: Doc, i: int, covered: set[int]) -> tuple[int, int] | None:
    """A proper-name chunk starting at token ``i`` that no entity covers."""
    t = doc[i]
    if i in covered or not (t.text[:1].isupper() or t.text[:1].isdigit()):
        return None
    if t.pos_ not in ("PROPN", "NOUN", "NUM", "X", "ADJ") or t.is_stop:
        return None
    if not re.search(r"[A-Za-z]", t.text):
        return None
    j = i + 1
    while j < len(doc) and j not in covered:
        n = doc[j]
        if (n.text[:1].isupper() and n.pos_ in ("PROPN", "NOUN", "X")) or (
            n.lower_ in ("of", "the")
            and j + 1 < len(doc)
            and (doc[j + 1].text[:1].isupper() or doc[j + 1].lower_ == "the")
        ):
            j += 1
        else:
            break
    while j > i + 1 and doc[j - 1].lower_ in ("of", "the"):
        j -= 1
    return (i, j)


def _extra_candidates(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Names the model missed: in lists beside recognised names, and as news sources."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    by_token = {}
    for c in cands:
        for i in range(c.start, c.end):
            by_token[i] = c
    extra: list[_Cand] = []

    def add(span: tuple[int, int] | None, label: str, source: str) -> None:
        if span is None:
            return
        if any(i in covered for i in range(*span)):
            return
        for s, e in _clean(doc, span[0], span[1], label):
            extra.append(_Cand(s, e, label, source=source))
            covered.update(range(s, e))

    for c in cands:
        if c.label not in ("ORG", "PERSON"):
            continue
        root = doc[c.start : c.end].root
        # coordination: "StepFun, Minimax, and 01.AI"
        group = [root]
        head = root
        while head.dep_ == "conj" and head.head is not head:
            head = head.head
            group.append(head)
        stack = [head]
        seen = set()
        while stack:
            t = stack.pop()
            if t.i in seen:
                continue
            seen.add(t.i)
            group.append(t)
            stack.extend(ch for ch in t.children if ch.dep_ in ("conj", "appos"))
        for t in group:
            if t.i not in covered and t.pos_ in ("PROPN", "NOUN", "NUM", "X"):
                left = t.i
                while (
                    left - 1 >= 0
                    and doc[left - 1].head.i == t.i
                    and doc[left - 1].dep_ in ("compound", "nummod")
                    and doc[left - 1].text[:1].isupper()
                ):
                    left -= 1
                chunk = _uncovered_chunk(doc, left, covered)
                if chunk and chunk[0] <= t.i < chunk[1]:
                    add(chunk, c.label, "list")
    # the last item of a list the parser lost: "StepFun, Minimax, and 01.AI"
    for c in cands + extra:
        if c.label != "ORG":
            continue
        j = c.end
        if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("and", "or"):
            j += 2
        elif j + 1 < len(doc) and doc[j].lower_ in ("and", "or"):
            j += 1
        else:
            continue
        t = doc[j]
        prev_list = c.start >= 2 and doc[c.start - 1].text == "," and (c.start - 2) in covered
        if (
            prev_list
            and j not in covered
            and re.fullmatch(r"[0-9A-Z][\w.\-&]*[A-Za-z][\w.\-&]*", t.text)
            and not t.is_stop
        ):
            add((j, j + 1), "ORG", "list")
    # "companies like X, Y", "startups such as X"
    for t in doc:
        if t.lower_ in ("like", "as", "including") and t.head.lower_ in ORG_LIST_NOUNS:
            for obj in [ch for ch in t.children if ch.dep_ == "pobj"]:
                items = [obj] + [c for c in obj.subtree if c.dep_ == "conj"]
                for it in items:
                    if it.i in by_token:
                        continue
                    left = it.i
                    while left - 1 >= 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i == it.i:
                        left -= 1
                    chunk = _uncovered_chunk(doc, left, covered)
                    if chunk and chunk[0] <= it.i < chunk[1]:
                        add(chunk, "ORG", "list")
    # "a report from 36Kr", "a story by Rest of the World", "according to X"
    for t in doc:
        if (t.lower_ in ("from", "by") and t.head.lower_ in MEDIA_NOUNS) or (
            t.lower_ == "to" and t.i > 0 and doc[t.i - 1].lower_ == "according"
        ):
            objs = [ch for ch in t.children if ch.dep_ == "pobj"]
            for obj in objs:
                if obj.i in by_token and by_token[obj.i].label != "PERSON":
                    continue
                left = obj.i
                while (
                    left - 1 > t.i
                    and doc[left - 1].head.i == obj.i
                    and doc[left - 1].dep_ in ("compound", "nummod", "amod")
                    and doc[left - 1].text[:1].isupper()
                ):
                    left -= 1
                chunk = _uncovered_chunk(doc, left, covered - set(range(left, obj.i + 1)))
                if chunk and chunk[0] <= obj.i < chunk[1] and chunk[1] - chunk[0] >= 1:
                    # replace a wrong PERSON reading of the first word ("Rest")
                    for c in list(cands):
                        if c.start >= chunk[0] and c.end <= chunk[1]:
                            cands.remove(c)
                            covered.difference_update(range(c.start, c.end))
                    add(chunk, "ORG", "source")
    # acronyms the model left out: "at ESSEC in Paris"; names that start with a given name
    # the model left out: "Lars Holmqvist"
    for t in doc:
        if (
            t.i in covered
            or t.pos_ != "PROPN"
            or (t.is_sent_start and t.i + 1 < len(doc) and doc[t.i + 1].is_upper)
        ):
            continue
        if (
            t.is_upper
            and t.is_alpha
            and 3 <= len(t) <= 7
            and t.lower_ not in NOT_ENTITIES
            and t.lower_ not in NOT_ACRONYM_ORGS
            and t.lower_ not in DEGREE_WORDS
            and not known_place(t.text)
            and not (t.i > 0 and doc[t.i - 1].is_upper and doc[t.i - 1].is_alpha)
            and not (t.i + 1 < len(doc) and doc[t.i + 1].is_upper and doc[t.i + 1].is_alpha)
        ):
            add((t.i, t.i + 1), "ORG", "acronym")
        elif given_name(t.text) and t.lower_ not in NOT_GIVEN_NAMES and t.i + 1 < len(doc):
            j = t.i + 1
            while (
                j < len(doc)
                and j - t.i < 3
                and j not in covered
                and doc[j].pos_ == "PROPN"
                and doc[j].is_alpha
                and doc[j].text[:1].isupper()
                and not doc[j].is_upper
            ):
                j += 1
            if j - t.i >= 2 and _looks_like_person(doc[t.i : j].text) and not known_place(doc[j - 1].text):
                add((t.i, j), "PERSON", "given")
    # definitions: "Acme Films was a British production company", "Smith, a painter"
    for t in doc:
        if t.i in covered or t.pos_ != "PROPN" or not t.text[:1].isupper():
            continue
        nouns = [ch for ch in t.children if ch.dep_ == "appos" and ch.i > t.i]
        if t.dep_ == "nsubj" and t.head.lemma_ == "be":
            nouns += [ch for ch in t.head.children if ch.dep_ == "attr"]
        kinds = {_noun_class(n) for n in nouns} - {None}
        if len(kinds) != 1 or not kinds & {"org", "institution", "person"}:
            continue
        left = t.i
        while (
            left - 1 >= 0
            and doc[left - 1].dep_ in ("compound", "amod", "nmod")
            and doc[left - 1].head.i == t.i
            and doc[left - 1].text[:1].isupper()
        ):
            left -= 1
        chunk = _uncovered_chunk(doc, left, covered)
        if chunk and chunk[0] <= t.i < chunk[1]:
            add(chunk, "PERSON" if kinds == {"person"} else "ORG", "definition")
    # names in the organization slot of a strong trigger: "Acme was founded by ...",
    # "joined Acme", "a professor at Acme", "graduated from Acme"
    for t in doc:
        if t.i in covered or t.pos_ != "PROPN" or not t.text[:1].isupper():
            continue
        head = t.head
        lemma = norm_lemma(head)
        slot = False
        if (t.dep_ == "nsubjpass" and lemma in ORG_SLOT_PASSIVE) or (
            t.dep_ == "dobj" and lemma in ORG_SLOT_OBJECT
        ):
            slot = True
        elif (t.dep_ == "dobj" and lemma in ("leave", "quit")) or (
            t.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ in ("leave", "quit")
        ):
            # "Hinton left Google for Acme": a person leaves an employer for another
            verb = head if t.dep_ == "dobj" else head.head
            subj = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
            slot = subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in ("he", "she", "they"))
        elif (
            t.dep_ == "compound"
            and head.lemma_.lower() in COMPANY_ROLE_HEADS
            and head.text[:1].islower()
            and not t.is_sent_start
        ):
            slot = True  # "Acme chairperson Ben Ngata", "Zeta co-founder Li Wei"
        elif t.dep_ == "pobj" and head.dep_ == "prep":
            gov = head.head.lemma_.lower()
            if (head.lower_ in ("at", "for") and gov in ORG_SLOT_ROLE) or (
                head.lower_ == "from" and gov in ("graduate", "degree", "phd", "doctorate")
            ):
                slot = True
        if not slot:
            continue
        left = t.i
        while (
            left - 1 >= 0
            and doc[left - 1].dep_ in ("compound", "amod")
            and doc[left - 1].head.i == t.i
            and doc[left - 1].text[:1].isupper()
        ):
            left -= 1
        chunk = _uncovered_chunk(doc, left, covered)
        if chunk and chunk[0] <= t.i < chunk[1]:
            add(chunk, "ORG", "slot")
    # people the model left out, known by what only a person does: "Okafor graduated from
    # X", "In 1890, Lindqvist made his PhD at Y"
    for t in doc:
        if t.i in covered or t.pos_ != "PROPN" or not t.text[:1].isupper() or t.is_upper:
            continue
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = t.head
        lemma = norm_lemma(verb)
        strong = (t.dep_ == "nsubj" and lemma in _PERSONAL_VERBS) or (
            t.dep_ == "nsubjpass" and lemma in _PERSONAL_PASSIVE_VERBS
        )
        strong = strong or any(
            ch.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ in ("his", "her") for g in ch.children)
            for ch in verb.children
        )
        weak = t.dep_ == "nsubj" and lemma in _CAREER_VERBS
        if not (strong or weak):
            continue
        left = t.i
        while left - 1 >= 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i == t.i:
            left -= 1
        chunk = _uncovered_chunk(doc, left, covered)
        if not chunk or not chunk[0] <= t.i < chunk[1] or chunk[1] - chunk[0] > 3:
            continue
        words = [w for w in doc[chunk[0] : chunk[1]] if w.text not in _HYPHENS]
        if not strong and not (
            2 <= len(words) <= 3
            and all(w.is_alpha and w.text[:1].isupper() and not w.is_upper for w in words)
        ):
            continue  # a career verb's subject may be a company: only a two- or three-word name
        text = doc[chunk[0] : chunk[1]].text
        if known_place(text) or _kind_by_words(text) or text.casefold() in NOT_ENTITIES:
            continue
        if any(w.lower_ in CLASS_NOUNS or w.lower_ in NAME_TITLE_WORDS for w in words):
            continue
        add(chunk, "PERSON", "subject")
    return extra


#: Nouns whose "of"/possessive slot holds a person: "under the supervision of X", "X's adviser".
_PERSON_OF_NOUNS = {
    "supervision", "guidance", "tutelage", "mentorship", "mentoring", "direction", "wing",
    "student", "students", "protégé", "protege", "apprentice", "disciple", "mentee", "advisee",
}  # fmt: skip
_PERSON_POSS_NOUNS = {"advisor", "adviser", "supervisor", "mentor", "student", "protégé", "protege",
                      "mentee", "lab", "laboratory", "group", "thesis", "dissertation", "apprentice"}  # fmt: skip
_PERSON_ROLE_NOUNS = {"advisor", "adviser", "supervisor", "mentor", "co-advisor", "co-supervisor", "promoter"}
_PERSON_BY_VERBS = {"advise", "supervise", "mentor", "coach", "tutor", "train", "teach", "co-supervise"}


def _person_slot(t: Token) -> bool:
    """Does the syntax put a person in ``t``'s place ("under the supervision of X",
    "advised by X", "X's adviser", "his mentor X", "X supervised ...")?"""
    head = t.head
    if t.dep_ == "pobj":
        gov = head.head
        if head.lower_ == "of" and gov.lower_ in _PERSON_OF_NOUNS:
            return True
        if head.lower_ == "by" and norm_lemma(gov) in _PERSON_BY_VERBS and gov.tag_ == "VBN":
            return True
        return head.lower_ == "under" and gov.pos_ in ("VERB", "AUX", "NOUN")
    if t.dep_ == "poss":
        return head.lower_ in _PERSON_POSS_NOUNS
    if any(ch.dep_ == "compound" and ch.lower_ in _PERSON_ROLE_NOUNS for ch in t.children):
        return True  # "his adviser Ana Ruiz"
    if t.dep_ in ("appos",) and head.lower_ in _PERSON_ROLE_NOUNS:
        return True
    if t.dep_ == "attr" and any(
        ch.dep_ == "nsubj" and ch.lower_ in _PERSON_ROLE_NOUNS for ch in head.children
    ):
        return True  # "her advisor was Ana Ruiz"
    return t.dep_ in ("nsubj", "dobj", "nsubjpass") and norm_lemma(head) in (
        _PERSON_BY_VERBS - {"train", "teach"}
    )


def _person_slots(doc: Doc, cands: list[_Cand]) -> None:
    """Names in a person's place that the model missed or called an organization are people."""
    by_token = {i: c for c in cands for i in range(c.start, c.end)}
    for t in doc:
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.is_upper:
            continue
        have = by_token.get(t.i)
        if have is not None and have.label == "PERSON":
            continue
        if not _person_slot(t):
            continue
        s = t.i
        while (
            s - 1 >= 0
            and doc[s - 1].head.i == t.i
            and doc[s - 1].dep_ == "compound"
            and doc[s - 1].text[:1].isupper()
        ):
            s -= 1
        s, e = _extend_name(doc, s, t.i + 1, "PERSON")
        text = doc[s:e].text
        if (
            e - s > 5
            or known_place(text)
            or _kind_by_words(text)
            or text.casefold() in NOT_ENTITIES
            or any(w.lower_ in CLASS_NOUNS or w.lower_ in NAME_TITLE_WORDS for w in doc[s:e] if w.is_alpha)
        ):
            continue
        overlapping = [c for c in cands if c.start < e and s < c.end]
        if any(c.label == "PERSON" for c in overlapping):
            continue
        for c in overlapping:
            cands.remove(c)
        for cs, ce in _clean(doc, s, e, "PERSON"):
            cands.append(_Cand(cs, ce, "PERSON", source="person-slot"))
            for i in range(cs, ce):
                by_token[i] = cands[-1]


#: Verbs whose subject is a person: a name the model left untagged before them is one.
_PERSONAL_VERBS = {"graduate", "study", "attend", "enroll", "enrol", "matriculate", "marry", "die"}
_PERSONAL_PASSIVE_VERBS = {"bear", "hire", "promote", "mentor", "supervise", "advise", "educate", "train"}
#: Verbs of a career, whose subject is a person when it looks like a person's name.
_CAREER_VERBS = {
    "join", "work", "serve", "teach", "lecture", "intern", "earn", "receive", "obtain", "complete",
    "become", "retire", "resign", "found", "cofound", "co-found", "lead", "head", "chair", "direct",
}  # fmt: skip


def _institution(name: str, doc: Doc, spans: list[tuple[int, int]]) -> bool:
    words = name.split()
    lowered = [w.casefold().strip(",.()") for w in words]
    for k, w in enumerate(lowered):
        if w in INSTITUTION_HEADS and w not in WEAK_INSTITUTION_HEADS:
            if w == "department" and not (set(lowered) & RESEARCH_WORDS or "of" in lowered):
                continue
            if w == "school" and k == 0 and len(words) == 1:
                continue
            return True
        if w == "research" and k > 0:
            return True
        if w in WEAK_INSTITUTION_HEADS and set(lowered) & RESEARCH_WORDS - {w}:
            return True
    if known_institution(name):
        return True
    if re.fullmatch(r"[A-Z]{2,4}U", name):  # "MSU", "NYU", "BYU": state and city universities
        return True
    for s, e in spans[:5]:
        window = doc[max(0, s - 8) : min(len(doc), e + 8)].text
        if INSTITUTION_CONTEXT.search(window) and re.search(r"think[- ]tank", window, re.I):
            return True
    return False


def _org_context(doc: Doc, s: int, e: int) -> bool:
    """Does the syntax around a place-like name say it is an organization?"""
    root = doc[s:e].root
    if any(ch.dep_ == "case" or ch.tag_ == "POS" for ch in root.children):
        return True
    if root.dep_ == "poss":
        return True
    if root.dep_ == "compound" and root.head.lemma_.lower() in ORG_MODIFIER_HEADS:
        return True
    head = root.head
    if (
        root.dep_ == "pobj"
        and head.lower_ in ("like", "as", "including")
        and (head.head.lower_ in ORG_LIST_NOUNS)
    ):
        return True
    return bool(
        root.dep_ == "nsubj"
        and head.lemma_
        in ("say", "announce", "hire", "acquire", "offer", "vow", "release", "launch", "invest")
    )


def _discipline(name: str) -> bool:
    """ "Computer Science", "Information Engineering": a field of study, not a body."""
    words = [w.casefold() for w in name.split()]
    return 1 <= len(words) <= 4 and words[-1] in DISCIPLINE_WORDS and "of" not in words


def _field_context(doc: Doc, s: int, e: int) -> bool:
    """ "professor of X", "a degree in X", "studied X": the place of a field of study."""
    root = doc[s:e].root
    while root.dep_ == "compound" and root.head.i >= e:  # "an MA in [Visual] Arts"
        root = root.head
    if root.dep_ == "dobj" and root.head.lemma_.lower() in ("study", "teach", "major", "read"):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "in"):
        gov = root.head.head
        return gov.lemma_.lower() in EMPLOYMENT_ROLES or gov.lower_ in (
            "degree",
            "phd",
            "ph.d.",
            "doctorate",
            "bachelor",
            "master",
            "masters",
            "ba",
            "bs",
            "ma",
            "ms",
            "msc",
            "bsc",
            "studies",
            "major",
            "department",
            "school",
            "faculty",
            "professorship",
            "chair",
            "lecturer",
            "research",
            "career",
            "courses",
            "course",
        )
    return False


def _kind_by_words(name: str) -> str | None:
    """ "org", "place" or "event" when the words of a name say so."""
    words = [w.casefold().strip(",.()'’") for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return None
    if len(words) > 1 and words[-1] in EVENT_HEADS and words[-1] not in _BODY_WORDS:
        return "event"  # "Academy Award", "Acme Records Music Festival", "Hall of Fame"
    if any(w in _BODY_WORDS for w in words):
        return "org"
    hyphenated_given = len(words) in (2, 3) and re.fullmatch(r"[A-Z][a-z]+-[a-z]{2,5}", name.split()[0])
    if (words[-1] in PLACE_HEADS and not hyphenated_given) or (len(words) > 1 and words[0] in PLACE_PREFIXES):
        return "place"  # ("Yoo-na Park" is a person: a hyphenated given name before the surname)
    if "of" in words:
        before = words[: words.index("of")]
        if before and before[-1] in PLACE_HEADS:
            return "place"
    if words[-1] in EVENT_HEADS or (len(words) > 1 and words[0] in SHIP_PREFIXES):
        return "event"
    if len(words) > 1 and words[0] == "best":
        return "event"  # an award: "Best Supporting Actress"
    return None


_NOT_A_NAME = (
    TITLES
    | EMPLOYMENT_ROLES
    | {
        "head",
        "writer",
        "premier",
        "prophet",
        "minister",
        "king",
        "queen",
        "emperor",
        "pope",
        "saint",
        "god",
        "lord",
        "sir",
        "madame",
        "monsieur",
        "herr",
        "frau",
        "chief",
        "officer",
        "executive",
        "co-chief",
        "vice",
        "deputy",
        "assistant",
        "acting",
        "former",
        "late",
        "of",
        "the",
        "and",
    }
)


def _full_names(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """ "Ada Lovelace" the model missed, when it found "Lovelace" alone elsewhere.

    A run of two or three capitalized words that no entity covers and that ends in a
    word the model tagged alone elsewhere is that word's full name: a person's. The
    lone word's mentions become the person's surname.
    """
    singles: dict[str, list[_Cand]] = {}
    for c in cands:
        if c.end - c.start == 1 and c.label in ("ORG", "PERSON", "PRODUCT", "NORP"):
            singles.setdefault(doc[c.start].text, []).append(c)
    if not singles:
        return []
    covered = {i for c in cands for i in range(c.start, c.end)}
    out = []
    i = 0
    n = len(doc)
    while i < n:
        j = i
        while (
            j < n
            and j not in covered
            and doc[j].pos_ == "PROPN"
            and doc[j].is_alpha
            and doc[j].text[:1].isupper()
            and doc[j].lower_ not in NOT_ENTITIES
            and doc[j].lower_ not in ORG_WORDS
            and doc[j].lower_ not in INSTITUTION_HEADS
        ):
            j += 1
        if 2 <= j - i <= 3 and doc[j - 1].text in singles and doc[i].text not in singles:
            out.append(_Cand(i, j, "PERSON", source="full"))
            for c in singles[doc[j - 1].text]:
                c.label = "PERSON"
        i = max(j, i + 1)
    return out


def _name_parts(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Surnames and given names of people named in full that the model left out ("Ng")."""
    parts = set()
    for c in cands:
        if c.label == "PERSON" and c.end - c.start >= 2:
            toks = [t for t in doc[c.start : c.end] if t.is_alpha]
            if toks:
                parts.add(toks[0].text)
                parts.add(toks[-1].text)
    if not parts:
        return []
    covered = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for t in doc:
        if (
            t.i not in covered
            and t.text in parts
            and t.pos_ == "PROPN"
            and len(t.text) > 1
            and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].i not in covered)
            and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN" and t.i - 1 not in covered)
        ):
            out.append(_Cand(t.i, t.i + 1, "PERSON", source="part"))
    return out


def _join_split_names(doc: Doc, cands: list[_Cand]) -> None:
    """ "Vision and Language Lab": one name the model cut at "and"."""
    by_start = {c.start: c for c in cands}
    removed: set[int] = set()  # ids: candidates compare by value, and a list scan is quadratic
    for c in cands:
        if c.label != "ORG" or id(c) in removed:
            continue
        j = c.end
        if j + 1 < len(doc) and doc[j].lower_ == "and" and (j + 1) in by_start:
            nxt = by_start[j + 1]
            left = [t.lower_ for t in doc[c.start : c.end]]
            right = [t.lower_ for t in doc[nxt.start : nxt.end]]
            if (
                nxt.label == "ORG"
                and not set(left) & _BODY_WORDS
                and set(right) & _BODY_WORDS
                and len(left) <= 2
                and all(t.pos_ in ("ADJ", "NOUN") for t in doc[c.start : c.end])
            ):
                removed.add(id(nxt))
                c.end = nxt.end
    if removed:
        cands[:] = [c for c in cands if id(c) not in removed]


def _join_listed_fields(doc: Doc, cands: list[_Cand]) -> None:
    """ "Council for Unity and Reform", "School of Painting, Sculpture and Design": the model
    ends such names at the first field; the fields after it belong to the name."""
    # a lone word the model or the list finder tagged may be one of the fields ("Reform")
    loose = {
        i: c
        for c in cands
        if (c.end - c.start == 1 and c.label not in ("GPE", "ORG") and not given_name(doc[c.start].text))
        or c.label in ("WORK_OF_ART", "EVENT", "PRODUCT", "LAW")
        for i in range(c.start, c.end)
    }
    covered = {i for c in cands for i in range(c.start, c.end) if i not in loose}
    absorbed: set[int] = set()
    for c in cands:
        words = [t.lower_ for t in doc[c.start : c.end]]
        if c.label != "ORG" or not ({"of", "for"} & set(words[1:])) or words[-1] in ("of", "for"):
            continue
        j, end, joined = c.end, c.end, False
        while j + 1 < len(doc) and doc[j].text in (",", "and") and "\n" not in doc[j].whitespace_:
            k = j + 1
            if doc[j].text == "," and doc[k].lower_ == "and":
                k += 1
            m = k
            while m < len(doc) and m not in covered and doc[m].text[:1].isupper() and doc[m].is_alpha:
                m += 1
            if m == k or m - k > 3 or known_place(doc[k:m].text) or known_institution(doc[k:m].text):
                break
            joined = joined or doc[j].lower_ == "and" or doc[k - 1].lower_ == "and"
            j = end = m
        if joined and end > c.end:
            covered.update(range(c.end, end))
            absorbed.update(id(loose[i]) for i in range(c.end, end) if i in loose)
            c.end = end
    if absorbed:
        cands[:] = [c for c in cands if id(c) not in absorbed]


def _join_foreign_institutions(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """ "Escuela nacional de Bellas-Artes": the model cuts names in other languages at their
    lowercase words; an institution's head word starts one name."""
    out = cands
    for t in doc:
        if t.lower_ not in INSTITUTION_HEADS or not t.text[:1].isupper():
            continue
        j, last, connectors = t.i + 1, t.i, 0
        while j < len(doc) and j - t.i < 9 and "\n" not in doc[j - 1].whitespace_:
            w = doc[j]
            if w.lower_ in FOREIGN_NAME_CONNECTORS:
                connectors += 1
            elif w.text[:1].isupper() and (w.is_alpha or "-" in w.text):
                last = j
            elif w.text == "-" and not w.whitespace_ and not doc[j - 1].whitespace_:
                pass  # "Bellas-Artes"
            elif not (w.is_alpha and w.is_lower and not w.is_stop):
                break
            j += 1
        if not connectors or last == t.i:
            continue
        s, e = t.i, last + 1
        if not any(w.lower_ in FOREIGN_NAME_CONNECTORS for w in doc[s:e]):
            continue
        out = [c for c in out if c.end <= s or c.start >= e] + [_Cand(s, e, "ORG")]
    return out


def _join_territorial_names(doc: Doc, cands: list[_Cand]) -> None:
    """ "Anne of Cleves", "Henry of Navarre": a lone given name with its territory is one name."""
    by_start = {c.start: c for c in cands}
    removed: set[int] = set()
    for c in cands:
        j = c.end
        if (
            c.label != "PERSON"
            or c.end - c.start != 1
            or j + 1 >= len(doc)
            or doc[j].lower_ != "of"
            or (j + 1) not in by_start
            or not given_name(doc[c.start].text)
        ):
            continue
        nxt = by_start[j + 1]
        if nxt.label in ("GPE", "ORG", "LOC", "NORP") and not _kind_by_words(nxt.text(doc)):
            removed.add(id(nxt))
            c.end = nxt.end
    if removed:
        cands[:] = [c for c in cands if id(c) not in removed]


def _relabel_lists(doc: Doc, cands: list[_Cand]) -> None:
    """Names listed with people are people: "Ada Lovelace and Charles Babbage"."""
    by_root = {}
    for c in cands:
        by_root[doc[c.start : c.end].root.i] = c
    for c in cands:
        if c.label != "ORG" or _kind_by_words(c.text(doc)):
            continue
        toks = doc[c.start : c.end]
        if not 2 <= len(toks) <= 3 or not all(t.text[:1].isupper() and t.is_alpha for t in toks):
            continue
        root = toks.root
        sibs = [ch for ch in root.children if ch.dep_ == "conj"]
        if root.dep_ == "conj":
            sibs.append(root.head)
            sibs.extend(ch for ch in root.head.children if ch.dep_ == "conj" and ch.i != root.i)
        labels = [by_root[t.i].label for t in sibs if t.i in by_root]
        if labels and labels.count("PERSON") > len(labels) / 2:
            c.label = "PERSON"
    # and a lone word listed with organizations is one: "Facebook and Twitter"
    for c in cands:
        if c.label != "PERSON" or c.end - c.start != 1:
            continue
        root = doc[c.start]
        sibs = [ch for ch in root.children if ch.dep_ == "conj"]
        if root.dep_ == "conj":
            sibs.append(root.head)
        labels = [by_root[t.i].label for t in sibs if t.i in by_root]
        if labels and all(lab == "ORG" for lab in labels):
            c.label = "ORG"


def _product_context(doc: Doc, s: int, e: int) -> bool:
    """ "the LLaMa models", "Alexa, a product", "models including AlphaFold": a product."""
    root = doc[s:e].root
    if root.dep_ == "compound" and root.head.lemma_.lower() in PRODUCT_NOUNS and root.head.i > root.i:
        return True
    for ch in root.children:
        if ch.dep_ == "appos" and ch.lemma_.lower() in PRODUCT_NOUNS:
            return True
    head = root
    while head.dep_ in ("conj", "appos") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in ("including", "like", "as"):
        gov = head.head.head
        if gov.lower_ == "such":
            gov = gov.head
        return gov.lemma_.lower() in PRODUCT_NOUNS
    return False


def _person_in_org_place(doc: Doc, s: int, e: int) -> bool:
    """Syntax that a person's name cannot fill: "X, the online company", "X co-founder"."""
    root = doc[s:e].root
    while root.dep_ == "conj" and root.head.i != root.i:  # "at Facebook and Twitter"
        root = root.head
    for ch in root.children:
        if ch.dep_ == "appos" and ch.lemma_.lower() in ORG_LIST_NOUNS:
            return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in ORG_LIST_NOUNS:
        return True
    if root.dep_ == "compound" and root.head.lemma_.lower() in NOT_PERSON_MODIFIER_HEADS:
        return True
    return bool(
        root.dep_ == "pobj"
        and root.head.lower_ in ("at", "for", "with")
        and root.head.head.lemma_.lower()
        in ("role", "job", "position", "work", "internship", "join", "scientist", "researcher", "engineer")
    )


def _noun_class(noun: Token) -> str | None:
    """The kind of thing a common noun names ("actor" -> person, "hamlet" -> place)."""
    if noun.pos_ not in ("NOUN", "PROPN") or not noun.text[:1].islower():
        return None
    lemma = noun.lemma_.lower()
    if noun.lower_.endswith("s") and noun.lower_[:-1] in CLASS_NOUNS:
        lemma = noun.lower_[:-1]
    modified = MODIFIED_CLASS_NOUNS.get(lemma)
    if modified:
        for ch in noun.children:
            if ch.dep_ in ("compound", "amod") and ch.i < noun.i:
                kind = modified.get(ch.lower_) or modified.get("*")
                if kind:
                    return kind
    return CLASS_NOUNS.get(lemma)


_LIFE_DATES = re.compile(
    r"\(\s*(?:born|b\.|died|d\.|c\.|circa|né|née)?[^()]{0,40}?\b\d{3,4}\b[^()]{0,30}?"
    r"(?:[–—-]|\bto\b)[^()]{0,30}?\b\d{3,4}\b[^()]{0,10}\)|\(\s*(?:born|b\.)\s[^()]{0,40}\)"
)


_OPEN_QUOTES = {'"', "“", "‘", "«", "'"}
_CLOSE_QUOTES = {'"', "”", "’", "»", "'"}


def _in_parens(doc: Doc, i: int) -> bool:
    """Is token ``i`` inside parentheses opened earlier in its sentence?"""
    depth = 0
    for t in doc[doc[i].sent.start : i]:
        if t.text == "(":
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
    return depth > 0


def _class_votes(doc: Doc, s: int, e: int) -> list[tuple[str, float]]:
    """What the text says a name is: "X is an English actor", "Y, a hamlet", "the band Z"."""
    votes: list[tuple[str, float]] = []
    root = doc[s:e].root

    def vote(noun: Token, weight: float = 1.0, kinds: tuple[str, ...] | None = None) -> None:
        kind = _noun_class(noun)
        if kind and (kinds is None or kind in kinds):
            votes.append((kind, weight))

    head = root.head
    # copula: "X is/was an English actor (and singer)", "X is one of twelve wilderness areas"
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be" and not _in_parens(doc, s):
        for attr in (ch for ch in head.children if ch.dep_ == "attr"):
            if attr.lower_ == "one" or attr.ent_type_ == "ORDINAL":
                attr = next((g for p in attr.children if p.lower_ == "of" for g in p.children), attr)
            vote(attr)
            for conj in attr.children:
                if conj.dep_ == "conj":
                    vote(conj, 0.5)
    # apposition either way: "Y, a hamlet in ...", "the band Z"
    for ch in root.children:
        if ch.dep_ == "appos" and ch.i > root.i:
            vote(ch)
    if root.dep_ == "appos" and head.i < root.i:
        vote(head)
    # a lower-case class noun right before the name: "composer Ada Berg", "king Harald"
    for ch in root.children:
        if (
            ch.dep_ in ("compound", "nmod")
            and ch.i < s
            and not any(t.text[:1].isupper() for t in doc[ch.i + 1 : s])
        ):
            vote(ch)
    # "the town of X"; "a composer named X"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.i < head.i:
        vote(head.head, 1.0, ("place",))
    if root.dep_ in ("oprd", "dobj", "xcomp") and head.lemma_ in ("name", "call") and head.dep_ == "acl":
        vote(head.head)
    # the name modifies a noun only an organization can: "the Acme network"
    if root.dep_ == "compound" and head.i == e and head.lemma_.lower() not in LAB_NOUNS:
        vote(head, 0.5, ("org", "institution"))
        if head.lemma_.lower() in ("culture", "people", "tribe", "dynasty", "language", "dialect"):
            votes.append(("thing", 0.5))
    # what is done to works: "X was directed by", "she recorded X", "X premiered in"
    lemma = head.lemma_.lower()
    if root.dep_ == "nsubjpass" and lemma in WORK_VERBS:
        votes.append(("work", 1.0))
    elif (root.dep_ == "nsubj" and lemma in WORK_INTRANSITIVE_VERBS) or (
        root.dep_ == "dobj" and lemma in WORK_VERBS
    ):
        votes.append(("work", 0.5))
    elif root.dep_ == "dobj" and lemma in ("receive", "win", "award"):
        votes.append(("thing", 0.5))
    # where a place is: "Dayton, Ohio", "southwest of Leeds", "the Umbria region",
    # "Kent and Essex"
    if (
        e + 1 < len(doc)
        and doc[e].text == ","
        and doc[e + 1].ent_type_ == "GPE"
        and doc[e + 1].ent_iob_ == "B"
    ):
        end = e + 2
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        closed = end == len(doc) or (doc[end].is_punct and doc[end].tag_ != "POS")
        if closed and known_place(doc[e + 1 : end].text):
            votes.append(("place", 1.0))
    if root.dep_ == "pobj" and head.head.lower_ in DIRECTION_WORDS and head.lower_ in ("of", "by"):
        votes.append(("place", 1.0))
    if root.dep_ == "compound" and head.i == e and head.lemma_.lower() in REGION_NOUNS:
        votes.append(("place", 1.0))
    siblings = [ch for ch in root.children if ch.dep_ == "conj"]
    if root.dep_ == "conj":
        siblings.append(head)
        siblings.extend(ch for ch in head.children if ch.dep_ == "conj" and ch.i != root.i)
    first = head if root.dep_ == "conj" else root
    if siblings and any(ch.dep_ == "cc" for t in [first, *siblings] for ch in t.children):
        placed = [t for t in siblings if t.ent_type_ in ("GPE", "LOC")]
        if (
            placed
            and len(placed) * 2 > len(siblings)
            and (len(placed) > 1 or country_or_region(placed[0].text))
        ):
            votes.append(("place", 1.0))
    # "John Smith (actor)", "The Gardeners (1961)"; life dates "(2 May 1901 – 9 June 1980)"
    name = doc[s:e].text
    # a title in quotation marks: '" Kiss Me Again "', "“Blue Lines”"
    if s > 0 and e < len(doc) and doc[s - 1].text in _OPEN_QUOTES and doc[e].text in _CLOSE_QUOTES:
        votes.append(("work", 1.0))
    if (
        e < len(doc)
        and doc[e].text == "("
        and re.match(r"\(\s*[A-Z]{1,4}\s*-\s*\d{1,4}\s*\)", doc[e : e + 6].text)
    ):
        votes.append(("thing", 1.0))  # a hull or model number: "Endeavour (CV-9)"
    if (
        s > 0
        and e < len(doc)
        and doc[s - 1].text == "("
        and doc[e].text == ")"
        and re.fullmatch(r"[A-Z]{1,4}\s*-\s*\d{1,4}", name)
    ):
        votes.append(("thing", 1.0))  # the number itself: "(CV-9)"
    if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")":
        vote(doc[e + 1])
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", doc[e + 1].text) and not known_place(name):
            votes.append(("work", 1.0))
    if e < len(doc) and doc[e].text == "(" and not known_place(name):
        tail = doc[e : min(len(doc), e + 20)].text
        if _LIFE_DATES.match(tail) and all(t.text[:1].isupper() for t in doc[s:e]):
            if e - s > 1 or re.match(r"\(\s*(born|died|b\.|d\.)", tail):
                votes.append(("person", 1.0))
    return votes


def _common_noun(word: str) -> bool:
    """A word that names a kind of person, place, work or thing, or a bare company suffix."""
    if word in ORG_WORDS:
        return False
    kinds = ("person", "place", "work", "thing")
    return (
        CLASS_NOUNS.get(word) in kinds
        or (word.endswith("s") and CLASS_NOUNS.get(word[:-1]) in kinds)
        or word.rstrip(".") in CORPORATE_SUFFIXES
    )


def _looks_like_person(name: str) -> bool:
    """ "Helga Brandt", "Ramon Oyarzun": a known given name and a surname, nothing else."""
    words = name.split()
    if (
        not 2 <= len(words) <= 3
        or not given_name(words[0], even_a_place=True)  # the whole name is checked for places
        or words[0].casefold() in NOT_GIVEN_NAMES
    ):
        return False
    if not all(re.fullmatch(r"[^\W\d_][^\W\d_'’\-]*\.?", w) and w[:1].isupper() for w in words) or any(
        w.isupper() and not w.endswith(".") for w in words
    ):
        return False
    last = words[-1].casefold()
    return not (
        last in ORG_WORDS
        or last in CORPORATE_SUFFIXES
        or last in INSTITUTION_HEADS
        or last in PLACE_HEADS
        or last in EVENT_HEADS
        or last in CLASS_NOUNS
        or known_place(name)
        or country_or_region(words[-1])
    )


def _athlete_context(doc: Doc, s: int, e: int) -> bool:
    """ "X was traded to", "X, a Turkish footballer", "X is a goalkeeper": a sportsperson."""
    root = doc[s:e].root
    head = root.head
    if root.dep_ == "nsubjpass" and head.lemma_.lower() in (
        "trade",
        "draft",
        "loan",
        "transfer",
        "sign",
        "cap",
    ):
        return True
    nouns = [ch for ch in root.children if ch.dep_ == "appos" or (ch.dep_ == "compound" and ch.i < s)]
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
        nouns.extend(ch for ch in head.children if ch.dep_ == "attr")
    return any(n.lemma_.lower() in ATHLETE_NOUNS for n in nouns) or any(
        n.lemma_.lower() == "player" and any(ch.lower_ in SPORTS for ch in n.children) for n in nouns
    )


def _membership_context(doc: Doc, s: int, e: int) -> bool:
    """ "the band X", "X, a football club", "played for X", "was traded to X", "four seasons
    with X": a body one is a member of rather than employed by."""
    root = doc[s:e].root
    head = root.head
    nouns = [ch for ch in root.children if ch.dep_ == "appos" or (ch.dep_ == "compound" and ch.i < s)]
    if root.dep_ == "appos" or (root.dep_ == "compound" and head.i == e):
        nouns.append(head)
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
        nouns.extend(ch for ch in head.children if ch.dep_ == "attr")
    if any(n.text[:1].islower() and n.lemma_.lower() in MEMBERSHIP_NOUNS for n in nouns):
        return True
    if root.dep_ == "pobj" and head.lower_ in ("for", "with", "to", "by", "at"):
        gov = head.head
        if gov.lemma_.lower() in SPORTS_VERBS:
            return True
        if gov.lemma_.lower() in SPELL_NOUNS and gov.pos_ == "NOUN":
            return True
    return False


def _told(doc: Doc, spans: list[tuple[int, int]], cache: dict[tuple[int, int], list]) -> Counter:
    """The class votes of all the spans, each span voted on once per document."""
    told: Counter = Counter()
    for span in spans:
        if span not in cache:
            cache[span] = _class_votes(doc, *span)
        for kind, weight in cache[span]:
            told[kind] += weight
    return told


def _not_an_actor(doc: Doc, c: Cluster, cache: dict[tuple[int, int], list]) -> bool:
    """Does the text say, over all the name's mentions, that it is a place, a work or a thing?"""
    told = _told(doc, c.spans, cache)
    if not told:
        return False
    top, weight = told.most_common(1)[0]
    name = c.name()
    return (
        top in ("place", "work", "thing")
        and weight > sum(told.values()) - weight
        and _kind_by_words(name) != "org"
        and not known_institution(name)
    )


def _label_vote(c: Cluster) -> str:
    labels = c.labels
    if labels["PERSON"] > labels["ORG"] + labels["PRODUCT"] + labels["FAC"]:
        return "PERSON"
    if labels["ORG"] or labels["list_org"] or labels["source"]:
        return "ORG"
    if labels["PERSON"]:
        return "PERSON"
    return labels.most_common(1)[0][0]


def find_entities(
    doc: Doc,
    furniture: list[tuple[int, int]],
    headlines: list[tuple[int, int]],
) -> tuple[list[Cluster], dict[int, int]]:
    """Return the document's clusters and a map token index -> cluster index."""
    cands: list[_Cand] = []
    ent_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        start = ent.start
        if ent.label_ in ("ORG", "FAC", "PRODUCT"):
            # "Deep Vision": a capitalized modifier the model left outside the name
            while (
                start - 1 >= 0
                and start - 1 not in ent_tokens
                and doc[start - 1].dep_ in ("amod", "compound")
                and doc[start - 1].head.i in range(ent.start, ent.end)
                and doc[start - 1].text[:1].isupper()
                and doc[start - 1].is_alpha
                and not doc[start - 1].is_sent_start
                and doc[start - 1].lower_ not in NOT_ENTITIES
            ):
                start -= 1
        if ent.label_ in ("ORG", "GPE", "FAC") and start >= 2 and doc[start - 1].lower_ == "of":
            # "University of [Toronto]": the model left the head of the name outside
            head = doc[start - 2]
            if head.text[:1].isupper() and (head.lower_ in INSTITUTION_HEADS or head.lower_ in ORG_WORDS):
                start -= 2
        start, end = _extend_name(doc, start, ent.end, ent.label_)
        for s, e in _clean(doc, start, end, ent.label_):
            cands.append(_Cand(s, e, ent.label_))
    cands.extend(_extra_candidates(doc, cands))
    _person_slots(doc, cands)
    _join_split_names(doc, cands)
    _join_listed_fields(doc, cands)
    cands = _join_foreign_institutions(doc, cands)
    _join_territorial_names(doc, cands)
    _relabel_lists(doc, cands)
    cands.extend(_full_names(doc, cands))
    cands.extend(_name_parts(doc, cands))
    # drop furniture, mark headline mentions
    kept: list[_Cand] = []
    for c in cands:
        pos = doc[c.start].idx
        if _in_ranges(pos, furniture):
            continue
        c.headline = _in_ranges(pos, headlines)
        if not _plausible(c.text(doc), c.label):
            continue
        if c.end < len(doc) and doc[c.end].lower_ == "of" and c.text(doc) in ("List", "Lists"):
            continue  # "see List of Acme games": the title was split before "of"
        kept.append(c)
    body_keys = {name_key(c.text(doc)) for c in kept if not c.headline}
    first_person = any(t.lower_ in ("i", "my", "me") and t.pos_ == "PRON" for t in doc)

    # group mentions by folded form
    by_key: dict[str, Cluster] = {}
    for c in kept:
        text = c.text(doc)
        if c.label != "PERSON":
            text = re.sub(r"(?<=\s[A-Z])\.$", "", text)  # "U of T." at a sentence's end
        key = name_key(text)
        if (
            c.headline
            and key not in body_keys
            and not (c.label == "PERSON" and c.start == 0 and first_person)
        ):
            continue  # a headline's names stand only when the text uses them, or the page's author
        cl = by_key.get(key)
        if cl is None:
            cl = by_key[key] = Cluster(idx=len(by_key), type=None)
        cl.spans.append((c.start, c.end))
        cl.forms[text] += 1
        label = c.label
        if c.source == "list" and c.label == "ORG":
            label = "list_org"
        elif c.source in ("source", "slot"):
            label = "source"
        cl.labels[label] += 1

    clusters = list(by_key.values())
    persons_multi = [
        c for c in clusters if _label_vote(c) == "PERSON" and max(len(f.split()) for f in c.forms) > 1
    ]
    person_parts: set[str] = set()
    for c in persons_multi:
        for f in c.forms:
            toks = f.split()
            if len(toks) > 1:
                person_parts.add(name_key(toks[0]))
                person_parts.add(name_key(toks[-1]))

    # decide types
    votes: dict[tuple[int, int], list] = {}
    for c in clusters:
        name = max(c.forms, key=lambda f: c.forms[f])
        key = name_key(name)
        vote = _label_vote(c)
        single = all(len(f.split()) == 1 for f in c.forms)
        kind = _kind_by_words(name)
        words = [w.casefold().strip(",.") for w in name.split()]
        if words and all(w in _NOT_A_NAME or w in NAME_TITLE_WORDS for w in words):
            c.type = None  # "Minister", "Deputy Leader": a post, not a name
            continue
        if single and key in person_parts and vote in ("ORG", "GPE", "PERSON", "PRODUCT", "NORP"):
            c.type = EntityType.PERSON
            continue
        if vote == "PERSON" and all(re.fullmatch(r"[A-Z]{3,6}", f) for f in c.forms):
            vote = "ORG"  # "KRV", "ZTB": an acronym names a body, not a person
        if single and len(words) == 1 and key not in person_parts and _common_noun(words[0]):
            c.type = None  # "Artist", "Cathedral", "People": a capitalised noun, not a name
            continue
        told = _told(doc, c.spans, votes)
        if told:
            top, weight = told.most_common(1)[0]
            if weight > sum(told.values()) - weight and kind != "org":
                if top in ("place", "work", "thing") and not known_institution(name):
                    c.type = None
                    continue
                if kind is None and top == "person":
                    c.type = EntityType.PERSON
                    continue
                if kind is None and top in ("org", "institution"):
                    inst = top == "institution" or _institution(name, doc, c.spans)
                    c.type = EntityType.INSTITUTION if inst else EntityType.ORGANIZATION
                    continue
        if vote != "PERSON" and kind is None and not told and _looks_like_person(name):
            c.type = EntityType.PERSON
            continue
        if kind == "place" or (kind == "event" and vote != "PERSON"):
            c.type = None
            continue
        if kind is None and c.labels["ORG"] <= 1 and all(_product_context(doc, s, e) for s, e in c.spans):
            c.type = None
            continue
        if (
            kind is None
            and vote != "PERSON"
            and _discipline(name)
            and any(_field_context(doc, s, e) for s, e in c.spans)
        ):
            c.type = None
            continue
        if vote == "PERSON" and kind != "org":
            words = [w.casefold().strip(",.") for w in name.split()]
            if words and words[0] in _NOT_A_NAME and "of" in words:
                c.type = None
                continue
            if known_place(name) and key not in person_parts:
                c.type = None
                continue
            if (
                single
                and key not in person_parts
                and any(_person_in_org_place(doc, s, e) for s, e in c.spans)
            ):
                vote = "ORG"
            elif c.labels["PERSON"] and not country_or_region(name):
                c.type = EntityType.PERSON
                continue
        if vote == "NORP":
            c.type = EntityType.ORGANIZATION if ORG_NORP.search(name) else None
            continue
        if vote in ("LOC", "WORK_OF_ART", "EVENT"):
            c.type = None
            continue
        if country_or_region(name):
            c.type = None
            continue
        org_type = EntityType.INSTITUTION if _institution(name, doc, c.spans) else EntityType.ORGANIZATION
        if vote in ("ORG", "list_org", "source"):
            if (
                known_place(name)
                and org_type != EntityType.INSTITUTION
                and (c.labels["ORG"] == 0 or not any(_org_context(doc, s, e) for s, e in c.spans))
            ):
                c.type = None  # a city the model took for a body: "flew from Paris to Lagos"
                continue
            c.type = org_type
            continue
        if vote == "FAC":
            c.type = org_type if org_type == EntityType.INSTITUTION else None
            c.latent = c.type is None
            if c.latent:
                c.type = EntityType.ORGANIZATION
            continue
        # GPE or PRODUCT only: an organization only in an organization's place
        if known_place(name) and not known_institution(name):
            c.type = None
            continue
        c.type = org_type
        if org_type == EntityType.INSTITUTION:
            continue
        if any(_org_context(doc, s, e) for s, e in c.spans):
            continue
        c.latent = True

    clusters = [c for c in clusters if c.type is not None]
    _research_arms(clusters)
    _propagate(doc, clusters, furniture + headlines)
    clusters = [c for c in clusters if not _not_an_actor(doc, c, votes)]
    clusters = _merge(doc, clusters)
    for c in clusters:
        if c.type == EntityType.PERSON:
            c.athlete = any(_athlete_context(doc, s, e) for s, e in c.spans)
        else:
            c.body = any(_membership_context(doc, s, e) for s, e in c.spans)
    for i, c in enumerate(clusters):
        c.idx = i
    token_map: dict[int, int] = {}
    for c in clusters:
        for s, e in c.spans:
            for i in range(s, e):
                token_map[i] = c.idx
    return clusters, token_map


_ARM_WORDS = {"ai", "brain", "research", "labs", "lab"}


def _research_arms(clusters: list[Cluster]) -> None:
    """ "Google Brain", "Acme AI" beside "Google", "Acme": a company's research arm."""
    companies = {name_key(f) for c in clusters if c.type == EntityType.ORGANIZATION for f in c.forms}
    for c in clusters:
        if c.type != EntityType.ORGANIZATION:
            continue
        name = max(c.forms, key=lambda f: c.forms[f])
        words = name.split()
        if len(words) >= 2 and words[-1].casefold() in _ARM_WORDS:
            if name_key(" ".join(words[:-1])) in companies:
                c.type = EntityType.INSTITUTION


def _propagate(doc: Doc, clusters: list[Cluster], skip: list[tuple[int, int]]) -> None:
    """Find the other mentions of a name the model tagged once but missed elsewhere."""
    taken = {i for c in clusters for s, e in c.spans for i in range(s, e)}
    index: dict[str, list[tuple[list[str], Cluster]]] = {}
    for c in clusters:
        if c.latent:
            continue
        seen = set()
        for s, e in c.spans:
            toks = [doc[i].text for i in range(s, e)]
            form = " ".join(toks)
            if form in seen:
                continue
            seen.add(form)
            if len(toks) == 1 and not (is_acronym(form) or (form[:1].isupper() and len(form) > 2)):
                continue
            index.setdefault(toks[0], []).append((toks, c))
            if len(toks) > 1 and toks[-1].endswith(".") and len(toks[-1]) == 2:  # "U of T."
                index[toks[0]].append(([*toks[:-1], toks[-1][:-1]], c))
    if not index:
        return
    for t in doc:
        if t.i in taken or t.text not in index:
            continue
        for toks, c in index[t.text]:
            end = t.i + len(toks)
            if end > len(doc) or [x.text for x in doc[t.i : end]] != toks:
                continue
            if any(i in taken for i in range(t.i, end)) or _in_ranges(t.idx, skip):
                continue
            if len(toks) == 1 and not (t.pos_ == "PROPN" or is_acronym(t.text)):
                continue
            if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                continue  # part of a longer name
            if t.i > 0 and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].text[:1].isupper():
                continue
            c.spans.append((t.i, end))
            taken.update(range(t.i, end))
            break


def _tokens(form: str) -> list[str]:
    return [name_key(t) for t in form.split() if name_key(t)]


# Words that end a company's full name without making it another body: "Acme Records".
_NAME_TAILS = CORPORATE_SUFFIXES | NAME_TAIL_WORDS


def _initials_of(short: list[str], full: list[str]) -> bool:
    """ "J. H." for "John Henry": each short given name an initial of the full one."""
    short = [t.rstrip(".") for t in short]
    return (
        len(short) == len(full)
        and all(len(t) == 1 for t in short)
        and all(f.startswith(t) for t, f in zip(short, full, strict=True))
    )


def _merge(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Merge clusters that name the same referent: name parts, acronyms, suffixes."""
    parent = list(range(len(clusters)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    persons = [i for i, c in enumerate(clusters) if c.type == EntityType.PERSON]
    orgs = [i for i, c in enumerate(clusters) if c.type != EntityType.PERSON]

    # people: the longest names first; shorter names join a unique longer one
    def ptoks(i: int) -> list[str]:
        c = clusters[i]
        toks = _tokens(max(c.forms, key=lambda f: len(f.split())))
        while len(toks) > 1 and toks[-1] in ("jr", "sr", "ii", "iii", "iv"):
            toks = toks[:-1]
        return toks

    persons.sort(key=lambda i: -len(ptoks(i)))
    for i in persons:
        toks = ptoks(i)
        longer = [j for j in persons if len(ptoks(j)) > len(toks) and find(j) == j]
        if not longer:
            continue
        if len(toks) == 1:
            t = toks[0]
            last = [j for j in longer if ptoks(j)[-1] == t]
            first = [j for j in longer if ptoks(j)[0] == t]
            # "Tomas Velarde Quiroga", "Kofi Mensah Boateng": a middle surname
            middle = [j for j in longer if t in ptoks(j)[1:-1]]
            pool = last or first or (middle if len({find(j) for j in middle}) == 1 else [])
            roots = {find(j) for j in pool}
            if len(roots) == 1:
                union(pool[0], i)
            elif len(roots) > 1:
                # the person a text is about (named in its first lines) keeps the surname;
                # else the nearest full name mentioned before this one
                start = clusters[i].spans[0][0]
                first = min(pool, key=lambda j: clusters[j].spans[0][0])
                if doc[clusters[first].spans[0][0]].idx < 200 and all(
                    clusters[j].spans[0][0] > clusters[first].spans[0][0] for j in pool if j != first
                ):
                    union(first, i)
                    continue
                before = [(max((s for s, _ in clusters[j].spans if s < start), default=-1), j) for j in pool]
                best = max(before)
                if best[0] >= 0:
                    union(best[1], i)
        else:
            for j in longer:
                lt = ptoks(j)
                if lt[-1] == toks[-1] and (
                    lt[0] == toks[0]
                    or lt[0].startswith(toks[0])
                    or toks[0].startswith(lt[0])
                    or all(t in lt for t in toks)
                    or _initials_of(toks[:-1], lt[:-1])
                ):
                    union(j, i)
                    break

    # the same name spelt two ways in one text: "Jon Harker" / "John Harker"
    for a in persons:
        for b in persons:
            if a >= b or find(a) == find(b):
                continue
            ta, tb = ptoks(a), ptoks(b)
            if (
                len(ta) == len(tb) >= 2
                and ta[-1] == tb[-1]
                and (
                    (len(ta[0]) >= 4 and SequenceMatcher(None, ta[0], tb[0]).ratio() >= 0.8)
                    or _initials_of(ta[:-1], tb[:-1])  # "W. J. Pike" / "Walter James Pike"
                    or _initials_of(tb[:-1], ta[:-1])
                )
            ):
                union(a, b)

    # organizations and institutions
    for a in orgs:
        for b in orgs:
            if a == b or find(a) == find(b):
                continue
            ca, cb = clusters[a], clusters[b]
            if ca.latent != cb.latent and not (ca.latent or cb.latent):
                continue
            fa = max(ca.forms, key=lambda f: ca.forms[f])
            fb = max(cb.forms, key=lambda f: cb.forms[f])
            ta, tb = fa.split(), fb.split()
            if is_acronym(fa) and acronym_of(fa, fb):
                union(b, a)
                continue
            if len(ta) < len(tb):
                extra_tail = tb[len(ta) :]
                same_head = [t.casefold().strip(".,") for t in tb[: len(ta)]] == [
                    t.casefold().strip(".,") for t in ta
                ]
                if same_head and all(t.casefold().strip(".,") in _NAME_TAILS for t in extra_tail):
                    union(b, a)  # "Acme" of "Acme Records", "Acme, Inc."
                    continue
                extra_head = tb[: len(tb) - len(ta)]
                if (
                    [t.casefold() for t in tb[len(tb) - len(ta) :]] == [t.casefold() for t in ta]
                    and len(extra_head) <= 2
                    and len(fa) >= 4
                    and not known_place(fa)
                    and ca.type == cb.type
                    and not any(t.casefold() in INSTITUTION_HEADS for t in ta)
                ):
                    union(b, a)
                    continue
    # a place-name alone for the university named after it: "Cambridge", "Toronto"
    for a in orgs:
        fa = max(clusters[a].forms, key=lambda f: clusters[a].forms[f])
        if len(fa.split()) != 1:
            continue
        for b in orgs:
            if a == b or clusters[b].type != EntityType.INSTITUTION:
                continue
            fb = max(clusters[b].forms, key=lambda f: clusters[b].forms[f])
            if fb in (f"University of {fa}", f"{fa} University", f"{fa} College"):
                union(b, a)
                break
    # "IIT Delhi" and "Indian Institute of Technology": an acronym with a place after it
    for a in orgs:
        fa = max(clusters[a].forms, key=lambda f: clusters[a].forms[f])
        first = fa.split()[0] if fa.split() else ""
        if len(fa.split()) < 2 or not is_acronym(first):
            continue
        for b in orgs:
            fb = max(clusters[b].forms, key=lambda f: clusters[b].forms[f])
            if a != b and find(a) != find(b) and acronym_of(first, fb):
                union(a, b)
    # parenthetical aliases: "Microsoft Research Asia (MSRA)", "Deep Vision (later Vizo)"
    span_owner = {}
    for i, c in enumerate(clusters):
        for s, e in c.spans:
            span_owner[s] = (i, e)
    for i, c in enumerate(clusters):
        if c.type == EntityType.PERSON:
            continue
        for _s, e in c.spans:
            j = e
            if j < len(doc) and doc[j].text == "(":
                k = j + 1
                while k < len(doc) and doc[k].lower_ in (
                    "later",
                    "formerly",
                    "now",
                    "aka",
                    "or",
                    "known",
                    "as",
                    "called",
                    "the",
                    "renamed",
                ):
                    k += 1
                if k in span_owner:
                    other, oe = span_owner[k]
                    if oe < len(doc) and doc[oe].text == ")" and clusters[other].type != EntityType.PERSON:
                        union(i, other)

    groups: dict[int, list[int]] = {}
    for i in range(len(clusters)):
        groups.setdefault(find(i), []).append(i)
    merged = []
    for root, members in groups.items():
        base = clusters[root]
        for m in members:
            if m == root:
                continue
            o = clusters[m]
            base.spans.extend(o.spans)
            base.forms.update(o.forms)
            base.labels.update(o.labels)
            base.latent = base.latent and o.latent
            if base.type == EntityType.ORGANIZATION and o.type == EntityType.INSTITUTION:
                base.type = EntityType.INSTITUTION
        base.spans.sort()
        merged.append(base)
    merged.sort(key=lambda c: c.spans[0])
    return merged
