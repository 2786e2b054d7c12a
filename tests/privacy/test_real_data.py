"""Redaction on real comments from ../shared/data/external (skipped where that folder is absent).

The numbers asserted here were measured with ``benchmarks/bench_redaction.py`` on the
labels in ``benchmarks/labels/`` (offsets only; the texts stay in ../shared).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the clone (or beside the folder holding a git worktree).
EXTERNAL = next(
    (p / "shared" / "data" / "external" for p in ROOT.parents if (p / "shared" / "data" / "external").exists()),
    ROOT.parent / "shared" / "data" / "external",
)
pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(not (EXTERNAL / "chile-ela-2016").exists(), reason=f"{EXTERNAL} not found: real data not available"),
]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_redaction", ROOT / "benchmarks" / "bench_redaction.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_real_data_names_precision_and_recall_on_labelled_comments() -> None:
    """219 hand-labelled comments, 63 private people, the set the name rules and veto lists were tuned on
    (issue 21): measured precision 1.0 (63/63), recall 0.968 (61/63); before issue 21, 0.81 and 0.937.

    Thresholds 0.95 and 0.93 allow about three more wrong matches or two more missed people;
    below that the detector has regressed (the detector and the labels are deterministic).
    """
    result = _bench().measure_names()
    assert result["comments"] >= 200 and result["people"] >= 60
    assert result["precision"] >= 0.95, result["false_positives"]
    assert result["recall"] >= 0.93, result["missed"]


def test_real_data_names_on_held_out_comments() -> None:
    """204 real comments labelled blind and never tuned on (PNDBio, Chile, English Pol.is, Plano Clima, NHS
    feedback): measured precision 0.786 (11/14: "James Cook" is a hospital, three times), recall 0.6875 (11/16:
    four missed are authors in a reference list whose given names the gazetteer lacks, one a signature
    after the text). Before issue 21: 0.4 (2/5) and 0.125 (2/16). Stop 37: 0.824 (14/17) and 0.875 (14/16), after
    the rule for reference-list authors whose given names the gazetteer lacks; that rule came from a claim check of
    the PNDBio report, which quoted the same contribution, so this comment is no longer unseen.
    """
    result = _bench().measure_names("names_heldout.tsv")
    assert result["comments"] == 204 and result["people"] == 16
    assert result["precision"] >= 0.75, result["false_positives"]
    assert result["recall"] >= 0.81, result["missed"]


def test_real_data_every_redaction_judged_and_few_wrong(capsys) -> None:
    """All 232 matches on the real comments (Chile 193k, Plano Clima, PNDBio, English Pol.is) were judged by reading:
    228 right, 4 wrong (three handles of organisations, one public figure); 139 of the right ones are participants'
    first names in Chile's meeting minutes ("Camila cree que ...", and the names beside them: "concuerda con Mariano"),
    2 a private person's channel ("YouTube@..."), 3 cited authors whose given names the gazetteer lacks ("Valentini, Nicolò").

    A new match that nobody judged fails the first assert: read it and add it to
    ``benchmarks/labels/precision_sample.tsv``. The wrong ones may not grow past 7 (three more than
    measured), nor the total past 255 (+15 %).
    """
    result = _bench().scan_real(sample=1000, seed=13)
    capsys.readouterr()  # the benchmark prints every match to stderr
    sample = result["precision_sample"]
    assert sample.get("unjudged", 0) == 0, "new matches on real data: judge them (see docstring)"
    assert sample.get("wrong", 0) <= 7
    assert result["matches_total"] <= 255
    assert set(result["matches"]["chile-ela-2016"]) == {"NAME"}  # no ID, phone, handle or e-mail shape fires on 193k
