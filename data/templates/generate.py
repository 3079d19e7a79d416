"""Templated training texts in the gold format of the development sets.

    python data/templates/generate.py OUTDIR [--count N] [--seed S]
    python -m data.templates.generate OUTDIR

writes ``OUTDIR/docs/<id>.txt`` and ``OUTDIR/gold.jsonl``: one or a few sentences per
text, each stating (or pointedly not stating) employer, alma_mater, adviser, mentor or
founder relations, with names drawn from the pools below. Every person, organization and
institution in a text is listed in its ``entities``; ``annotated_types`` lists the types
the text is exhaustively annotated for.

The name pools and wordings here are disjoint from those of the behavioural test suite
(``tests/behaviour/``), so the suite keeps measuring forms rather than memorised strings.
The output depends only on the seed and the count.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

SEED = 1729
COUNT = 1500
ALL_TYPES = ("employer", "alma_mater", "adviser", "mentor", "founder")

# --------------------------------------------------------------------------- names
# Given names carry a gender so that pronouns agree. Pools are invented combinations of
# common names; none is meant to denote a real person.

GIVEN: dict[str, dict[str, list[str]]] = {
    "chinese": {
        "f": ["Xiaoling", "Meirong", "Yuqing", "Shufen", "Jiayi", "Ruolan", "Wenjing", "Huixin"],
        "m": ["Jianguo", "Zhenhua", "Haoyu", "Guoqiang", "Tianming", "Shaowei", "Boyang", "Kaiwen"],
    },
    "indian": {
        "f": ["Lakshmi", "Nandini", "Shreya", "Kavitha", "Meenakshi", "Ishita", "Pallavi", "Ritika"],
        "m": ["Venkatesh", "Harish", "Siddharth", "Prakash", "Abhinav", "Girish", "Tarun", "Mohan"],
    },
    "arabic": {
        "f": ["Rania", "Salma", "Hiba", "Noura", "Dalia", "Mariam", "Yasmin", "Lubna"],
        "m": ["Tariq", "Khaled", "Samir", "Walid", "Yousef", "Hamza", "Bilal", "Nabil"],
    },
    "african": {
        "f": ["Adaeze", "Wanjiru", "Thandeka", "Folasade", "Nomvula", "Abena", "Zawadi", "Chiamaka"],
        "m": ["Oluwaseun", "Kwabena", "Tendai", "Emeka", "Sipho", "Baraka", "Kofi", "Tunde"],
    },
    "latin": {
        "f": ["Valentina", "Camila", "Ximena", "Paola", "Luciana", "Renata", "Marisol", "Daniela"],
        "m": ["Santiago", "Mateo", "Joaquín", "Rodrigo", "Esteban", "Gustavo", "Emiliano", "Hernán"],
    },
    "european": {
        "f": ["Ingrid", "Margot", "Francesca", "Agnieszka", "Sofie", "Eleni", "Brigitte", "Ilona"],
        "m": ["Henrik", "Matthias", "Lorenzo", "Tomasz", "Benoît", "Nikos", "Anders", "Pieter"],
    },
    "korean": {
        "f": ["Seo-yeon", "Ji-woo", "Hye-jin", "Min-ji", "Eun-ha"],
        "m": ["Dong-hyun", "Jae-won", "Sung-min", "Hyun-woo", "Tae-yang"],
    },
    "japanese": {
        "f": ["Haruka", "Ayaka", "Mizuki", "Naoko", "Sakura"],
        "m": ["Takumi", "Kenta", "Daisuke", "Hiroki", "Shota"],
    },
    "anglo": {
        "f": ["Harriet", "Gwendolyn", "Rosalind", "Maeve", "Bethany", "Imogen"],
        "m": ["Rupert", "Desmond", "Fletcher", "Callum", "Warren", "Gideon"],
    },
    "persian": {"f": ["Anahita", "Parisa"], "m": ["Kaveh", "Dariush"]},
    "turkish": {"f": ["Elif", "Ayşe"], "m": ["Emre", "Burak"]},
    "vietnamese": {"f": ["Thuy", "Hanh"], "m": ["Quang", "Tuan"]},
    "indonesian": {"f": ["Siti", "Ratna"], "m": ["Budi", "Agus"]},
    "ukrainian": {"f": ["Olena", "Iryna"], "m": ["Bohdan", "Taras"]},
}

SURNAMES: dict[str, list[str]] = {
    "chinese": ["Zhou", "Guo", "Xu", "Tang", "Feng", "Deng", "Cao", "Yuan", "Jiang", "Shen", "Lu", "Pan"],
    "indian": [
        "Raghavan",
        "Bhattacharya",
        "Menon",
        "Kulkarni",
        "Chatterjee",
        "Deshpande",
        "Pillai",
        "Saxena",
    ],
    "arabic": ["Haddad", "Mansour", "Khalil", "Nasser", "Saleh", "Darwish", "Farouk", "Hamdan"],
    "african": ["Okonkwo", "Mwangi", "Dlamini", "Adeyemi", "Boateng", "Kamau", "Nkosi", "Eze", "Chikwanha"],
    "latin": ["Restrepo", "Villalobos", "Cárdenas", "Quintero", "Arriaga", "Benítez", "Salazar", "Ochoa"],
    "european": [
        "Lindqvist",
        "Brenner",
        "Marchetti",
        "Kowalczyk",
        "Dubois",
        "Papadakis",
        "Vermeulen",
        "Horvath",
    ],
    "korean": ["Jeon", "Baek", "Shin", "Yoon", "Hwang"],
    "japanese": ["Fujimoto", "Kobayashi", "Matsuda", "Nishimura", "Ogawa"],
    "anglo": ["Pembroke", "Ashworth", "Hollis", "Thornbury", "Radcliffe", "Whitlock"],
    "persian": ["Rahimi", "Tehrani", "Moradi"],
    "turkish": ["Aydın", "Demir", "Kaya"],
    "vietnamese": ["Nguyen", "Pham", "Hoang"],
    "indonesian": ["Santoso", "Hidayat"],
    "ukrainian": ["Kovalenko", "Shevchuk", "Bondarenko"],
}

CULTURE_WEIGHTS = {
    "chinese": 3,
    "indian": 3,
    "arabic": 2,
    "african": 3,
    "latin": 2,
    "european": 3,
    "korean": 1,
    "japanese": 1,
    "anglo": 2,
    "persian": 1,
    "turkish": 1,
    "vietnamese": 1,
    "indonesian": 1,
    "ukrainian": 1,
}

COMPANY_HEADS = [
    "Corvid",
    "Tamarind",
    "Bluefin",
    "Ironbark",
    "Saffron",
    "Quillon",
    "Nimbus",
    "Ostrava",
    "Helixa",
    "Marigold",
    "Verdance",
    "Stratus",
    "Pelican",
    "Obsidian",
    "Zephyra",
    "Lumenix",
    "Caldera",
    "Arbor",
    "Quokka",
    "Tessellate",
    "Mosaic",
    "Vantor",
    "Kelpie",
    "Rivenstone",
    "Solace",
    "Brindle",
]
COMPANY_TAILS = [
    "Robotics",
    "Analytics",
    "Biosciences",
    "Logistics",
    "Capital",
    "Energy",
    "Software",
    "Networks",
    "Foods",
    "Pharmaceuticals",
    "Media",
    "Semiconductors",
    "Dynamics",
    "Insurance",
    "Motors",
    "Health",
]
COMPANY_SUFFIXES = ["", "", "", " Inc.", " Ltd.", " Group", " Corporation", " Holdings"]

PLACES = [
    "Carrowmore",
    "Eastbourne Vale",
    "Kestrelton",
    "Marlow Heights",
    "Ashfield",
    "Penrith Bay",
    "Northgate",
    "Silverlake",
    "Dunhaven",
    "Brackley",
    "Westholm",
    "Ravensworth",
    "Lindenport",
    "Tollerton",
    "Elmsgrove",
    "Harrowgate",
    "Mirefield",
    "Stonebridge",
]
UNIVERSITY_FORMS = [
    "University of {p}",
    "University of {p}",
    "{p} University",
    "{p} Institute of Technology",
    "{p} College",
    "{p} State University",
    "{p} Polytechnic Institute",
]
LAB_FORMS = [
    "{f} Research Laboratory",
    "Institute for {f}",
    "Centre for {f}",
    "{f} Systems Lab",
]
LAB_FIELDS = [
    "Quantum Materials",
    "Marine Ecology",
    "Computational Linguistics",
    "Soil Science",
    "Urban Mobility",
    "Cognitive Robotics",
    "Structural Biology",
    "Climate Modelling",
]
BANDS = ["Copper Lanterns", "Velvet Tides", "Paper Foxes", "Hollow Orchards"]
TEAMS = ["Harbor City Falcons", "Northgate Rovers", "Silverlake Comets", "Dunhaven Stags"]
PARTIES = ["Progressive Union Party", "Green Renewal Party", "National Reform Party", "Civic Alliance Party"]

# ------------------------------------------------------------------------ vocabulary
VOCAB: dict[str, list[str]] = {
    "role_a": [
        "a data scientist",
        "an actuary",
        "a senior analyst",
        "a product designer",
        "a staff accountant",
        "an operations manager",
        "a field engineer",
        "a research chemist",
        "a copy editor",
        "a sales director",
        "a machine learning engineer",
        "a quality inspector",
        "a sous-chef",
    ],
    "exec": [
        "chief financial officer",
        "chief technology officer",
        "managing director",
        "head of research",
        "vice president of engineering",
        "general counsel",
        "chief operating officer",
        "president",
    ],
    "exec_short": [
        "finance chief",
        "research head",
        "chief economist",
        "lead engineer",
        "senior economist",
        "chief scientist",
        "treasurer",
    ],
    "acad_a": [
        "an associate professor",
        "a lecturer",
        "a postdoctoral fellow",
        "a research associate",
        "a senior lecturer",
        "a reader",
        "a teaching fellow",
        "an assistant professor",
    ],
    "field": [
        "materials science",
        "hydrology",
        "econometrics",
        "molecular biology",
        "linguistics",
        "civil engineering",
        "statistics",
        "organic chemistry",
        "anthropology",
        "astrophysics",
    ],
    "fieldc": [
        "Data Engineering",
        "Public Health",
        "Applied Mathematics",
        "Mechanical Engineering",
        "Environmental Policy",
        "Business Administration",
        "Marine Biology",
    ],
    "deg": ["doctorate", "PhD", "master's degree", "bachelor's degree", "law degree", "medical degree"],
    "city": [
        "Nairobi",
        "Lima",
        "Osaka",
        "Porto",
        "Chennai",
        "Tbilisi",
        "Da Nang",
        "Valparaíso",
        "Accra",
        "Gdańsk",
        "Izmir",
        "Cebu",
    ],
    "topic": [
        "coral bleaching",
        "graph algorithms",
        "monetary policy",
        "protein folding",
        "medieval trade routes",
        "battery chemistry",
        "speech recognition",
        "river sediments",
    ],
    "craft": ["pastry", "furniture making", "violin making", "printmaking", "bookbinding", "glassblowing"],
    "n": ["three", "five", "seven", "eleven", "twelve"],
    "ord": ["second-year", "third-year", "fourth-year", "final-year"],
}

# ------------------------------------------------------------------------- templates
# form, text, relations. A relation is "SOURCE TYPE TARGET" over slot names; a leading "?"
# marks it optional (implied rather than stated). Entity slots: p1.. people, o1.. companies,
# u1.. universities, lab1 labs, band1, team1, party1. Attributes: .f given name, .l surname
# (either becomes an alias), .he/.He/.his/.His/.him pronouns, .acr an acronym alias.

T = tuple[str, str, str]

EMPLOYER: list[T] = [
    ("copula", "{p1} serves as {exec} of {o1}.", "p1 employer o1"),
    ("copula", "{p1} works as {role_a} at {o1}.", "p1 employer o1"),
    ("copula", "{p1} has been {role_a} with {o1} since {y1}.", "p1 employer o1"),
    ("compound", "{o1} {exec_short} {p1} told reporters that sales had doubled.", "p1 employer o1"),
    ("possessive", "{o1}'s {exec} {p1} announced a new product line on Monday.", "p1 employer o1"),
    ("apposition", "{p1}, {exec} at {o1}, declined to comment on the merger.", "p1 employer o1"),
    ("apposition", "The study was led by {p1}, {acad_a} at {u1}.", "p1 employer u1"),
    (
        "participle",
        "Before joining {o1} in {y1}, {p1} spent {n} years at {o2}.",
        "p1 employer o1; p1 employer o2",
    ),
    ("passive", "{p1} was recruited by {o1} in {y1}.", "p1 employer o1"),
    ("verb", "{o1} appointed {p1} as its new {exec} last week.", "p1 employer o1"),
    ("verb", "{p1} took over as {exec} of {o1} in {y1}.", "p1 employer o1"),
    ("relative", "{p1}, who heads the {field} group at {o1}, presented the findings.", "p1 employer o1"),
    (
        "participle",
        "Having spent a decade at {o1}, {p1} moved to {o2} in {y1}.",
        "p1 employer o1; p1 employer o2",
    ),
    ("coordination", "{p1} and {p2} both work at {o1}.", "p1 employer o1; p2 employer o1"),
    ("verb", "{o1} employs {p1} as {role_a}.", "p1 employer o1"),
    ("copula", "{p1} is currently {acad_a} at {u1}.", "p1 employer u1"),
    ("verb", "{p1} teaches courses on {field} at {u1}.", "p1 employer u1"),
    ("copula", "{p1} holds a faculty position at {u1}.", "p1 employer u1"),
    ("verb", "{p1} left {o1} in {y1} to join {o2}.", "p1 employer o1; p1 employer o2"),
    ("pronoun", "{p1} grew up in {city}. In {y1} {p1.he} joined {o1} as {role_a}.", "p1 employer o1"),
    ("lab", "{p1} is {acad_a} in the {lab1} at {u1}.", "p1 employer lab1; ?p1 employer u1"),
    (
        "list",
        "The team at {o1} includes {p1}, {p2} and {p3}.",
        "p1 employer o1; p2 employer o1; p3 employer o1",
    ),
    ("verb", "{p1} spent {n} years as {role_a} for {o1}.", "p1 employer o1"),
    ("verb", "{p1} retired from {u1} in {y1} after a long career in {field}.", "p1 employer u1"),
    ("pronoun", "{p1} is an expert on {topic}. {p1.He} works for {o1} in {city}.", "p1 employer o1"),
    ("relative", "{o1}, where {p1} is {exec}, reported record profits.", "p1 employer o1"),
    ("passive", "{p1} was named {exec} of {o1} in {y1}.", "p1 employer o1"),
    ("apposition", "{p1}, {o1}'s {exec}, will step down next spring.", "p1 employer o1"),
    ("coordination", "{p1} has worked for {o1} and {o2}.", "p1 employer o1; p1 employer o2"),
    (
        "pronoun",
        "{p1} was raised by {p1.his} grandparents in {city}. After college {p1.he} found work at {o1}, "
        "where {p1.he} stayed for {n} years.",
        "p1 employer o1",
    ),
    ("surname", "{p1} joined {o1} in {y1}. {p1.l} now leads its {field} team.", "p1 employer o1"),
    (
        "acronym",
        "{p1} is {acad_a} at {u1} ({u1.acr}). Before {u1.acr}, {p1.he} worked at {o1}.",
        "p1 employer u1; p1 employer o1",
    ),
    ("verb", "Since {y1}, {p1} has directed the {lab1}.", "p1 employer lab1"),
    ("firstperson", "{p1}\n\nI am {acad_a} at {u1}, where I teach {field}.", "p1 employer u1"),
]

ALMA_MATER: list[T] = [
    ("degree", "{p1} earned a {deg} in {field} at {u1}.", "p1 alma_mater u1"),
    ("copula", "{p1} is a graduate of {u1}.", "p1 alma_mater u1"),
    ("degree", "{p1} holds a {deg} from {u1}.", "p1 alma_mater u1"),
    ("verb", "{p1} studied {field} at {u1} before moving into industry.", "p1 alma_mater u1"),
    ("coordination", "{p1} was educated at {u1} and {u2}.", "p1 alma_mater u1; p1 alma_mater u2"),
    ("apposition", "A graduate of {u1}, {p1} now lives in {city}.", "p1 alma_mater u1"),
    (
        "participle",
        "After finishing {p1.his} doctorate at {u1}, {p1} joined {o1} as {role_a}.",
        "p1 alma_mater u1; p1 employer o1",
    ),
    ("relative", "{p1} attended {u1}, where {p1.he} majored in {field}.", "p1 alma_mater u1"),
    ("verb", "{p1} completed {p1.his} undergraduate studies at {u1} in {y1}.", "p1 alma_mater u1"),
    ("verb", "{p1} went on to {u1} for graduate school.", "p1 alma_mater u1"),
    (
        "pronoun",
        "{p1} was born in {city} in {y1}. {p1.He} later studied {field} at {u1}.",
        "p1 alma_mater u1",
    ),
    ("verb", "{u1} awarded {p1} a {deg} in {y1}.", "p1 alma_mater u1"),
    ("degree", "{p1} holds a Master of Science in {fieldc} from {u1}.", "p1 alma_mater u1"),
    ("verb", "{p1} enrolled at {u1} in {y1} and graduated {n} years later.", "p1 alma_mater u1"),
    ("copula", "{p1} is a doctoral student in {field} at {u1}.", "p1 alma_mater u1; ?p1 employer u1"),
    (
        "list",
        "{p1} has degrees from {u1}, {u2} and {u3}.",
        "p1 alma_mater u1; p1 alma_mater u2; p1 alma_mater u3",
    ),
    (
        "pronoun",
        "{p1} is {role_a} at {o1}. {p1.He} has a degree in {field} from {u1}.",
        "p1 employer o1; p1 alma_mater u1",
    ),
    (
        "firstperson",
        "{p1}\n\nI received my {deg} from {u1} in {y1} and now work as {role_a} at {o1}.",
        "p1 alma_mater u1; p1 employer o1",
    ),
    (
        "possessive",
        "{u1}'s best-known graduate, {p1}, returned to give the commencement address.",
        "p1 alma_mater u1",
    ),
    (
        "relative",
        "{p1}, who obtained {p1.his} {deg} from {u1}, now runs a clinic in {city}.",
        "p1 alma_mater u1",
    ),
    ("degree_caps", "{p1} earned a Bachelor of Arts in {fieldc} at {u1} in {y1}.", "p1 alma_mater u1"),
]

ADVISER: list[T] = [
    (
        "prep",
        "{p1} wrote {p1.his} dissertation under {p2} at {u1}.",
        "p1 adviser p2; p1 alma_mater u1; ?p2 employer u1",
    ),
    (
        "participle",
        "{p1} earned {p1.his} PhD at {u1}, supervised by {p2}.",
        "p1 adviser p2; p1 alma_mater u1; ?p2 employer u1",
    ),
    ("copula", "{p2} was {p1}'s doctoral supervisor.", "p1 adviser p2"),
    (
        "verb",
        "{p2} directed {p1}'s doctoral research at {u1}.",
        "p1 adviser p2; ?p1 alma_mater u1; ?p2 employer u1",
    ),
    (
        "prep",
        "{p1} is a doctoral candidate at {u1} under the guidance of {p2}.",
        "p1 adviser p2; p1 alma_mater u1; ?p2 employer u1",
    ),
    ("prep", "{p1} completed a PhD in {field} with {p2} as {p1.his} advisor.", "p1 adviser p2"),
    ("prep", "Under the direction of Dr. {p2}, {p1} finished a thesis on {topic} in {y1}.", "p1 adviser p2"),
    (
        "possessive",
        "{p1}'s thesis advisor at {u1} was {p2}.",
        "p1 adviser p2; ?p1 alma_mater u1; ?p2 employer u1",
    ),
    ("apposition", "{p2}, {p1}'s PhD advisor, attended the defense.", "p1 adviser p2"),
    (
        "pronoun",
        "{p1} received {p1.his} doctorate from {u1} in {y1}. {p1.His} adviser was {p2}.",
        "p1 alma_mater u1; p1 adviser p2",
    ),
    ("coordination", "{p2} supervised the doctoral work of {p1} and {p3}.", "p1 adviser p2; p3 adviser p2"),
    (
        "list",
        "Among {p2}'s doctoral students at {u1} were {p1} and {p3}.",
        "p1 adviser p2; p3 adviser p2; ?p2 employer u1; ?p1 alma_mater u1; ?p3 alma_mater u1",
    ),
    (
        "prep",
        "{p1} studied under {p2} at {u1}, earning a PhD in {y1}.",
        "p1 adviser p2; p1 alma_mater u1; ?p2 employer u1",
    ),
    (
        "firstperson",
        "{p1}\n\nI am a {ord} PhD student in {field} at {u1}, where I work with my advisor {p2}.",
        "p1 adviser p2; p1 alma_mater u1; ?p2 employer u1",
    ),
    (
        "pronoun",
        "{p1} moved to {city} in {y1}. There {p1.he} began a PhD under {p2} at {u1}.",
        "p1 adviser p2; p1 alma_mater u1; ?p2 employer u1",
    ),
    (
        "relative",
        "{p2}, who supervised {p1}'s master's thesis, later hired {p1.him} at {o1}.",
        "p1 adviser p2; p1 employer o1; ?p2 employer o1",
    ),
    ("copula", "{p1} was the first doctoral student of {p2}.", "p1 adviser p2"),
    (
        "postdoc",
        "{p1} did postdoctoral work with {p2} at the {lab1}.",
        "p1 adviser p2; p1 employer lab1; ?p2 employer lab1",
    ),
    ("passive", "{p1}'s doctoral thesis was supervised by {p2}.", "p1 adviser p2"),
    ("verb", "{p2} advised {p1} on {p1.his} dissertation about {topic}.", "p1 adviser p2"),
    (
        "surname",
        "{p1} joined the group of {p2} at {u1} as a PhD student in {y1}. {p2.l} supervised {p1.his} "
        "thesis on {topic}.",
        "p1 adviser p2; p1 alma_mater u1; ?p2 employer u1",
    ),
    (
        "pronoun",
        "{p2} is {acad_a} at {u1}. {p2.He} supervised the dissertation of {p1}.",
        "p1 adviser p2; p2 employer u1; ?p1 alma_mater u1",
    ),
]

MENTOR: list[T] = [
    (
        "idiom",
        "{p2} took {p1} under {p2.his} wing at {o1}.",
        "p1 mentor p2; ?p1 employer o1; ?p2 employer o1",
    ),
    ("verb", "{p1} credits {p2} as {p1.his} mentor.", "p1 mentor p2"),
    ("apprentice", "{p1} apprenticed with {p2}, a master of {craft}.", "p1 mentor p2"),
    ("verb", "{p2} has mentored {p1} since {y1}.", "p1 mentor p2"),
    ("verb", "{p1} counts {p2} among {p1.his} mentors.", "p1 mentor p2"),
    ("relative", "{p1} learned the trade from {p2}, who became {p1.his} mentor.", "p1 mentor p2"),
    ("possessive", "{p1}'s longtime mentor {p2} attended the ceremony.", "p1 mentor p2"),
    ("apposition", "{p2}, a mentor to {p1} for many years, spoke at the event.", "p1 mentor p2"),
    ("apprentice", "{p1} served as an apprentice to {p2} in {city}.", "p1 mentor p2"),
    (
        "participle",
        "As a young engineer at {o1}, {p1} was mentored by {p2}.",
        "p1 mentor p2; p1 employer o1; ?p2 employer o1",
    ),
    ("verb", "{p1} found a mentor in {p2}.", "p1 mentor p2"),
    (
        "pronoun",
        "{p1} arrived at {o1} in {y1}. There {p1.he} met {p2}, who would become {p1.his} mentor.",
        "p1 mentor p2; p1 employer o1; ?p2 employer o1",
    ),
    ("coordination", "{p2} mentored both {p1} and {p3}.", "p1 mentor p2; p3 mentor p2"),
    ("copula", "{p2} was a mentor and friend to {p1}.", "p1 mentor p2"),
    ("protege", "{p1}, a protégé of {p2}, opened {p1.his} own studio in {y1}.", "p1 mentor p2"),
    ("protege", "{p2}'s protégé {p1} won the prize in {y1}.", "p1 mentor p2"),
    (
        "surname",
        "{p1} met {p2} in {y1}. {p2.l} became {p1.his} mentor during {p1.his} first years in {field}.",
        "p1 mentor p2",
    ),
    ("firstperson", "{p1}\n\nMy mentor {p2} taught me everything I know about {craft}.", "p1 mentor p2"),
    ("verb", "{p2} mentored {p1} during {p1.his} residency at {u1}.", "p1 mentor p2; ?p1 employer u1"),
    (
        "pronoun",
        "{p1} opened a bakery in {city} in {y1}. {p1.He} had learned {craft} as a mentee of {p2}.",
        "p1 mentor p2",
    ),
    ("possessive", "{p2} was {p1}'s mentor at {o1}.", "p1 mentor p2; ?p1 employer o1; ?p2 employer o1"),
]

FOUNDER: list[T] = [
    ("verb", "{p1} started {o1} in {y1}.", "o1 founder p1; ?p1 employer o1"),
    ("passive", "{o1} was established by {p1} in {y1}.", "o1 founder p1"),
    ("coordination", "{p1} and {p2} launched {o1} in a garage in {city}.", "o1 founder p1; o1 founder p2"),
    ("relative", "{o1}, which {p1} set up in {y1}, now has offices in {city}.", "o1 founder p1"),
    ("compound", "{o1} cofounder {p1} will leave the company next month.", "o1 founder p1; ?p1 employer o1"),
    ("apposition", "{p1}, the founder of {o1}, gave the keynote.", "o1 founder p1"),
    ("participle", "Founded in {y1} by {p1}, {o1} now employs {n} hundred people.", "o1 founder p1"),
    (
        "lab",
        "{p1} is the founding director of the {lab1} at {u1}.",
        "lab1 founder p1; p1 employer lab1; ?p1 employer u1",
    ),
    ("verb", "{p1} created {o1} after leaving {o2}.", "o1 founder p1; p1 employer o2; ?p1 employer o1"),
    ("possessive", "{o1}'s founder, {p1}, retired in {y1}.", "o1 founder p1; ?p1 employer o1"),
    (
        "pronoun",
        "{p1} trained as an electrician in {city}. In {y1} {p1.he} founded {o1}.",
        "o1 founder p1; ?p1 employer o1",
    ),
    ("copula", "{p1} is one of the founders of {o1}.", "o1 founder p1"),
    (
        "list",
        "{o1} was founded in {y1} by {p1}, {p2} and {p3}.",
        "o1 founder p1; o1 founder p2; o1 founder p3",
    ),
    ("verb", "In {y1}, {p1} co-founded {o1} with {p2}.", "o1 founder p1; o1 founder p2"),
    (
        "firstperson",
        "{p1}\n\nI founded {o1} in {y1} to build better tools for small farmers.",
        "o1 founder p1",
    ),
    (
        "pronoun",
        "{o1} began as a student project. {p1}, who set the company up in {y1}, still owns most of it.",
        "o1 founder p1",
    ),
    ("apposition", "{o1}, a firm started by {p1}, makes sensors for farms.", "o1 founder p1"),
]

NEGATIVE: list[T] = [
    ("negation", "{p1} has never been employed by {o1}.", ""),
    ("negation", "{p1} did not study at {u1}.", ""),
    ("negation", "Contrary to rumours, {p1} was not a founder of {o1}.", ""),
    ("negation", "{p1} was never a doctoral student of {p2}.", ""),
    ("negation", "{p1} denied that {p2} had ever mentored {p1.him}.", ""),
    ("negation", "{o1} was not founded by {p1}; {p1.he} joined it in {y1}.", "p1 employer o1"),
    ("hedge", "{p1} could take a job at {o1} next year.", ""),
    ("hedge", "{p1} is reportedly in talks with {o1} about a senior role.", ""),
    ("hedge", "{p1} hopes to study at {u1} one day.", ""),
    ("hedge", "{p1} might launch a company with backing from {o1}.", ""),
    ("offer", "{p1} rejected an offer from {o1} and stayed in {city}.", ""),
    ("offer", "{p1} turned down a place at {u1}.", ""),
    ("offer", "{p1} applied to {u1} but was not admitted.", ""),
    ("board", "{p1} sits on the board of directors of {o1}.", ""),
    ("board", "{p1} is a trustee of {u1}.", ""),
    ("membership", "{p1} plays bass in the band {band1}.", ""),
    ("membership", "{p1} signed with the {team1} before the season.", ""),
    ("membership", "{p1} has been a card-carrying member of the {party1} since {y1}.", ""),
    ("lawsuit", "{p1} filed a lawsuit against {o1} in {y1}.", ""),
    ("shares", "{p1} acquired a stake in {o1}.", ""),
    ("visit", "{p1} delivered a lecture at {u1} last spring.", ""),
    ("visit", "{p1} toured the {o1} factory in {city}.", ""),
    ("people", "{p1} met {p2} at a conference in {city}.", ""),
    ("people", "{p1} co-wrote a paper with {p2}.", ""),
    ("people", "{p1} competed against {p2} in the final.", ""),
    ("people", "{p1} has long admired the work of {p2}.", ""),
    ("people", "{p1} and {p2} have been friends since childhood.", ""),
    ("organization", "{p1} criticized {o1} for its hiring practices.", ""),
    ("organization", "{p1} reviewed the latest phone from {o1}.", ""),
    ("organization", "{p1} donated a million dollars to {u1}.", ""),
    ("organization", "{o1} acquired {o2} in {y1}.", ""),
    ("organization", "{o1} signed a research partnership with {u1}.", ""),
    ("membership", "{p1} is a lifelong fan of the {team1}.", ""),
    (
        "wrong_person",
        "During {p1.his} summer internship at {o1}, {p1} was mentored by {p2}.",
        "p1 mentor p2; p1 employer o1",
    ),
    ("wrong_person", "{p1} wrote a biography of {p2}, the founder of {o1}.", "o1 founder p2"),
    ("wrong_person", "{p1}'s daughter works at {o1}.", ""),
    ("wrong_person", "{p1} is married to {p2}, {role_a} at {o1}.", "p2 employer o1"),
    ("wrong_person", "{p1} interviewed {p2}, the {exec} of {o1}.", "p2 employer o1"),
    ("study_vs_work", "{p1} studies {field} at {u1}.", "p1 alma_mater u1"),
    ("study_vs_work", "{p1} lectures in {field} at {u1}.", "p1 employer u1"),
]

GROUPS: dict[str, tuple[list[T], float]] = {
    "employer": (EMPLOYER, 1.0),
    "alma_mater": (ALMA_MATER, 1.0),
    "adviser": (ADVISER, 1.6),
    "mentor": (MENTOR, 1.6),
    "founder": (FOUNDER, 1.0),
    "negative": (NEGATIVE, 1.0),
}

SLOT = re.compile(r"\{([a-z_]+\d*)(?:\.(\w+))?\}")
PRONOUNS = {
    "f": {"he": "she", "He": "She", "his": "her", "His": "Her", "him": "her"},
    "m": {"he": "he", "He": "He", "his": "his", "His": "His", "him": "him"},
}


@dataclass
class Person:
    first: str
    last: str
    gender: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


class Filler:
    """Draws names for one text, never the same surname or organization twice."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, make) -> str | Person:
        for _ in range(200):
            value = make()
            key = value.last if isinstance(value, Person) else value
            if key not in self.used:
                self.used.add(key)
                return value
        raise RuntimeError("name pools too small")

    def person(self) -> Person:
        def make() -> Person:
            culture = self.rng.choices(list(CULTURE_WEIGHTS), weights=list(CULTURE_WEIGHTS.values()))[0]
            gender = self.rng.choice("fm")
            return Person(self.rng.choice(GIVEN[culture][gender]), self.rng.choice(SURNAMES[culture]), gender)

        return self._fresh(make)

    def company(self) -> str:
        rng = self.rng
        return self._fresh(
            lambda: f"{rng.choice(COMPANY_HEADS)} {rng.choice(COMPANY_TAILS)}{rng.choice(COMPANY_SUFFIXES)}"
        )

    def university(self) -> str:
        rng = self.rng
        return self._fresh(lambda: rng.choice(UNIVERSITY_FORMS).replace("{p}", rng.choice(PLACES)))

    def lab(self) -> str:
        rng = self.rng
        return self._fresh(lambda: rng.choice(LAB_FORMS).replace("{f}", rng.choice(LAB_FIELDS)))


