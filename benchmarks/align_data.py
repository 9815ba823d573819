"""NTREX-128 as documents, for calibrating and measuring the aligner (``trilex.tm.align``).

``../shared/corpora/ntrex128`` holds 1,997 English news sentences with human Thai and Chinese
translations, line by line, and ``DOCUMENT_IDS.tsv`` names the document of each line (123
documents). The split into halves was fixed before any tuning: documents are numbered in the
order they first appear, the **even** ones (0, 2, 4, …) are the development half that
constants and rules are fitted on, the **odd** ones the held-out half that nothing is tuned on.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

NTREX = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ntrex128"
FILES = {"en": "newstest2019-src.eng.txt", "th": "newstest2019-ref.tha.txt", "zh": "newstest2019-ref.zho-CN.txt"}
LANGS = ("en", "th", "zh")


@dataclass(frozen=True)
class Document:
    """One NTREX document: its id, its position in the corpus, and its lines per language."""

    doc_id: str
    index: int
    lines: dict[str, list[str]]

    @property
    def half(self) -> str:
        return "dev" if self.index % 2 == 0 else "held-out"


def _lines(name: str) -> list[str]:
    text = (NTREX / name).read_text(encoding="utf-8").replace("\r\n", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [" ".join(line.split()) for line in lines]


def documents(half: str | None = None) -> list[Document]:
    """The NTREX documents in corpus order (``half``: ``dev``, ``held-out`` or both)."""
    if not NTREX.is_dir():
        raise SystemExit(f"needs {NTREX} (the shared corpora beside the checkout)")
    ids = _lines("DOCUMENT_IDS.tsv")
    texts = {lang: _lines(name) for lang, name in FILES.items()}
    out = []
    for index, (doc_id, group) in enumerate(itertools.groupby(range(len(ids)), key=lambda i: ids[i].split("\t")[0])):
        rows = list(group)
        out.append(Document(doc_id, index, {lang: [texts[lang][i] for i in rows] for lang in LANGS}))
    return [doc for doc in out if half is None or doc.half == half]
