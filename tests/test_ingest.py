"""Reading files: text, bad encodings, binaries, links, sizes."""

from __future__ import annotations

import os

import pytest

from graphkit.errors import InputError
from graphkit.ingest import Document, Skipped, iter_documents


def _run(path, **kw):
    docs, skipped = [], []
    for item in iter_documents([path], **kw):
        (docs if isinstance(item, Document) else skipped).append(item)
    return docs, skipped


def test_folder_is_read_recursively_in_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("Zed text.", "utf-8")
    (tmp_path / "a.txt").write_text("Ay text.", "utf-8")
    (tmp_path / "notes.csv").write_text("x,y", "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("hidden", "utf-8")
    docs, skipped = _run(tmp_path)
    assert [d.doc for d in docs] == ["a.txt", "b/z.md"]
    assert skipped == []


def test_single_file_id_is_its_name(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("Hello.", "utf-8")
    docs, _ = _run(f)
    assert docs[0].doc == "story.txt" and docs[0].text == "Hello."


def test_latin1_is_decoded_with_a_warning(tmp_path):
    f = tmp_path / "old.txt"
    f.write_bytes("Café Müller, a professor at the Universität Wien, said so.".encode("latin-1"))
    docs, _ = _run(f)
    assert "Café Müller" in docs[0].text
    assert docs[0].warning and "not UTF-8" in docs[0].warning


def test_bad_files_are_skipped_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n", "utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02ELF" * 100)
    (tmp_path / "paper.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "big.txt").write_text("word " * 1000, "utf-8")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path, tmp_path / "loop")  # a folder that contains itself
    docs, skipped = _run(tmp_path, max_bytes=2000)
    reasons = {os.path.basename(s.path): s.reason for s in skipped}
    assert reasons == {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.txt": "binary",
        "paper.txt": "binary",
        "big.txt": "too-large",
        "dangling.txt": "broken-link",
    }
    assert "PDF" in next(s.message for s in skipped if s.path.endswith("paper.txt"))
    assert "--max-bytes" in next(s.message for s in skipped if s.path.endswith("big.txt"))
    assert docs == []


def test_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    docs, skipped = _run(tmp_path)
    assert docs == [] and skipped[0].reason == "not-a-file"


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        list(iter_documents([tmp_path / "nope"]))


def test_skipped_has_message_unless_quiet(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    _, skipped = _run(tmp_path)
    assert isinstance(skipped[0], Skipped) and skipped[0].message == ""
