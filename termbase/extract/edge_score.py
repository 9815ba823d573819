"""The left edge of an unquoted Thai term as one scored choice, with a calibrated confidence.

Every word boundary in the text before the gloss (the *region*) that is also a Thai character
cluster boundary is a candidate start (the segmenter may cut an unknown name inside a syllable:
``เห|ลียง``, *Liang*). Each is scored by a weighted sum of features (:data:`WEIGHTS`):

* ``rule``: it is where the rules of :mod:`.thai_edge` start the term (title, head noun, walk
  over word classes);
* ``cut`` (negative): it cuts a Thai run that spells words of the gloss (:mod:`.evidence`:
  ``…ด่าน|โหย่วอี้กวน (Youyiguan Port)``, ``บริษัท หางโจว ซินหัว…``);
* ``balance`` (negative): how far the Thai words the span adds beyond the spelled ones are from
  the gloss words left to render (*Port* for ``ด่าน``; nothing for ``สาร`` in ``สารเบสิกเยลโลว์ 2
  (Basic Yellow 2)``) — a head Thai writes as part of names (``เมือง``, learned from the Thai
  Wikipedia, :mod:`.lexicon`) is not counted;
* ``left_function``, ``left_role``, ``left_space``: the word before is a verb, copula,
  preposition or conjunction (ORCHID tags and the stop words: ``คือ``, ``ประกอบด้วย``,
  ``ได้แก่``), a title or role noun (ORCHID's title tag, an agent noun in ``ผู้…``, the word after
  a titled person's name: ``นายธีระ มหาสุข อธิบดี|กรมชลประทาน``, a word whose senses are people in
  the Thai–English word list, :mod:`trilex.lang.wordlists.thai_english`: ``ประธาน|สภา…``), or a
  space; ``left_linker`` (negative): it is ``แห่ง`` or ``ว่าด้วย`` (*of*), which join a head to the rest of its term;
* ``first_verb``, ``first_role`` (negative): the span would open with a verb (ORCHID tag, corrected
  by the Thai WordNet's word classes; not inside a spelled name: ``ดอยคำ``) or a role noun;
  ``inner_copula`` (negative): it would hold a copula (``คือ``, ``เป็น``);
* ``starts_spelled``: it opens a Thai run that spells the gloss; ``head_spelled``: it is a head
  Thai writes as part of names (``เมือง``) right before such a run (``จาก|เมืองฝูโจว (Fuzhou)``);
* what the words mean (:mod:`.meaning`, through :mod:`trilex.lang.wordlists.thai_english`):
  ``head_rendered``: the first word translates the English head (``อ่างเก็บน้ำ`` *Reservoir*,
  ``เขื่อน`` *Dam*, with no head table); ``first_unrendered`` (negative): the first word is in
  the list but translates nothing of the gloss while a later word does (``กลุ่ม|…``);
  ``descriptor_spelled`` (negative): such a word right before a run spelling the gloss from its
  first content word on (``จรวด|ลองมาร์ช 6`` *Long March 6*, ``รายการ|แบดมินตัน…``);
  ``left_rendered`` (negative): a word glued before the start (back to the space before it)
  translates a gloss word nothing in the span does (``การชำระเงิน`` *Payment* in
  ``…การชำระเงินด้วย|คิวอาร์โค้ด…``);
* ``known``: after such a boundary, the span is a dictionary word or a Thai Wikipedia title of at
  least :data:`KNOWN_MIN_CHARS` (``การรถไฟแห่งประเทศไทย``); ``cuts_known`` / ``extends_known``
  (negative): it starts inside such a name, or adds words before one (``ผู้ว่าการ|…``);
* ``frame`` / ``in_frame``: names ending in ``จำกัด`` open with ``บริษัท`` (learned, :mod:`.lexicon`):
  the span starts at that word, or would start inside the frame; ``crosses_bracket`` (negative): a
  span reaching back over ``(ประเทศไทย)`` outside such a frame.

The weights were set by hand and by a coordinate search on the seed articles and the two
development sets (never the held-out set). A title's edge (``นาย…``) is kept only when the words after it name
the person (:func:`_names_a_person`), not a person and then an office. The best candidate wins;
its confidence is a logistic function of its lead over the runner-up, of whether and how surely
the rules agree and of whether the gloss has a name or only an acronym (:data:`CALIBRATION`,
fitted on the same two sets by ``benchmarks/extract_quality.py --calibrate``, which also prints
the reliability table). When the rules find no start, a candidate is taken only with evidence of
its own (:meth:`_Scorer.evidence`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from trilex.termbase.extract.evidence import SpelledRun, gloss_words, spelled_runs
from trilex.termbase.extract.meaning import head_index, word_meanings
from trilex.lang.thai import thai_cluster_boundaries
from trilex.lang.wordlists.thai_english import is_person_noun
from trilex.termbase.extract.lexicon import frame_opener, is_known_name, name_part_head, word_classes
from trilex.termbase.extract.thai_edge import (
    MAX_CHUNKS, NO_START, STOP_TAGS, STOP_WORDS, TITLES, WORD_CHARS, Edge, Token, _chunk_starts,
    _nominalized, is_thai_word, rule_edge, tokenize,
)

#: Feature weights of a candidate start (tuned on the seeds and both development sets).
WEIGHTS: dict[str, float] = {
    "rule": 2.0,
    "cut": -3.0,
    "balance": -3.0,
    "left_function": 0.5,
    "left_role": 0.8,
    "left_space": -1.0,
    "first_verb": -1.0,
    "first_role": -1.5,
    "inner_copula": -1.0,
    "starts_spelled": 0.5,
    "head_spelled": 2.0,
    "known": 0.3,
    "cuts_known": -4.0,
    "extends_known": -1.0,
    "crosses_bracket": -2.0,
    "frame": 3.0,
    "in_frame": -3.0,
    "head_rendered": 0.5,
    "first_unrendered": -0.5,
    "descriptor_spelled": -2.0,
    "left_rendered": -2.0,
    "left_linker": -1.0,
}
#: ``confidence = 1 / (1 + exp(-(a * lead + b + c * rules_agree + d * rule_confidence + e * named)))``,
#: ``(a, b, c, d, e)`` fitted by logistic regression on the seeds and both development sets
#: (``python benchmarks/extract_quality.py --calibrate``).
CALIBRATION = (1.03, -1.2, -3.48, 5.06, 0.76)
#: The lead of a start that had no competitor, and the largest lead counted.
SOLE_LEAD, MAX_LEAD = 3.0, 3.0
#: A confidence below this gets a reason for the reviewer (the termbase's review threshold).
REVIEW_BELOW = 0.8
#: A known name must be this long to outweigh the other evidence (``ภาษา`` is not enough).
KNOWN_MIN_CHARS = 8
#: Candidates further back than this many space-separated chunks need spelled or frame evidence.
WINDOW_CHUNKS = MAX_CHUNKS
_ROLE_PREFIXES = ("ผู้", "รองผู้", "ผู้ช่วย")
#: Words that join a head to its complement (``สภาหอการค้า|แห่ง|ประเทศไทย``, *of*): what follows
#: them is inside a term, not a term's start.
LINKERS = frozenset({"แห่ง", "ว่าด้วย"})
_QUOTES_AND_COMMAS = frozenset("“”\"‘’,;")


def _is_role(token: Token) -> bool:
    """A title or a role noun: ORCHID's title tag, a person title, an agent noun ``ผู้…``."""
    text = token.text
    return token.tag == "NTTL" or text in TITLES or (text.startswith(_ROLE_PREFIXES) and len(text) > 4)


