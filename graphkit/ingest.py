"""Files to documents: finding documents, decoding them, skipping what is not text.

``iter_documents`` walks the paths it is given (folders recursively, in a stable
order) and yields a ``Document`` for every readable document and a ``Skipped``
for every file it had to leave out, with the reason in plain words. It never
raises for a bad file; only a path that does not exist is an ``InputError``.

Plain text (``.txt``) is decoded here; saved web pages, PDFs, Markdown and JSON
records are turned into plain text by ``graphkit.formats``. A JSON Lines file
gives one document per record, with the id ``dump.jsonl#<id>``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .formats import (
    DEFAULT_FIELDS,
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    PDF_SUFFIXES,
    RECORD_SUFFIXES,
    NotText,
    RecordFields,
    html_to_text,
    iter_records,
    markdown_to_text,
    pdf_to_text,
)

__all__ = [
    "DEFAULT_FIELDS",
    "DEFAULT_MAX_BYTES",
    "DOCUMENT_SUFFIXES",
    "TEXT_SUFFIXES",
    "Document",
    "RecordFields",
    "Skipped",
    "count_files",
    "decode_bytes",
    "iter_documents",
]

TEXT_SUFFIXES = (".txt",)
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES + RECORD_SUFFIXES
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
    # one of: empty, binary, too-large, unreadable, broken-link, not-a-file,
    # no-text (a page without an article, a scanned or encrypted PDF), bad-record
    reason: str
    message: str  # a plain sentence for the user ("" for quiet skips)


class _NotText(Exception):
    pass


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode a file's bytes; return the text and a warning when it was not UTF-8.

    Raises ``_NotText`` (internal) when the bytes do not look like text.
    """
    if data.startswith(b"%PDF-"):
        raise _NotText("it is a PDF named like a text file (rename it to .pdf)")
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
    suffixes: tuple[str, ...] = DOCUMENT_SUFFIXES,
    fields: RecordFields = DEFAULT_FIELDS,
) -> Iterator[Document | Skipped]:
    """Yield a ``Document`` or a ``Skipped`` for every document under ``paths``.

    Files in folders are read when their suffix is one of ``suffixes``; a file
    named on its own is read whatever its suffix (as plain text when it is not a
    known format). ``fields`` names the text and id fields of JSON records.
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
                yield from _read(f, _doc_id(f, root), max_bytes, fields)
        else:
            yield from _read(root, _doc_id(root, None), max_bytes, fields)


def count_files(
    paths: Iterable[str | os.PathLike[str]], *, suffixes: tuple[str, ...] = DOCUMENT_SUFFIXES
) -> int:
    """About how many documents ``iter_documents`` would yield: files, and the
    non-blank lines of JSON Lines files (for progress bars)."""
    n = 0
    for p in (Path(x) for x in paths):
        if p.is_dir():
            files = [f for f in _walk(p) if f.suffix.lower() in suffixes]
        else:
            files = [p] if p.exists() or p.is_symlink() else []
        for f in files:
            n += _count_records(f) if f.suffix.lower() == ".jsonl" else 1
    return n


def _count_records(path: Path) -> int:
    try:
        with open(path, "rb") as f:
            return max(1, sum(1 for line in f if line.strip()))
    except OSError:
        return 1


def _read(path: Path, doc_id: str, max_bytes: int, fields: RecordFields) -> Iterator[Document | Skipped]:
    """The document(s) of one file: one, or one per record of a JSON file."""
    item = _read_file(path, doc_id, max_bytes)
    if isinstance(item, Skipped):
        yield item
        return
    name = str(path)
    suffix = path.suffix.lower()
    data = item
    if suffix in HTML_SUFFIXES or suffix in PDF_SUFFIXES:
        yield _layout_document(doc_id, name, suffix, data)
        return
    try:
        text, warning = decode_bytes(data)
    except _NotText as e:
        yield Skipped(name, "binary", f"{name}: skipped: {e}")
        return
    warning = f"{name}: {warning}" if warning else None
    if suffix in MARKDOWN_SUFFIXES:
        yield _document(doc_id, name, markdown_to_text(text), warning)
    elif suffix in RECORD_SUFFIXES:
        yield from _records(doc_id, name, text, fields, warning)
    else:
        yield _document(doc_id, name, text, warning)


def _layout_document(doc_id: str, name: str, suffix: str, data: bytes) -> Document | Skipped:
    """A saved web page or a PDF, through its format library."""
    html = suffix in HTML_SUFFIXES
    try:
        text = html_to_text(data) if html else pdf_to_text(data)
    except NotText as e:
        return Skipped(name, "no-text", f"{name}: skipped: {e}")
    except Exception as e:  # the format library could not parse this file
        problem = " ".join(str(e).split()) or e.__class__.__name__
        kind = "web page" if html else "PDF"
        return Skipped(name, "unreadable", f"{name}: skipped: cannot read it as a {kind} ({problem})")
    return _document(doc_id, name, text, None)


def _document(doc_id: str, name: str, text: str, warning: str | None) -> Document | Skipped:
    if not text.strip():
        return Skipped(name, "empty", "")
    return Document(doc_id, name, text, warning)


def _records(
    doc_id: str, name: str, text: str, fields: RecordFields, warning: str | None
) -> Iterator[Document | Skipped]:
    seen: set[str] = set()
    for rec in iter_records(text, fields=fields):
        where = f"{name}, line {rec.line}"
        if rec.problem is not None or rec.text is None:
            yield Skipped(name, "bad-record", f"{where}: skipped: the record {rec.problem}")
            continue
        rid = f"{doc_id}#{rec.id}" if rec.id not in (None, "") else f"{doc_id}#line-{rec.line}"
        if rid in seen:
            rid = f"{rid}@line-{rec.line}"
            warning = f"{where}: the id is used by an earlier record; this one is {rid}"
        seen.add(rid)
        item = _document(rid, name, rec.text, warning)
        warning = None
        if isinstance(item, Skipped):
            item = Skipped(name, "empty", "")
        yield item


def _read_file(path: Path, doc_id: str, max_bytes: int) -> bytes | Skipped:
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
        return path.read_bytes()
    except OSError as e:
        return Skipped(name, "unreadable", f"{name}: skipped: cannot read it ({e.strerror or e})")