def _entity_slot(filler: Filler, kind: str):
    if kind == "p":
        return filler.person(), "PERSON"
    if kind == "o":
        return filler.company(), "ORGANIZATION"
    if kind == "u":
        return filler.university(), "INSTITUTION"
    if kind == "lab":
        return filler.lab(), "INSTITUTION"
    pool = {"band": BANDS, "team": TEAMS, "party": PARTIES}[kind]
    return filler.rng.choice(pool), "ORGANIZATION"


def render(text: str, rels: str, rng: random.Random) -> tuple[str, list[dict], list[dict]]:
    """Fill a template; return the text, its entities and its relations in gold format."""
    filler = Filler(rng)
    values: dict[str, object] = {}
    types: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    order: list[str] = []
    y1 = rng.randint(1975, 2016)

    def fill(m: re.Match) -> str:
        slot, attr = m.group(1), m.group(2)
        if slot not in values:
            kind = re.sub(r"\d+$", "", slot)
            if kind in ("p", "o", "u", "lab", "band", "team", "party"):
                values[slot], types[slot] = _entity_slot(filler, kind)
                aliases[slot] = []
                order.append(slot)
            elif slot == "y1":
                values[slot] = str(y1)
            elif slot == "y2":
                values[slot] = str(y1 + rng.randint(2, 8))
            else:
                values[slot] = rng.choice(VOCAB[slot])
        value = values[slot]
        if isinstance(value, Person):
            if attr is None:
                return value.name
            if attr in ("f", "l"):
                alias = value.first if attr == "f" else value.last
                if alias not in aliases[slot]:
                    aliases[slot].append(alias)
                return alias
            return PRONOUNS[value.gender][attr]
        if attr is None and types.get(slot) == "INSTITUTION" and str(value).startswith("University of"):
            if not text[: m.start()].endswith(("the ", "The ")):
                return "the " + str(value)
        if attr == "acr":
            alias = acronym(str(value))
            if alias not in aliases[slot]:
                aliases[slot].append(alias)
            return alias
        return str(value)

    filled = SLOT.sub(fill, text)
    filled = re.sub(r"\.\.(?=\s|$)", ".", filled)  # "Acme Inc.." at the end of a sentence
    filled = filled[0].upper() + filled[1:]
    name = {s: (v.name if isinstance(v, Person) else str(v)) for s, v in values.items()}
    entities = [{"name": name[s], "type": types[s], "aliases": aliases[s]} for s in order]
    relations = []
    for spec in filter(None, (r.strip() for r in rels.split(";"))):
        optional = spec.startswith("?")
        source, rtype, target = spec.lstrip("?").split()
        rel = {"source": name[source], "type": rtype, "target": name[target]}
        if optional:
            rel["optional"] = True
        relations.append(rel)
    return filled, entities, relations


