"""Units of one file that say the same thing are checked once (``trilex.check.segments``).

The checks read what a unit says, never where it is; a repeat gets the first one's findings at
its own location. These tests compare runs with that memory and without it
(``MEMO_UNITS = 0``) on the real xfce4-panel catalogue repeated in several contexts, and check
that units which differ in anything a check reads (flags, state, text) are not taken for repeats.
"""

from __future__ import annotations

import io
import re

import pytest

from trilex.bitext.po import read_po
from trilex import workers
from trilex.check import engine, segments
from trilex.check.engine import run_check
from trilex.check.index import TermIndex
from trilex.check.reporters import get_reporter


def repeated_catalogue(text: str, copies: int) -> str:
    """The catalogue ``text`` with its messages ``copies`` times, copy N in msgctxt ``copy N``."""
    header, _, body = text.partition("\n\n")
    blocks = [block for block in body.split("\n\n") if block.strip() and "msgid" in block]
    out = [header]
    for copy in range(copies):
        for block in blocks:
            if block.lstrip().startswith("#~") or "\n#~" in block:
                continue  # obsolete messages are not read
            if re.search(r"^msgctxt \"", block, re.MULTILINE):
                out.append(re.sub(r"^msgctxt \"", f'msgctxt "copy {copy}|', block, count=1, flags=re.MULTILINE))
            else:
                out.append(re.sub(r"^msgid ", f'msgctxt "copy {copy}"\nmsgid ', block, count=1, flags=re.MULTILINE))
    return "\n\n".join(out) + "\n"


def report_json(document, jobs: int = 1) -> tuple[str, object]:
    report = run_check([document], TermIndex([]), jobs=jobs)
    stream = io.StringIO()
    get_reporter("json")(report, stream)
    return stream.getvalue(), report


@pytest.fixture
def tripled(corpora):
    text = (corpora / "po" / "xfce4-panel.th.po").read_text(encoding="utf-8")
    return read_po("xfce4-panel.th.po", data=repeated_catalogue(text, 3).encode(), include_fuzzy=True)


def test_repeats_get_the_findings_a_fresh_check_gives(tripled, monkeypatch):
    remembered, report = report_json(tripled)
    # Two workers, each with its own memory (made to start here, though most units repeat).
    monkeypatch.setattr(engine, "SEGMENTS_PER_TASK", 200)
    monkeypatch.setattr(engine, "mostly_repeats", lambda documents, numbers: False)
    monkeypatch.setattr(workers, "_started_pool", counted(workers._started_pool, pools := []))
    assert report_json(tripled, jobs=2)[0] == remembered
    assert len(pools) == 1
    monkeypatch.setattr(segments, "MEMO_UNITS", 0)
    fresh, _ = report_json(tripled)
    assert fresh == remembered
    # Each copy's per-unit findings, on that copy's own units and lines.
    per_unit = [f for f in report.findings if f.check in ("tag-mismatch", "untranslated", "placeholder-mismatch")]
    assert per_unit
    by_copy = {}
    for finding in per_unit:
        copy = re.match(r"copy (\d+)", finding.location.unit_id).group(1)
        by_copy.setdefault(copy, []).append((finding.check, finding.message, finding.target))
    assert sorted(by_copy) == ["0", "1", "2"] and by_copy["0"] == by_copy["1"] == by_copy["2"]
    unit_at = {segment.line: segment.unit_id for segment in tripled.segments}
    assert all(unit_at[f.location.line] == f.location.unit_id for f in per_unit)  # each on its own unit


def test_a_small_memory_gives_the_same_report(tripled, monkeypatch):
    remembered, _ = report_json(tripled)
    monkeypatch.setattr(segments, "MEMO_UNITS", 7)  # starts afresh many times in the file
    assert report_json(tripled)[0] == remembered


COMPOSED = """msgid ""
msgstr ""
"Language: th\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, c-format
msgctxt "a"
msgid "Delete %s files"
msgstr "ลบไฟล์"

#, c-format
msgctxt "b"
msgid "Delete %s files"
msgstr "ลบไฟล์"

#, no-c-format
msgctxt "c"
msgid "Delete %s files"
msgstr "ลบไฟล์"

#, c-format, fuzzy
msgctxt "d"
msgid "Delete %s files"
msgstr "ลบไฟล์"

#, c-format
msgctxt "e"
msgid "Delete %s files"
msgstr "ลบไฟล์ %s"
"""


def test_only_units_that_say_the_same_share_findings():
    document = read_po("composed.th.po", data=COMPOSED.encode(), include_fuzzy=True)
    _, report = report_json(document)
    found = {(f.location.unit_id.split("\x04")[0], f.location.line, f.unfinished)
             for f in report.findings if f.check == "placeholder-mismatch"}
    # a and b are one unit said twice; c says no-c-format; d is fuzzy (reported as unfinished);
    # e keeps its %s.
    assert found == {("a", 7, False), ("b", 12, False), ("d", 22, True)}


def counted(func, calls: list):
    def wrapper(*args, **kwargs):
        calls.append(args)
        return func(*args, **kwargs)
    return wrapper


def test_a_run_of_repeats_is_checked_in_one_process(tripled, corpora, monkeypatch):
    """Most units answered from memory leave only the serial merge: workers are not started."""
    monkeypatch.setattr(engine, "SEGMENTS_PER_TASK", 200)
    monkeypatch.setattr(workers, "_started_pool", counted(workers._started_pool, pools := []))
    assert segments.mostly_repeats([tripled], [0])
    one_job, _ = report_json(tripled)
    assert report_json(tripled, jobs=2)[0] == one_job
    assert pools == []

    distinct = read_po("xfce4-panel.th.po", data=(corpora / "po" / "xfce4-panel.th.po").read_bytes(),
                       include_fuzzy=True)
    assert not segments.mostly_repeats([distinct], [0])
    assert report_json(distinct, jobs=2)[0] == report_json(distinct)[0]
    assert len(pools) == 1
    monkeypatch.setattr(segments, "MEMO_UNITS", 0)  # nothing is remembered: every unit costs its checks
    assert not segments.mostly_repeats([tripled], [0])
