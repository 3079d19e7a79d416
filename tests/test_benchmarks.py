"""The benchmark's larger corpora: the same texts, naming other people and organizations."""

from __future__ import annotations

from benchmarks.corpus import changed_names, replicate

TEXT = (
    "Mara Velkin joined Orbis Labs in 2019. She studied at the University of Castella.\n"
    "Velkin later founded Kestrel Works."
)


def test_names_change_and_structure_stays():
    other = changed_names(TEXT, 3)
    assert other != TEXT
    assert "Velkin" not in other and "Orbis" not in other and "Kestrel" not in other
    assert "University of" in other and " joined " in other and "She studied" in other
    assert len(other) == len(TEXT)
    assert changed_names(TEXT, 0) == TEXT
    assert changed_names(TEXT, 3) == other  # deterministic


def test_replicas_are_distinct_and_sorted_after_the_originals(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, "utf-8")
    (src / "b.txt").write_text("Ines Varga works for Quillon Systems.", "utf-8")
    written = replicate(src, tmp_path / "out", 6)
    assert [p.name for p in written] == sorted(p.name for p in written)
    assert len({p.read_text("utf-8") for p in written}) == 6
