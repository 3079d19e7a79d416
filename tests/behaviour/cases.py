"""The behavioural cases: templates x name pools, each with what must and must not be extracted.

A template is ``(form, text, spec)``. Slots in the text: ``{p1}`` people, ``{o1}`` companies,
``{u1}`` universities, ``{lab1}`` labs, ``{orch1}`` orchestras, ``{band1}``, ``{team1}``,
``{party1}``; for entity checks also ``{gco1}`` companies named like a person, ``{pp1}``
people whose surname is a place, ``{tr1}`` transliterated names, ``{ai1}`` institutions
with an acronym, and non-entities ``{fc1}`` (fields in capitals), ``{dc1}`` (degrees),
``{post1}`` (posts). Attributes: ``.l`` surname, ``.he/.He/.his/.His/.him/.alum`` words that
agree with the person, ``.acr`` an acronym. Other slots come from ``pools.VOCAB``.

Relation spec, ``;``-separated, over slot names: ``p1 employer o1`` must be extracted,
``?p1 employer u1`` may be (true but not what the case tests), ``!p2 employer o1`` must not be.
Entity spec: ``=o1 ORGANIZATION`` an entity of that name has that type and none has another;
``-fc1`` no entity has that name; ``~word`` no entity name contains the word;
``+Department u1`` no entity name contains both; ``&ai1 ai1.acr`` one entity has both names.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from . import pools

SEED = 20240611
SAMPLES = {"negative": 3, "entity": 4}  # texts per template; 4 for the relation types

Triple = tuple[str, str, str]
Check = tuple[str, str, str]

# ----------------------------------------------------------------------------- relations
EMPLOYER = [
    ("copula", "{p1} is the {exec} of {o1}.", "p1 employer o1"),
    ("copula", "{p1} is {acad_a} at {u1}.", "p1 employer u1"),
    ("apposition", "{p1}, {acad_a} at {u1}, said the results were surprising.", "p1 employer u1"),
    ("apposition", "{p1}, the {exec} of {o1}, did not respond to a request for comment.", "p1 employer o1"),
    ("compound", "{o1} {comp} {p1} said the deal would close in March.", "p1 employer o1"),
    ("possessive", "{o1}'s {exec}, {p1}, unveiled the plan on Friday.", "p1 employer o1"),
    ("verb", "{p1} joined {o1} in {y1}.", "p1 employer o1"),
    ("passive", "{p1} was hired by {o1} as {role_a}.", "p1 employer o1"),
    ("verb", "{p1} works for {o1}.", "p1 employer o1"),
    ("verb", "{p1} worked at {o1} for {n} years.", "p1 employer o1"),
    ("relative", "{p1}, who works as {role_a} at {o1}, lives in {city}.", "p1 employer o1"),
    ("relative", "The report was written by {p1}, who teaches {field} at {u1}.", "p1 employer u1"),
    ("participle", "Hired by {o1} in {y1}, {p1} quickly rose to lead the sales team.", "p1 employer o1"),
    ("coordination", "{p1} and {p2} are engineers at {o1}.", "p1 employer o1; p2 employer o1"),
    ("coordination", "{p1} has held posts at {o1} and {o2}.", "p1 employer o1; p1 employer o2"),
    (
        "list",
        "{p1}, {p2} and {p3} all joined {o1} last year.",
        "p1 employer o1; p2 employer o1; p3 employer o1",
    ),
    ("pronoun", "{p1} was born in {y1}. {p1.He} later joined {o1}.", "p1 employer o1"),
    ("pronoun", "{p1} grew up in {city}. Today {p1.l} is {role_a} at {o1}.", "p1 employer o1"),
    ("firstperson", "{p1}\n\nI am {acad_a} at {u1}. My research focuses on {topic}.", "p1 employer u1"),
    ("lab", "{p1} is a researcher in the {lab1} at {u1}.", "p1 employer lab1; ?p1 employer u1"),
    ("verb", "{p1} became {exec} of {o1} in {y1}.", "p1 employer o1"),
    ("passive", "{p1} was promoted to {exec} at {o1}.", "p1 employer o1"),
    ("copula", "{p1} became conductor and music director of the {orch1} in {y1}.", "p1 employer orch1"),
    ("verb", "{p1} interned at {o1} during the summer of {y1}.", "p1 employer o1"),
    ("acronym", "{p1} is a senior scientist at the {ai1} ({ai1.acr}).", "p1 employer ai1"),
]

ALMA_MATER = [
    ("degree", "{p1} received {p1.his} PhD from {u1}.", "p1 alma_mater u1"),
    ("verb", "{p1} graduated from {u1} in {y1}.", "p1 alma_mater u1"),
    ("degree", "{p1} has a bachelor's degree in {field} from {u1}.", "p1 alma_mater u1"),
    ("verb", "{p1} studied {field} at {u1}.", "p1 alma_mater u1"),
    ("apposition", "{p1}, an {p1.alum} of {u1}, spoke at the event.", "p1 alma_mater u1"),
    ("participle", "After completing {p1.his} PhD at {u1}, {p1} moved to {city}.", "p1 alma_mater u1"),
    (
        "participle",
        "Having graduated from {u1} in {y1}, {p1} joined {o1}.",
        "p1 alma_mater u1; p1 employer o1",
    ),
    ("coordination", "{p1} studied at {u1} and later at {u2}.", "p1 alma_mater u1; p1 alma_mater u2"),
    (
        "list",
        "{p1}, {p2} and {p3} all graduated from {u1}.",
        "p1 alma_mater u1; p2 alma_mater u1; p3 alma_mater u1",
    ),
    ("relative", "{p1}, who earned a master's degree at {u1}, now works in {city}.", "p1 alma_mater u1"),
    ("passive", "{p1} was educated at {u1}.", "p1 alma_mater u1"),
    ("pronoun", "{p1} was born in {city}. {p1.He} graduated from {u1} in {y1}.", "p1 alma_mater u1"),
    ("copula", "{p1} is a PhD student at {u1}.", "p1 alma_mater u1; ?p1 employer u1"),
    ("firstperson", "{p1}\n\nI graduated from {u1} with a degree in {field}.", "p1 alma_mater u1"),
    ("degree", "{p1} received a Bachelor of Science in {fieldc} from {u1}.", "p1 alma_mater u1"),
    ("compound", "{u1} graduate {p1} won the award in {y1}.", "p1 alma_mater u1"),
    ("degree", "{p1} holds a PhD in {field} from {u1}.", "p1 alma_mater u1"),
    (
        "pronoun",
        "{p1} is {role_a} at {o1}. {p1.He} studied {field} at {u1}.",
        "p1 employer o1; p1 alma_mater u1",
    ),
]

ADVISER = [
    ("prep", "{p1} completed {p1.his} doctorate under the supervision of {p2}.", "p1 adviser p2"),
    ("possessive", "{p1}'s doctoral advisor was {p2}.", "p1 adviser p2"),
    ("verb", "{p2} supervised {p1}'s thesis.", "p1 adviser p2"),
    (
        "firstperson",
        "{p1}\n\nI am a PhD student at {u1} advised by {p2}.",
        "p1 adviser p2; p1 alma_mater u1; ?p2 employer u1",
    ),
    ("passive", "{p1} was advised by {p2} at {u1}.", "p1 adviser p2; ?p1 alma_mater u1; ?p2 employer u1"),
    (
        "prep",
        "{p1} received {p1.his} PhD from {u1} under {p2}.",
        "p1 adviser p2; p1 alma_mater u1; ?p2 employer u1",
    ),
    ("apposition", "{p1}, a doctoral student of {p2}, presented the poster.", "p1 adviser p2"),
    ("relative", "{p2}, who advised {p1}'s doctoral work, retired in {y1}.", "p1 adviser p2"),
    ("apposition", "{p1} thanked {p1.his} thesis advisor, {p2}, in the acknowledgements.", "p1 adviser p2"),
    ("coordination", "{p1} and {p1.his} adviser {p2} published the results in {y1}.", "p1 adviser p2"),
    ("list", "{p2}'s PhD students include {p1} and {p3}.", "p1 adviser p2; p3 adviser p2"),
    (
        "pronoun",
        "{p1} moved to {u1} in {y1}. {p1.His} dissertation was supervised by {p2}.",
        "p1 adviser p2; ?p1 alma_mater u1; ?p2 employer u1",
    ),
    ("copula", "{p2} was the doctoral adviser of {p1}.", "p1 adviser p2"),
    (
        "prep",
        "As a graduate student at {u1}, {p1} worked under {p2}.",
        "p1 adviser p2; p1 alma_mater u1; ?p2 employer u1",
    ),
    (
        "postdoc",
        "{p1} was a postdoc in {p2}'s lab at {u1}.",
        "p1 adviser p2; ?p1 employer u1; ?p2 employer u1",
    ),
    ("prep", "{p1} wrote {p1.his} master's thesis under {p2}.", "p1 adviser p2"),
    (
        "prep",
        "{p1} earned {p1.his} doctorate as a student of {p2} at {u1}.",
        "p1 adviser p2; p1 alma_mater u1; ?p2 employer u1",
    ),
    (
        "pronoun",
        "{p2} has supervised many PhD students at {u1}. One of them is {p1}.",
        "p1 adviser p2; ?p2 employer u1; ?p1 alma_mater u1",
    ),
]

MENTOR = [
    ("passive", "{p1} was mentored by {p2}.", "p1 mentor p2"),
    ("verb", "{p2} mentored {p1} for {n} years.", "p1 mentor p2"),
    ("possessive", "{p1}'s mentor, {p2}, encouraged {p1.him} to apply.", "p1 mentor p2"),
    ("trained_under", "{p1} trained under {p2} in {city}.", "p1 mentor p2"),
    ("verb", "{p1} considers {p2} {p1.his} mentor.", "p1 mentor p2"),
    ("relative", "{p2}, who mentored {p1} early in {p1.his} career, died in {y1}.", "p1 mentor p2"),
    ("apposition", "{p1} thanked {p2}, {p1.his} longtime mentor.", "p1 mentor p2"),
    (
        "prep",
        "{p1} worked under the mentorship of {p2} at {o1}.",
        "p1 mentor p2; ?p1 employer o1; ?p2 employer o1",
    ),
    ("protege", "{p1} became {p2}'s protégé in {y1}.", "p1 mentor p2"),
    ("coordination", "{p1} and {p3} were both mentored by {p2}.", "p1 mentor p2; p3 mentor p2"),
    ("pronoun", "{p1} moved to {city} in {y1}. There {p1.he} was mentored by {p2}.", "p1 mentor p2"),
    (
        "firstperson",
        "{p1}\n\nI was lucky to be mentored by {p2} during my first years at {o1}.",
        "p1 mentor p2; ?p1 employer o1; ?p2 employer o1",
    ),
    ("apposition", "{p1} learned to paint from {p2}, {p1.his} mentor.", "p1 mentor p2"),
    ("apprentice", "{p1} was an apprentice of {p2}.", "p1 mentor p2"),
    ("prep", "Under {p2}'s mentorship, {p1} finished the novel in {y1}.", "p1 mentor p2"),
    ("copula", "{p1} was one of {p2}'s mentees.", "p1 mentor p2"),
    ("copula", "{p2} was {p1}'s first mentor.", "p1 mentor p2"),
]

FOUNDER = [
    ("passive", "{o1} was founded by {p1} in {y1}.", "o1 founder p1"),
    ("verb", "{p1} co-founded {o1} in {y1}.", "o1 founder p1; ?p1 employer o1"),
    ("possessive", "{o1}'s founder {p1} stepped down in {y1}.", "o1 founder p1; ?p1 employer o1"),
    ("verb", "{p1} founded {o1} in {y1}.", "o1 founder p1; ?p1 employer o1"),
    ("compound", "{o1} founder {p1} said the company would expand.", "o1 founder p1; ?p1 employer o1"),
    ("relative", "{p1}, who founded {o1}, spoke first.", "o1 founder p1; ?p1 employer o1"),
    ("apposition", "{p1}, a co-founder of {o1}, spoke first.", "o1 founder p1; ?p1 employer o1"),
    ("copula", "{p1} is the founder and chief executive of {o1}.", "o1 founder p1; p1 employer o1"),
    (
        "participle",
        "Having founded {o1} in {y1}, {p1} went on to invest in other startups.",
        "o1 founder p1; ?p1 employer o1",
    ),
    (
        "coordination",
        "{p1} and {p2} founded {o1} in {y1}.",
        "o1 founder p1; o1 founder p2; ?p1 employer o1; ?p2 employer o1",
    ),
    ("list", "{o1}'s founders are {p1}, {p2} and {p3}.", "o1 founder p1; o1 founder p2; o1 founder p3"),
    (
        "pronoun",
        "{p1} left {o2} in {y1}. A year later {p1.he} founded {o1}.",
        "o1 founder p1; p1 employer o2; ?p1 employer o1",
    ),
    (
        "firstperson",
        "{p1}\n\nIn {y1} I co-founded {o1}, where I lead product.",
        "o1 founder p1; ?p1 employer o1",
    ),
    ("relative", "{o1}, which was founded by {p1} in {y1}, makes drones.", "o1 founder p1"),
    ("verb", "{p1} set up {o1} in {city} in {y1}.", "o1 founder p1; ?p1 employer o1"),
    (
        "lab",
        "{p1} established the {lab1} at {u1} in {y1}.",
        "lab1 founder p1; ?p1 employer lab1; ?p1 employer u1",
    ),
]

NEGATIVE = [
    ("negation", "{p1} never worked for {o1}.", "!p1 employer o1"),
    ("negation", "{p1} did not graduate from {u1}.", "!p1 alma_mater u1"),
    ("negation", "{o1} was not founded by {p1}.", "!o1 founder p1"),
    ("negation", "{p2} never supervised {p1}.", "!p1 adviser p2; !p2 adviser p1"),
    ("negation", "{p1} was never mentored by {p2}.", "!p1 mentor p2; !p2 mentor p1"),
    ("hedge", "{p1} may join {o1} next year.", "!p1 employer o1"),
    ("hedge", "{p1} is rumoured to be joining {o1}.", "!p1 employer o1"),
    ("hedge", "{p1} plans to study at {u1}.", "!p1 alma_mater u1"),
    ("hedge", "{p1} might become {p2}'s mentor.", "!p2 mentor p1; !p1 mentor p2"),
    ("offer", "{p1} turned down an offer from {o1}.", "!p1 employer o1"),
    ("offer", "{p1} declined a job at {o1}.", "!p1 employer o1"),
    ("offer", "{p1} was admitted to {u1} but chose to enrol elsewhere.", "!p1 alma_mater u1"),
    ("offer", "{p1} applied for a job at {o1}.", "!p1 employer o1"),
    ("board", "{p1} sits on the board of {o1}.", "!p1 employer o1"),
    ("board", "{p1} serves on the board of trustees of {u1}.", "!p1 employer u1"),
    ("membership", "{p1} is the drummer of the band {band1}.", "!p1 employer band1"),
    ("membership", "{p1} plays for the {team1}.", "!p1 employer team1"),
    ("membership", "{p1} is a member of the {party1}.", "!p1 employer party1"),
    ("lawsuit", "{p1} sued {o1} in {y1}.", "!p1 employer o1; !o1 founder p1"),
    ("shares", "{p1} bought shares of {o1}.", "!p1 employer o1; !o1 founder p1"),
    ("talk", "{p1} gave a talk at {u1}.", "!p1 employer u1; !p1 alma_mater u1"),
    ("talk", "{p1} visited {o1}'s headquarters in {city}.", "!p1 employer o1"),
    ("customer", "{p1} is a longtime customer of {o1}.", "!p1 employer o1"),
    ("about", "{p1} wrote a book about {o1}.", "!p1 employer o1; !o1 founder p1"),
    (
        "wrong_person",
        "{p2} mentored {p1} during {p1.his} internship at {o1}.",
        "!p2 employer o1; ?p1 mentor p2; ?p1 employer o1",
    ),
    ("wrong_person", "{p1}'s brother works at {o1}.", "!p1 employer o1"),
    (
        "wrong_person",
        "{p1} met {p2}, the founder of {o1}.",
        "!o1 founder p1; ?o1 founder p2; ?p2 employer o1",
    ),
    ("wrong_person", "{p1} interviewed {p2}, {acad_a} at {u1}.", "!p1 employer u1; ?p2 employer u1"),
    (
        "direction",
        "{p2} supervised {p1}'s dissertation at {u1}.",
        "!p2 adviser p1; ?p1 adviser p2; ?p1 alma_mater u1; ?p2 employer u1",
    ),
    ("direction", "{p2} mentored {p1} for a decade.", "!p2 mentor p1; ?p1 mentor p2"),
    ("study_vs_work", "{p1} is studying {field} at {u1}.", "!p1 employer u1; ?p1 alma_mater u1"),
    ("study_vs_work", "{p1} teaches {field} at {u1}.", "!p1 alma_mater u1; ?p1 employer u1"),
    ("study_vs_work", "{p1} received {p1.his} PhD from {u1} in {y1}.", "!p1 employer u1; ?p1 alma_mater u1"),
    (
        "people",
        "{p1} collaborated with {p2} on a paper about {topic}.",
        "!p1 adviser p2; !p2 adviser p1; !p1 mentor p2; !p2 mentor p1",
    ),
]

# ------------------------------------------------------------------------------ entities
ENTITIES = [
    ("company_given_name", "{p1} joined {gco1} as {role_a} in {y1}.", "=gco1 ORGANIZATION"),
    ("company_given_name", "{gco1} opened a new office in {city}.", "=gco1 ORGANIZATION"),
    ("company_given_name", "Shares of {gco1} rose sharply on Tuesday.", "=gco1 ORGANIZATION"),
    ("surname_place", "{pp1} is {acad_a} at {u1}.", "=pp1 PERSON"),
    ("surname_place", "{pp1} was born in {city} and now runs a bakery.", "=pp1 PERSON"),
    ("surname_place", "According to {pp1}, the project is on schedule.", "=pp1 PERSON"),
    ("field_caps", "{p1} holds a master's degree in {fc1} from {u1}.", "-fc1"),
    ("field_caps", "{p1} teaches {fc1} and {fc2} at {u1}.", "-fc1; -fc2"),
    ("field_caps", "{p1} is a Professor of {fc1} at {u1}.", "-fc1"),
    ("degree_caps", "{p1} earned a {dc1} from {u1} in {y1}.", "-dc1"),
    ("degree_caps", "{p1} completed a {dc1} at {u1} before joining {o1}.", "-dc1"),
    ("post_caps", "{p1} is the {post1} of {o1}.", "-post1; =p1 PERSON"),
    ("post_caps", "{p1}, {post1} at {o1}, resigned on Monday.", "-post1; =p1 PERSON"),
    ("post_caps", "The {post1}, {p1}, will leave {o1} in June.", "-post1; =p1 PERSON"),
    ("board", "{p1} was elected to the Board of Trustees of {u1} in {y1}.", "~board; =u1 INSTITUTION"),
    ("board", "{p1} chairs the Audit Committee of {o1}.", "~committee; =o1 ORGANIZATION"),
    ("board", "{p1} joined the Board of Directors of {o1}.", "~board; =o1 ORGANIZATION"),
    (
        "department",
        "{p1} is a professor in the Department of {fc1} at {u1}.",
        "=u1 INSTITUTION; +Department u1",
    ),
    ("department", "{p1} heads the School of {fc1} at {u1}.", "=u1 INSTITUTION; +School u1"),
    ("lab", "{p1} leads the {lab1} at {u1}.", "=lab1 INSTITUTION; =u1 INSTITUTION"),
    ("lab", "The {lab1} at {u1} received a large grant.", "=lab1 INSTITUTION"),
    ("acronym", "{p1} works at the {ai1} ({ai1.acr}). The {ai1.acr} is based in {city}.", "&ai1 ai1.acr"),
    (
        "acronym",
        "The {ai1} ({ai1.acr}) opened in {y1}. {p1} has taught at {ai1.acr} since then.",
        "&ai1 ai1.acr",
    ),
    ("transliterated", "{tr1} is {role_a} at {o1}.", "=tr1 PERSON"),
    ("transliterated", "{tr1} said the talks had failed.", "=tr1 PERSON"),
    ("transliterated", "The award went to {tr1} of {u1}.", "=tr1 PERSON"),
    ("generic", "{p1} is a partner at {o1}. The Firm advises clients on mergers.", "-Firm"),
    ("generic", "{p1} works in Investment Banking at {o1}.", "-Investment Banking"),
]

GROUPS: dict[str, list[tuple[str, str, str]]] = {
    "employer": EMPLOYER,
    "alma_mater": ALMA_MATER,
    "adviser": ADVISER,
    "mentor": MENTOR,
    "founder": FOUNDER,
    "negative": NEGATIVE,
    "entity": ENTITIES,
}
RELATION_TYPES = ("employer", "alma_mater", "adviser", "mentor", "founder")


@dataclass(frozen=True)
class Case:
    id: str
    group: str  # a relation type, "negative" or "entity"
    form: str
    text: str
    expect: tuple[Triple, ...] = ()
    allow: tuple[Triple, ...] = ()
    forbid: tuple[Triple, ...] = ()
    checks: tuple[Check, ...] = ()


# ------------------------------------------------------------------------------- filling
SLOT = re.compile(r"\{([a-z_]+\d*)(?:\.(\w+))?\}")
WORDS = {
    "f": {"he": "she", "He": "She", "his": "her", "His": "Her", "him": "her", "alum": "alumna"},
    "m": {"he": "he", "He": "He", "his": "his", "His": "His", "him": "him", "alum": "alumnus"},
}


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())


class _Names:
    """Draws the names of one text; never the same surname or name twice in a text."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, make):
        for _ in range(500):
            value, key = make()
            if key not in self.used:
                self.used.add(key)
                return value
        raise RuntimeError("name pools too small for one text")

    def person(self, surnames: list[str] | None = None) -> tuple[str, str, str]:
        def make():
            culture = self.rng.choice(list(pools.GIVEN))
            gender = self.rng.choice("fm")
            last = self.rng.choice(surnames or pools.SURNAMES[culture])
            return (self.rng.choice(pools.GIVEN[culture][gender]), last, gender), last

        return self._fresh(make)

    def pick(self, items: list[str]) -> str:
        return self._fresh(lambda: (v := self.rng.choice(items), v))

    def company(self) -> str:
        rng = self.rng
        return self._fresh(
            lambda: (
                v := f"{rng.choice(pools.COMPANY_HEADS)} {rng.choice(pools.COMPANY_TAILS)}"
                f"{rng.choice(pools.COMPANY_SUFFIXES)}",
                v.split()[0],
            )
        )

    def from_forms(self, forms: list[str]) -> str:
        rng = self.rng
        return self._fresh(
            lambda: (
                v := rng.choice(forms)
                .replace("{p}", rng.choice(pools.PLACES))
                .replace("{f}", rng.choice(pools.LAB_FIELDS)),
                v,
            )
        )


