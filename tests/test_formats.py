"""Reading saved web pages, PDFs, Markdown notes and JSON Lines dumps."""

from __future__ import annotations

import json

import pytest

from graphkit.formats import NotText, RecordFields, html_to_text, iter_records, markdown_to_text, pdf_to_text
from graphkit.ingest import Document, Skipped, iter_documents

SAVED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Mara Quell joins the Fenwick Institute | Example Science News</title></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/science">Science</a></li>
<li><a href="/about">About us</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience on our site.
<button>Accept all cookies</button> <button>Manage preferences</button></div>
<main><article>
<h1>Mara Quell joins the Fenwick Institute</h1>
<p class="byline">By Staff Writer</p>
<p>Mara Quell, a chemist who trained under Tobias Wrenfield, has joined the Fenwick Institute as a
senior researcher. She earned her PhD at Dunmore University in 2015.</p>
<p>Before that, Quell worked at Halvorsen Labs for six years, where she led a team studying
catalysts for cleaner fuels. Her adviser, Tobias Wrenfield, called the move a natural one.</p>
<div class="share-buttons"><a href="https://twitter.example/share">Share on Twitter</a>
<a href="https://facebook.example/share">Share on Facebook</a></div>
</article>
<aside class="related-articles"><h3>Related articles</h3><ul>
<li><a href="/a">Ilse Varga named dean of Corbel College</a></li>
<li><a href="/b">Ten things you did not know about catalysts</a></li></ul></aside>
</main>
<footer><p>Copyright 2024 Example Science News. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>
"""

EMPTY_PAGE = """<html><head><title>Page not found</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<footer>Copyright 2024 Example Media. Privacy policy</footer></body></html>
"""

NOTE = """---
tags: [people, chemistry]
---
# Notes on **Mara Quell**

