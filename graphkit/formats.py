"""Document formats to plain text: saved web pages, PDFs, Markdown and JSON records.

Each reader takes a file's bytes and returns the text graphkit parses, using a
library made for the format: trafilatura for HTML, pypdf for PDF, markdown-it-py
for Markdown, the standard ``json`` module for JSON Lines. A reader raises
``NotText`` with a plain reason when the file holds no text to parse (a page
without an article, a scanned or encrypted PDF, a record without its text field).

The libraries are imported inside the readers, so ``import graphkit`` stays light.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DEFAULT_FIELDS",
    "HTML_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "PDF_SUFFIXES",
    "RECORD_SUFFIXES",
    "NotText",
    "Record",
    "RecordFields",
    "html_to_text",
    "iter_records",
    "markdown_to_text",
    "pdf_to_text",
]

HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
RECORD_SUFFIXES = (".jsonl", ".json")

# An article has at least this many words besides its title; less is page furniture.
_MIN_ARTICLE_WORDS = 12


class NotText(Exception):
    """The file (or record) holds no text to parse; the message says why."""


@contextlib.contextmanager
def _quiet(*names: str) -> Iterator[None]:
    """Silence the log messages of a format library while it reads one file: graphkit
    reports what went wrong in one line of its own."""
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)


# --- HTML -------------------------------------------------------------------


def html_to_text(data: bytes) -> str:
    """The main text of a saved web page, its title first, one paragraph a block.

    Navigation, footers, cookie banners, share buttons and "related articles" are
    left out by trafilatura. Raises ``NotText`` when the page has no article text.
    """
    import trafilatura

    with _quiet("trafilatura", "htmldate", "courlan", "justext"):
        doc = trafilatura.bare_extraction(
            data,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
        )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    title = " ".join((getattr(doc, "title", None) or "").split()) if doc is not None else ""
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if sum(len(p.split()) for p in paragraphs) < _MIN_ARTICLE_WORDS:
        raise NotText("the saved page has no article text (only navigation or page furniture)")
    return "\n\n".join(([title] if title else []) + paragraphs)


# --- PDF --------------------------------------------------------------------

# a word broken at a line end: "re-\nsearcher" -> "researcher" (a soft hyphen too)
_HYPHEN_BREAK = re.compile(r"(\w)(?:-|\u00ad)[ \t]*\r?\n[ \t]*(?=[a-z])")


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF, page by page, words hyphenated at line ends joined.

    Raises ``NotText`` for an encrypted PDF that opens only with a password, a PDF
    with no text layer (a scan) and a file pypdf cannot read.
    """
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    encrypted = "the PDF is encrypted (save a copy without a password, then try again)"
    try:
        with _quiet("pypdf"):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")  # many PDFs only restrict printing or editing
                except Exception:  # pypdf raises several kinds, e.g. when it lacks the cipher
                    opened = 0
                if not opened:
                    raise NotText(encrypted)
            pages = [_HYPHEN_BREAK.sub(r"\1", page.extract_text() or "").strip() for page in reader.pages]
    except FileNotDecryptedError:
        raise NotText(encrypted) from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise NotText(f"the PDF cannot be read ({e.__class__.__name__}: {e})") from None
    pages = [p for p in pages if p]
    if not pages:
        raise NotText("the PDF has no text layer (a scan?); run OCR on it first, e.g. with ocrmypdf")
    return "\n\n".join(pages)


# --- Markdown ---------------------------------------------------------------


def _markdown_parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)


def _inline_text(token: Any) -> str:
    out: list[str] = []
    in_autolink = 0
    for child in token.children or []:
        if child.type == "link_open" and child.markup == "autolink":
            in_autolink += 1
        elif child.type == "link_close" and child.markup == "autolink":
            in_autolink -= 1
        elif in_autolink:
            continue  # a bare URL is a link target, not text
        elif child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        # images, inline HTML and the markup of emphasis and links give no text
    return " ".join("".join(out).split())


def markdown_to_text(source: str) -> str:
    """Markdown rendered to plain text: headings, paragraphs, list items and table
    rows as blocks of their own; no markup, link targets, code blocks or front matter."""
    blocks: list[str] = []
    row: list[str] = []
    in_row = False
    for token in _markdown_parser().parse(source):
        if token.type == "tr_open":
            in_row, row = True, []
        elif token.type == "tr_close":
            in_row = False
            if any(row):
                blocks.append(" | ".join(row))
        elif token.type == "inline":
            text = _inline_text(token)
            if in_row:
                row.append(text)
            elif text:
                blocks.append(text)
        # fences, indented code, HTML blocks, front matter and rules give no text
    return "\n\n".join(blocks)


# --- JSON records -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecordFields:
    """Which fields of a JSON record hold its text and its id (dotted for nested: ``body.text``)."""

    text: str = "text"
    id: str = "id"


DEFAULT_FIELDS = RecordFields()


@dataclass(frozen=True, slots=True)
class Record:
    line: int  # 1-based line of the record (its index + 1 in a JSON array)
    id: str | None
    text: str | None
    problem: str | None = None  # why the record gives no document


def _field(record: Any, name: str) -> Any:
    if not isinstance(record, dict):
        return None
    if name in record:
        return record[name]
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _record(obj: Any, line: int, fields: RecordFields) -> Record:
    if not isinstance(obj, dict):
        return Record(line, None, None, f"is a JSON {type(obj).__name__}, not an object")
    rid = _field(obj, fields.id)
    rid = None if rid is None or isinstance(rid, (dict, list)) else str(rid)
    text = _field(obj, fields.text)
    if text is None:
        return Record(line, rid, None, f"has no '{fields.text}' field (choose another with --text-field)")
    if not isinstance(text, str):
        return Record(line, rid, None, f"its '{fields.text}' field is not text")
    return Record(line, rid, text)


def iter_records(text: str, *, fields: RecordFields = DEFAULT_FIELDS) -> Iterator[Record]:
    """The records of a JSON Lines file, or of a JSON file holding one object or an array.

    A line that is not JSON, or a record without the text field, is a ``Record``
    with its ``problem``; the others carry their id (if any) and text.
    """
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            whole = None
        if isinstance(whole, list):
            for i, obj in enumerate(whole, 1):
                yield _record(obj, i, fields)
            return
    if stripped.startswith("{") and "\n" in stripped.rstrip():
        try:  # a pretty-printed single object
            whole = json.loads(text)
        except json.JSONDecodeError:
            whole = None
        if isinstance(whole, dict):
            yield _record(whole, 1, fields)
            return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Record(n, None, None, f"is not valid JSON ({e.msg} at column {e.colno})")
            continue
        yield _record(obj, n, fields)