def _value(names: _Names, kind: str):
    """(value, is_person) for an entity or checked slot kind."""
    if kind == "p":
        return names.person(), True
    if kind == "pp":
        return names.person(pools.PLACE_SURNAMES), True
    if kind == "tr":
        return names.pick(pools.TRANSLITERATED), False
    if kind == "o":
        return names.company(), False
    makers = {
        "u": lambda: names.from_forms(pools.UNIVERSITY_FORMS),
        "lab": lambda: names.from_forms(pools.LAB_FORMS),
        "orch": lambda: names.from_forms(pools.ORCHESTRA_FORMS),
        "ai": lambda: names.from_forms(pools.ACRONYM_INSTITUTIONS),
        "gco": lambda: names.pick(pools.GIVEN_NAME_COMPANIES),
        "band": lambda: names.pick(pools.BANDS),
        "team": lambda: names.pick(pools.TEAMS),
        "party": lambda: names.pick(pools.PARTIES),
        "fc": lambda: names.pick(pools.FIELDS_CAPS),
        "dc": lambda: names.pick(pools.DEGREES_CAPS),
        "post": lambda: names.pick(pools.POSTS_CAPS),
    }
    return makers[kind](), False


def fill(text: str, rng: random.Random) -> tuple[str, dict[str, str]]:
    """The filled text and the name each slot (and ``slot.acr``/``slot.l``) stands for."""
    names = _Names(rng)
    values: dict[str, object] = {}
    person: dict[str, bool] = {}
    year = rng.randint(1968, 2019)
    out: dict[str, str] = {}

    def sub(m: re.Match) -> str:
        slot, attr = m.group(1), m.group(2)
        if slot not in values:
            kind = re.sub(r"\d+$", "", slot)
            if slot == "y1":
                values[slot], person[slot] = str(year), False
            elif kind in pools.VOCAB:
                values[slot], person[slot] = names.pick(pools.VOCAB[kind]), False
            else:
                values[slot], person[slot] = _value(names, kind)
        value = values[slot]
        if person[slot]:
            first, last, gender = value  # type: ignore[misc]
            if attr is None:
                out[slot] = f"{first} {last}"
                return out[slot]
            if attr == "l":
                return last
            return WORDS[gender][attr]
        value = str(value)
        if attr == "acr":
            out[f"{slot}.acr"] = _acronym(value)
            return out[f"{slot}.acr"]
        out[slot] = value
        if value.startswith("University of") and not text[: m.start()].endswith(("the ", "The ")):
            return "the " + value
        return value

    filled = SLOT.sub(sub, text)
    for slot, value in values.items():
        if person[slot]:
            out.setdefault(slot, f"{value[0]} {value[1]}")  # type: ignore[index]
        else:
            out.setdefault(slot, str(value))
    filled = re.sub(r"\.\.(?=\s|$)", ".", filled)  # "Acme Inc.." at the end of a sentence
    return filled[0].upper() + filled[1:], out


