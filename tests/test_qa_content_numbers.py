"""``number-mismatch`` (check/qa/content/numbers.py) run through ``run_check`` on one-unit documents.

The number reader itself (lang/numbers.py and its helpers) has its own tests in
test_lang_numbers.py; these test the CHECK: which source numbers must meet a target number,
how the finding names both values, what is not read (placeholders, markup, decades) and what the
target may add. Each "equivalent" target is paired with a "changed" one, so a test of a
no-finding case can only pass while the check is really reading that language.
"""

from __future__ import annotations

import pytest

from trilex.bitext.model import BilingualDocument, Segment
from trilex.check.engine import CheckOptions, run_check
from trilex.check.findings import Severity
from trilex.check.index import TermIndex
from trilex.termbase.model import Termbase

CODE = "number-mismatch"
NO_TERMS = TermIndex(Termbase())


def findings(source: str, target: str, target_lang: str, source_lang: str = "en"):
    """The number-mismatch findings of one unit (a TSV-like document with one segment on line 2)."""
    document = BilingualDocument("doc.tsv", source_lang, target_lang, [Segment(source, target, "doc.tsv", 2)], "tsv")
    found = run_check([document], NO_TERMS, CheckOptions(checks=[CODE])).findings
    assert all(f.check == CODE for f in found)
    return found


def assert_equivalent_and_changed(source, same, changed, target_lang, source_lang="en"):
    assert findings(source, same, target_lang, source_lang) == [], f"{same!r} should give no finding"
    found = findings(source, changed, target_lang, source_lang)
    assert len(found) == 1, f"{changed!r} should give one finding: {found}"
    return found[0]


# --- years: B.E. = C.E. + 543 ------------------------------------------------------------------
# Rule: the Buddhist Era is the Christian Era + 543 (Royal Institute); Thai government documents
# date by B.E. (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ: official letters carry พ.ศ. years), and
# Thai text may write the year with Thai digits (CLDR numbering system "thai", ๐–๙).

SOURCE_YEAR = "The plan was approved in 2025."


@pytest.mark.parametrize("same, changed", [
    ("แผนได้รับอนุมัติในปี 2568", "แผนได้รับอนุมัติในปี 2567"),            # bare B.E. year after ปี
    ("แผนได้รับอนุมัติเมื่อ พ.ศ. 2568", "แผนได้รับอนุมัติเมื่อ พ.ศ. 2569"),  # marked B.E.
    ("แผนได้รับอนุมัติในปี ๒๕๖๘", "แผนได้รับอนุมัติในปี ๒๕๖๗"),            # Thai digits (CLDR)
    ("แผนได้รับอนุมัติเมื่อ พ.ศ. ๒๕๖๘", "แผนได้รับอนุมัติเมื่อ พ.ศ. ๒๕๖๙"),
    ("แผนได้รับอนุมัติในปี ค.ศ. 2025", "แผนได้รับอนุมัติในปี ค.ศ. 2024"),    # the C.E. year kept
    ("แผนได้รับอนุมัติในปี 2025", "แผนได้รับอนุมัติในปี 2026"),
    ("แผนได้รับอนุมัติในปี 68", "แผนได้รับอนุมัติในปี 67"),                # short form of Thai documents
])
def test_a_thai_target_may_give_the_year_in_the_buddhist_era(same, changed):
    finding = assert_equivalent_and_changed(SOURCE_YEAR, same, changed, "th")
    assert finding.source_span.text == "2025"
    assert "'2025' (year 2025 = 2568)" in finding.message


def test_a_chinese_target_gives_the_year_with_nian():
    # GB/T 15835-2011: years in Arabic digits, 2025年.
    assert_equivalent_and_changed(SOURCE_YEAR, "该计划于2025年获批。", "该计划于2024年获批。", "zh-CN")


def test_years_between_chinese_and_thai_both_ways():
    assert_equivalent_and_changed("该计划于2025年获批。", "แผนได้รับอนุมัติเมื่อ พ.ศ. 2568",
                                  "แผนได้รับอนุมัติเมื่อ พ.ศ. 2567", "th", source_lang="zh-CN")
    assert_equivalent_and_changed("แผนได้รับอนุมัติเมื่อ พ.ศ. 2568", "该计划于2025年获批。", "该计划于2024年获批。",
                                  "zh-CN", source_lang="th")


def test_a_wrong_year_is_reported_with_both_readings():
    [finding] = findings(SOURCE_YEAR, "แผนได้รับอนุมัติในปี 2567", "th")
    assert finding.severity is Severity.ERROR
    assert finding.message == ("the source number '2025' (year 2025 = 2568) is not in the target; "
                               "the target has '2567' (year 2024 = 2567)")
    assert (finding.source_span.start, finding.source_span.end) == (25, 29)
    assert finding.target_span.text == "2567"
    assert "แผนได้รับอนุมัติในปี 2567"[finding.target_span.start:finding.target_span.end] == "2567"
    assert finding.fix is None  # which number is wrong is for the translator to say


