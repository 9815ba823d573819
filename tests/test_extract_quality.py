"""Extraction quality against the hand-checked gold list (benchmarks/extract_quality.py)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import REPO

GOLD = REPO / "tests" / "data" / "seed_gold" / "gold.json"


def _benchmark():
    spec = importlib.util.spec_from_file_location("extract_quality", REPO / "benchmarks" / "extract_quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def quality():
    if not GOLD.exists():
        pytest.skip("tests/data/seed_gold/gold.json is absent")
    return _benchmark().measure(GOLD)


def test_concept_precision_and_recall_meet_the_targets(quality):
    assert quality.precision >= 0.97, quality.unmatched_predicted
    assert quality.recall >= 0.95, quality.missed_gold


def test_thai_spans_stay_exact(quality):
    assert quality.span_accuracy >= 0.9, quality.wrong_spans