def _is_verb(token: Token) -> bool:
    """A verb by the Thai WordNet when it knows the word only as a verb or only as a noun, else by
    the ORCHID tag."""
    classes = word_classes(token.text)
    if classes == "v":
        return True
    if "n" in classes and "v" not in classes:
        return False
    return token.tag.startswith(("V", "XV"))


def _is_function(tokens: list[Token], i: int) -> bool:
    """A word a term cannot open after: a verb, copula, preposition, conjunction… The stop words
    always are; a word the Thai WordNet knows as a noun or adjective is not, whatever its tag."""
    token = tokens[i]
    if _nominalized(tokens, i):
        return False
    if token.text in STOP_WORDS:
        return True
    classes = word_classes(token.text)
    if classes and ("n" in classes or "a" in classes) and "v" not in classes:
        return False
    return token.tag in STOP_TAGS or _is_verb(token)


def _bracketed(region: str, offset: int) -> bool:
    """Whether ``offset`` is inside a bracket pair of the region (``บริษัท ทาเคดา (ประเทศไทย)``)."""
    return region.rfind("(", 0, offset) > region.rfind(")", 0, offset)


def _role_after_person(region: str, tokens: list[Token]) -> set[int]:
    """Token indices that follow a titled person's name and a space (``นายธีระ มหาสุข อธิบดี…``,
    ``ศ.ดร. สมชาย ใจดี ประธาน…``): the first word of the chunk after the name is the person's office."""
    roles: set[int] = set()
    matches = list(re.finditer(r"\S+", region))
    chunks = [m.start() for m in matches]
    for n in range(len(chunks) - 2):
        head = region[chunks[n]:]
        if not head.startswith(TITLES) and not any(t.start == chunks[n] and t.tag == "NTTL" for t in tokens):
            continue
        office = n + 3 if matches[n].group() in TITLES else n + 2  # ``ศ.ดร. สมชาย ใจดี …``
        if office >= len(chunks):
            continue
        starts = [i for i, t in enumerate(tokens) if t.start == chunks[office]]
        if starts:
            roles.add(starts[0])
    return roles


