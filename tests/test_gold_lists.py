"""The hand-made gold lists agree with the articles they describe (each folder's ``verify.py``).

The extraction figures of benchmarks/extract_quality.py are only as good as these lists: every
recorded string must stand verbatim on its cited line, every name of a concept must be attested,
and the evaluation sets must share no name with each other or with the seed gold.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO

DATA = REPO / "tests" / "data"


@pytest.mark.parametrize("checker, folder", [
    (DATA / "seed_gold" / "verify.py", REPO / "seeds" / "articles"),
    (DATA / "extract_dev" / "verify.py", DATA / "extract_dev"),
    (DATA / "extract_dev" / "verify.py", DATA / "extract_dev2"),
    (DATA / "extract_dev" / "verify.py", DATA / "extract_heldout"),
], ids=["seed_gold", "extract_dev", "extract_dev2", "extract_heldout"])
def test_gold_list_passes_its_checker(checker, folder):
    result = subprocess.run([sys.executable, str(checker), str(folder)], capture_output=True, text=True)
    errors = [line for line in result.stdout.splitlines() if line.startswith("ERROR")]
    assert result.returncode == 0 and not errors, "\n".join(errors[:20]) or result.stderr
    assert result.stdout.rstrip().endswith("OK")


def test_the_checker_refuses_a_string_that_is_not_on_its_line(tmp_path):
    """The checker can fail: a Thai span moved to another line is reported."""
    import json
    import shutil

    copy = tmp_path / "set"
    shutil.copytree(DATA / "extract_dev", copy)
    gold = json.loads((copy / "gold.json").read_text(encoding="utf-8"))
    mention = next(m for c in gold for m in c["mentions"] if m["th"])
    mention["line"] = 1  # the title line of its article
    (copy / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([sys.executable, str(copy / "verify.py"), str(copy)], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{mention['th']!r} not found in {mention['file']}:1" in result.stdout