Mara Quell, a chemist who trained under [Tobias Wrenfield](https://example.org/people/tw),
joined the *Fenwick Institute* in 2019. More at <https://example.org/quell>.

- She earned her PhD at `Dunmore University`.
- ![portrait](quell.png) Photo from the lab.

```python
print("Ilse Varga works at Corbel College")
```

| Name | Place |
| --- | --- |
| Mara Quell | Fenwick Institute |
"""


def _pdf(pages: list[str], **encryption) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
        else:
            pdf.rect(20, 20, 80, 60, style="F")  # a page with a picture and no text
    if encryption:
        pdf.set_encryption(**encryption)
    return bytes(pdf.output())


def _read(path, **kw):
    docs, skipped = [], []
    for item in iter_documents([path], **kw):
        (docs if isinstance(item, Document) else skipped).append(item)
    return docs, skipped


# --- HTML --------------------------------------------------------------------


def test_saved_page_gives_title_and_article_only():
    text = html_to_text(SAVED_PAGE.encode("utf-8"))
    assert text.startswith("Mara Quell joins the Fenwick Institute")
    assert "Mara Quell, a chemist who trained under Tobias Wrenfield" in text
    assert "Quell worked at Halvorsen Labs" in text
    for furniture in (
        "cookies",
        "Subscribe",
        "Share on",
        "Related articles",
        "Ilse Varga",
        "Copyright",
        "Privacy",
    ):
        assert furniture not in text
    # paragraphs stay apart, sentences stay whole
    assert "senior researcher. She earned her PhD" in text
    assert "\n\n" in text


def test_page_without_article_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "404.html").write_text(EMPTY_PAGE, "utf-8")
    (tmp_path / "story.htm").write_text(SAVED_PAGE, "utf-8")
    docs, skipped = _read(tmp_path)
    assert [d.doc for d in docs] == ["story.htm"]
    assert [s.reason for s in skipped] == ["no-text"]
    assert "404.html" in skipped[0].message and "no article text" in skipped[0].message
    with pytest.raises(NotText):
        html_to_text(EMPTY_PAGE.encode())


# --- PDF ---------------------------------------------------------------------


def test_pdf_text_page_by_page_with_hyphenation_joined():
    data = _pdf(
        [
            "Mara Quell, a chemist, has joined the Fen-\nwick Institute as a senior re-\nsearcher.",
            "On the second page: Tobias Wrenfield supervised her thesis at Dunmore University.",
        ]
    )
    text = pdf_to_text(data)
    assert "the Fenwick Institute as a senior researcher." in text
    assert "re-" not in text
    first, second = text.split("\n\n")
    assert first.startswith("Mara Quell") and second.startswith("On the second page")


def test_scanned_and_encrypted_pdfs_are_skipped_saying_so(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(_pdf(["", ""]))
    (tmp_path / "locked.pdf").write_bytes(
        _pdf(["Ilse Varga is the dean of Corbel College."], owner_password="o", user_password="u")
    )
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    (tmp_path / "paper.pdf").write_bytes(_pdf(["Ilse Varga is the dean of Corbel College."]))
    docs, skipped = _read(tmp_path)
    assert [d.doc for d in docs] == ["paper.pdf"]
    assert "Ilse Varga is the dean" in docs[0].text
    messages = {s.path.rsplit("/", 1)[-1]: s.message for s in skipped}
    assert "no text layer" in messages["scan.pdf"] and "OCR" in messages["scan.pdf"]
    assert "encrypted" in messages["locked.pdf"]
    assert "broken.pdf" in messages
    assert {s.reason for s in skipped} <= {"no-text", "unreadable"}


def test_pdf_with_owner_password_only_is_read():
    data = _pdf(["Ilse Varga is the dean of Corbel College."], owner_password="owner", user_password="")
    assert "Ilse Varga" in pdf_to_text(data)


# --- Markdown ----------------------------------------------------------------


def test_markdown_note_is_plain_text():
    text = markdown_to_text(NOTE)
    for markup in ("#", "**", "](", "https://", "```", "print(", "tags:", "`", "![", "---"):
        assert markup not in text, markup
    assert text.startswith("Notes on Mara Quell")
    assert (
        "Mara Quell, a chemist who trained under Tobias Wrenfield, joined the Fenwick Institute in 2019."
        in text
    )
    assert "She earned her PhD at Dunmore University." in text
    assert "Mara Quell | Fenwick Institute" in text
    assert "Ilse Varga" not in text  # code is not prose


def test_markdown_document_text_is_the_plain_text(tmp_path):
    (tmp_path / "note.md").write_text(NOTE, "utf-8")
    docs, _ = _read(tmp_path)
    assert docs[0].doc == "note.md" and docs[0].text == markdown_to_text(NOTE)


@pytest.mark.slow
def test_markdown_evidence_offsets_point_into_the_plain_text(tmp_path):
    import graphkit
    from graphkit.build import extract_paths

    (tmp_path / "note.md").write_text(NOTE, "utf-8")
    [result] = list(extract_paths([tmp_path]))
    text = markdown_to_text(NOTE)
    assert result.relations, "the note states who trained whom and where"
    for rel in result.relations:
        ev = rel.evidence
        assert text[ev.start : ev.end] == ev.text
        assert "[" not in ev.text and "*" not in ev.text and "https" not in ev.text
    for ent in result.entities:
        for m in ent.mentions:
            assert text[m.start : m.end] == m.text
    assert (
        graphkit.extract_text(text, doc_id="note.md").to_dict()["relations"] == result.to_dict()["relations"]
    )


# --- JSON Lines --------------------------------------------------------------


def test_jsonl_dump_gives_one_document_per_record(tmp_path):
    lines = [
        json.dumps({"id": "a1", "title": "x", "text": "Mara Quell joined the Fenwick Institute."}),
        json.dumps({"id": 42, "text": "Tobias Wrenfield teaches at Dunmore University."}),
        json.dumps({"id": "a3", "body": "no text field here"}),
        "{not json",
        "",
        json.dumps({"text": "Ilse Varga is the dean of Corbel College."}),
        json.dumps({"id": "a1", "text": "A second record with a repeated id."}),
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    docs, skipped = _read(tmp_path)
    assert [d.doc for d in docs] == [
        "dump.jsonl#a1",
        "dump.jsonl#42",
        "dump.jsonl#line-6",
        "dump.jsonl#a1@line-7",
    ]
    assert docs[0].text == "Mara Quell joined the Fenwick Institute."
    assert docs[3].warning and "line 7" in docs[3].warning
    assert [s.reason for s in skipped] == ["bad-record", "bad-record"]
    assert (
        "line 3" in skipped[0].message
        and "'text'" in skipped[0].message
        and "--text-field" in skipped[0].message
    )
    assert "line 4" in skipped[1].message and "not valid JSON" in skipped[1].message


def test_record_fields_are_chosen_and_may_be_nested(tmp_path):
    f = tmp_path / "news.json"
    f.write_text(
        json.dumps(
            [
                {"uuid": "n-1", "article": {"body": "Mara Quell joined the Fenwick Institute."}},
                {"uuid": "n-2", "article": {"body": "Ilse Varga is the dean of Corbel College."}},
            ],
            indent=2,
        ),
        "utf-8",
    )
    docs, skipped = _read(f, fields=RecordFields(text="article.body", id="uuid"))
    assert [d.doc for d in docs] == ["news.json#n-1", "news.json#n-2"] and not skipped


def test_records_of_a_single_pretty_printed_object():
    recs = list(iter_records(json.dumps({"id": "x", "text": "Hello there."}, indent=2)))
    assert [(r.id, r.text, r.problem) for r in recs] == [("x", "Hello there.", None)]


def test_folder_reads_every_format_in_order(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text.", "utf-8")
    (tmp_path / "b.md").write_text("# Heading\n\nSome *text*.", "utf-8")
    (tmp_path / "c.html").write_text(SAVED_PAGE, "utf-8")
    (tmp_path / "d.pdf").write_bytes(_pdf(["Ilse Varga is the dean of Corbel College."]))
    (tmp_path / "e.jsonl").write_text('{"id": 1, "text": "One."}\n', "utf-8")
    (tmp_path / "f.csv").write_text("x,y", "utf-8")
    docs, skipped = _read(tmp_path)
    assert [d.doc for d in docs] == ["a.txt", "b.md", "c.html", "d.pdf", "e.jsonl#1"]
    assert docs[1].text == "Heading\n\nSome text."
    assert not skipped


# --- nothing a file holds makes reading raise ------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SUFFIXES = [".html", ".pdf", ".md", ".jsonl", ".json", ".txt"]
_PREFIXES = [b"", b"%PDF-1.7\n", b"<html><body><article><p>", b'{"id": 1, "text": ', b"# ", b"\xef\xbb\xbf"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=st.sampled_from(_SUFFIXES), prefix=st.sampled_from(_PREFIXES), body=st.binary(max_size=400))
def test_any_bytes_in_any_format_give_documents_or_skips(tmp_path, suffix, prefix, body):
    f = tmp_path / f"doc{suffix}"
    f.write_bytes(prefix + body)
    for item in iter_documents([f]):
        assert isinstance(item, (Document, Skipped))
        if isinstance(item, Document):
            assert item.text.strip() and item.doc.startswith("doc")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_markdown_of_any_text_never_raises(source):
    text = markdown_to_text(source)
    assert isinstance(text, str)
    if "`" not in source:
        assert "`" not in text


# --- the commands -------------------------------------------------------------------


def test_unreadable_files_give_one_warning_line_each_and_nothing_else(tmp_path):
    from click.testing import CliRunner

    from graphkit.cli import main

    (tmp_path / "404.html").write_text(EMPTY_PAGE, "utf-8")
    (tmp_path / "junk.html").write_bytes(b"\x00\x01\x02 not a page")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nbroken")
    (tmp_path / "scan.pdf").write_bytes(_pdf([""]))
    (tmp_path / "dump.jsonl").write_text('{"id": 1, "body": "x"}\n', "utf-8")
    r = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert r.exit_code == 0 and r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 6  # five files, and "no readable document"
    assert all(line.startswith("warning: ") for line in lines), r.stderr
    r = CliRunner().invoke(main, ["extract", str(tmp_path), "--strict"])
    assert r.exit_code == 1


def test_build_reads_every_format_into_one_graph(tmp_path):
    from click.testing import CliRunner

    import graphkit
    from graphkit.cli import main

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "story.html").write_text(SAVED_PAGE, "utf-8")
    (docs / "note.md").write_text(NOTE, "utf-8")
    (docs / "profile.pdf").write_bytes(
        _pdf(["Ilse Varga is a historian. She graduated from Corbel Col-\nlege in 2004 with a PhD."])
    )
    (docs / "dump.jsonl").write_text(
        json.dumps({"uuid": "x9", "body": "Bram Odell, a physicist at Quillon Systems, spoke on Monday."})
        + "\n",
        "utf-8",
    )
    out = tmp_path / "out"
    r = CliRunner().invoke(
        main, ["build", str(docs), "-o", str(out), "--text-field", "body", "--id-field", "uuid", "--no-cache"]
    )
    assert r.exit_code == 0, r.output
    assert "Read 4 document(s)" in r.stderr
    g = graphkit.load_graph(out / "graph.json")
    assert g.graph["documents"] == ["dump.jsonl#x9", "note.md", "profile.pdf", "story.html"]
    edges = {(g.nodes[s]["name"], d["type"], g.nodes[t]["name"]): d for s, t, d in g.edges(data=True)}
    ilse = edges[("Ilse Varga", "alma_mater", "Corbel College")]
    assert ilse["evidence"][0]["doc"] == "profile.pdf" and "Corbel College" in ilse["evidence"][0]["text"]
    bram = edges[("Bram Odell", "employer", "Quillon Systems")]
    assert bram["evidence"][0]["doc"] == "dump.jsonl#x9"
    quell = [d for (a, _, _), d in edges.items() if a == "Mara Quell"]
    assert quell and {e["doc"] for d in quell for e in d["evidence"]} <= {"story.html", "note.md"}
    for d in edges.values():
        for ev in d["evidence"]:
            assert not any(mark in ev["text"] for mark in ("**", "](", "<p>", "Share on"))
