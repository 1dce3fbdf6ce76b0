"""Golden outputs for the samples, compared on normalised content (text, anchors, styles), not bytes.

Each golden file stores the review it was made from (findings, as of, catalog version), so rule changes
do not churn it; the outputs are re-rendered from that review and compared. Regenerate on purpose only:
``UPDATE_GOLDEN=1 .venv/bin/pytest tests/report/test_golden.py``. Checklist coverage is left out: it
follows the rule catalog and is tested in test_letter.py.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import docx
import pytest
from report_helpers import comment_anchors

from reviewer.model import Basis, Finding, Review
from reviewer.parsing import parse
from reviewer.report import report_dict, to_markdown, write_annotated, write_letter

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
SAMPLES = sorted(p for p in (ROOT / "samples").glob("*") if p.suffix in (".docx", ".txt"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def test_update_golden_flag_is_off():
    assert not UPDATE, "UPDATE_GOLDEN=1 只用于有意重新生成基准输出，不能在 CI 中开启"


def _review_from_engine(path: Path) -> dict:
    from reviewer.api import review

    rv = review(parse(path))
    return {
        "as_of": rv.as_of.isoformat() if rv.as_of else None,
        "catalog_version": rv.catalog_version,
        "findings": [f.to_dict() for f in rv.findings],
    }


def _review_from_golden(path: Path, stored: dict) -> Review:
    findings = []
    for d in stored["findings"]:
        d = dict(d, basis=[Basis(**b) for b in d["basis"]])
        findings.append(Finding(**d))
    return Review(
        document=parse(path),
        findings=findings,
        catalog_version=stored["catalog_version"],
        as_of=date.fromisoformat(stored["as_of"]) if stored["as_of"] else None,
    )


def _outputs(path: Path, rv: Review, tmp: Path) -> dict:
    ann = tmp / "a.docx"
    write_annotated(path, rv.findings, ann, doc=rv.document)
    letter = docx.Document(str(write_letter(rv, tmp / "l.docx")))
    paragraphs = [[p.style.name, p.text] for p in letter.paragraphs]
    paragraphs = [p for p in paragraphs if not p[1].startswith("审查事项清单共")]
    data = report_dict(rv)
    data.pop("checked")
    data.pop("generator")
    md = to_markdown(rv).split("## 已审查事项")[0]
    return {
        "annotated": sorted(comment_anchors(ann).items()),
        "letter": paragraphs,
        "report": data,
        "markdown": md,
    }


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_golden(path, tmp_path):
    gold = GOLDEN / f"{path.name}.json"
    if UPDATE:
        stored = _review_from_engine(path)
        rv = _review_from_golden(path, stored)
        out = {"review": stored, **_outputs(path, rv, tmp_path)}
        gold.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not gold.exists():
        pytest.skip(f"{gold.name} 不存在：用 UPDATE_GOLDEN=1 生成")
    expected = json.loads(gold.read_text(encoding="utf-8"))
    rv = _review_from_golden(path, expected["review"])
    got = json.loads(json.dumps(_outputs(path, rv, tmp_path), ensure_ascii=False))
    for part in ("annotated", "letter", "report", "markdown"):
        assert got[part] == expected[part], part