def _frame(region: str, tokens: list[Token]) -> int | None:
    """Where a learned frame opens when the region ends with its closing word (``บริษัท … จำกัด``)."""
    words = [t for t in tokens if is_thai_word(t) and not _bracketed(region, t.start)]
    if not words:
        return None
    opener = frame_opener(words[-1].text)
    if opener is None:
        return None
    for k in range(len(words) - 2, -1, -1):
        token = words[k]
        if token.text in STOP_WORDS and not _inside_unknown_word(words, k):
            return None
        if token.text == opener:
            return token.start
    return None


def _inside_unknown_word(words: list[Token], k: int) -> bool:
    """Whether ``words[k]`` is a piece of a longer word the dictionary lacks: glued to a neighbour
    that is no dictionary word (``มา`` in ``ฟาร์|มา|ซู|ติ|คอล``, *pharmaceutical* spelled in Thai)."""
    from trilex.lang.thai import newmm_dictionary

    dictionary = newmm_dictionary()
    token = words[k]
    before = words[k - 1] if k > 0 and words[k - 1].end == token.start else None
    after = words[k + 1] if k + 1 < len(words) and token.end == words[k + 1].start else None
    return any(near is not None and near.text not in dictionary for near in (before, after))


def _names_a_person(region: str, tokens: list[Token], start: int, en: str | None, zh: str | None) -> bool:
    """Whether the words after a title at ``start`` are the person the gloss names
    (``นายหลิน เจี้ยนหัว (Lin Jianhua)``), not an office after a person (``นายสุรชัย ปานทอง
    ผู้อำนวยการโรงพยาบาลราชวิถี (Rajavithi Hospital)``): no role noun follows, and when Thai words
    spell the gloss, they start at the name."""
    after = [i for i, t in enumerate(tokens) if t.start >= start]
    roles = _role_after_person(region, tokens)
    if any(_is_role(tokens[i]) or i in roles for i in after):
        return False
    runs = spelled_runs(tokens, gloss_words(en, zh))
    return not runs or any(run.start == start for run in runs)