def plan(count: int) -> list[tuple[str, T]]:
    """How many texts each template gets: proportional to its group's weight."""
    slots = [(group, t, weight) for group, (temps, weight) in GROUPS.items() for t in temps]
    total = sum(w for _, _, w in slots)
    out: list[tuple[str, T]] = []
    remainders = []
    for group, t, w in slots:
        exact = count * w / total
        out += [(group, t)] * int(exact)
        remainders.append((exact - int(exact), group, t))
    remainders.sort(key=lambda r: -r[0])
    out += [(g, t) for _, g, t in remainders[: count - len(out)]]
    return out


def generate(outdir: Path, *, count: int = COUNT, seed: int = SEED) -> int:
    rng = random.Random(seed)
    jobs = plan(count)
    rng.shuffle(jobs)
    docs = outdir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    with open(outdir / "gold.jsonl", "w", encoding="utf-8") as gold:
        for i, (group, (form, text, rels)) in enumerate(jobs):
            doc_id = f"tpl{i:05d}"
            filled, entities, relations = render(text, rels, rng)
            (docs / f"{doc_id}.txt").write_text(filled + "\n", encoding="utf-8")
            line = {
                "doc": doc_id,
                "source": "templates",
                "form": f"{group}:{form}",
                "annotated_types": list(ALL_TYPES),
                "entities": entities,
                "relations": relations,
            }
            gold.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(jobs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, nargs="?", default=Path(__file__).parent / "generated")
    parser.add_argument("--count", type=int, default=COUNT)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    n = generate(args.outdir, count=args.count, seed=args.seed)
    print(f"wrote {n} texts to {args.outdir}")


if __name__ == "__main__":
    main()
