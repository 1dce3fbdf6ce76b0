"""Benchmark: annotated draft + opinion letter for a 20-page draft with 50 findings (target ≤ 1 s).

Prints seconds and ratios against a baseline measured in the same run: python-docx opening and saving
the same draft unchanged (the least any .docx writer must pay). Also 500 findings in one document.

    .venv/bin/python bench/report.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import docx

from reviewer.model import Basis, Finding, Review
from reviewer.numerals import int_to_cn
from reviewer.parsing import parse
from reviewer.report import gbt9704 as g
from reviewer.report import write_annotated, write_letter

SENTENCE = "经营者应当遵守本办法的规定，按照划定区域和时段经营，保持摊位整洁，违者由镇人民政府处五百元罚款。"
BASIS = [
    Basis("中华人民共和国行政处罚法", "第十六条", "除法律、法规、规章外，其他规范性文件不得设定行政处罚。")
]


def make_draft(path: Path, articles: int = 60) -> Path:
    """About 33,000 characters (20 A4 pages in GB/T 9704 layout), bold article labels as separate runs."""
    d = docx.Document()
    g.setup_styles(d)
    g.setup_page(d.sections[0])
    d.add_paragraph("某县城区临时摊点管理办法")
    for i in range(1, articles + 1):
        p = d.add_paragraph()
        g.set_font(p.add_run(f"第{int_to_cn(i)}条"), g.H1_FONT)
        p.add_run("　" + SENTENCE * 11)
    d.save(str(path))
    return path


def findings_for(doc, n: int) -> list[Finding]:
    out, start = [], 0
    step = max(1, doc.text.count("处五百元罚款") // n)
    hits = []
    while (start := doc.text.find("处五百元罚款", start)) >= 0:
        hits.append(start)
        start += 1
    for k, s in enumerate(hits[::step][:n]):
        f = Finding(
            rule_id="BENCH",
            category="penalty",
            severity="error",
            start=s,
            end=s + 6,
            quote="处五百元罚款",
            message="规范性文件自行设定罚款",
            suggestion="删除该罚款规定。",
            basis=BASIS,
            replacement="依法处理",
        )
        f.key = f"k{k}"
        out.append(f)
    return out


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fashen-bench-"))
    src = make_draft(tmp / "draft.docx")
    doc = parse(src)
    print(f"草稿：{len(doc.text)} 字，{len(doc.articles())} 条")
    base = timed(lambda: docx.Document(str(src)).save(str(tmp / "copy.docx")), args.repeat)
    print(f"基线（python-docx 打开并保存）：{base:.3f} s")
    for n in (50, 500):
        fs = findings_for(doc, n)
        rv = Review(document=doc, findings=fs)
        ann = timed(lambda fs=fs: write_annotated(src, fs, tmp / "a.docx", doc=doc), args.repeat)
        tracked = timed(
            lambda fs=fs: write_annotated(src, fs, tmp / "t.docx", doc=doc, tracked_changes=True), args.repeat
        )
        letter = timed(lambda rv=rv: write_letter(rv, tmp / "l.docx"), args.repeat)
        print(
            f"{len(fs)} 个问题：批注稿 {ann:.3f} s（{ann / base:.1f}× 基线），含修订 {tracked:.3f} s"
            f"（{tracked / base:.1f}×），意见书 {letter:.3f} s（{letter / base:.1f}×），"
            f"两份合计 {ann + letter:.3f} s（目标 ≤ 1 s）"
        )


if __name__ == "__main__":
    main()