def _parse(spec: str, names: dict[str, str]):
    expect, allow, forbid, checks = [], [], [], []
    for item in filter(None, (s.strip() for s in spec.split(";"))):
        op = item[0]
        if op in "=-~+&":
            rest = item[1:].strip()
            if op in "-~":
                checks.append((op, names.get(rest, rest), ""))
            else:
                a, b = rest.split()
                checks.append((op, names.get(a, a), names.get(b, b)))
            continue
        target = {"?": allow, "!": forbid}.get(op, expect)
        source, rtype, obj = item.lstrip("?!").split()
        target.append((names[source], rtype, names[obj]))
    return tuple(expect), tuple(allow), tuple(forbid), tuple(checks)


def build_cases(*, seed: int = SEED) -> list[Case]:
    """Every case of the suite, in a fixed order; the same seed gives the same texts."""
    rng = random.Random(seed)
    cases = []
    for group, templates in GROUPS.items():
        for t, (form, text, spec) in enumerate(templates):
            for k in range(SAMPLES.get(group, 4)):
                filled, names = fill(text, rng)
                expect, allow, forbid, checks = _parse(spec, names)
                cases.append(
                    Case(f"{group}-{form}-{t:02d}-{k}", group, form, filled, expect, allow, forbid, checks)
                )
    return cases
