"""Larger corpora from a small one: documents replicated with their names changed.

Replica ``k`` of a document is the same text with the vowels of its proper names
permuted by the ``k``-th permutation of "aeiou" that moves every vowel ("Hinton" ->
"Hontan"; 44 of them): sentences,
syntax and organization head words ("University", "Institute") stay, so extraction
behaves as on the originals, but each replica names different people and
organizations, as a larger real corpus would.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

__all__ = ["changed_names", "replicate"]

# permutations that move every vowel, so that every name changes
_PERMUTATIONS = ["aeiou"] + [
    "".join(p) for p in itertools.permutations("aeiou") if all(a != b for a, b in zip(p, "aeiou"))
]
_KEEP = frozenset(
    """University College Institute School Academy Company Corporation Inc Ltd Group Society
    Association Museum Laboratory Bank Council Foundation Center Centre Department Ministry Party
    Church Hospital Press Records Airlines Club Team Band Orchestra Theatre Studio Studios Games
    Pictures Film Films Television Network Agency Office Board Commission Committee Court Army
    Navy Force Police National International Royal Federal State City United States Kingdom
    Republic North South East West New Saint St January February March April May June July
    August September October November December Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday The He She It His Her They Their This That These After Before During From With As By
    For Of And But When While In On At An A I Mr Mrs Dr Professor Sir Lord President""".split()  # noqa: SIM905
)
# a capitalized word that does not start a sentence, or starts one followed by another
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][A-Za-z]+)\b", re.M)
_FIRST_NAME = re.compile(r"(?:^|[.!?]\s)([A-Z][A-Za-z]+)(?= [A-Z])", re.M)


def changed_names(text: str, k: int) -> str:
    """``text`` with the vowels of its proper names permuted by permutation ``k``."""
    if k % len(_PERMUTATIONS) == 0:
        return text
    perm = _PERMUTATIONS[k % len(_PERMUTATIONS)]
    table = str.maketrans("aeiouAEIOU", perm + perm.upper())
    names = {m.group(1) for m in (*_NAME.finditer(text), *_FIRST_NAME.finditer(text))} - _KEEP
    if not names:
        return text
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: m.group(1).translate(table), text)


def replicate(source: Path, target: Path, n_docs: int) -> list[Path]:
    """Write ``n_docs`` documents to ``target``: the ``.txt`` files of ``source``, then
    replicas with changed names, as ``r{k:03}-{name}``."""
    originals = sorted(source.glob("*.txt"))
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n_docs):
        k, src = divmod(i, len(originals))
        path = target / f"r{k:03}-{originals[src].name}"
        if not path.exists():
            path.write_text(changed_names(originals[src].read_text("utf-8"), k), "utf-8")
        written.append(path)
    return written
