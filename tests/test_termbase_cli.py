"""``trilex tbx``: exit codes, one-line errors, atomic output, aligned display."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conftest import STANDARDS, need_shared
from test_termbase_schemas import official_v2_errors, official_v3_errors
from trilex.cli.main import cli
from trilex.cli.tbx import display_width
from trilex.termbase import bundled_path, load, load_many, sniff_format

DATA = Path(__file__).parent / "data" / "termbase"
V3_EXAMPLE = STANDARDS / "tbx" / "examples" / "minimal_TBX-Basic_DCA_th-zh-en.tbx"
V2_EXAMPLE = STANDARDS / "tbx" / "examples" / "minimal_TBX-Basic_v2_martif_th-zh-en.tbx"
OFFICIAL = {"tbx3": official_v3_errors, "tbx2": official_v2_errors}


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, ["tbx", *args], input=input)


def test_validate_exit_codes(tmp_path):
    good = need_shared(V3_EXAMPLE)
    bad = tmp_path / "bad.tbx"
    bad.write_text(good.read_text(encoding="utf-8").replace(">abbreviation<", ">abbrev<")
                   .replace('style="dca"', 'style="dct"'), encoding="utf-8")
    broken = tmp_path / "broken.tbx"
    broken.write_bytes(b"<tbx><oops></tbx>")
    assert run("validate", str(good), str(need_shared(V2_EXAMPLE))).exit_code == 0
    invalid = run("validate", "-q", str(good), str(bad))
    assert invalid.exit_code == 1
    lines = invalid.output.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith(f"{bad}:") for line in lines)
    assert f"{bad}:4: style is 'dct'" in invalid.output
    unreadable = run("validate", str(good), str(bad), str(broken))
    assert unreadable.exit_code == 2
    assert f"{broken}:1: malformed XML" in unreadable.output


def test_convert_between_all_formats_through_stdout_and_stdin(tmp_path):
    source = need_shared(V3_EXAMPLE)
    original = load(source)
    for fmt, suffix in (("tbx2", ".tbx"), ("csv", ".csv"), ("tsv", ".tsv"), ("tbx3", ".tbx")):
        out = tmp_path / f"out-{fmt}{suffix}"
        result = run("convert", str(source), str(out), "--to", fmt)
        assert result.exit_code == 0, result.output
        assert sniff_format(out.read_bytes()) == fmt
        assert [t.text for _, t in load(out).terms("th")] == ["หน่วยความจำการแปล"]
        if fmt in OFFICIAL:
            assert OFFICIAL[fmt](out.read_bytes()) == []
    piped = run("convert", "-", "-", "--to", "tbx2", input=source.read_bytes())
    assert piped.exit_code == 0
    assert piped.stdout_bytes.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif')
    assert load(tmp_path / "out-tbx3.tbx") == original


def test_convert_extension_picks_the_format(tmp_path):
    out = tmp_path / "glossary.csv"
    assert run("convert", str(DATA / "v4_usage_status.tbx"), str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("id,en,en_status,en_pos,th,th_status")
    back = tmp_path / "back.tbx"
    assert run("convert", str(out), str(back)).exit_code == 0
    assert sniff_format(back.read_bytes()) == "tbx3"


def test_failed_conversion_leaves_target_untouched(tmp_path):
    target = tmp_path / "keep.tbx"
    target.write_text("old content", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"id,en\nA,server\nA,client\n")
    result = run("convert", str(bad), str(target))
    assert result.exit_code == 2
    assert result.output.strip() == f"{bad}:3: duplicate id 'A' (first used on line 2)"
    assert "Traceback" not in result.output
    assert target.read_text(encoding="utf-8") == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "keep.tbx"]


def test_hostile_file_gives_exit_2_one_line(tmp_path):
    hostile = tmp_path / "x.tbx"
    hostile.write_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY a "b">]>\n<tbx>&a;</tbx>')
    for command in (["stats"], ["show"], ["validate"]):
        result = run(*command, str(hostile))
        assert result.exit_code == 2
        assert result.output.count("\n") == 1 and "entit" in result.output


def test_stats_text_and_json():
    source = need_shared(V3_EXAMPLE)
    text = run("stats", str(source))
    assert text.exit_code == 0
    assert "concepts: 1" in text.output
    assert any(line.split()[:3] == ["zh-CN", "1", "2"] for line in text.output.splitlines())
    data = json.loads(run("stats", str(source), "--format", "json").output)
    assert data["languages"]["zh-CN"]["statuses"]["deprecated"] == 1
    assert data["languages"]["en-US"]["terms"] == 2


def test_show_aligns_thai_and_chinese_columns():
    result = run("show", str(need_shared(V3_EXAMPLE)), "翻译记忆", "--lang", "th", "--lang", "zh",
                 "--lang", "en")
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if line.startswith("  ")]
    header, first, second = lines[:3]
    assert header.split() == ["th-TH", "zh-CN", "en-US"]
    # the English column starts at the same display column on every row
    columns = {display_width(line[: line.index(word)]) for line, word in
               ((header, "en-US"), (first, "translation memory"), (second, "TM"))}
    assert len(columns) == 1
    assert "翻译记忆 !" in second  # deprecated mark


def test_show_query_matches_any_language_and_full_width(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("en,th,zh\nData Center,ศูนย์ข้อมูล,数据中心\nserver,เซิร์ฟเวอร์,服务器\n",
                        encoding="utf-8")
    assert "server" not in run("show", str(glossary), "ศูนย์").output
    full_width = run("show", str(glossary), "ＤＡＴＡ", "--format", "json")
    assert [c["id"] for c in json.loads(full_width.output)] == ["c1"]
    nothing = run("show", str(glossary), "nothing-like-this")
    assert nothing.exit_code == 0 and nothing.stdout == ""


def test_display_width():
    assert display_width("ศูนย์ข้อมูล") == 7  # 11 code points; 4 marks above/below take no column
    assert display_width("数据中心") == 8
    assert display_width("\U00020000a") == 3  # CJK extension B is wide


def test_help_has_examples():
    for command in ("validate", "convert", "stats", "show"):
        assert "Example" in run(command, "--help").output


def test_load_many_merges_in_order(tmp_path):
    merged = load_many([DATA / "v4_usage_status.tbx", DATA / "dct_style.tbx"])
    assert [c.id for c in merged] == ["c10", "d1"]


def test_bundled_path_points_into_the_package():
    path = bundled_path()
    assert path.name == "seed.tbx" and path.parent.name == "data"
    assert path.parent.parent.name == "termbase"


def test_a_tbx_file_that_is_not_xml_is_named_as_such(tmp_path):
    from click.testing import CliRunner

    from trilex.cli.main import cli

    bad = tmp_path / "glossary.tbx"
    bad.write_text("en,th\nfile,ไฟล์\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["tbx", "stats", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{bad}:1: not a termbase: a .tbx file must be XML (TBX v3 <tbx> or TBX v2 <martif>)"
