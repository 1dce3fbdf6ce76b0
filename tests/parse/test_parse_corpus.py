"""The dev corpus drafts parse into the same articles from .docx and PDF as from their Markdown sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.parsing import parse

DRAFTS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev" / "drafts"
PAIRS = (
    [
        (md, md.with_suffix(ext))
        for md in sorted(DRAFTS.glob("*.md"))
        for ext in (".docx", ".pdf")
        if md.with_suffix(ext).exists()
    ]
    if DRAFTS.exists()
    else []
)


def _articles(path: Path) -> list[tuple[str, str]]:
    doc = parse(path)
    return [(a.label, re.sub(r"[\s*#]", "", doc.text[a.start : a.end])) for a in doc.articles()]


@pytest.mark.skipif(not PAIRS, reason="开发语料（../shared/corpus/dev/drafts）不在本机")
@pytest.mark.parametrize(("source", "rendered"), PAIRS, ids=[p[1].name for p in PAIRS])
def test_same_articles_as_markdown(source, rendered):
    expected = _articles(source)
    assert len(expected) >= 10
    assert _articles(rendered) == expected