# --- dates ----------------------------------------------------------------------------------------
# Rule: Thai government style writes the day, the month name (or its abbreviation ก.พ.) and the
# B.E. year: "23 กุมภาพันธ์ 2568", "23 ก.พ. 68"; Chinese 2025年2月23日 (GB/T 15835-2011, 4.2).

SOURCE_DATE = "The bridge opened on February 23, 2025."


@pytest.mark.parametrize("same, changed", [
    ("สะพานเปิดเมื่อวันที่ 23 กุมภาพันธ์ พ.ศ. 2568", "สะพานเปิดเมื่อวันที่ 24 กุมภาพันธ์ พ.ศ. 2568"),
    ("สะพานเปิดเมื่อวันที่ 23 กุมภาพันธ์ 2568", "สะพานเปิดเมื่อวันที่ 23 มีนาคม 2568"),
    ("สะพานเปิดเมื่อวันที่ 23 ก.พ. 2568", "สะพานเปิดเมื่อวันที่ 23 มี.ค. 2568"),
    ("สะพานเปิดเมื่อวันที่ 23 ก.พ. 68", "สะพานเปิดเมื่อวันที่ 23 ก.พ. 67"),
    ("สะพานเปิดเมื่อวันที่ ๒๓ ก.พ. ๒๕๖๘", "สะพานเปิดเมื่อวันที่ ๒๒ ก.พ. ๒๕๖๘"),
])
def test_thai_dates_in_government_style(same, changed):
    finding = assert_equivalent_and_changed(SOURCE_DATE, same, changed, "th")
    assert finding.source_span.text == "February 23, 2025"
    assert "(date 2025-02-23)" in finding.message


def test_a_chinese_date_with_another_day_names_both_dates():
    finding = assert_equivalent_and_changed(SOURCE_DATE, "大桥于2025年2月23日通车。", "大桥于2025年2月24日通车。",
                                            "zh-CN")
    assert finding.message == ("the source number 'February 23, 2025' (date 2025-02-23) is not in the target; "
                               "the target has '2025年2月24日' (date 2025-02-24)")
    assert finding.target_span.text == "2025年2月24日"


# --- scales, percentages, Thai digits and number words ------------------------------------------
# Rule: 万 = 10⁴ and 亿 = 10⁸ with Arabic digits or Chinese numerals (GB/T 15835-2011, 5.1);
# Thai หมื่น 10⁴, แสน 10⁵, ล้าน 10⁶; ร้อยละ N and 百分之N are N per cent.


@pytest.mark.parametrize("source, same, changed, lang", [
    ("10,000 people attended.", "1万人出席。", "2万人出席。", "zh-CN"),
    ("10,000 people attended.", "一万人出席。", "十万人出席。", "zh-CN"),
    ("10,000 people attended.", "มีผู้เข้าร่วม 1 หมื่นคน", "มีผู้เข้าร่วม 2 หมื่นคน", "th"),
    ("10,000 people attended.", "มีผู้เข้าร่วมหนึ่งหมื่นคน", "มีผู้เข้าร่วมหนึ่งแสนคน", "th"),
    ("The budget is 350 million baht.", "预算为3.5亿泰铢。", "预算为3.5万泰铢。", "zh-CN"),
    ("The budget is 350 million baht.", "งบประมาณ 350 ล้านบาท", "งบประมาณ 35 ล้านบาท", "th"),
    ("The debt is 1.2 billion.", "债务为12亿。", "债务为1.2亿。", "zh-CN"),
    ("The debt is 1.2 billion.", "หนี้ 1,200 ล้าน", "หนี้ 120 ล้าน", "th"),
    ("It has 3.5 million users.", "มีผู้ใช้ 3 ล้าน 5 แสนคน", "มีผู้ใช้ 3 ล้าน 4 แสนคน", "th"),
    ("It has 3.5 million users.", "拥有350万用户。", "拥有35万用户。", "zh-CN"),
    ("It has 3.5 million users.", "拥有三百五十万用户。", "拥有三百万用户。", "zh-CN"),
    ("A $5m deal.", "ข้อตกลงมูลค่า 5 ล้านดอลลาร์", "ข้อตกลงมูลค่า 5 แสนดอลลาร์", "th"),
])
def test_scale_words_are_compared_as_values(source, same, changed, lang):
    finding = assert_equivalent_and_changed(source, same, changed, lang)
    assert finding.target_span is not None  # one number missing, one left over: both are shown


