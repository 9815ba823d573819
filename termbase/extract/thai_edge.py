"""Where does an unquoted Thai term start? The rules, and the words they work on.

Thai is written without spaces between words, so in ``…(Bureau/…局) และศูนย์ข้อมูลปัญญาประดิษฐ์
จีน-อาเซียน (China-ASEAN AI Data Center/…)`` nothing but language says that the term starts
after ``และ``. :func:`rule_edge` looks at the text before the gloss (the *region*, which
the caller bounds by the previous bracket, quote or punctuation) and weighs this evidence:

1. **A title** (``นาย``, ``ศ.ดร.``…) before a glossed person name: the name starts after it.
2. **The head noun** the gloss implies (:mod:`.heads`): ``Center``/``中心`` → ``ศูนย์``. The
   nearest occurrence at a word boundary opens the term, even across a space
   (``การประชุม… ครั้งที่ 1``).
3. **Word classes** (PyThaiNLP segmentation and the ORCHID part-of-speech tagger): walking left
   from the gloss over nouns and modifiers, stop at a function word or a verb that cannot be part
   of a term (``และ``, ``ของ``, ``ใน``, ``เปิดตัว``…). An acronym-only gloss (``EV``) bounds
   the number of words.

Each answer carries a confidence and, when low, a reason for the reviewer. :mod:`.edge_score`
makes the final choice: it scores this answer against the other places the term could start,
with the evidence of the gloss itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from trilex.lang.scripts import split_scripts
from trilex.lang.thai import orchid_pos_tags, thai_words

from trilex.termbase.extract.heads import NAMED_HEADS, thai_heads

#: Words that never start a term and that end a leftward walk.
STOP_WORDS = frozenset(
    "และ หรือ ของ ใน ที่ กับ โดย จาก เพื่อ ให้ ซึ่ง ว่า เป็น คือ มี ได้ อาทิ เช่น ได้แก่ รวมถึง "
    "รวมทั้ง ไปจนถึง จนถึง ถึง ตาม ผ่าน สู่ เกี่ยวกับ ยัง จะ เสมือน อย่าง ด้วย แก่ ต่อ แล้ว นั้น นี้ ดังกล่าว "
    "ทั้ง ณ เมื่อ อยู่ ไป มา ก็ แต่ หาก ถ้า จึง เพราะ ยังมี โดยมี ภายใต้ สำหรับ "
    # verbs that news writers put before a named thing; the tagger often calls them nouns
    "ผลักดัน ส่งเสริม สนับสนุน จัดตั้ง ก่อตั้ง เปิดตัว ประกาศ เผยแพร่ ลงนาม เข้าร่วม ร่วมกับ "
    "ตั้ง เปิด ใช้ นำ สร้าง ร่วม".split()
)
#: Words that may be inside a term but never open it (``ด้าน``AI, ``แห่ง``ชาติ).
NO_START = frozenset("ด้าน ทาง ทางด้าน แห่ง ว่าด้วย ระหว่าง".split())
#: ORCHID tags of words that cannot be inside a term (verbs, prepositions, conjunctions…).
STOP_TAGS = frozenset(
    "RPRE JCRG JCMP JSBR XVAM XVBM XVMM XVBB XVAE PREL PPRS PDMN PNTR ADVN ADVI ADVP ADVS "
    "VACT VSTA EAFF EITT NEG".split()
)
#: Prefixes that make a verb a noun (``การ``ฝึกอบรม, ``ความ``เป็นกลาง).
NOMINALIZERS = ("การ", "ความ")
#: Person titles; the name starts after them.
TITLES = (
    "ศ.ดร.", "รศ.ดร.", "ผศ.ดร.", "ศ.", "รศ.", "ผศ.", "ดร.", "พ.ญ.", "นพ.", "พญ.", "น.ส.",
    "พล.อ.", "ม.ร.ว.", "นางสาว", "นาย", "นาง", "ท่าน", "คุณ", "ศาสตราจารย์", "รองศาสตราจารย์",
    "ประธานาธิบดี", "นายกรัฐมนตรี",
)
#: A space-separated chunk that belongs to the chunk before it (``ครั้งที่ 1``, ``100 อันดับแรก``).
_ATTACHED_CHUNK = re.compile(r"(?:ครั้งที่|ฉบับที่|ระยะที่|รุ่นที่|อันดับ)\S*|[^\u0e00-\u0e7f]+")
#: How many space-separated chunks a term may span.
MAX_CHUNKS = 4
#: A Thai consonant or leading vowel: the first letter of a Thai word.
_THAI_INITIAL = re.compile(r"[\u0e01-\u0e2e\u0e40-\u0e44]")
#: Any Thai letter, vowel or mark (not the Thai digits).
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")

HIGH, GOOD, FAIR, LOW = 0.95, 0.85, 0.7, 0.5
#: A segment this long counts as two words or more when sizing a term against its gloss.
WORD_CHARS = 6


@dataclass(frozen=True)
class Token:
    """A word of the region: ``text == region[start:end]`` and its ORCHID tag."""

    start: int
    end: int
    text: str
    tag: str


@dataclass(frozen=True)
class Edge:
    """Where the term starts in the region, how sure that is, why (empty when sure), and the
    evidence used: ``title``, ``head`` or ``words``."""

    start: int
    confidence: float
    review: str = ""
    method: str = "words"


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus.common import thai_words as dictionary_words

    return frozenset(dictionary_words())


def _thai_pieces(run_start: int, run_text: str) -> list[tuple[int, int, str]]:
    """Words of one Thai run; an unknown fragment and its short neighbours become one name.

    ``newmm`` cuts an unknown transliterated name into dictionary scraps (``จุ|ย|จัง``); a
    scrap of one or two letters that is not a word is glued to the short scraps beside it and
    the result is tagged as a proper noun.
    """
    words = thai_words(run_text)
    known = _dictionary()
    merged: list[list[str]] = []
    for word in words:
        unknown = len(word) <= 2 and word not in known
        # a scrap is glued to a short name piece, never to a title or a stop word (``โดย|ห|ลี่``)
        if merged and word not in STOP_WORDS and merged[-1][0] not in TITLES and merged[-1][0] not in STOP_WORDS:
            previous, kind = merged[-1]
            if (unknown and len(previous) <= 3) or (kind == "name" and len(word) <= 3):
                merged[-1] = [previous + word, "name"]
                continue
        merged.append([word, "name" if unknown else "thai"])
    pieces = []
    pos = run_start
    for word, kind in merged:
        pieces.append((pos, pos + len(word), kind))
        pos += len(word)
    return pieces


def tokenize(region: str) -> list[Token]:
    """Split ``region`` into words with offsets: Thai by PyThaiNLP, other scripts by run."""
    pieces: list[tuple[int, int, str]] = []
    for run in split_scripts(region):
        if run.script == "thai":
            pieces.extend(_thai_pieces(run.start, run.text))
        else:
            pieces.append((run.start, run.end, run.script))
    texts = [region[start:end] for start, end, _ in pieces]
    tags = orchid_pos_tags(texts)
    tokens = []
    for (start, end, script), text, tag in zip(pieces, texts, tags):
        if script != "thai":
            tag = {"latin": "LATN", "digit": "DCNM", "space": "SPACE", "name": "NPRP"}.get(script, "PUNC")
        tokens.append(Token(start, end, text, tag))
    return tokens


def is_thai_word(token: Token) -> bool:
    """Whether the token is a Thai word (not a space, punctuation, Latin or digits), whatever its
    tag: ORCHID tags ``ศูนย์`` (*zero*, and *centre*) as a number."""
    return token.tag not in ("SPACE", "PUNC", "LATN") and bool(_THAI_LETTER.match(token.text))


def _nominalized(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` is a verb made a noun by the word before it (``การ``ให้เหตุผล)."""
    return i > 0 and tokens[i - 1].text in NOMINALIZERS and tokens[i].tag.startswith(("V", "XV"))


