"""Write tests/data/pages/glossary.tbx, the sample glossary of the page tests (run from the
repository root: ``python tests/data/pages/make_glossary.py``).

Five concepts in Thai, Chinese and English with every status, acronyms and short forms, definitions,
contexts with sources, cross-references and external links — and one concept, ``c4``, whose
terms, note and subject field are hostile markup, and a ``javascript:`` link on ``c3``: the pages
must show them as text (``tbx validate`` rightly reports that link).
"""

from trilex.termbase import save
from trilex.termbase.model import (AdminStatus as S, Concept, Context, CrossReference, Definition,
                                   ExternalReference, Term, Termbase)

P, A, D, X = S.PREFERRED, S.ADMITTED, S.DEPRECATED, S.SUPERSEDED
tb = Termbase(title="trilex sample glossary", source_desc=["Made for the page tests (tests/test_pages_*.py)"])

c1 = Concept("c1", subject_field="computing")
c1.definitions.append(Definition("A facility that houses computer systems and their storage.", "ISO/IEC 2382"))
c1.add_term("th-TH", Term("ศูนย์ข้อมูล", status=P, part_of_speech="noun",
                          contexts=[Context("รัฐบาลเปิดศูนย์ข้อมูลแห่งใหม่ที่ชลบุรี", "news.th.txt:3")]))
c1.add_term("th-TH", Term("ศูนย์ดาต้า", status=D, notes=["transliteration; use ศูนย์ข้อมูล"]))
c1.add_term("zh-CN", Term("数据中心", status=P, part_of_speech="noun",
                          contexts=[Context("新的数据中心已经开放。", "news.zh.txt:3")]))
c1.add_term("en-US", Term("data center", status=P, part_of_speech="noun"))
c1.add_term("en-US", Term("data centre", status=A, geographical_usage="en-GB"))
c1.add_term("en-US", Term("DC", status=A, term_type="acronym"))

c2 = Concept("c2", subject_field="computing")
c2.add_term("th-TH", Term("ปัญญาประดิษฐ์", status=P))
c2.add_term("zh-CN", Term("人工智能", status=P))
c2.add_term("zh-CN", Term("人工智慧", status=X, notes=["Traditional-Chinese usage"]))
c2.add_term("en-US", Term("artificial intelligence", status=P))
c2.add_term("en-US", Term("AI", status=A, term_type="acronym"))
c2.cross_references.append(CrossReference("c1", "data center"))

c3 = Concept("c3", subject_field="organisations")
c3.definitions.append(Definition("The China-ASEAN artificial intelligence data center in Nanning.", "seed article 001"))
c3.add_term("th-TH", Term("ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน", status=P))
c3.add_term("th-TH", Term("ศูนย์หนาน เอ", status=A, term_type="shortForm"))
c3.add_term("zh-CN", Term("中国—东盟人工智能数据中心", status=P))
c3.add_term("zh-CN", Term("南 A中心", status=A, term_type="shortForm"))
c3.add_term("en-US", Term("China-ASEAN AI Data Center", status=P))
c3.cross_references += [CrossReference("c1", "data center"), CrossReference("c2", "artificial intelligence")]
c3.external_references += [ExternalReference("https://example.org/nan-a", "project page"),
                           ExternalReference("javascript:alert('xref')", "hostile link")]

c4 = Concept("c4", subject_field="<b>hostile</b> field")
c4.notes.append("</script><script>alert('note')</script><!--")
c4.add_term("en-US", Term("<script>alert('term')</script>", status=A))
c4.add_term("th-TH", Term("<img src=x onerror=alert('th')>", status=A,
                          contexts=[Context("<svg onload=alert('context')>", "<i>source</i>")]))

c5 = Concept("c5")
c5.add_term("th-TH", Term("คลาวด์", status=P))
c5.add_term("th-TH", Term("เมฆคอมพิวเตอร์", status=X))
c5.add_term("zh-CN", Term("云计算", status=P))
c5.add_term("en-US", Term("cloud computing", status=P))

tb.concepts = [c1, c2, c3, c4, c5]
save(tb, "tests/data/pages/glossary.tbx", "tbx3")