def test_thai_scale_to_chinese_scale():
    finding = assert_equivalent_and_changed("预算为3.5亿泰铢。", "งบประมาณ 350 ล้านบาท", "งบประมาณ 3.5 ล้านบาท",
                                            "th", source_lang="zh-CN")
    assert finding.message == ("the source number '3.5亿' (350,000,000) is not in the target; "
                               "the target has '3.5 ล้าน' (3,500,000)")


@pytest.mark.parametrize("same, changed, lang", [
    ("ร้อยละ 50 ของผู้ใช้", "ร้อยละ 60 ของผู้ใช้", "th"),
    ("50 เปอร์เซ็นต์ของผู้ใช้", "55 เปอร์เซ็นต์ของผู้ใช้", "th"),
    ("ร้อยละห้าสิบของผู้ใช้", "ร้อยละห้าของผู้ใช้", "th"),
    ("ร้อยละ ๕๐ ของผู้ใช้", "ร้อยละ ๕ ของผู้ใช้", "th"),
    ("百分之五十的用户", "百分之六十的用户", "zh-CN"),
    ("百分之50的用户", "百分之5的用户", "zh-CN"),
    ("５０％的用户", "６０％的用户", "zh-CN"),
])
def test_percentages(same, changed, lang):
    finding = assert_equivalent_and_changed("50% of users", same, changed, lang)
    assert finding.message.startswith("the source number '50%' (50%) is not in the target; the target has ")
    assert finding.message.endswith("%)")


@pytest.mark.parametrize("same, changed, lang", [
    ("ลบ ๕ ไฟล์แล้ว", "ลบ ๖ ไฟล์แล้ว", "th"),  # CLDR: the "thai" numbering system
    ("ลบห้าไฟล์แล้ว", "ลบหกไฟล์แล้ว", "th"),
    ("已删除五个文件。", "已删除六个文件。", "zh-CN"),
    ("已删除 5 个文件。", "已删除 15 个文件。", "zh-CN"),
])
def test_thai_digits_and_number_words(same, changed, lang):
    assert_equivalent_and_changed("Deleted 5 files.", same, changed, lang)


def test_thai_digits_with_separators_and_decimals():
    assert_equivalent_and_changed("Price: 1,250.50 baht", "ราคา ๑,๒๕๐.๕๐ บาท", "ราคา ๑,๒๕๐.๐๕ บาท", "th")


def test_the_sign_of_a_number_counts():
    finding = assert_equivalent_and_changed("It was -5 degrees.", "อุณหภูมิ -5 องศา", "อุณหภูมิ 5 องศา", "th")
    assert finding.message == "the source number '-5' (-5) is not in the target; the target has '5' (5)"


# --- times -----------------------------------------------------------------------------------------
# Rule: the Thai official way to write a time is hours.minutes น. ("10.30 น.", Royal Institute).


def test_a_thai_time_with_a_point_is_hours_and_minutes():
    assert_equivalent_and_changed("The meeting starts at 10:30.", "การประชุมเริ่มเวลา 10.30 น.",
                                  "การประชุมเริ่มเวลา 10.40 น.", "th")


def test_a_target_time_written_4_40_is_hour_and_minutes():
    finding = assert_equivalent_and_changed("The market opened at 4:40.", "市场于4.40开市。", "市场于4.50开市。",
                                            "zh-CN")
    assert finding.source_span.text == "40"


def test_a_time_in_thai_digits_is_hour_and_minutes():
    assert findings("He entered the market at 4.40 am.", "เขาเข้าไปในตลาดเวลาตี 4.40", "th") == []  # control
    assert findings("He entered the market at 4.40 am.", "เขาเข้าไปในตลาดเวลาตี ๔.๔๐", "th") == []


@pytest.mark.parametrize("same, changed, lang", [("การประชุมเริ่มเวลา 17.30 น.", "การประชุมเริ่มเวลา 18.30 น.", "th"),
                                                  ("会议于17:30开始。", "会议于18:30开始。", "zh-CN")])
def test_a_12_hour_time_given_in_the_24_hour_clock(same, changed, lang):
    # Thai official style writes times on the 24-hour clock: 5:30 pm is 17.30 น.
    finding = assert_equivalent_and_changed("The meeting starts at 5:30 pm.", same, changed, lang)
    assert finding.source_span.text == "5"


# --- what the check requires and what it leaves alone ---------------------------------------------


def test_each_target_number_stands_for_one_source_number():
    source = "Moved 5 files and 5 folders."
    assert findings(source, "ย้าย 5 ไฟล์และ 5 โฟลเดอร์แล้ว", "th") == []
    [finding] = findings(source, "ย้าย 5 ไฟล์และโฟลเดอร์แล้ว", "th")
    assert finding.source_span.start == source.rindex("5")  # the second 5 is the one left over
    assert finding.message == "the source number '5' (5) is not in the target"
    assert finding.target_span is None


