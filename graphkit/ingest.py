"""Files to documents: finding text files, decoding them, skipping what is not text.

``iter_documents`` walks the paths it is given (folders recursively, in a stable
order) and yields a ``Document`` for every readable text file and a ``Skipped``
for every file it had to leave out, with the reason in plain words. It never
raises for a bad file; only a path that does not exist is an ``InputError``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "TEXT_SUFFIXES",
    "Document",
    "Skipped",
    "count_files",
    "decode_bytes",
    "iter_documents",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
DEFAULT_MAX_BYTES = 20_000_000
_SNIFF = 65536
_PREFERRED = {
    "cp1252": 0,
    "latin_1": 1,
    "iso8859_15": 2,
    "cp1250": 3,
    "cp1251": 4,
    "gb18030": 5,
    "big5": 6,
    "shift_jis": 7,
    "euc_kr": 8,
    "utf_16": 9,
}


@dataclass(frozen=True, slots=True)
class Document:
    doc: str  # the id: path relative to the folder given, or the file name
    path: str
    text: str
    warning: str | None = None  # e.g. "decoded as cp1252"


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str  # one of: empty, binary, too-large, unreadable, broken-link, not-a-file
    message: str  # a plain sentence for the user ("" for quiet skips)


class _NotText(Exception):
    pass


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode a file's bytes; return the text and a warning when it was not UTF-8.

    Raises ``_NotText`` (internal) when the bytes do not look like text.
    """
    if data.startswith(b"%PDF-"):
        raise _NotText("it is a PDF, not text (convert it to .txt first)")
    head = data[:_SNIFF]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise _NotText("it is binary (contains NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
        warning = None
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        matches = list(from_bytes(data))
        best = None
        if matches:
            # among equally clean readings, prefer the encodings most text is written in
            low = min(m.chaos for m in matches)
            clean = [m for m in matches if m.chaos <= low + 1e-9]
            best = min(clean, key=lambda m: (_PREFERRED.get(m.encoding, 99), -m.coherence))
        if best is None:
            raise _NotText("its encoding could not be detected (it may be binary)") from None
        text = str(best)
        warning = f"not UTF-8; decoded as {best.encoding}"
    if text.startswith("\ufeff"):
        text = text[1:]
    sample = text[:_SNIFF]
    if sample:
        bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
        if bad / len(sample) > 0.1:
            raise _NotText("it looks binary (too many control characters)")
    return text, warning


def _walk(root: Path) -> Iterator[Path]:
    """Files below ``root`` in sorted order, following links once, skipping hidden folders."""
    seen: set[str] = set()

    def visit(folder: Path) -> Iterator[Path]:
        try:
            real = os.path.realpath(folder)
        except OSError:
            return
        if real in seen:  # a symlink loop or a folder linked twice
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            yield folder  # reported as unreadable by the caller
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files, .git, .svn, .hg ...
            p = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(p)
            else:
                yield p

    yield from visit(root)


def _doc_id(path: Path, root: Path | None) -> str:
    if root is None:
        return path.name
    return path.relative_to(root).as_posix()


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    suffixes: tuple[str, ...] = TEXT_SUFFIXES,
) -> Iterator[Document | Skipped]:
    """Yield a ``Document`` or a ``Skipped`` for every file under ``paths``.

    Checks every path exists before reading any, so a typo fails fast.
    """
    roots = [Path(p) for p in paths]
    for p in roots:
        if not p.exists() and not p.is_symlink():
            raise InputError(f"Path '{p}' does not exist.")
    for root in roots:
        if root.is_dir():
            for f in _walk(root):
                if f.is_dir():
                    yield Skipped(str(f), "unreadable", f"{f}: skipped: the folder cannot be read")
                    continue
                if f.suffix.lower() not in suffixes:
                    continue
                yield _read(f, _doc_id(f, root), max_bytes)
        else:
            yield _read(root, _doc_id(root, None), max_bytes)


def count_files(paths: Iterable[str | os.PathLike[str]], *, suffixes: tuple[str, ...] = TEXT_SUFFIXES) -> int:
    """How many files ``iter_documents`` would look at, without reading them."""
    n = 0
    for p in (Path(x) for x in paths):
        if p.is_dir():
            n += sum(1 for f in _walk(p) if f.suffix.lower() in suffixes)
        elif p.exists() or p.is_symlink():
            n += 1
    return n


def _read(path: Path, doc_id: str, max_bytes: int) -> Document | Skipped:
    name = str(path)
    if path.is_symlink() and not path.exists():
        return Skipped(name, "broken-link", f"{name}: skipped: broken symbolic link")
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return Skipped(name, "not-a-file", f"{name}: skipped: not a regular file")
        size = st.st_size
        if size == 0:
            return Skipped(name, "empty", "")
        if max_bytes and size > max_bytes:
            return Skipped(
                name,
                "too-large",
                f"{name}: skipped: {size:,} bytes is over the limit of {max_bytes:,} "
                "(raise it with --max-bytes)",
            )
        data = path.read_bytes()
    except OSError as e:
        return Skipped(name, "unreadable", f"{name}: skipped: cannot read it ({e.strerror or e})")
    try:
        text, warning = decode_bytes(data)
    except _NotText as e:
        return Skipped(name, "binary", f"{name}: skipped: {e}")
    if not text.strip():
        return Skipped(name, "empty", "")
    return Document(doc_id, name, text, f"{name}: {warning}" if warning else None)
