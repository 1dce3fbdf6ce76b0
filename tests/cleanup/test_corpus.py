"""Dispositions, statuses, reasons and cross-document pairs on the generated corpus, and the workbook."""

from __future__ import annotations

import json
from collections import Counter

from openpyxl import load_workbook

from reviewer.cleanup import jsonout, xlsx
from reviewer.cleanup.xlsx import CATALOG_HEADER


def test_every_document_is_analysed(corpus, corpus_result):
    _, key = corpus
    assert corpus_result.failures == []
    assert sorted(e.location for e in corpus_result.entries) == sorted(key["documents"])


def test_dispositions_statuses_and_reasons_match_the_key(corpus, corpus_result):
    _, key = corpus
    wrong = []
    for e in corpus_result.entries:
        want = key["documents"][e.location]
        got = {
            "disposition": e.disposition,
            "status": e.status,
            "reasons": sorted({r.code for r in e.reasons}),
        }
        if got != {**want, "reasons": sorted(want["reasons"])}:
            wrong.append((e.location, got, want))
    assert wrong == []
    kinds = Counter(e.disposition for e in corpus_result.entries)
    assert kinds["宣布失效"] >= 20 and kinds["废止"] >= 20 and kinds["修改"] >= 20 and kinds["保留"] >= 100


def test_duplicate_and_conflict_pairs_match_the_key(corpus, corpus_result):
    _, key = corpus
    loc = {e.index: e.location for e in corpus_result.entries}
    got = {(p.kind, *sorted((loc[p.a.doc], loc[p.b.doc]))) for p in corpus_result.pairs}
    want = {(p["kind"], *sorted((p["a"], p["b"]))) for p in key["pairs"]}
    assert got == want
    conflicts = [p for p in corpus_result.pairs if p.kind == "冲突"]
    assert all(p.difference for p in conflicts)


def test_reasons_name_the_superseding_document(corpus_result):
    by_index = {e.index: e for e in corpus_result.entries}
    superseded = [e for e in corpus_result.entries if e.superseded_by is not None]
    assert superseded
    for e in superseded:
        later = by_index[e.superseded_by]
        text = " ".join(r.text for r in e.reasons if r.code == "superseded")
        assert later.title in text


def test_workbook_reads_back(tmp_path, corpus_result):
    path = xlsx.write(corpus_result, tmp_path / "清理目录.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["清理目录", "问题明细", "重复与冲突", "无法处理", "汇总"]
    ws = wb["清理目录"]
    assert tuple(c.value for c in ws[1]) == CATALOG_HEADER
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:K{len(corpus_result.entries) + 1}"
    assert ws["B2"].font.name == "宋体"
    assert ws.column_dimensions["I"].width >= 40
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(corpus_result.entries)
    by_location = {r[10]: r for r in rows}
    for e in corpus_result.entries:
        row = by_location[e.location]
        assert row[7] == e.disposition and row[6] == e.status and row[2] == (e.record["doc_number"] or None)
        if e.reasons:
            assert e.reasons[0].text in row[8]
    pairs = list(wb["重复与冲突"].iter_rows(min_row=2, values_only=True))
    assert len(pairs) == len(corpus_result.pairs)
    assert {r[1] for r in pairs} == {"重复", "冲突"}
    summary = wb["汇总"]
    assert summary._charts, "汇总 has a chart"
    counts = {r[0]: r[1] for r in summary.iter_rows(min_row=2, values_only=True)}
    assert counts["宣布失效"] == sum(e.disposition == "宣布失效" for e in corpus_result.entries)


def test_json_output(tmp_path, corpus_result):
    data = json.loads(jsonout.write(corpus_result, tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(data["documents"]) == len(corpus_result.entries)
    assert {d["disposition"] for d in data["documents"]} == {"宣布失效", "废止", "修改", "保留"}
    assert all(p["a"]["location"] != p["b"]["location"] for p in data["pairs"])
