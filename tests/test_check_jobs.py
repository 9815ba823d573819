"""``trilex check --jobs``: the same report from any number of worker processes, and Ctrl-C.

The run-wide checks (``inconsistent-term``, ``inconsistent-translation``) see units from every
worker, so the documents here are chosen to make them report: the real xfce4-panel catalogues
and WISE XLIFF files of ``../shared/corpora``, a composed TSV that renders one concept three
ways, and a seed article.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trilex.bitext import read_document
from trilex.check import engine
from trilex.check.article import Article
from trilex.check.engine import run_check
from trilex.check.index import TermIndex
from trilex.check.reporters import get_reporter
from trilex.termbase import load

REPO = Path(__file__).resolve().parents[1]
TRILEX = [sys.executable, "-m", "trilex"]

GLOSSARY = ("en,th,th_status\npanel,พาเนล | แผ่นควบคุม | แผง,preferred | admitted | deprecated\n"
            "launcher,ตัวเรียกใช้,preferred\n")
RENDERINGS = ["พาเนล", "แผง", "แผ่นควบคุม"]


def composed_pairs(count: int) -> str:
    """An en→th TSV whose ``panel`` is rendered three ways, with placeholders some lose."""
    lines = ["en\tth"]
    for number in range(count):
        rendering = RENDERINGS[number % 7 % 3]
        placeholder = "%s" if number % 5 else ""
        lines.append(f"Move panel {number} to the launcher %s\tย้าย{rendering} {number} ไปที่ตัวเรียกใช้ {placeholder}")
    return "\n".join(lines) + "\n"


def report_bytes(documents, index, jobs: int, output_format: str) -> str:
    import io

    report = run_check(documents, index, jobs=jobs)
    stream = io.StringIO()
    get_reporter(output_format)(report, stream)
    return stream.getvalue()


@pytest.fixture
def documents(corpora, tmp_path):
    tsv = tmp_path / "panel.en-th.tsv"
    tsv.write_text(composed_pairs(60), encoding="utf-8")
    paths = [corpora / "po" / "xfce4-panel.th.po", corpora / "po" / "xfce4-panel.zh_CN.po",
             corpora / "xliff" / "wise-client.messages.th.xlf", tsv]
    docs = [read_document(str(path), include_fuzzy=True) for path in paths]
    article = sorted((REPO / "seeds" / "articles").glob("*.txt"))[0]
    docs.insert(2, Article.read(str(article), "th"))
    return docs


@pytest.fixture
def index(tmp_path):
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    return TermIndex([load(str(REPO / "tests" / "data" / "check" / "xfce.tbx")), load(str(glossary))])


@pytest.mark.parametrize("output_format", ["json", "sarif", "text"])
def test_workers_give_the_report_one_process_gives(documents, index, monkeypatch, output_format):
    monkeypatch.setattr(engine, "SEGMENTS_PER_TASK", 37)  # many tasks per file, split mid-file
    one = report_bytes(documents, index, 1, output_format)
    assert report_bytes(documents, index, 2, output_format) == one
    assert report_bytes(documents, index, 3, output_format) == one


def test_the_compared_report_holds_every_kind_of_finding(documents, index, monkeypatch):
    monkeypatch.setattr(engine, "SEGMENTS_PER_TASK", 37)
    report = run_check(documents, index, jobs=2)
    counts = report.counts()
    # per segment (terms, QA), per file, and both run-wide checks, from several workers
    for code in ("missing-term", "forbidden-term", "placeholder-mismatch", "inconsistent-term",
                 "inconsistent-translation"):
        assert counts.get(code, 0) > 0, (code, counts)
    inconsistent = [f for f in report.findings if f.check == "inconsistent-term"]
    assert any("rendered 3 ways" in finding.message for finding in inconsistent)
    assert report.segments_checked == sum(len(getattr(d, "segments", [None])) for d in documents)


def test_the_command_gives_the_same_bytes_with_one_job_and_two(tmp_path):
    pairs = tmp_path / "panel.en-th.tsv"
    pairs.write_text(composed_pairs(5_000), encoding="utf-8")  # three tasks of the default size
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"report-{jobs}.sarif"
        result = subprocess.run([*TRILEX, "check", "-t", str(glossary), "-j", jobs, "-f", "sarif", "-o", str(out),
                                 str(pairs)], capture_output=True, text=True, cwd=tmp_path)
        assert result.returncode == 1, result.stderr  # the forbidden renderings are errors
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])["runs"][0]["results"]) > 1_000


def test_ctrl_c_stops_every_worker_and_writes_nothing(tmp_path):
    pairs = tmp_path / "big.en-th.tsv"
    pairs.write_text(composed_pairs(200_000), encoding="utf-8")
    out = tmp_path / "report.json"
    worker = subprocess.Popen([*TRILEX, "check", "-j", "2", "-f", "json", "-o", str(out), str(pairs)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                              start_new_session=True, preexec_fn=_interrupts_as_on_a_terminal)
    deadline = time.monotonic() + 120
    while len(_children(worker.pid)) < 2 and time.monotonic() < deadline:  # the workers are checking
        time.sleep(0.05)
    assert len(_children(worker.pid)) >= 2, "the workers never started"
    os.killpg(worker.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    _, stderr = worker.communicate(timeout=60)
    assert worker.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "interrupted" and "Traceback" not in stderr
    assert not out.exists() and sorted(path.name for path in tmp_path.iterdir()) == ["big.en-th.tsv"]
    with pytest.raises(ProcessLookupError):
        os.killpg(worker.pid, 0)  # no worker is left behind


def _interrupts_as_on_a_terminal() -> None:
    """In the child before it starts: SIGINT's default action, as a terminal gives a command
    (a shell running these tests in the background gives its children SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found
