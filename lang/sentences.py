"""Paragraphs and sentences of Thai, Chinese and English text, with offsets into the text.

Text is cut into **paragraphs** first (:func:`paragraphs`: blocks separated by blank lines, or one
paragraph per line where the text has no blank line), then each paragraph into **pieces**
(:func:`sentence_pieces`): stretches that are a sentence or, in Thai, possibly part of one. Every
piece carries the probability that a sentence ends after it; :func:`split_sentences` joins the
pieces whose end is more likely not a sentence end. The aligner (:mod:`trilex.tm.align`) uses the
probabilities themselves, so that the other language can decide where Thai is unsure.

* **English** (and any language other than Thai and Chinese): the ``sentencex`` segmenter
  (Wikimedia; rules and abbreviation lists for about 300 languages: ``Dr.``, ``U.S.``, ``a.m.``
  and initials do not end a sentence, a closing quote after the full stop stays with it).
* **Chinese**: a sentence ends after ``。！？`` (or ``!?``, or ``.`` after a Han character),
  together with the closing quotes and brackets that follow them (``”’」』）)】》``), as in
  ``他说：“走吧。”`` followed by the next sentence; an ASCII ``"`` there closes a quotation only
  if one is open (it counts ``"`` from the start of the paragraph), else it opens the next
  sentence. A quotation ending in a comma right before another quotation (``…，”“…``) may be a
  sentence end (probability 0.5).
* **Thai** marks no sentence ends: a space separates sentences, and also clauses, phrases,
  numbers and names. PyThaiNLP's sentence segmenters were measured on NTREX-128 Thai news
  (``benchmarks/README.md``, "Aligning documents"): ``crfcut`` (the default, a CRF trained on TED
  talks; it needs the extra ``python-crfsuite`` wheel, then runs offline with its bundled model)
  found 50% of the sentence ends with 44% precision at 4.6 s per 1,000 sentences, and the offline
  ``whitespace``/``thaisum`` engines cut at every space or rewrite the text. So every space is a
  candidate, scored by the cues of news text with a small logistic model
  (:data:`THAI_BOUNDARY_WEIGHTS`, fitted by ``benchmarks/calibrate_align.py`` on the development
  half of NTREX-128): ``?``/``!``/``.`` before the space, closing and opening quotes, the word
  before (``แล้ว``, ``ด้วย``, ``กล่าว`` end sentences; ``ของ``, ``ว่า``, ``ที่``, ``และ`` never do),
  the word after (``อย่างไรก็ตาม``, ``จากนั้น``, pronouns and titles start them; ``ที่``, ``ได้``,
  ``ซึ่ง``, ``จะ`` continue), the parts of speech of those two words (PyThaiNLP's ORCHID unigram
  tagger: a conjunction or preposition before the space continues the clause, a pronoun or an
  unknown word, often a name, after it may start a sentence), numbers and Latin words beside
  the space (spaces around them are typography), and the lengths of the pieces on either side. Words come from
  :func:`trilex.lang.thai.segment_thai_run` (``newmm``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from trilex.lang.tags import primary_subtag

#: The probability given to a sentence end found by ``sentencex`` or by the Chinese rules.
SURE_END = 0.97
#: Pieces whose end is less likely a sentence end than this are joined into one sentence.
SPLIT_THRESHOLD = 0.5
#: The same for Thai: the threshold with the best F1 of sentence ends on the development half
#: of NTREX-128 (in sample 0.60: precision 0.50, recall 0.74; ``benchmarks/README.md``).
THAI_SPLIT_THRESHOLD = 0.25

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u3000\u00a0]*\n")
_WHITESPACE = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S")


@dataclass(frozen=True, slots=True)
class Piece:
    """``text[start:end]`` of the paragraph it came from (no white space at either end), and
    ``end_probability``: how likely a sentence ends after it (1.0 for a paragraph's last piece)."""

    start: int
    end: int
    end_probability: float


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every paragraph of ``text``, without white space at either end.

    Paragraphs are separated by blank lines; a text without any blank line has one paragraph
    per non-empty line (the two ways plain-text documents are written).
    """
    separators = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)]
    if separators:
        bounds = [0] + [pos for sep in separators for pos in sep] + [len(text)]
        blocks = list(zip(bounds[::2], bounds[1::2]))
    else:
        blocks, pos = [], 0
        for line in text.split("\n"):
            blocks.append((pos, pos + len(line)))
            pos += len(line) + 1
    return [span for start, end in blocks if (span := _trim(text, start, end)) is not None]


def tidy(text: str, lang: str) -> str:
    """A sentence as a TM keeps it: line breaks and runs of white space become one space, and
    in Chinese a line break between two Chinese characters disappears (hard-wrapped text)."""
    if primary_subtag(lang) == "zh":
        text = re.sub(r"(?<=[^\x00-\x7f])[ \t]*\r?\n[ \t]*(?=[^\x00-\x7f])", "", text)
    return _WHITESPACE.sub(" ", text).strip()


def sentence_pieces(paragraph: str, lang: str) -> list[Piece]:
    """The pieces of one paragraph in language ``lang`` (a BCP 47 tag), in order; see the module
    docstring. The last piece's ``end_probability`` is 1.0."""
    primary = primary_subtag(lang)
    if primary == "th":
        pieces = _thai_pieces(paragraph)
    elif primary == "zh":
        pieces = _chinese_pieces(paragraph)
    else:
        pieces = _sentencex_pieces(paragraph, primary or "en")
    if pieces:
        last = pieces[-1]
        pieces[-1] = Piece(last.start, last.end, 1.0)
    return pieces


def split_threshold(lang: str) -> float:
    """Below what chance of a sentence end pieces are joined: :data:`THAI_SPLIT_THRESHOLD` for
    Thai, else :data:`SPLIT_THRESHOLD`."""
    return THAI_SPLIT_THRESHOLD if primary_subtag(lang) == "th" else SPLIT_THRESHOLD


def sentence_spans(paragraph: str, lang: str, threshold: float | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the sentences of ``paragraph``: pieces joined where the chance of a
    sentence end is below ``threshold`` (default: :func:`split_threshold`)."""
    if threshold is None:
        threshold = split_threshold(lang)
    spans: list[tuple[int, int]] = []
    start = None
    for piece in sentence_pieces(paragraph, lang):
        if start is None:
            start = piece.start
        if piece.end_probability >= threshold:
            spans.append((start, piece.end))
            start = None
    return spans


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of ``text`` (paragraphs first, then sentences inside them), tidied.

    >>> split_sentences("Dr. Smith came. He left.", "en")
    ['Dr. Smith came.', 'He left.']
    >>> split_sentences("他说：“走吧。”然后走了。", "zh")
    ['他说：“走吧。”', '然后走了。']
    """
    out = []
    for start, end in paragraphs(text):
        paragraph = text[start:end]
        out.extend(tidy(paragraph[s:e], lang) for s, e in sentence_spans(paragraph, lang))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without the white space at either end, or ``None`` if nothing is left."""
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return None
    while text[end - 1].isspace():
        end -= 1
    return first.start(), end


def _trimmed(text: str, start: int, end: int, probability: float) -> Piece | None:
    span = _trim(text, start, end)
    return None if span is None else Piece(*span, probability)


# -- English and other languages: sentencex ------------------------------------------------------


_QUOTES_AS_SPACES = str.maketrans({quote: " " for quote in '"“”„«»'})


def _sentencex_pieces(paragraph: str, lang: str) -> list[Piece]:
    import sentencex

    bounds, pos = [0], 0
    # Quotes blanked out: sentencex does not split inside a quotation, and news quotes run over
    # several sentences (and paragraphs, so the quotes of one paragraph need not pair up).
    for sentence in sentencex.segment(lang, paragraph.translate(_QUOTES_AS_SPACES)):
        pos += len(sentence)
        bounds.append(pos)
    if pos != len(paragraph):  # sentencex gives back the text in pieces; never lose any of it
        bounds = [0, len(paragraph)]
    for index in range(1, len(bounds) - 1):
        # sentencex keeps an opening quote after the full stop with the sentence before it
        # ('he said. "' + 'We were...') where quotes are not balanced: give it to the next one.
        end = bounds[index]
        stripped = paragraph[bounds[index - 1]:end].rstrip()
        if len(stripped) >= 2 and stripped[-1] in '"“‘' and stripped[-2].isspace():
            bounds[index] = bounds[index - 1] + len(stripped) - 1
    pieces = []
    for start, end in zip(bounds, bounds[1:]):
        piece = _trimmed(paragraph, start, end, SURE_END)
        if piece is not None:
            pieces.append(piece)
    return pieces


# -- Chinese -------------------------------------------------------------------------------------

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: A sentence end: full-width terminators, half-width ones, or a full stop after a Han character,
#: then closing quotes and brackets. A half-width ``.``/``!``/``?`` must not be followed by a
#: Latin letter or digit (``3.5``, ``Yahoo!``).
_ZH_END = re.compile(
    rf"(?:[。！？]+|(?<=[{_HAN}”’」』）)])[.!?]+(?![A-Za-z0-9])|(?<![A-Za-z0-9])[!?]+(?=[{_HAN}“‘「『（(\s]))"
    r"[”’」』）)】〕》〉\"']*"
)


#: A quotation that ends with a comma and another that starts right after it (``…，”“…``):
#: in news often two sentences (the English has a full stop there), though not always.
_ZH_QUOTE_AFTER_QUOTE = re.compile(r"[，,][”\"]\s*(?=[“\"])")
#: The chance of a sentence end given to :data:`_ZH_QUOTE_AFTER_QUOTE`.
QUOTE_AFTER_QUOTE_END = 0.5


def _chinese_pieces(paragraph: str) -> list[Piece]:
    ends: dict[int, float] = {}
    for match in _ZH_END.finditer(paragraph):
        end = match.end()
        if paragraph[match.start()] == "." and not _han_before(paragraph, match.start()):
            continue
        quote = paragraph.find('"', match.start(), end)
        if quote >= 0 and paragraph.count('"', 0, quote) % 2 == 0:
            end = quote  # an ASCII quote outside a quotation opens the next sentence
        ends[end] = SURE_END
    for match in _ZH_QUOTE_AFTER_QUOTE.finditer(paragraph):
        ends.setdefault(match.end(), QUOTE_AFTER_QUOTE_END)
    pieces, start = [], 0
    for end in sorted(ends):
        piece = _trimmed(paragraph, start, end, ends[end])
        if piece is not None:
            pieces.append(piece)
        start = end
    piece = _trimmed(paragraph, start, len(paragraph), SURE_END)
    if piece is not None:
        pieces.append(piece)
    return pieces


def _han_before(text: str, pos: int) -> bool:
    return pos > 0 and bool(re.match(f"[{_HAN}”’」』）)]", text[pos - 1]))


# -- Thai ----------------------------------------------------------------------------------------

#: Words a Thai sentence does not end with (prepositions, conjunctions, "that", titles).
THAI_NEVER_LAST = frozenset("""
ของ ว่า ที่ และ กับ ใน จาก เป็น ถึง คือ ให้ โดย เพื่อ แต่ หรือ ซึ่ง จะ ต่อ แก่ แห่ง ตาม เมื่อ สำหรับ
อย่าง เช่น ประมาณ กว่า มากกว่า ราว อายุ จำนวน ระหว่าง หลังจาก ทั้ง นาย นาง นางสาว ดร. กล่าวว่า ระบุว่า
เผยว่า บอกว่า ได้แก่ เพราะ เนื่องจาก ถ้า หาก ยัง ได้รับ รวมถึง โดยเฉพาะ เกี่ยวกับ ภายใน ภายใต้ ตั้งแต่
จนถึง และยัง ซึ่งเป็น ที่จะ ว่าจะ ได้แก่ นั่นคือ ด้วยการ จนกระทั่ง เช่นเดียวกับ
""".split())
#: Words a Thai sentence does not start with (they continue the clause before them).
THAI_NEVER_FIRST = frozenset("""
ที่ ได้ กล่าว กล่าวว่า จะ ก็ ของ ว่า กับ ถูก ให้ ไป มา อยู่ ด้วย เป็น คือ ซึ่ง โดย เพื่อ ทำให้ หรือ ๆ
กว่า ถึง ต่อ แก่ แห่ง เอง จึง แล้ว ได้รับ นั้น นี้ ไว้ ขึ้น ลง อีก เลย
""".split())
#: Unit words that follow a number (a space before them sits between number and unit).
THAI_UNITS = frozenset("""
ปี ล้าน พัน แสน หมื่น เปอร์เซ็นต์ คน ราย ครั้ง บาท ดอลลาร์ เหรียญ ปอนด์ ยูโร กิโลเมตร เมตร ไมล์ นาที
ชั่วโมง วัน เดือน สัปดาห์ ประเทศ แห่ง ลำ คัน หลัง ตัว ชิ้น องศา เครื่อง ชนิด
""".split())
#: Words that open a new sentence in news text (discourse connectives).
THAI_STARTERS = frozenset("""
อย่างไรก็ตาม อย่างไรก็ดี จากนั้น ต่อมา ในขณะเดียวกัน ขณะเดียวกัน ทั้งนี้ นอกจากนี้ นอกจากนั้น ด้าน ส่วน
ดังนั้น เพราะฉะนั้น ในที่สุด ล่าสุด ก่อนหน้านี้ ตอนนี้ ปัจจุบัน ทว่า แม้ว่า แม้ ในปี เมื่อวันที่ สำหรับ
""".split())
#: Pronouns and titles: the subject of a new sentence.
THAI_SUBJECTS = frozenset("""
เขา มัน ฉัน ผม เธอ พวกเขา เรา พวกเรา คุณ ท่าน ดิฉัน นาย นาง นางสาว ดร. ทั้งหมด หลาย
""".split())
#: Words that often end a Thai sentence (particles, adverbs, "said" at the end of a quotation).
THAI_ENDERS = frozenset("""
แล้ว ด้วย ครับ ค่ะ คะ นะ เลย มาก กัน เช่นกัน เท่านั้น อยู่ ไป มา ได้ ไว้ เอง อีก ใหม่ บ้าง หมด นี้ นั้น
อีกครั้ง มากขึ้น ที่ผ่านมา ที่แล้ว ด้วยกัน หรือไม่ ไหม อะไร อย่างไร ทำไม เมื่อไร กล่าว เผย ระบุ ก่อน
""".split())

_OPEN_QUOTES = "“‘«「『(（["
_CLOSE_QUOTES = "”’»」』)）]"
_JOIN_BEFORE = ":,;-–—/(+&"
_JOIN_AFTER = ",.;:)-–—/%&+"

#: Weights of the Thai sentence-end model (logistic; features in :func:`thai_gap_features`),
#: fitted by ``benchmarks/calibrate_align.py`` on the development half of NTREX-128.
THAI_BOUNDARY_WEIGHTS: dict[str, float] = {
    "bias": -4.713, "end_punct": 1.274, "close_quote": 0.259, "open_quote": 1.019, "inside_quote": -0.071,
    "joiner_before": -2.076, "joiner_after": -1.158, "latin_before": -0.595, "digit_before": 0.061,
    "latin_after": 0.259, "digit_after": -1.816, "never_last": -2.486, "never_first": -1.825,
    "unit_after": -0.447, "and_after": -1.188, "but_after": -0.394, "starter_after": 1.425,
    "subject_after": 0.428, "ender_before": 0.923, "newline": 0.000, "short_before": 0.068,
    "short_after": -0.128, "log_before": 0.614, "log_after": 0.529, "pos_after:ADVN": 0.492,
    "pos_after:ADVS": 0.070, "pos_after:CLTV": 0.860, "pos_after:CMTR": -0.502, "pos_after:CNIT": 0.180,
    "pos_after:DCNM": -0.459, "pos_after:DDAC": -0.079, "pos_after:DDAN": 0.247, "pos_after:DDBQ": 0.366,
    "pos_after:DIBQ": 0.469, "pos_after:DONM": -0.215, "pos_after:FIXN": 0.874, "pos_after:FIXV": -0.051,
    "pos_after:JCRG": -0.234, "pos_after:JSBR": -0.403, "pos_after:NCMN": 0.817, "pos_after:NEG": -0.548,
    "pos_after:NPRP": -0.064, "pos_after:NTTL": 0.403, "pos_after:PDMN": 0.508, "pos_after:PPRS": 0.094,
    "pos_after:PREL": -0.657, "pos_after:RPRE": 0.233, "pos_after:UNK": 0.582, "pos_after:VACT": -1.479,
    "pos_after:VATT": 0.790, "pos_after:VSTA": -0.483, "pos_after:XVAE": -0.053, "pos_after:XVAM": -0.137,
    "pos_after:XVBM": -0.128, "pos_after:XVMM": -0.625, "pos_before:ADVI": 0.076, "pos_before:ADVN": 0.113,
    "pos_before:ADVP": 0.303, "pos_before:ADVS": 0.460, "pos_before:CLTV": -0.263, "pos_before:CMTR": 0.436,
    "pos_before:CNIT": 0.148, "pos_before:DCNM": 0.001, "pos_before:DDAC": -0.804, "pos_before:DDAN": 0.520,
    "pos_before:DDAQ": 0.766, "pos_before:DDBQ": -0.039, "pos_before:DIAC": -0.502,
    "pos_before:DIBQ": -0.041, "pos_before:DONM": 0.325, "pos_before:EITT": -0.143,
    "pos_before:FIXN": -0.481, "pos_before:FIXV": -0.073, "pos_before:JCMP": 0.163,
    "pos_before:JCRG": -0.731, "pos_before:JSBR": -0.794, "pos_before:NCMN": 0.183, "pos_before:NEG": -0.263,
    "pos_before:NLBL": -0.485, "pos_before:NPRP": -0.261, "pos_before:NTTL": -0.163,
    "pos_before:PDMN": -0.288, "pos_before:PNTR": 0.099, "pos_before:PPRS": 0.634, "pos_before:PREL": -0.413,
    "pos_before:RPRE": -0.856, "pos_before:UNK": 0.098, "pos_before:VACT": 0.742, "pos_before:VATT": 0.637,
    "pos_before:VSTA": 0.659, "pos_before:XVAE": 0.236, "pos_before:XVAM": -0.639,
}
#: PyThaiNLP's ORCHID unigram part-of-speech table (in its bundled corpus folder).
_ORCHID_UNIGRAM = "pos_orchid_unigram.json"
#: The lowest probability a Thai space keeps as a piece boundary; spaces below it are never
#: sentence ends and are kept inside their piece.
THAI_MIN_PROBABILITY = 0.02


def _is_latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or ch.isdigit()


@lru_cache(maxsize=65536)
def first_and_last_word(chunk: str) -> tuple[str, str]:
    """The first and the last word of a space-free ``chunk`` (``newmm`` on its Thai ends)."""
    from trilex.lang.thai import segment_thai_run

    def word_at(run: str, first: bool) -> str:
        words = segment_thai_run(run)
        return (words[0] if first else words[-1]) if words else run

    head = re.match("[\u0e00-\u0e7f]+", chunk)
    tail = re.search("[\u0e00-\u0e7f]+$", chunk)
    first = word_at(head.group(), True) if head else chunk[:1]
    last = word_at(tail.group(), False) if tail else chunk[-1:]
    return first, last


def thai_gap_features(paragraph: str, left: tuple[int, int], right: tuple[int, int],
                      ascii_quotes_before: int) -> dict[str, float]:
    """The cues of the space between the chunks ``left`` and ``right`` (``(start, end)`` in
    ``paragraph``) for :data:`THAI_BOUNDARY_WEIGHTS`. ``ascii_quotes_before`` counts the ``"`` of
    the paragraph before the space (an odd count: inside a quotation)."""
    before = paragraph[left[0]:left[1]]
    after = paragraph[right[0]:right[1]]
    last_char, next_char = before[-1], after[0]
    _, last_word = first_and_last_word(before)
    first_word, _ = first_and_last_word(after)
    closes = last_char in _CLOSE_QUOTES or (last_char == '"' and ascii_quotes_before % 2 == 0)
    opens = next_char in _OPEN_QUOTES or (next_char == '"' and ascii_quotes_before % 2 == 0)
    core = before.rstrip(_CLOSE_QUOTES + "\"'")
    features = {
        "bias": 1.0,
        "end_punct": float(bool(core) and core[-1] in "?!.？！" and not (len(core) > 1 and core[-2].isdigit())),
        "close_quote": float(closes),
        "open_quote": float(opens),
        "inside_quote": float(ascii_quotes_before % 2 == 1),
        "joiner_before": float(last_char in _JOIN_BEFORE),
        "joiner_after": float(next_char in _JOIN_AFTER or next_char == "ๆ"),
        "latin_before": float(_is_latin_or_digit(last_char) and not last_char.isdigit()),
        "digit_before": float(last_char.isdigit()),
        "latin_after": float(_is_latin_or_digit(next_char) and not next_char.isdigit()),
        "digit_after": float(next_char.isdigit()),
        "never_last": float(last_word in THAI_NEVER_LAST),
        "never_first": float(first_word in THAI_NEVER_FIRST),
        "unit_after": float(first_word in THAI_UNITS),
        "and_after": float(first_word in ("และ", "หรือ")),
        "but_after": float(first_word in ("แต่", "แต่ก็")),
        "starter_after": float(first_word in THAI_STARTERS),
        "subject_after": float(first_word in THAI_SUBJECTS),
        "ender_before": float(last_word in THAI_ENDERS),
        "newline": float("\n" in paragraph[left[1]:right[0]]),
        "short_before": float(len(before) < 12),
        "short_after": float(len(after) < 12),
        "log_before": math.log(1 + len(before)),
        "log_after": math.log(1 + len(after)),
    }
    for side, word in (("before", last_word), ("after", first_word)):
        tag = thai_word_tag(word)
        if tag is not None:
            features[f"pos_{side}:{tag}"] = 1.0
    return features


@lru_cache(maxsize=1)
def _orchid_tags() -> dict[str, str]:
    """PyThaiNLP's ORCHID unigram tagger: each word's most frequent part of speech."""
    import json

    from trilex.lang.thai import _configure_pythainlp

    _configure_pythainlp()
    from pythainlp.corpus import corpus_path

    with open(f"{corpus_path()}/{_ORCHID_UNIGRAM}", encoding="utf-8-sig") as handle:
        return json.load(handle)


def thai_word_tag(word: str) -> str | None:
    """The ORCHID part of speech of a Thai word (``NCMN`` common noun, ``VACT`` verb, ``JCRG``
    conjunction…; ``UNK`` for a Thai word the tagger does not know, often a name or a loanword),
    or ``None`` for a word that is not Thai."""
    if not word or not "\u0e00" <= word[0] <= "\u0e7f":
        return None
    return _orchid_tags().get(word, "UNK")


def thai_gap_probability(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The probability that a sentence ends at a Thai space with these cues."""
    weights = THAI_BOUNDARY_WEIGHTS if weights is None else weights
    score = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def thai_gaps(paragraph: str) -> list[tuple[tuple[int, int], tuple[int, int], dict[str, float]]]:
    """Every space of a Thai paragraph with the chunks around it and its cues."""
    chunks = [(m.start(), m.end()) for m in re.finditer(r"\S+", paragraph)]
    gaps = []
    quotes = 0
    for left, right in zip(chunks, chunks[1:]):
        quotes += paragraph.count('"', left[0], left[1])
        gaps.append((left, right, thai_gap_features(paragraph, left, right, quotes)))
    return gaps


def _thai_pieces(paragraph: str) -> list[Piece]:
    gaps = thai_gaps(paragraph)
    if not gaps:
        piece = _trimmed(paragraph, 0, len(paragraph), 1.0)
        return [piece] if piece else []
    pieces = []
    start = gaps[0][0][0]
    for left, right, features in gaps:
        probability = thai_gap_probability(features)
        if probability >= THAI_MIN_PROBABILITY:
            pieces.append(Piece(start, left[1], probability))
            start = right[0]
    pieces.append(Piece(start, gaps[-1][1][1], 1.0))
    return pieces
