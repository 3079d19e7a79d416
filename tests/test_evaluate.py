"""`graphkit evaluate` agrees with the reference scorer."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.evaluate import score

from .conftest import SEED, SHARED_EVAL

GOLD = SHARED_EVAL / "seed" / "gold.jsonl"
SCORER = SHARED_EVAL / "score.py"

needs_eval = pytest.mark.skipif(
    not (GOLD.exists() and SCORER.exists()), reason="the shared evaluation sets are not beside this checkout"
)


@needs_eval
def test_evaluate_matches_reference_scorer_on_seed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs / SEED.name)
    r = CliRunner().invoke(main, ["evaluate", str(GOLD), "--docs", str(docs), "--json"])
    assert r.exit_code == 0, r.output
    ours = json.loads(r.stdout)
    pred = tmp_path / "pred.jsonl"
    ex = CliRunner().invoke(main, ["extract", str(docs), "--format", "jsonl"])
    pred.write_text(ex.stdout, "utf-8")
    ref = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert ours == json.loads(ref.stdout)
    assert ours["relations"]["f1"] >= 0.9 and ours["entities"]["f1"] >= 0.9


def test_score_counts_duplicates_and_optional():
    gold = {
        "d": {
            "entities": [
                {"name": "Ann Lee", "type": "PERSON", "aliases": ["Lee"]},
                {"name": "Acme", "type": "ORGANIZATION"},
                {"name": "Opt Co", "type": "ORGANIZATION", "optional": True},
            ],
            "relations": [
                {"source": "Ann Lee", "type": "employer", "target": "Acme"},
                {"source": "Ann Lee", "type": "employer", "target": "Opt Co", "optional": True},
            ],
        }
    }
    pred = {
        "d": {
            "entities": [
                {"id": "1", "name": "Ann Lee", "type": "PERSON", "aliases": []},
                {"id": "2", "name": "Lee", "type": "PERSON", "aliases": []},
                {"id": "3", "name": "Acme", "type": "INSTITUTION", "aliases": []},
                {"id": "4", "name": "Opt Co", "type": "ORGANIZATION", "aliases": []},
            ],
            "relations": [
                {"source": "1", "type": "employer", "target": "3"},
                {"source": "1", "type": "employer", "target": "4"},
            ],
        }
    }
    s = score(gold, pred).as_dict()
    assert s["entities"] == {"tp": 2, "fp": 1, "fn": 0, "precision": 0.6667, "recall": 1.0, "f1": 0.8}
    assert s["institution_type_accuracy"] == 0.0
    assert s["relations"]["tp"] == 1 and s["relations"]["fp"] == 0
