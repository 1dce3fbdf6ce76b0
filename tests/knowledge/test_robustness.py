"""No knowledge check crashes on arbitrary text made of the characters they parse."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.checks import Context
from reviewer.checks.agencies import renamed
from reviewer.checks.citations import article_range, outdated, unknown
from reviewer.checks.numbers import statutory_numbers
from reviewer.checks.systems import abolished
from reviewer.parsing import parse_text

ALPHABET = "《》〈〉（）()第条款项之至、，。；\n 0123456789一二三四五六七八九十百千万元日个月年%中华人民共和国合同法行政许可复议罚款当场查封工商局暂住证原"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=200))
def test_checks_never_crash(text):
    doc = parse_text(text) if text.strip() else None
    if doc is None:
        return
    ctx = Context(fragment=True)
    for check in (outdated, article_range, unknown, renamed, abolished, statutory_numbers):
        for hit in check(doc, ctx):
            assert 0 <= hit.start < hit.end <= len(doc.text)