def _reachable(runs: list[SpelledRun], tokens: list[Token]) -> list[SpelledRun]:
    """Spelled runs not cut off from the end of the region by a stop word, quote or comma."""
    kept: list[SpelledRun] = []
    blocked_from = -1
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        if token.text in STOP_WORDS or token.text in _QUOTES_AND_COMMAS:
            blocked_from = i
            break
    for run in runs:
        if run.first > blocked_from:
            kept.append(run)
    return kept


def _from_cluster_start(run: SpelledRun, tokens: list[Token], clusters: set[int]) -> SpelledRun:
    """``run`` widened back to the start of the character cluster it starts in: the segmenter may
    cut an unknown name inside a syllable (``เห|ลี|ยง``, *Liang*), and the spelling matches its end."""
    first = run.first
    while first > 0 and tokens[first].start not in clusters and is_thai_word(tokens[first - 1]):
        first -= 1
    return run if first == run.first else replace(run, first=first, start=tokens[first].start)


def _imbalance(extra: float, left: int) -> float:
    """How badly ``extra`` Thai words (beyond the spelled ones) fit ``left`` unrendered gloss words.

    With nothing left to render every extra word counts; otherwise too few words count fully and
    too many (more than twice what is left: Thai often needs two words for one) count half.
    """
    if left <= 0:
        return min(3.0, extra)
    return min(3.0, max(0.0, left - extra) / left + 0.5 * max(0.0, extra - 2 * left) / left)


def _units(token: Token) -> float:
    """How many words of a gloss a Thai word renders, by its length."""
    return max(1.0, len(token.text) / WORD_CHARS)


