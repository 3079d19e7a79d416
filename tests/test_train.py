"""Training the relation classifier: reproducible, usable, and scored honestly."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.extract.classifier import DEFAULT_MODEL_PATH, load_relation_model
from graphkit.train import labels

PEOPLE = [
    "Amara Okafor", "Tomasz Wielgus", "Mei-Ling Chou", "Rafael Quintero", "Ingrid Solberg",
    "Kwame Mensah", "Priya Raman", "Lucas Ferreira", "Yuki Tanabe", "Noor Haddad",
    "Olga Petrenko", "Diego Salazar", "Hana Kovac", "Sipho Ndlovu", "Elena Rossi",
    "Arjun Mehta", "Fatima Zahra", "Jonas Weber", "Camille Laurent", "Ravi Shankar",
]  # fmt: skip
COMPANIES = ["Brightwater Labs Inc.", "Corvid Systems", "Tallpine Robotics", "Quillfeather Media"]
SCHOOLS = ["University of Eastmarch", "Northvale Institute of Technology", "Redfern College"]


def _write_set(root: Path) -> Path:
    """A small annotated folder: positive and negative sentences for employer and alma mater."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    lines = []
    for i, person in enumerate(PEOPLE * 2):
        company = COMPANIES[i % len(COMPANIES)]
        school = SCHOOLS[i % len(SCHOOLS)]
        if i % 2 == 0:
            text = f"{person} joined {company} as a software engineer. {person} studied at {school}."
            rels = [
                {"source": person, "type": "employer", "target": company},
                {"source": person, "type": "alma_mater", "target": school},
            ]
        else:
            text = f"{person} sued {company} last year. {person} gave a lecture at {school}."
            rels = []
        doc = f"t{i:03d}"
        (docs / f"{doc}.txt").write_text(text + "\n", "utf-8")
        lines.append(
            json.dumps(
                {
                    "doc": doc,
                    "entities": [
                        {"name": person, "type": "PERSON", "aliases": []},
                        {"name": company, "type": "ORGANIZATION", "aliases": []},
                        {"name": school, "type": "INSTITUTION", "aliases": []},
                    ],
                    "relations": rels,
                }
            )
        )
    (root / "gold.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return root


@pytest.mark.slow
def test_train_is_reproducible_and_its_model_is_used(tmp_path):
    data = _write_set(tmp_path / "set")
    runner = CliRunner()
    out1, out2 = tmp_path / "m1.json.gz", tmp_path / "m2.json.gz"
    r1 = runner.invoke(main, ["train", "--data", str(data), "-o", str(out1)])
    assert r1.exit_code == 0, r1.output
    assert "cross-validation" in r1.stdout and "employer" in r1.stdout
    r2 = runner.invoke(main, ["train", "--data", str(data), "-o", str(out2)])
    assert r2.exit_code == 0
    # the same data gives the same model, byte for byte
    assert hashlib.sha256(out1.read_bytes()).digest() == hashlib.sha256(out2.read_bytes()).digest()

    model = load_relation_model(str(out1))
    assert model is not None and "employer" in model.types
    assert 0 < model.types["employer"].threshold < 1

    import graphkit

    res = graphkit.extract_text(
        "Wen Zhao joined Corvid Systems as a software engineer.", model_path=str(out1)
    )
    names = {e.id: e.name for e in res.entities}
    edges = {(names[r.source], str(r.type), names[r.target]) for r in res.relations}
    assert ("Wen Zhao", "employer", "Corvid Systems") in edges
    for r in res.relations:
        assert 0 <= r.confidence <= 1
        assert res_text_slice(r) == r.evidence.text


def res_text_slice(r) -> str:
    return "Wen Zhao joined Corvid Systems as a software engineer."[r.evidence.start : r.evidence.end]


def test_a_missing_or_broken_model_is_one_line(tmp_path):
    runner = CliRunner()
    doc = tmp_path / "a.txt"
    doc.write_text("Ada Quist joined Corvid Systems.", "utf-8")
    r = runner.invoke(main, ["extract", str(doc), "--model-path", str(tmp_path / "none.json.gz")])
    assert r.exit_code == 1
    assert "No relation model" in r.stderr and "Traceback" not in r.stderr
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"not a model")
    r = runner.invoke(main, ["extract", str(doc), "--model-path", str(bad)])
    assert r.exit_code == 1
    assert "not a graphkit relation model" in r.stderr


def test_shipped_model_loads_with_all_five_types():
    model = load_relation_model(None)
    assert DEFAULT_MODEL_PATH.stat().st_size < 20_000_000
    assert model is not None
    assert set(model.types) == {"employer", "alma_mater", "adviser", "mentor", "founder"}
    assert model.meta["seed"] and model.meta["data_fingerprint"]


def test_labels_respect_annotated_types_and_optional_facts():
    from graphkit.train import Record

    gold = {
        "doc": "kn1-1-1",
        "annotated_types": ["employer"],
        "entities": [
            {"name": "Ada Quist", "type": "PERSON", "aliases": []},
            {"name": "Corvid Systems", "type": "ORGANIZATION", "aliases": []},
            {"name": "Redfern College", "type": "ORGANIZATION", "aliases": []},
        ],
        "relations": [
            {"source": "Ada Quist", "type": "employer", "target": "Corvid Systems"},
            {"source": "Ada Quist", "type": "employer", "target": "Redfern College", "optional": True},
        ],
    }
    result = {
        "entities": [
            {"id": "person:ada-quist", "name": "Ada Quist", "aliases": ["Quist"]},
            {"id": "org:corvid-systems", "name": "Corvid Systems", "aliases": []},
            {"id": "inst:redfern-college", "name": "Redfern College", "aliases": []},
            {"id": "org:other", "name": "Nimbus Works", "aliases": []},
        ]
    }
    pairs = [
        {"kind": "po", "a": "person:ada-quist", "b": "org:corvid-systems", "features": []},
        {"kind": "po", "a": "person:ada-quist", "b": "inst:redfern-college", "features": []},
        {"kind": "po", "a": "person:ada-quist", "b": "org:other", "features": []},
    ]
    rec = Record("kn", "kn1-1-1", "kn/kn1-1", gold, result, pairs)
    got = labels(rec)
    assert got[0] == {"employer": 1}  # alma mater and founder were not annotated: no label
    assert got[1] == {}  # an optional fact is neither positive nor negative
    assert got[2] == {"employer": 0}