def test_several_missing_numbers_are_each_reported_without_a_target_span():
    found = findings("Between 10 and 20 items, 30 days.", "ระหว่าง 11 ถึง 21 รายการ 31 วัน", "th")
    assert [f.source_span.text for f in found] == ["10", "20", "30"]
    assert all(f.target_span is None for f in found)
    assert all("the target has '11' (11), '21' (21), '31' (31)" in f.message for f in found)


def test_numbers_the_target_adds_are_not_reported():
    # A Thai translation may add the B.E. year or spell out what the source implies.
    assert findings("Updated this year.", "อัปเดตในปี พ.ศ. 2568", "th") == []
    assert findings("Version 2 is out.", "เวอร์ชัน 2 (พ.ศ. 2568) ออกแล้ว", "th") == []
    assert findings("No numbers here.", "这里没有 3 个数字。", "zh-CN") == []


def test_a_decade_is_not_a_year_but_a_year_is():
    assert findings("Popular in the 1980s.", "在20世纪80年代很流行。", "zh-CN") == []
    assert findings("Popular in the 1980s.", "ได้รับความนิยมในทศวรรษ 1980", "th") == []
    [finding] = findings("Popular in 1980.", "在20世纪80年代很流行。", "zh-CN")
    assert finding.source_span.text == "1980"


def test_a_decade_before_1900_is_not_required():
    assert findings("Popular in the 1880s.", "在19世纪80年代很流行。", "zh-CN") == []


@pytest.mark.parametrize("source, same, changed, lang", [
    # printf positions, ICU/.NET arguments and markup are codes, not numbers (masking.py)
    ("Deleted %1$s of 3 files", "ลบ %1$s จาก 3 ไฟล์", "ลบ %1$s จาก 4 ไฟล์", "th"),
    ("Page {0} of 10", "第 {0} 页，共 10 页", "第 {0} 页，共 11 页", "zh-CN"),
    ("<h2>3 steps</h2>", "<h2>3 ขั้นตอน</h2>", "<h2>4 ขั้นตอน</h2>", "th"),
])
def test_placeholders_and_tags_are_not_numbers(source, same, changed, lang):
    finding = assert_equivalent_and_changed(source, same, changed, lang)
    # only the real number is named: not the 1 of %1$s, the 0 of {0} or the 2 of <h2>
    assert finding.source_span.text in ("3", "10")
    assert "'1'" not in finding.message and "'0'" not in finding.message and "'2'" not in finding.message


def test_reordered_or_renumbered_placeholders_are_not_number_findings():
    assert findings("Deleted %1$s of %2$s files", "已删除 %2$s 中的 %1$s 个文件", "zh-CN") == []
    assert findings("Deleted %1$s items", "ลบ %2$s รายการ", "th") == []  # placeholder-mismatch's business


def test_numbers_inside_identifiers_are_compared_as_digit_runs():
    assert_equivalent_and_changed("Call 02-123-4567 about COVID-19.", "โทร 02-123-4567 เรื่องโควิด-19",
                                  "โทร 02-123-4568 เรื่องโควิด-19", "th")
    assert findings("Version 2.5.1", "เวอร์ชัน 2.5.1", "th") == []


@pytest.mark.parametrize("source, target", [("More than 5.5 million Syrians have fled.", "已有550多万叙利亚人逃离。"),
                                            ("More than 100,000 people.", "10多万人。")])
def test_an_approximate_chinese_scale(source, target):
    # GB/T 15835-2011 3.3 (概数): 550多万 is "5.5 million and more"
    assert findings(source, target, "zh-CN") == []
    assert len(findings(source, target.replace("550", "450").replace("10多", "20多"), "zh-CN")) == 1


@pytest.mark.parametrize("estimate", ["หลายสิบ", "หลายสิบๆ"])
def test_a_thai_estimate_is_not_the_number_ten(estimate):
    target = f"หมู่บ้าน{estimate}แห่งถูกทำลาย และมีผู้เสียชีวิต 11 คน"
    [finding] = findings("Dozens of villages were destroyed and 10 people died.", target, "th")
    assert finding.source_span.text == "10"


# --- known false reports ---------------------------------------------------------------------------


@pytest.mark.parametrize("target, lang", [("อัปเดตเมื่อ February 24, 2023", "th"), ("更新于 February 24, 2023", "zh-CN")])
def test_a_date_kept_in_english_in_the_target(target, lang):
    assert findings("Updated on February 24, 2023.", target, lang) == []


@pytest.mark.parametrize("source, lang, target", [("删除三个文件。", "zh-CN", "Delete three files."),
                                                  ("มีห้าคน", "th", "There are five people.")])
def test_a_number_word_translated_by_an_english_number_word(source, lang, target):
    control = "Delete 3 files." if lang == "zh-CN" else "There are 5 people."
    assert findings(source, control, "en", lang) == []
    assert findings(source, target, "en", lang) == []
