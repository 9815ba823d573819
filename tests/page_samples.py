"""The sample pages the browser tests open and ``benchmarks/page_screenshots.py`` photographs,
and the large generated inputs the page tests and ``benchmarks/bench_pages.py`` measure.

:func:`build_sample_pages` runs the ``trilex`` commands a user would run on the files in
``tests/data/pages`` (a small trilingual glossary with hostile strings, a Thai and a Chinese
catalogue) and on the seed articles:

* ``report.html``: ``trilex check`` of both catalogues, with a baseline that knows the Thai
  catalogue's forbidden terms and one finding suppressed inline, linked to ``terms.html``;
* ``terms.html``: ``trilex tbx html`` of the glossary;
* ``review.html``: ``trilex extract --review --format html`` of the seed articles.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: The inputs, relative to the repository's folder (where the commands run).
DATA = Path("tests") / "data" / "pages"
GLOSSARY = DATA / "glossary.tbx"
CATALOGUES = (DATA / "messages.th.po", DATA / "messages.zh.po")
ARTICLES = tuple(path.relative_to(REPO) for path in sorted((REPO / "seeds" / "articles").glob("*.txt")))


def _run(args: list[str]) -> None:
    from click.testing import CliRunner

    from trilex.cli.main import cli

    result = CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)
    if result.exit_code not in (0, 1):
        raise RuntimeError(f"trilex {' '.join(map(str, args))}: exit {result.exit_code}\n{result.output}")


def build_sample_pages(folder: Path) -> dict[str, Path]:
    """Write ``report.html``, ``terms.html`` and ``review.html`` into ``folder``; name → path.

    The commands run in the repository's folder with relative paths, as a user runs them in a
    project, so the pages name ``tests/data/pages/messages.th.po``, not a path of this machine.
    """
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    here = os.getcwd()
    os.chdir(REPO)
    try:
        return _build(folder)
    finally:
        os.chdir(here)


def _build(folder: Path) -> dict[str, Path]:
    baseline = folder / "baseline.txt"
    _run(["check", "-q", "--no-config", "-t", GLOSSARY, CATALOGUES[0], "-c", "forbidden-term",
          "--baseline", baseline, "--update-baseline"])
    pages = {name: folder / f"{name}.html" for name in ("report", "terms", "review")}
    _run(["check", "-q", "--no-config", "-t", GLOSSARY, *CATALOGUES, "--baseline", baseline,
          "--format", "html", "-o", pages["report"], "--terms-page", "terms.html"])
    _run(["tbx", "html", "-q", GLOSSARY, "-o", pages["terms"]])
    _run(["extract", "-q", *ARTICLES, "--review", "--format", "html", "-o", pages["review"]])
    return pages


# -- large inputs ---------------------------------------------------------------------------------

THAI_WORDS = ("ศูนย์", "ข้อมูล", "ปัญญา", "ประดิษฐ์", "เครือข่าย", "คลาวด์", "ระบบ", "การ", "ประมวลผล", "ความ", "ปลอดภัย")
CHINESE_CHARS = "数据中心云计算人工智能网络服务器存储安全系统平台"
ENGLISH_WORDS = ("data", "center", "cloud", "network", "storage", "server", "agent", "system", "security", "model")
CHECKS = ("missing-term", "forbidden-term", "non-preferred-term", "inconsistent-term", "placeholder-mismatch",
          "tag-mismatch", "number-mismatch", "punctuation-mismatch", "whitespace-mismatch", "untranslated",
          "script-variant", "thai-spelling")


def large_termbase(count: int, seed: int = 1):
    """``count`` trilingual concepts (1–3 terms per language, statuses, a context on some
    terms, a definition on every fifth concept); concept ``c{count // 2}`` has the short form
    ``南 A中心``, so a search for ``南A中心`` has exactly one concept to find."""
    from trilex.termbase.model import AdminStatus, Concept, Context, Definition, Term, Termbase

    rng = random.Random(seed)
    statuses = [AdminStatus.PREFERRED, AdminStatus.ADMITTED, AdminStatus.DEPRECATED, None]
    concepts = []
    for index in range(count):
        concept = Concept(f"c{index}", subject_field="IT" if index % 2 else None)
        if index % 5 == 0:
            concept.definitions.append(Definition(f"Definition number {index}.", "generated"))
        for lang, make in (("th-TH", lambda: "".join(rng.sample(THAI_WORDS, 2))),
                           ("zh-CN", lambda: "".join(rng.sample(CHINESE_CHARS, 4))),
                           ("en-US", lambda: " ".join(rng.sample(ENGLISH_WORDS, 2)))):
            for number in range(rng.randrange(1, 4)):
                text = f"{make()} {index}" if lang == "en-US" else f"{make()}{index}"  # Thai, Chinese: no spaces
                term = Term(text, status=statuses[0] if number == 0 else rng.choice(statuses))
                if rng.randrange(4) == 0:
                    term.contexts.append(Context(f"An example sentence with {term.text}.", f"doc{index}.txt:1"))
                concept.add_term(lang, term)
        if index == count // 2:
            concept.add_term("zh-CN", Term("南 A中心", status=AdminStatus.ADMITTED, term_type="shortForm"))
        concepts.append(concept)
    return Termbase(concepts, title=f"{count:,} generated concepts")


def large_report(count: int, seed: int = 1):
    """A :class:`~trilex.check.report.Report` of ``count`` findings over 200 files and the
    checks above, th and zh targets, each with a span, a third with a fix."""
    from trilex.check.findings import Finding, Fix, Location, Severity, Span
    from trilex.check.report import Report

    rng = random.Random(seed)
    severities = (Severity.ERROR, Severity.WARNING, Severity.INFO)
    findings = []
    languages: dict[str, tuple[str, str]] = {}
    for index in range(count):
        zh = index % 3 == 0
        path = f"locale/{'zh_CN' if zh else 'th'}/part{index % 200:03d}.po"
        languages[path] = ("en", "zh-CN" if zh else "th")
        term = "数据中心" if zh else "ศูนย์ข้อมูล"
        source = f"Open the data center number {index} and check the {rng.choice(ENGLISH_WORDS)} settings"
        target = (f"打开第{index}号{term}并检查设置" if zh else f"เปิด{term}หมายเลข {index} แล้วตรวจสอบการตั้งค่า")
        start = target.index(term)
        span = Span(start, start + len(term), term)
        fix = Fix(span, "数据中心站" if zh else "ศูนย์ดาต้า") if index % 3 == 1 else None
        findings.append(Finding(CHECKS[index % len(CHECKS)], severities[index % 3],
                                f"finding {index}: \"{term}\" is not the approved term", Location(path, 10 + index % 5000),
                                source=source, target=target, concept_id=f"c{index % 997}",
                                source_span=Span(9, 20, "data center"), target_span=span, fix=fix,
                                suggestion=None if fix else term))
    return Report(findings, files=sorted(languages), segments_checked=count * 2, languages=languages)
