"""Baselines: a committed list of known findings, so CI fails on new findings only.

A finding's fingerprint is built from what identifies it regardless of edits elsewhere in the
file: the file path (POSIX, relative to the baseline's folder), the unit id or — where the
format has none — the normalized source text, the check code, the concept id and the target
text the finding is about; for findings that name no concept (the QA checks), also the source
text they are about (which placeholder is missing). Line numbers are left out on purpose.

The baseline file is plain text, one finding per line, sorted, so it diffs well::

    # trilex baseline v1: fingerprint  check  file  concept  unit
    3f2a9c1e0b7d4e5a  missing-term  locale/th.po  c012  Open the panel

Only the first column counts when reading; the rest is for people reviewing a diff. The same
fingerprint may appear on several lines (several identical findings).
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from trilex.check.findings import Finding
from trilex.errors import InputError
from trilex.fileio import read_text, write_text

HEADER = "# trilex baseline v1: fingerprint  check  file  concept  unit"


def _posix_relative(path: str, root: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def unit_key(finding: Finding) -> str:
    """The part of a fingerprint that says which unit: its id, else its source text."""
    return finding.location.unit_id or _squash(finding.source)


def fingerprint(finding: Finding, root: Path) -> str:
    """A stable 16-hex-digit fingerprint of ``finding`` (no line numbers in it)."""
    target_text = finding.target_span.text if finding.target_span else ""
    parts = [
        _posix_relative(finding.location.path, root),
        unit_key(finding),
        finding.check,
        finding.concept_id or "",
        _squash(target_text),
    ]
    if finding.concept_id is None and finding.source_span is not None:
        parts.append(_squash(finding.source_span.text))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass
class BaselineResult:
    """Findings split by a baseline: ``new`` ones fail the run; ``known`` ones do not."""

    new: list[Finding] = field(default_factory=list)
    known: list[Finding] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)


def read_baseline(path: str | os.PathLike[str]) -> Counter[str]:
    """The multiset of fingerprints in a baseline file (a missing file is an empty baseline)."""
    if not Path(path).exists():
        return Counter()
    counts: Counter[str] = Counter()
    for number, line in enumerate(read_text(path).splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        print_ = line.split()[0]
        if len(print_) != 16 or any(c not in "0123456789abcdef" for c in print_):
            raise InputError(f"not a baseline line (expected a 16-digit hex fingerprint): {line[:40]!r}",
                             path, number)
        counts[print_] += 1
    return counts


def stale_lines(path: str | os.PathLike[str], stale: Iterable[str]) -> list[str]:
    """The baseline lines (as written) of the ``stale`` fingerprints, for reporting."""
    wanted = Counter(stale)
    out = []
    if not Path(path).exists():
        return out
    for line in read_text(path).splitlines():
        key = line.split()[0] if line.strip() and not line.startswith("#") else ""
        if wanted.get(key, 0) > 0:
            wanted[key] -= 1
            out.append(line.strip())
    return out


def apply_baseline(findings: Iterable[Finding], path: str | os.PathLike[str]) -> BaselineResult:
    """Split ``findings`` into new and known ones; list baseline entries nothing matched."""
    root = Path(path).resolve().parent
    remaining = read_baseline(path)
    result = BaselineResult()
    for finding in findings:
        key = fingerprint(finding, root)
        if remaining.get(key, 0) > 0:
            remaining[key] -= 1
            result.known.append(finding)
        else:
            result.new.append(finding)
    result.stale = stale_lines(path, remaining.elements())
    return result


def _cell(text: str | None) -> str:
    return " ".join((text or "-").split())[:80] or "-"


def write_baseline(findings: Iterable[Finding], path: str | os.PathLike[str]) -> int:
    """Write every finding to the baseline at ``path`` (atomically); return how many."""
    root = Path(path).resolve().parent
    rows = sorted(
        "  ".join((fingerprint(f, root), f.check, _posix_relative(f.location.path, root),
                   _cell(f.concept_id), _cell(unit_key(f))))
        for f in findings
    )
    write_text(path, "\n".join([HEADER, *rows]) + "\n")
    return len(rows)
