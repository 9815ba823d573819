"""One rule for every XML reader (issue 11): a reference to an entity nothing declares is refused
with file and line — in text and in attribute values, which libxml2 would otherwise drop."""

from __future__ import annotations

import pytest

from trilex.bitext import read_document
from trilex.errors import InputError
from trilex.tm.tmx_read import read_tmx

DOCTYPE_TMX = '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
HEADER = ('<tmx version="1.4"><header srclang="en" creationtool="t" creationtoolversion="1" segtype="sentence" '
          'o-tmf="t" adminlang="en" datatype="plaintext"/>\n')


@pytest.mark.parametrize("unit, line", [
    ('<tu changedate="&x;"><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="th"><seg>ก</seg></tuv></tu>', 4),
    ('<tu><tuv xml:lang="en"><seg>a &x; b</seg></tuv><tuv xml:lang="th"><seg>ก</seg></tuv></tu>', 4),
])
def test_tmx_refuses_an_undeclared_entity_in_an_attribute_or_a_segment(tmp_path, unit, line):
    path = tmp_path / "e.tmx"
    path.write_text(DOCTYPE_TMX + HEADER + "<body>" + unit + "</body></tmx>\n", encoding="utf-8")
    for read in (lambda: list(read_tmx(str(path))[1]), lambda: read_document(str(path), target_lang="th")):
        with pytest.raises(InputError) as caught:
            read()
        assert (caught.value.line, caught.value.message.split(" (")[0]) == (line, "unresolved entity reference &x;")


def test_xliff_refuses_an_undeclared_entity_in_an_attribute(tmp_path):
    path = tmp_path / "e.xlf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "xliff.dtd">\n'
                    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
                    '<file source-language="en" target-language="th" datatype="plaintext" original="&o;">\n'
                    '<body><trans-unit id="1"><source>a</source><target>ก</target></trans-unit></body></file></xliff>\n',
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_document(str(path))
    assert caught.value.line == 4 and "&o;" in caught.value.message
