"""Benchmark the rule engine against parsing, in the same run.

    .venv/bin/python bench/engine.py [--repeat N]

Builds a 20-page draft (about 33,000 characters) as .docx the way Word writes one (formatted runs, header,
footer, page breaks; mostly lawful provisions, a problem in one article of ten), then prints
- engine time / .docx parse time (target ≤ 0.50),
- catalog load+compile time (target ≤ 300 ms) and its ratio to the parse time,
- memory held by the loaded catalog (target ≤ 150 MB).
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Pt

from reviewer.api import is_fragment
from reviewer.checks import Context
from reviewer.engine import catalog, run
from reviewer.engine.runner import review
from reviewer.numerals import int_to_cn
from reviewer.parsing import parse

# a typical draft: mostly lawful provisions, a problem in about one article of ten
LAWFUL = [
    "经营者应当依照《中华人民共和国食品安全法》的规定建立进货查验记录制度，如实记录食品的名称、规格和数量。",
    "县市场监督管理局负责本办法的组织实施，县商务局、县公安局、县城市管理局按照各自职责做好相关工作。",
    "对拒不整改的，依照《中华人民共和国安全生产法》第一百零二条的规定处理。",
    "鼓励社会资本参与农贸市场改造提升，符合条件的项目按照公开的标准给予补助，补助条件向社会公布。",
    "行政机关不得要求申请人提交与其申请事项无关的证明材料，能够通过信息共享获取的不再要求申请人提供。",
    "市场开办者应当配备与市场规模相适应的管理人员和保洁人员，保持市场内外环境整洁。",
    "县人民政府将集贸市场建设纳入国民经济和社会发展规划，统筹安排建设用地。",
    "公民、法人或者其他组织对依照本办法作出的行政行为不服的，可以依法申请行政复议或者提起行政诉讼。",
]
PROBLEMS = [
    "违反本办法规定的，由县城市管理局责令改正，处五百元罚款。",
    "从事活禽销售的，须经县商务局审批同意后方可经营。",
    "对其他扰乱市场秩序的行为，视情节轻重予以处理。",
]


def _run(par, text: str, *, bold: bool = False, font: str = "仿宋_GB2312") -> None:
    """A run formatted the way official drafts are (East Asian font, 三号), as Word writes it."""
    run = par.add_run(text)
    run.bold = bold
    run.font.size = Pt(16)
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def build_docx(path: Path, target_chars: int = 33_000) -> int:
    """A 20-page draft as Word saves it: formatted runs split at punctuation, header, footer, page breaks."""
    doc = DocxDocument()
    doc.sections[0].header.paragraphs[0].text = "某县人民政府规范性文件（征求意见稿）"
    doc.sections[0].footer.paragraphs[0].text = "— 1 —"
    _run(doc.add_paragraph(), "某县城区市场秩序管理办法（征求意见稿）", bold=True, font="方正小标宋简体")
    first = doc.add_paragraph()
    _run(first, "第一条　", bold=True, font="黑体")
    _run(first, "为规范市场秩序，根据《中华人民共和国食品安全法》等法律、法规，结合本县实际，制定本办法。")
    n, chars = 2, 0
    while chars < target_chars:
        para = "".join(LAWFUL[(n + k) % len(LAWFUL)] for k in range(2))
        if n % 10 == 0:
            para += PROBLEMS[(n // 10) % len(PROBLEMS)]
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(32)
        p.paragraph_format.line_spacing = Pt(28)
        _run(p, f"第{int_to_cn(n)}条　", bold=True, font="黑体")
        for piece in re.findall(r"[^，。；]+[，。；]?", para):
            _run(p, piece)
        if n % 17 == 0:
            p.add_run().add_break(WD_BREAK.PAGE)
        chars += len(para) + 6
        n += 1
    _run(doc.add_paragraph(), f"第{int_to_cn(n)}条　本办法自2026年9月1日起施行，有效期五年。")
    doc.save(path)
    return chars


def timed(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser(description="规则引擎基准测试")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.docx"
        chars = build_docx(path)
        doc = parse(path)
        parse_s = timed(lambda: parse(path), args.repeat)
    catalog.get()  # warm imports and the process cache
    ctx = Context(fragment=is_fragment(doc))
    engine_s = timed(lambda: run(doc, ctx), args.repeat)
    load_s = timed(catalog.load, args.repeat)
    tracemalloc.start()
    held = catalog.load()
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    findings = len(run(doc, ctx).findings)
    cat = catalog.get()
    python_ids = {r.id for r in cat.rules if r.spec.check == "python"}
    yaml_s = timed(lambda: review(doc, ctx, cat, {r.id for r in cat.rules} - python_ids), args.repeat)
    print(
        f"文档 {len(doc.text)} 字（正文约 {chars} 字），{len(doc.articles())} 条，规则 {len(held.rules)} 条，发现 {findings} 个"
    )
    print(f"基线：解析 .docx        {parse_s * 1000:8.1f} ms")
    print(
        f"引擎审查              {engine_s * 1000:8.1f} ms   与解析之比 {engine_s / parse_s:5.2f}（目标 ≤ 0.50）"
    )
    print(
        f"  其中 YAML 规则      {yaml_s * 1000:8.1f} ms   与解析之比 {yaml_s / parse_s:5.2f}（其余为 Python 检查）"
    )
    print(
        f"加载并编译规则目录    {load_s * 1000:8.1f} ms   与解析之比 {load_s / parse_s:5.2f}（目标 ≤ 300 ms）"
    )
    print(f"规则目录占用内存      {size / 2**20:8.1f} MB  （目标 ≤ 150 MB）")


if __name__ == "__main__":
    main()