def _is_content(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` can be inside a term."""
    token = tokens[i]
    if _nominalized(tokens, i):
        return True
    if token.text in STOP_WORDS or token.tag in STOP_TAGS:
        return False
    return token.tag != "SPACE" and token.text not in ("/", ",")


def _chunk_starts(region: str, max_chunks: int) -> list[int]:
    """Start offsets of the space-separated chunks a term may span, nearest last.

    A chunk that only attaches to the one before it (digits, Latin, ``ครั้งที่``) does not
    count against :data:`MAX_CHUNKS`.
    """
    starts = [m.start() for m in re.finditer(r"\S+", region)]
    window: list[int] = []
    counted = 0
    for start in reversed(starts):
        window.insert(0, start)
        chunk = region[start:].split(None, 1)[0]
        if not _ATTACHED_CHUNK.fullmatch(chunk):
            counted += 1
        if counted >= max_chunks:
            break
    return window


def _last_phrase_start(region: str) -> int:
    """Start of the last chunk plus any chunks it attaches (``…เทคโนโลยี ครั้งที่ 1``)."""
    starts = [m.start() for m in re.finditer(r"\S+", region)]
    if not starts:
        return len(region)
    i = len(starts) - 1
    while i > 0 and _ATTACHED_CHUNK.fullmatch(region[starts[i]:].split(None, 1)[0]):
        i -= 1
    return starts[i]


def _title_edge(region: str, tokens: list[Token], name_words: int) -> Edge | None:
    """A title (``นาย``, ``ศ.ดร.``) followed by at most ``name_words`` chunks of name."""
    chunks = [m.start() for m in re.finditer(r"\S+", region)][-name_words:]
    if not chunks:
        return None
    boundaries = {t.start for t in tokens} | {len(region)}
    best: int | None = None
    for title in TITLES:
        for match in re.finditer(re.escape(title), region):
            name_start = match.end() + len(region[match.end():]) - len(region[match.end():].lstrip())
            spelled_out = title[-1] != "."
            if spelled_out and (match.start() not in boundaries or match.end() not in boundaries):
                continue
            if name_start >= chunks[0] and _THAI_INITIAL.match(region[name_start:]):
                best = name_start if best is None else max(best, name_start)
    return None if best is None else Edge(best, GOOD, method="title")


def _head_edge(region: str, tokens: list[Token], heads: tuple[str, ...], max_chunks: int,
               contiguous: bool = False) -> Edge | None:
    """The nearest word-boundary occurrence of a head noun within ``max_chunks`` chunks.

    With ``contiguous``, heads written back to back (``โครงการมหาวิทยาลัย…``) open the term together.
    """
    window = _chunk_starts(region, max_chunks)
    if not window or not heads:
        return None
    lowest = window[0]
    last_phrase = _last_phrase_start(region)
    starts = [t.start for t in tokens if t.start >= lowest]
    hits = [s for s in starts if region.startswith(heads, s)]
    if not hits:
        return None
    start = hits[-1]
    while contiguous:
        earlier = [s for s in hits if s < start and region[s:start] in heads]
        if not earlier:
            break
        start = earlier[-1]
    if start >= last_phrase:
        return Edge(start, GOOD, method="head")
    return Edge(start, FAIR + 0.05, "term crosses a space; check where it starts", "head")


def _walk_edge(region: str, tokens: list[Token], max_words: int | None, min_words: int) -> Edge | None:
    """Walk left over content words from the end of the region; stop at a function word.

    One function word is stepped over while fewer than ``min_words`` words were collected (a
    three-word English gloss is rarely a two-word Thai term).
    """
    last_phrase = _last_phrase_start(region)
    chosen: int | None = None
    words = 0
    stop = ""
    crossed = False
    i = len(tokens) - 1
    while i >= 0:
        token = tokens[i]
        if token.start < last_phrase:
            stop = "space"
            break
        if token.tag == "SPACE":
            i -= 1
            continue
        if not _is_content(tokens, i):
            if words < min_words and not crossed and i > 0 and _is_content(tokens, i - 1):
                crossed = True
                i -= 1
                continue
            stop = "word"
            break
        if _nominalized(tokens, i):
            i -= 1
            token = tokens[i]
        word_end = tokens[i + 1].end if i + 1 < len(tokens) and _nominalized(tokens, i + 1) else token.end
        words += max(1, (word_end - token.start) // WORD_CHARS)
        if max_words is not None and words > max_words:
            stop = "word"
            break
        chosen = token.start
        i -= 1
    while chosen is not None and any(region.startswith(word, chosen) and
                                     chosen + len(word) in {t.start for t in tokens} for word in NO_START):
        chosen = min(t.start for t in tokens if t.start > chosen)
    if chosen is None:
        return None
    text = region[chosen:].strip()
    if text in NOMINALIZERS or not re.search(r"[\u0e01-\u0e2e]", text):
        return None
    if stop == "word":
        return Edge(chosen, FAIR, "left edge from word classes only; check where it starts")
    if stop == "space":
        return Edge(chosen, FAIR, "term starts after a space; check where it starts")
    return Edge(chosen, GOOD - 0.05, "")


def rule_edge(region: str, en: str | None = None, zh: str | None = None,
              acronym: str | None = None, person: bool = False,
              after_gloss: bool = False, named_heads: bool = True,
              tokens: list[Token] | None = None) -> Edge | None:
    """The rules' answer: where the Thai term that ends at ``len(region)`` starts, or ``None``.

    :mod:`.edge_score` weighs this answer with the gloss's own evidence; this function alone is
    the extractor as it was before that (title, head noun, word-class walk).

    ``en``/``zh``/``acronym`` are the gloss's names; ``person`` says the gloss looks like a
    person's name (a title is then looked for); ``after_gloss`` says the region starts right
    after another gloss (a list of glossed items), so it may be one term as a whole;
    ``named_heads`` lets an acronym-only gloss open its term at an institution word (``ศูนย์``).
    """
    stripped = region.rstrip()
    if not re.search(r"[\u0e01-\u0e4e]", stripped):
        return None
    if tokens is None:
        tokens = tokenize(stripped)
    if person:
        name_words = max(2, len(en.split()) + 1 if en else len(zh or ""))
        edge = _title_edge(stripped, tokens, name_words)
        if edge is not None:
            return edge
    heads, max_chunks = thai_heads(en, zh), MAX_CHUNKS
    if acronym and not en and not zh:
        heads, max_chunks = (NAMED_HEADS if named_heads else ()), 2
    edge = _head_edge(stripped, tokens, heads, max_chunks, contiguous=heads is NAMED_HEADS)
    if edge is not None:
        return edge
    max_words = sum(ch.isalpha() for ch in acronym) if acronym and not en and not zh else None
    min_words = min(3, len(re.findall(r"[A-Za-z]+", en))) if en else 0
    edge = _walk_edge(stripped, tokens, max_words, min_words)
    if edge is None:
        return None
    first = next(i for i, t in enumerate(tokens) if t.start >= edge.start)
    if tokens[first].tag.startswith("V") and not _nominalized(tokens, first):
        if after_gloss and _THAI_INITIAL.match(stripped):
            return Edge(0, LOW, "term between two glosses, taken whole; check where it starts")
        return None
    if en and not EVENT_NOUN.search(en):
        edge = _drop_frame(tokens, edge)
    if en or acronym:
        edge = _drop_generic_head(tokens, edge, en, acronym)
    if en and _NAME_ONLY.fullmatch(en) and not thai_heads(en, zh):
        edge = _name_only(tokens, edge)
    return edge


#: English words that name an action or process: they license a Thai ``การ…`` frame.
EVENT_NOUN = re.compile(r"(?i)\b\w+(?:ing|tion|sion|ment|ance|ence|sis|ure)\b")
#: A bare one-word proper name (``Jiuzhang``, ``Nanning``).
_NAME_ONLY = re.compile(r"[A-Z][a-z]+")


def _drop_frame(tokens: list[Token], edge: Edge) -> Edge:
    """Drop a leading ``การ``-verb frame (``การพัฒนา``) that the English gloss does not cover."""
    inside = [i for i, t in enumerate(tokens) if t.start >= edge.start and t.tag != "SPACE"]
    for position, i in enumerate(inside[:3]):
        token = tokens[i]
        frame = (_nominalized(tokens, i) and tokens[i - 1].text == "การ") or \
            (token.text.startswith("การ") and len(token.text) > 3)
        if frame and position + 1 < len(inside):
            return Edge(tokens[inside[position + 1]].start, edge.confidence, edge.review, edge.method)
    return edge


#: Generic nouns that open a Thai phrase but belong to the term only when the gloss says them too
#: (``แนวคิด``เมืองอัจฉริยะ (Smart City), ``อุตสาหกรรม``ยานยนต์ไฟฟ้า (EV)), with the English
#: words that cover them.
GENERIC_HEADS: dict[str, tuple[str, ...]] = {
    "แนวคิด": ("concept", "idea", "notion", "thinking"),
    "เทคโนโลยี": ("technology", "technologies", "tech"),
    "อุตสาหกรรม": ("industry", "industries", "industrial"),
    "บริษัท": ("company", "co", "corporation", "corp", "inc", "ltd", "limited", "group", "holdings"),
    "ธุรกิจ": ("business", "businesses"),
    "ตลาด": ("market", "markets"),
    "หัวข้อ": ("topic", "theme"),
    "ประเด็น": ("issue", "issues"),
    "กลไก": ("mechanism",),
}


def _drop_generic_head(tokens: list[Token], edge: Edge, en: str | None, acronym: str | None) -> Edge:
    """Drop a leading generic noun that neither the English words nor the acronym's letters cover."""
    inside = [t for t in tokens if t.start >= edge.start and t.tag != "SPACE"]
    if len(inside) < 2 or inside[0].text not in GENERIC_HEADS:
        return edge
    covering = GENERIC_HEADS[inside[0].text]
    english = {w.lower() for w in re.findall(r"[A-Za-z]+", en or "")}
    letters = (acronym or "").lower()
    if english & set(covering) or (not en and any(word[0] in letters for word in covering)):
        return edge
    return Edge(inside[1].start, edge.confidence, edge.review, edge.method)


def _name_only(tokens: list[Token], edge: Edge) -> Edge:
    """Keep only the trailing transliterated name (``…คอมพิวเตอร์จุยจัง (Jiuzhang)`` → ``จุยจัง``)."""
    inside = [t for t in tokens if t.start >= edge.start and t.tag != "SPACE"]
    if len(inside) > 1 and inside[-1].tag == "NPRP" and inside[-1].text not in _dictionary():
        return Edge(inside[-1].start, edge.confidence, edge.review, edge.method)
    return edge
