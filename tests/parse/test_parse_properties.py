"""Property tests: node spans nest, quotes equal text slices, parsing is deterministic, never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.numerals import int_to_cn
from reviewer.parsing import parse_text

_LINES = st.one_of(
    st.builds(lambda n, body: f"第{int_to_cn(n)}条\u3000{body}", st.integers(1, 150), st.text(max_size=40)),
    st.builds(lambda n, body: f"第{int_to_cn(n)}章　{body}", st.integers(1, 12), st.text(max_size=8)),
    st.builds(lambda n, body: f"（{int_to_cn(n)}）{body}", st.integers(1, 12), st.text(max_size=30)),
    st.builds(lambda n, body: f"{n}.{body}", st.integers(1, 12), st.text(max_size=30)),
    st.sampled_from(
        ["附件：1.表格", "起草说明", "第一节　通则", "某县人民政府", "2025年1月1日", "（征求意见稿）", ""]
    ),
    st.text(max_size=60),
)
DRAFTS = st.lists(_LINES, max_size=40).map("\n".join)


def _check(text: str) -> None:
    doc = parse_text(text)
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")
    for node in doc.root.walk():
        assert 0 <= node.start <= node.end <= len(doc.text)
        for child in node.children:
            assert node.start <= child.start <= child.end <= node.end
        for left, right in zip(node.children, node.children[1:], strict=False):
            assert left.end <= right.start
    ids = [n.id for n in doc.root.walk()]
    assert len(ids) == len(set(ids))
    md = doc.metadata
    for span in (md.effective_span, md.basis_span, md.validity):
        if span is not None:
            assert doc.text[span.start : span.end] == span.text
    again = parse_text(text)
    assert again.root.to_dict() == doc.root.to_dict() and again.metadata.to_dict() == md.to_dict()


@settings(max_examples=300, deadline=None)
@given(DRAFTS)
def test_structured_drafts(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_arbitrary_text_never_raises(text):
    _check(text)
