"""Chinese numerals (``十二``, ``三千五百万``, ``1.2万``, ``壹佰``), read as exact values.

The forms follow GB/T 15835-2011 *General rules for writing numerals in publications*
(出版物上数字用法, section 5, 数字形式的使用): Chinese numerals with units (``一百零五``,
``三千五百万``), Arabic digits with the units 万 and 亿 (``3.5亿``, ``100万``, ``3亿5000万``),
positional Chinese digits with ``〇`` (``二〇二五年``), and the financial capitals (大写数字
壹贰叁肆伍陆柒捌玖拾佰仟). Approximate numbers (概数, the standard's term 3.3: ``三四个``, ``十几``)
are not numbers of the text and are not read, except those that bound a number from below (see
**Approximations**). The grammar:

* **Units**: 十 拾 (10), 百 佰 (100), 千 仟 (1000) inside a section; 万 萬 (10⁴) and 亿 億 (10⁸)
  multiply everything before them in their group, so ``一亿二千万`` = 120,000,000 and
  ``二万三千亿`` = 2.3×10¹². Units inside a section must decrease (``一千二百``).
* **零/〇** stands for skipped positions and is only valid after a unit (``一百零五`` = 105).
* **十 alone** may start a number (``十二`` = 12, ``十万`` = 100,000); 百, 千, 万 and 亿 may not:
  ``千万`` ("by all means"), ``万一`` ("in case"), ``百姓`` are not numbers (but ``百余``, below).
* **A final digit right after a unit** counts in the next lower place, the spoken short form
  (``一百五`` = 150, ``一万五`` = 15,000); the same rule reads ``二十五`` as 25. After 零 it counts
  in units (``一万零五`` = 10,005).
* **Two digits in a row** without a unit (``三四个``, ``五六十``) are an estimate ("three or four"),
  not a number, and are not read; neither is a numeral next to ``几`` (``十几``, ``几十``) or a
  bare unit after ``数`` (``数十`` "dozens").
* **Positional digits** (``二〇二五``, ``一〇一``) are read digit by digit when they contain a zero,
  or when they are four digits before ``年`` (``一九九八年``).
* **Decimals**: ``点`` with digits after it (``三点五`` = 3.5, ``零点五``, ``三点五亿``); ``点`` with
  no digit after it is "o'clock" or "a bit", and before ``分``/``刻`` it is a time of day
  (``三点五分`` is 3 and 5, ``十二点一刻`` is 12 and nothing).
* **Arabic digits** take part only in front of a unit: ``1.2万`` = 12,000, ``5千`` = 5000; one
  space may stand between them (``38 万``, as news text often writes it).
* **Kilo- units** ``千克 千米 千瓦 千焦 千帕 千赫 千卡 千伏 千兆 千字节`` are unit names (GB 3100): the
  千 is not a numeral, so ``5千克`` is 5 (kilograms).
* **Approximations** with ``多`` ("more than"), ``余``/``餘`` ("over") or ``来``/``來`` ("about")
  after a number are read as the number they bound from below, and the span takes the marker
  in: ``30多岁`` and ``30多`` are 30, ``100余人`` 100, ``十多个`` and ``十来个`` 10, ``三百多`` 300. A
  unit 万 or 亿 after the marker multiplies the number, the way it would without the marker:
  ``550多万`` (more than 5.5 million) is 5,500,000, ``10多万`` 100,000, ``两千多万`` 20,000,000.
  The number is Arabic digits (a whole number: ``2.5多`` is no such form) or a Chinese numeral
  ending in a unit (``三十多``, ``一百余``; ``三多`` is nothing, and ``三点多`` is "past three o'clock",
  where the 点 is no unit); ``十`` alone counts, and ``百``, ``千``, ``万`` alone before ``余``
  (``百余人``, ``千余名``, ``万余人``). After ``几``/``数`` (``数十余``) nothing is read.
* ``负`` before a numeral is the minus sign (``负三`` = −3).
* **Fractions** ``三分之一`` and per-mille ``千分之五`` are not read, neither part (``三`` is not 3
  there); ``百分之`` (per cent) is.

A numeral written with one character only (``一``, ``三``, ``十``, ``两``) is the classic trap:
``一`` sits inside ``统一``, ``唯一``, ``一些``, ``一样``, ``一起``, ``一般``, ``一直``. Such a numeral is
read only when (1) ``第`` comes before it (an ordinal), (2) ``百分之`` comes before it, (3) a measure
word or counted unit comes after it (``一个``, ``三年``, ``五倍``, list :data:`MEASURE_WORDS`), except
the fixed words of :data:`NOT_NUMBERS` (``一点``, ``一下``, ``十分`` "very"…), or (4) neither
neighbour is a Han character (``一、概述``, ``（三）``). ``零``/``〇`` alone is read only in case (4):
``零件``, ``零售`` are parts and retail. A ``一`` that ends a word (``统一`` unify, ``唯一`` only, ``同一``
same…, list :data:`ONE_WORD_HEADS`) is never a numeral, even before a measure word: ``统一部署``,
``同一批`` hold no number and ``唯一一个`` holds one 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from trilex.lang.digits import DigitNumber, scan_digit_numbers
from trilex.lang.scripts import script_of

#: Chinese digits, financial capitals and traditional forms.
HAN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "三": 3, "叁": 3,
    "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7, "八": 8,
    "捌": 8, "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
POINTS = "点點"
ZEROS = "〇零"
_NUMERAL_CHARS = frozenset(HAN_DIGITS) | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS) | frozenset(POINTS)
_UNIT_CHARS = frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)

#: Measure words and units after which a one-character numeral is a number (``三个``, ``一年``).
MEASURE_WORDS = frozenset(
    "个個位名次件种種条條张張本台家项項只隻天年月日号號周週岁歲人份套辆輛架座所层層页頁章节節篇句段双雙对對"
    "组組部场場届屆期轮輪季倍分秒元块塊角米克吨噸升度楼樓步票颗顆粒根片棵头頭匹杯瓶碗盒包袋箱封幅首门門道口户戶"
    "间間枚例下起样樣点點"
    "级級代批艘把支队隊类類款笔筆栋棟"
)
#: Measure words of two characters (their first character alone is not one).
MEASURE_PAIRS = frozenset(["小时", "小時", "星期", "公里", "公斤", "公分", "公顷", "美元", "欧元", "英镑", "日元",
                           "平方", "立方", "毫米", "厘米", "毫升", "世纪", "世紀", "英里", "英尺", "英寸", "海里"])
#: Fixed words made of a one-character numeral and a measure word that are not numbers.
NOT_NUMBERS = frozenset([
    "一点", "一點", "一下", "一起", "一样", "一樣", "一道", "一度", "一口", "一头", "一頭", "一时", "一時",
    "一部分", "一方面", "一场空", "两样", "兩樣", "十分", "十足", "一把手", "一股脑", "一股腦", "一笔勾销",
    "一筆勾銷",
])
#: Characters that end a word with ``一`` (``统一`` unify, ``唯一`` only, ``同一`` same…): such a ``一``
#: is no numeral even before a measure word (``统一部署``, ``同一批``, ``统一代码``).
ONE_WORD_HEADS = frozenset("统統唯同单單专專划劃纯純逐合归歸")
#: Approximation markers after a number (GB/T 15835-2011, 3.3 概数; 多 "more than", 余 "over",
#: 来 "about"): ``550多万``, ``100余人``, ``十来个``.
APPROXIMATE = "多余餘来來"
#: Kilo- units: 千 here is the SI prefix kilo, not a numeral (unit names of GB 3100-1993).
KILO_UNITS = ("千克", "千米", "千瓦", "千焦", "千帕", "千赫", "千卡", "千伏", "千兆", "千字节")
PERCENT_PREFIX = "百分之"


@dataclass(frozen=True)
class HanNumber:
    """A Chinese numeral found in a text: ``text[start:end]`` read as ``value``.

    ``year`` is true for four positional digits before ``年`` (``二〇二五年``); the span never
    includes ``年``, ``第`` or ``百分之``.
    """

    start: int
    end: int
    value: Decimal
    year: bool = False


#: Spaces that may stand between Arabic digits and their unit (``38 万``, as NTREX's news writes).
_UNIT_SPACES = " \u00a0\u202f\u2009"


def _is_han(ch: str) -> bool:
    return script_of(ch) == "han"


#: One token of a numeral: ``('d', digit)``, ``('a', Arabic number)``, ``('z', 0)`` for 零/〇,
#: ``('u', 10|100|1000)``, ``('U', 10⁴|10⁸)``, ``('p', 0)`` for 点.
_Item = tuple[str, Decimal]
_ZERO = Decimal(0)


def _items(text: str, arabic: dict[int, DigitNumber], start: int, end: int) -> list[_Item] | None:
    """The tokens of ``text[start:end]``, or ``None`` if something else is in it."""
    items: list[_Item] = []
    pos = start
    while pos < end:
        ch = text[pos]
        number = arabic.get(pos)
        if number is not None and number.end <= end:
            items.append(("a", number.value))
            pos = number.end
            if pos < end and text[pos] in _UNIT_SPACES:
                pos += 1  # 38 万: the space news text puts between digits and their unit
            continue
        if ch in ZEROS:
            items.append(("z", _ZERO))
        elif ch in HAN_DIGITS:
            items.append(("d", Decimal(HAN_DIGITS[ch])))
        elif ch in SMALL_UNITS:
            items.append(("u", Decimal(SMALL_UNITS[ch])))
        elif ch in BIG_UNITS:
            items.append(("U", Decimal(BIG_UNITS[ch])))
        elif ch in POINTS:
            items.append(("p", _ZERO))
        else:
            return None
        pos += 1
    return items


def _integer(items: list[_Item]) -> Decimal | None:
    """The value of a numeral with units (or a single digit), or ``None`` if it is not well formed."""
    if not items:
        return None
    high = mid = section = _ZERO
    high_done = wan_done = False
    digit: Decimal | None = None
    last_small: Decimal | None = None
    last_unit = Decimal(1)
    prev: str | None = None
    for kind, val in items:
        if kind in ("d", "a"):
            if prev in ("d", "a"):
                return None  # two digits in a row: an estimate such as 三四
            digit = val
        elif kind == "z":
            if prev not in ("u", "U"):
                return None
        elif kind == "u":
            if digit is None:
                if val != 10 or prev not in (None, "z"):
                    return None
                coefficient = Decimal(1)
            else:
                if prev == "a" and digit >= 10:
                    return None  # 15千 is not a way to write 15,000
                coefficient = digit
            if last_small is not None and val >= last_small:
                return None
            section += coefficient * val
            last_small = last_unit = val
            digit = None
        elif kind == "U":
            amount = section + (digit or 0)
            if val == 10**4:
                if wan_done or amount == 0:
                    return None
                mid, wan_done = amount * val, True
            else:
                amount += mid
                if high_done or amount == 0:
                    return None
                high, high_done, mid, wan_done = amount * val, True, _ZERO, False
            section, digit, last_small, last_unit = _ZERO, None, None, val
        else:
            return None
        prev = kind
    if prev == "z":
        return None
    if digit is not None:
        if prev == "d" and len(items) > 1 and items[-2][0] in ("u", "U"):
            digit *= last_unit / 10  # 一百五 = 150, 二十五 = 25
        section += digit
    return high + mid + section


def _positional(items: list[_Item]) -> str | None:
    """The digits of a positional numeral (``二〇二五`` → ``'2025'``), else ``None``."""
    if not items or any(kind not in ("d", "z") for kind, _ in items):
        return None
    return "".join(str(val) for _, val in items)


def _value(items: list[_Item], text: str, start: int, end: int) -> Decimal | None:
    """The value of the tokens of ``text[start:end]`` (decimal, positional or with units), or ``None``."""
    kinds = [kind for kind, _ in items]
    if "p" in kinds:
        point = kinds.index("p")
        head, tail = items[:point], items[point + 1:]
        scale = Decimal(1)
        if tail and tail[-1][0] == "U":
            scale, tail = tail[-1][1], tail[:-1]
        fraction = _positional(tail)
        if fraction is None or "两" in text[start:end] or "兩" in text[start:end]:
            return None
        whole = _ZERO if kinds[:point] == ["z"] else _integer(head)
        if whole is None or (scale != 1 and any(kind == "U" for kind in kinds[:point])):
            return None  # 一万点五 is 10000.5, 三点五亿 is 3.5×10⁸, 一万点五亿 is nothing
        return (whole + Decimal("0." + fraction)) * scale
    digits = _positional(items)
    if digits is not None and len(digits) > 1:
        if any(ch in "两兩" for ch in text[start:end]):
            return None
        if "0" in digits or (len(digits) == 4 and text.startswith("年", end)):
            return Decimal(digits)
        return None
    if kinds == ["z"]:
        return Decimal(0)
    return _integer(items)


def parse_han_number(text: str) -> Decimal | None:
    """The value of ``text`` written wholly as a Chinese numeral (``一百零五`` → 105), else ``None``.

    Context rules (one-character numerals, ``几``) do not apply here; :func:`find_han_numbers` adds them.
    """
    arabic = {number.start: number for number in scan_digit_numbers(text)}
    items = _items(text, arabic, 0, len(text))
    if not items:
        return None
    return _value(items, text, 0, len(text))


def _lone_is_number(text: str, start: int, end: int) -> bool:
    """Whether a numeral of one character at ``text[start:end]`` stands for a number here."""
    ch = text[start]
    if start and text[start - 1] in "负負":
        start -= 1  # 负三 stands as 三 would; 负一定 ("bear a certain…") does not
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if ch not in ZEROS:
        if before == "第" or text.endswith(PERCENT_PREFIX, 0, start) or text.startswith(KILO_UNITS, end):
            return True
        if after in MEASURE_WORDS or text[end:end + 2] in MEASURE_PAIRS:
            word2 = text[start:end + 1]
            if word2 == "十分" and (text[end + 1:end + 2] in ("钟", "鐘") or (before and before in POINTS)):
                return True  # 十分钟 ten minutes, 三点十分 ten past three
            return all(text[start:end + k] not in NOT_NUMBERS for k in (1, 2, 3))
    return not (before and _is_han(before)) and not (after and _is_han(after))


def _runs(text: str, arabic: dict[int, DigitNumber]) -> list[tuple[int, int]]:
    """Maximal stretches of Chinese numeral characters, with Arabic numbers glued in front of units."""
    runs: list[tuple[int, int]] = []
    pos, length = 0, len(text)
    while pos < length:
        start = pos
        while pos < length:
            number = arabic.get(pos)
            if number is not None and number.end < length and text[number.end] in _UNIT_CHARS:
                pos = number.end
            elif (number is not None and number.end + 1 < length and text[number.end] in _UNIT_SPACES
                  and text[number.end + 1] in _UNIT_CHARS):
                pos = number.end + 1
            elif text[pos] in _NUMERAL_CHARS:
                pos += 1
            else:
                break
        if pos > start:
            runs.append((start, pos))
        else:
            pos += 1
    return runs


def find_han_numbers(text: str) -> list[HanNumber]:
    """Every Chinese numeral of ``text`` that stands for a number (rules in the module docstring)."""
    if not any(ch in _NUMERAL_CHARS or ch in APPROXIMATE for ch in text):
        return []
    arabic = {number.start: number for number in scan_digit_numbers(text)}
    found: list[HanNumber] = []
    pending = _runs(text, arabic)
    while pending:
        start, end = pending.pop(0)
        while start < end and text[start] in POINTS:
            start += 1
        while end > start and text[end - 1] in POINTS:
            end -= 1
        for kilo in KILO_UNITS:  # 5千克: the 千 belongs to the unit
            if end > start and text.startswith(kilo, end - 1):
                end -= 1
                break
        if start < end and text[start] == "一" and start and text[start - 1] in ONE_WORD_HEADS:
            start += 1  # 统一部署, 唯一一个: the 一 of 统一 and 唯一 is no numeral
        if start >= end or all(ch in POINTS or ch not in _NUMERAL_CHARS for ch in text[start:end]):
            continue
        number = _read(text, arabic, start, end)
        if number is not None:
            found.append(number)
            continue
        points = [i for i in range(start, end) if text[i] in POINTS]
        if points:  # 三点十分: not 3.10 but three o'clock and ten minutes; read each side
            edges = [start, *points, end]
            pending[:0] = [(edges[k] + (k > 0), edges[k + 1]) for k in range(len(edges) - 1)]
    approximate = _approximations(text, arabic)
    if approximate:  # 三十多 takes the place of 三十
        found = [n for n in found if not any(a.start <= n.start and n.end <= a.end for a in approximate)]
        found = sorted(found + approximate, key=lambda n: n.start)
    return found


def _approximations(text: str, arabic: dict[int, DigitNumber]) -> list[HanNumber]:
    """Numbers with 多, 余 or 来 after them (``550多万``, ``100余``, ``十来``), read as their lower bound."""
    if not any(ch in APPROXIMATE for ch in text):
        return []
    ending = {number.end: number for number in arabic.values()}
    starts = {end: start for start, end in _runs(text, arabic)}
    found: list[HanNumber] = []
    for pos, ch in enumerate(text):
        if ch not in APPROXIMATE or not pos:
            continue
        number = ending.get(pos)
        if number is not None:
            if number.value != number.value.to_integral_value():
                continue  # 2.5多 is no way to write a number
            start, value, big = number.start, number.value, False
        elif pos in starts:
            start = starts[pos]
            if text[start] == "一" and start and text[start - 1] in ONE_WORD_HEADS:
                start += 1
            items = _items(text, arabic, start, pos) if start < pos else None
            value = _approximated(text, items, start, pos, ch)
            if items is None or value is None:
                continue
            big = any(kind == "U" for kind, _ in items)
        else:
            continue
        end = pos + 1
        scale = BIG_UNITS.get(text[end]) if end < len(text) else None
        if scale is not None and not big:  # 550多万: the unit after 多 multiplies the number
            value, end = value * scale, end + 1
            if scale == 10**4 and text[end:end + 1] in ("亿", "億"):
                value, end = value * 10**8, end + 1  # 3多万亿
        if start and text[start - 1] in "负負":
            start, value = start - 1, -value
        found.append(HanNumber(start, end, value))
    return found


def _approximated(text: str, items: list[_Item] | None, start: int, end: int, marker: str) -> Decimal | None:
    """The value of the Chinese numeral ``text[start:end]`` before an approximation marker, or ``None``.

    The numeral must end in a unit (``三十多``, ``一百余``, ``两千多``; ``三多`` is nothing and ``三点多``
    is "past three o'clock"); a bare ``十`` counts (``十多个``), and a bare ``百``, ``千`` or ``万``
    before ``余`` (``百余人``, ``千余名``, ``万余人``).
    """
    if not items or items[-1][0] not in ("u", "U") or any(kind == "p" for kind, _ in items):
        return None
    before = text[start - 1] if start else ""
    fraction = text.endswith("分之", 0, start) and not text.endswith(PERCENT_PREFIX, 0, start)
    if before in ("几", "幾", "数", "數") or fraction:
        return None  # 几十多, 数百余: estimates of estimates; 三分之一…
    if len(items) == 1 and items[0][1] != 10:
        return items[0][1] if marker in "余餘" else None
    return _value(items, text, start, end)


def _read(text: str, arabic: dict[int, DigitNumber], start: int, end: int) -> HanNumber | None:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if text[start:end] in ("百", "佰") and text.endswith(PERCENT_PREFIX, 0, start):
        return HanNumber(start, end, Decimal(100))  # 百分之百
    items = _items(text, arabic, start, end)
    if not items or all(kind == "a" for kind, _ in items):
        return None
    if "几" in (before, after) or "幾" in (before, after):
        return None  # 十几, 几十: an estimate
    fraction_before = text.endswith("分之", 0, start) and not text.endswith(PERCENT_PREFIX, 0, start)
    if text.startswith("分之", end) or fraction_before:
        return None  # 三分之一, 千分之五: fractions are not read
    if before == "数" or before == "數":
        if items[0][0] in ("u", "U"):
            return None  # 数十, 数百万: "dozens", "millions"
    if any(kind == "p" for kind, _ in items) and text[end:end + 1] in ("分", "刻"):
        return None  # 三点五分, 十二点一刻: a time of day, not 3.5 or 12.1
    if end - start == 1 and not _lone_is_number(text, start, end):
        return None
    value = _value(items, text, start, end)
    if value is None:
        return None
    year = len(items) == 4 and _positional(items) is not None and text.startswith("年", end)
    if before == "负" or before == "負":
        return HanNumber(start - 1, end, -value, False)
    return HanNumber(start, end, value, year)
