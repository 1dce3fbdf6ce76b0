"""Golden structure trees of the samples; regenerate on purpose with ``UPDATE_GOLDEN=1 pytest tests/parse``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from parse_helpers import SAMPLES

from reviewer.parsing import parse

GOLDEN = Path(__file__).parent / "golden"
SAMPLE_FILES = [
    "stalls.docx",
    "rental_autonum.docx",
    "relief_tracked.docx",
    "billboards.docx",
    "billboards.pdf",
    "dogs_gb18030.txt",
]


def snapshot(name: str) -> dict:
    doc = parse(SAMPLES / name)
    return {
        "source": {"format": doc.source.format, "pages": doc.source.pages},
        "metadata": doc.metadata.to_dict(),
        "extras": doc.extras,
        "tree": doc.root.to_dict(doc.text),
    }


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_golden_tree(name):
    path = GOLDEN / f"{name}.json"
    got = snapshot(name)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert path.exists(), f"缺少基准文件 {path.name}：请用 UPDATE_GOLDEN=1 生成"
    assert got == json.loads(path.read_text(encoding="utf-8"))
