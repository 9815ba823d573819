"""Names across scripts: a Latin name and its Chinese transliteration, compared by sound.

News keeps foreign names in Latin letters in Thai and English (``Sturridge``, ``Chelsea``) but
writes them in Han characters in Chinese (``斯图里奇``, ``切尔西``). Chinese transliterations use a
small set of characters chosen for their sound (:data:`TRANSLITERATION`, after the Xinhua
tables of foreign names): a run of two or more of them is taken as a possible name. Both sides
are folded to :func:`trilex.lang.romanize.sound_key` (pinyin for the Han run), and
:func:`sound_links` pairs the keys of one side with the keys of the other that sound alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from trilex.lang.romanize import pinyin, sound_key

#: Han characters that Chinese uses to spell foreign names by sound (and seldom otherwise in
#: pairs): ``斯`` *s*, ``特`` *t*, ``尔`` *r*, ``克`` *k*… Characters common in ordinary words
#: (``于``, ``可``, ``美``, ``国``…) are left out.
TRANSLITERATION = frozenset(
    "阿埃艾爱昂奥澳巴芭柏拜班邦堡鲍贝本比彼毕庇碧宾滨波玻伯勃博卜布查察柴彻楚茨达戴丹德登邓迪笛狄蒂丁"
    "杜敦顿多铎厄恩尔法凡范菲斐费芬丰冯弗伏福甫盖甘冈戈哥格葛根贡古圭哈亨洪胡怀霍基吉加嘉贾杰捷金津卡凯"
    "坎康考柯科克肯库夸奎昆拉腊莱赖兰朗劳勒雷蕾黎里丽利莉廉列林琳凌柳隆卢鲁路伦罗洛吕马玛迈麦曼梅蒙米"
    "密敏莫墨默姆穆纳娜奈南楠瑙内妮尼涅宁纽努诺欧帕潘庞培佩彭蓬皮珀坡普齐奇契恰乔切琴琼丘萨塞赛桑瑟森"
    "沙莎绍舍什施舒斯松苏索塔泰坦汤唐陶特提汀廷图托瓦旺威韦维温翁沃乌伍西希锡席夏谢辛休雅亚扬耶伊因"
    "尤约泽扎詹兹佐祖卓朱芙姬丝黛娅赞琪珊"
)
#: A run of transliteration characters, ``·`` (the dot between given and family name) ending it.
_HAN_NAME = re.compile("[" + "".join(sorted(TRANSLITERATION)) + "]{2,}")
#: A capitalized Latin word of three or more letters (a name, not an acronym).
_LATIN_NAME = re.compile(r"[A-Z][a-z]{2,}")
#: Two keys sound alike from this similarity on (normalized Levenshtein of the sound keys).
SOUND_MATCH = 0.7
#: Keys shorter than this are not compared (too many short keys sound alike).
MIN_KEY = 3


def han_names(text: str) -> Iterator[tuple[int, str]]:
    """``(start, sound key)`` of every run of transliteration characters in ``text``."""
    for match in _HAN_NAME.finditer(text):
        key = sound_key("".join(pinyin(match.group())), is_pinyin=True)
        if len(key) >= MIN_KEY:
            yield match.start(), key


def latin_name_key(token: str) -> str | None:
    """The sound key of a Latin token that looks like a name (``Chelsea`` → ``cansa``), else ``None``."""
    if not _LATIN_NAME.fullmatch(token):
        return None
    key = sound_key(token)
    return key if len(key) >= MIN_KEY else None


def sound_links(keys: Iterable[str], others: Iterable[str]) -> dict[str, frozenset[str]]:
    """For each of ``keys``, the ``others`` that sound like it (normalized Levenshtein similarity
    of the keys, as :func:`trilex.lang.romanize.sound_similarity`, at least :data:`SOUND_MATCH`);
    keys without any are left out."""
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import cdist

    rows, columns = sorted(set(keys)), sorted(set(others))
    if not rows or not columns:
        return {}
    scores = cdist(rows, columns, scorer=Levenshtein.normalized_similarity, score_cutoff=SOUND_MATCH)
    links = {}
    for key, row in zip(rows, scores):
        alike = frozenset(columns[k] for k in row.nonzero()[0])
        if alike:
            links[key] = alike
    return links
