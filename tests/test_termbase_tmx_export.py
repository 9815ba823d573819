"""``trilex tbx convert X.tbx Y.tmx``: a termbase as TMX for CAT tools that take glossaries as TM."""

from __future__ import annotations

from click.testing import CliRunner
from lxml import etree

from trilex.cli.main import cli
from trilex.termbase import save
from trilex.termbase.model import AdminStatus, Concept, LanguageSection, Term, Termbase


def test_termbase_exports_as_dtd_valid_tmx(tmp_path, standards):
    termbase = Termbase(lang="en-US", concepts=[Concept("c1", languages=[
        LanguageSection("en-US", [Term("data center", status=AdminStatus.PREFERRED)]),
        LanguageSection("th-TH", [Term("ศูนย์ข้อมูล", status=AdminStatus.PREFERRED),
                                  Term("ดาต้าเซ็นเตอร์", status=AdminStatus.DEPRECATED)]),
        LanguageSection("zh-CN", [Term("数据中心", status=AdminStatus.PREFERRED)]),
    ])])
    source = tmp_path / "terms.tbx"
    save(termbase, source)
    target = tmp_path / "terms.tmx"
    result = CliRunner().invoke(cli, ["tbx", "convert", str(source), str(target)])
    assert result.exit_code == 0, result.output
    tree = etree.parse(str(target))
    assert etree.DTD(str(standards / "tmx" / "tmx14.dtd")).validate(tree)
    assert tree.find("header").get("srclang") == "en-US"
    segs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang"): tuv.findtext("seg")
            for tuv in tree.iter("tuv")}
    assert segs == {"en-US": "data center", "th-TH": "ศูนย์ข้อมูล", "zh-CN": "数据中心"}
    # deprecated terms are not offered to translators as TM
    assert "ดาต้าเซ็นเตอร์" not in target.read_text(encoding="utf-8")