class _Scorer:
    """The features of every candidate start in one region."""

    def __init__(self, region: str, tokens: list[Token], en: str | None, zh: str | None,
                 acronym: str | None, rule: Edge | None):
        self.region = region
        self.tokens = tokens
        self.rule = rule
        self.gloss = gloss_words(en, zh)
        self.clusters = thai_cluster_boundaries(region)
        self.runs = [_from_cluster_start(run, tokens, self.clusters)
                     for run in _reachable(spelled_runs(tokens, self.gloss), tokens)]
        self.frame = _frame(region, tokens)
        self.roles = _role_after_person(region, tokens)
        self.meanings = word_meanings(tokens, self.gloss)
        self.ending = {m.last: m for m in self.meanings.values()}
        self.head = head_index(self.gloss, en)
        content = self.gloss.content
        if content:
            self.to_render = len(content)
        elif zh:
            self.to_render = max(1, len([c for c in zh if "\u4e00" <= c <= "\u9fff"]) // 2)
        elif acronym:
            self.to_render = sum(ch.isalpha() for ch in acronym)
        else:
            self.to_render = 0
        self.digits = {w for w in self.gloss.english if w.isdigit()}
        self._known: dict[int, bool] = {}
        self._features: dict[int, dict[str, float]] = {}
        self.has_english = bool(content)

    def _known_from(self, i: int) -> bool:
        """Whether the span from token ``i`` is a known name large enough for the gloss."""
        if i not in self._known:
            text = self.region[self.tokens[i].start:].strip()
            size = sum(_units(t) for t in self.tokens[i:] if is_thai_word(t))
            linked = i > 0 and self.tokens[i - 1].text in LINKERS
            self._known[i] = not linked and len(text) >= KNOWN_MIN_CHARS and size >= 0.5 * self.to_render and is_known_name(text)
        return self._known[i]

    def candidates(self) -> list[int]:
        """Token indices where the term may start."""
        window = _chunk_starts(self.region, WINDOW_CHUNKS)
        lowest = window[0] if window else len(self.region)
        allowed_far = {run.start for run in self.runs}
        if self.frame is not None:
            allowed_far.add(self.frame)
        if self.rule is not None:
            allowed_far.add(self.rule.start)
        found = []
        for i, token in enumerate(self.tokens):
            if not is_thai_word(token) or _bracketed(self.region, token.start):
                continue
            if token.text in STOP_WORDS or token.text in NO_START:
                continue
            if token.start not in self.clusters:
                continue  # inside a character cluster: ``เห|ลียง`` (*Liang*) is one syllable
            if _nominalized(self.tokens, i):  # never between การ/ความ and its verb
                continue
            if token.start < lowest and token.start not in allowed_far:
                continue
            found.append(i)
        return found

    def features(self, i: int) -> dict[str, float]:
        """The feature values of the start at token ``i`` (computed once)."""
        if i not in self._features:
            self._features[i] = self._compute(i)
        return self._features[i]

    def _compute(self, i: int) -> dict[str, float]:
        tokens, start = self.tokens, self.tokens[i].start
        f: dict[str, float] = {}
        f["rule"] = float(self.rule is not None and self.rule.start == start)
        f["cut"] = float(sum(1 for run in self.runs if run.start < start))
        spelled: set[int] = set()
        syllables: set[int] = set()
        inside: set[int] = set()
        for run in self.runs:
            if run.start >= start:
                spelled |= run.english
                syllables |= run.pinyin
                inside |= set(range(run.first, run.last + 1))
        extra = 0.0
        for k in range(i, len(tokens)):
            token = tokens[k]
            if k in inside or not is_thai_word(token):
                if token.tag == "DCNM" and token.text in self.digits:
                    spelled.add(self.gloss.english.index(token.text))
                continue
            if k == i and self.runs and name_part_head(token.text):
                continue
            extra += _units(token)
        lefts = []
        if self.has_english:
            lefts.append(self.to_render - len(spelled & set(self.gloss.content)))
        if self.gloss.pinyin:
            lefts.append(math.ceil((len(self.gloss.pinyin) - len(syllables)) / 2))
        left = min(lefts) if lefts else self.to_render
        f["balance"] = _imbalance(extra, left) if self.runs else 0.0
        previous = i - 1
        while previous >= 0 and tokens[previous].tag == "SPACE":
            previous -= 1
        spaced = previous < i - 1 or previous < 0
        f["left_function"] = float(previous >= 0 and _is_function(tokens, previous))
        before = self.ending.get(previous)
        f["left_role"] = float(previous >= 0 and (
            _is_role(tokens[previous]) or previous in self.roles or is_person_noun(tokens[previous].text)
            or (before is not None and before.person)))
        f["left_space"] = float(spaced)
        f["left_linker"] = float(previous >= 0 and tokens[previous].text in LINKERS)
        first = tokens[i]
        f["starts_spelled"] = float(any(run.start == start for run in self.runs))
        f["head_spelled"] = float(name_part_head(tokens[i].text) and any(run.first == i + 1 for run in self.runs))
        f["first_verb"] = float(not f["starts_spelled"] and _is_verb(first) and not (
            first.text.startswith(("การ", "ความ")) or (i + 1 < len(tokens) and _nominalized(tokens, i + 1))))
        meaning = self.meanings.get(i)
        f["first_role"] = float(_is_role(first) or i in self.roles or (
            meaning is not None and meaning.person and not meaning.renders - spelled))
        inside_rendered = {n for k, m in self.meanings.items() if k >= i for n in m.renders}
        f["head_rendered"] = float(meaning is not None and self.head in meaning.renders - spelled)
        f["first_unrendered"] = float(
            self.has_english and meaning is not None and not meaning.renders - spelled
            and not f["starts_spelled"] and not name_part_head(first.text) and self._rendered_after(meaning.last))
        f["descriptor_spelled"] = float(f["first_unrendered"] and self._descriptor_before_spelled(
            i, spelled | inside_rendered))
        glued = []  # the words before the start in its chunk (no space between), nearest first
        k = i - 1
        while k >= 0 and is_thai_word(tokens[k]):
            if k in self.ending:
                glued.append(self.ending[k])
            k -= 1
        f["left_rendered"] = float(any(m.renders - spelled - inside_rendered for m in glued))
        f["inner_copula"] = float(sum(1 for t in tokens[i + 1:] if t.text in STOP_WORDS and t.tag == "VSTA"))
        boundary = f["left_function"] or f["left_role"] or f["left_space"]
        f["known"] = float(bool(boundary) and self._known_from(i))
        if f["known"]:
            f["first_verb"] = 0.0
        phrase = self._phrase(i)
        f["cuts_known"] = float(any(self._known_from(k) for k in phrase if k < i and not _is_role(tokens[k])))
        f["extends_known"] = float(not self._known_from(i) and any(self._known_from(k) for k in phrase if k > i))
        f["crosses_bracket"] = float("(" in self.region[start:] and self.frame is None)
        f["frame"] = float(self.frame is not None and start == self.frame)
        f["in_frame"] = float(self.frame is not None and start > self.frame)
        return f

    def _descriptor_before_spelled(self, i: int, rendered: set[int]) -> bool:
        """Whether token ``i`` stands right before a run spelling the gloss from its first
        content word on, every gloss word before the spelled ones being rendered already: a
        descriptor Thai adds to a name (``จรวด|ลองมาร์ช 6`` *Long March 6*), not a word that
        may render the gloss's unrendered first word (``นวัตกรรม|เทคโนโลยี`` *Breakthrough Technology*)."""
        for run in self.runs:
            if run.first == i + 1 and run.english:
                first_spelled = min(run.english)
                return all(word in rendered for word in self.gloss.content if word < first_spelled)
        return False

    def _rendered_after(self, k: int) -> bool:
        """Whether a word after token ``k`` renders the gloss or spells it."""
        return any(run.first > k for run in self.runs) or any(
            m.renders for first, m in self.meanings.items() if first > k)

    def _phrase(self, i: int) -> list[int]:
        """Thai token indices of the phrase around token ``i``: no stop word or space between."""
        tokens = self.tokens
        low = i
        while low > 0 and is_thai_word(tokens[low - 1]) and tokens[low - 1].text not in STOP_WORDS:
            low -= 1
        return [k for k in range(low, len(tokens)) if is_thai_word(tokens[k])]

    def score(self, i: int) -> float:
        """The weighted sum of the features of the start at token ``i``."""
        return sum(WEIGHTS[name] * value for name, value in self.features(i).items())

    def evidence(self, i: int) -> bool:
        """Whether the start at ``i`` has evidence of its own (used when the rules found none):
        it opens a spelled name or a frame, an English gloss follows a stop word
        (``…ไปสู่|การโอนเงินระหว่างประเทศแบบทันที (Instant Cross-border Transfer)``), or its first
        word translates the gloss's head after a verb or a function word (``ติดตั้ง|เรดาร์ช่องเปิด
        สังเคราะห์ (Synthetic Aperture Radar)``)."""
        f = self.features(i)
        after_stop = i > 0 and self.tokens[i - 1].text in STOP_WORDS
        return (bool(self.runs) and f["cut"] == 0) or f["frame"] > 0 or (
            self.has_english and (after_stop or (f["head_rendered"] and f["left_function"]))
            and not f["first_verb"] and not f["inner_copula"])


@dataclass(frozen=True)
class Choice:
    """The chosen start and what its confidence is computed from.

    ``lead`` is the score margin over the runner-up (:data:`SOLE_LEAD` when there is none),
    ``rules_agree`` whether the rules of :mod:`.thai_edge` chose the same start, and
    ``rule_confidence`` the rules' own confidence in their answer (0 when they had none),
    ``named`` whether the gloss has an English or Chinese name (not only an acronym).
    """

    start: int
    lead: float
    rules_agree: bool
    rule_confidence: float
    rule_review: str
    method: str
    named: bool = True


def confidence(choice: Choice) -> float:
    """The calibrated probability that the chosen start is right (:data:`CALIBRATION`)."""
    a, b, c, d, e = CALIBRATION
    z = a * min(choice.lead, MAX_LEAD) + b + c * choice.rules_agree + d * choice.rule_confidence + e * choice.named
    return 1.0 / (1.0 + math.exp(-z))


def _scorer(region: str, en: str | None, zh: str | None, acronym: str | None, person: bool,
            after_gloss: bool, named_heads: bool) -> _Scorer | Edge | None:
    """The scorer of the region's candidates; or the rules' answer when it stands as it is (a
    person's name after a title, an :class:`Edge`); ``None`` when the region has no Thai."""
    stripped = region.rstrip()
    if not re.search(r"[\u0e01-\u0e4e]", stripped):
        return None
    tokens = tokenize(stripped)
    rule = rule_edge(stripped, en, zh, acronym, person, after_gloss, named_heads, tokens=tokens)
    if rule is not None and rule.method == "title":
        if _names_a_person(stripped, tokens, rule.start, en, zh):
            return rule
        rule = rule_edge(stripped, en, zh, acronym, False, after_gloss, named_heads, tokens=tokens)
    return _Scorer(stripped, tokens, en, zh, acronym, rule)


def choose(region: str, en: str | None = None, zh: str | None = None,
           acronym: str | None = None, person: bool = False,
           after_gloss: bool = False, named_heads: bool = True) -> Choice | Edge | None:
    """The best-scoring start of the Thai term that ends the region, or ``None``.

    A person's name after a title is the rules' answer as it is (an :class:`Edge`).
    """
    scorer = _scorer(region, en, zh, acronym, person, after_gloss, named_heads)
    if not isinstance(scorer, _Scorer):
        return scorer
    tokens, rule = scorer.tokens, scorer.rule
    ranked = sorted(((scorer.score(i), -tokens[i].start, i) for i in scorer.candidates()), reverse=True)
    if not ranked:
        return rule
    best_score, _, best = ranked[0]
    start = tokens[best].start
    if rule is None and not scorer.evidence(best):
        return None
    lead = best_score - ranked[1][0] if len(ranked) > 1 else SOLE_LEAD
    agree = rule is not None and rule.start == start
    return Choice(start, lead, agree, rule.confidence if rule else 0.0, rule.review if rule else "",
                  rule.method if agree and rule else "score", bool(en or zh))


def candidate_features(region: str, en: str | None = None, zh: str | None = None,
                       acronym: str | None = None, person: bool = False, after_gloss: bool = False,
                       named_heads: bool = True) -> list[tuple[int, dict[str, float], bool]]:
    """``(start, features, may_win)`` of every candidate start, for fitting :data:`WEIGHTS`
    (``benchmarks/extract_quality.py --search-weights``); ``may_win`` is false for a start that
    :func:`choose` would refuse when it wins. Empty when the rules' answer stands as it is."""
    scorer = _scorer(region, en, zh, acronym, person, after_gloss, named_heads)
    if not isinstance(scorer, _Scorer):
        return []
    return [(scorer.tokens[i].start, dict(scorer.features(i)), scorer.rule is not None or scorer.evidence(i))
            for i in scorer.candidates()]


def find_left_edge(region: str, en: str | None = None, zh: str | None = None,
                   acronym: str | None = None, person: bool = False,
                   after_gloss: bool = False, named_heads: bool = True) -> Edge | None:
    """Where the Thai term that ends at ``len(region)`` starts, or ``None`` if there is none.

    ``en``/``zh``/``acronym`` are the gloss's names; ``person`` says the gloss looks like a
    person's name (a title is then looked for); ``after_gloss`` says the region starts right
    after another gloss; ``named_heads`` lets an acronym-only gloss open its term at an
    institution word. See the module docstring for how the start is chosen.
    """
    choice = choose(region, en, zh, acronym, person, after_gloss, named_heads)
    if not isinstance(choice, Choice):
        return choice
    sure = round(confidence(choice), 2)
    review = ""
    if sure < REVIEW_BELOW:
        review = choice.rule_review if choice.rules_agree and choice.rule_review else \
            "left edge chosen among close candidates; check where it starts"
    return Edge(choice.start, sure, review, choice.method)
