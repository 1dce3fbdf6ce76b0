"""Parser benchmark: our parse time per format against the bare extraction floor, measured in one run.

    .venv/bin/python bench/parse.py [--pages 20] [--repeat 7]

Generates a GB/T 9704-style draft of about ``--pages`` pages (.docx, and its PDF with LibreOffice), then
prints medians and ratios: parse(.docx) / python-docx paragraph iteration, parse(.pdf) / pdfplumber
extract_text, and the cold start of ``reviewer --help`` / a bare ``python -c pass``. Targets: ≤ 1.5, ≤ 1.3,
and ≤ 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "samples"))

PHRASES = [
    "有关部门应当按照各自职责做好相关工作",
    "申请人应当如实提交有关材料",
    "行政机关应当自受理之日起依法作出决定",
    "对符合条件的予以办理并告知申请人",
    "不得擅自增加办理条件和环节",
    "监督检查结果应当依法向社会公开",
    "鼓励社会组织和个人积极参与",
    "具体办法由主管部门另行制定",
]


def make_draft(pages: int, folder: Path) -> tuple[Path, Path | None]:
    """A synthetic draft (no real law text) of about ``pages`` A4 pages, as .docx and PDF."""
    from make_samples import new_document, save

    from reviewer.numerals import int_to_cn
    from reviewer.report.pdf import docx_to_pdf

    doc = new_document("某县人民政府规范性文件（征求意见稿）")
    doc.add_paragraph("某县公共服务事项管理办法（征求意见稿）")
    n = 0
    for chapter in range(1, 7):
        doc.add_paragraph(f"第{'一二三四五六'[chapter - 1]}章　第{chapter}部分")
        for _ in range(round(pages * 0.6)):
            n += 1
            body = "，".join(PHRASES[(n + k) % len(PHRASES)] for k in range(5)) + "。"
            doc.add_paragraph(f"第{int_to_cn(n)}条　{body}")
            for item in range(1, 3):
                doc.add_paragraph(f"（{int_to_cn(item)}）{PHRASES[(n + item) % len(PHRASES)]}；")
    docx_path = folder / "draft.docx"
    save(doc, docx_path)
    try:
        return docx_path, docx_to_pdf(docx_path, folder, notes=False)
    except SystemExit:
        return docx_path, None


def median_time(fn, repeat: int) -> float:
    fn()  # warm-up: imports and caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_docx(path: Path) -> None:
    import docx

    for p in docx.Document(str(path)).paragraphs:
        _ = p.text


def bare_pdf(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


def cold_start(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    from reviewer.parsing import parse

    with tempfile.TemporaryDirectory() as tmp:
        docx_path, pdf_path = make_draft(args.pages, Path(tmp))
        doc = parse(docx_path)
        print(f"draft: {len(doc.text)} chars, {len(doc.articles())} articles", end="")
        print(f", PDF {parse(pdf_path).source.pages} pages" if pdf_path else ", no PDF (LibreOffice missing)")
        ours = median_time(lambda: parse(docx_path), args.repeat)
        floor = median_time(lambda: bare_docx(docx_path), args.repeat)
        print(
            f"docx  parse {ours * 1000:7.1f} ms   python-docx paragraphs {floor * 1000:7.1f} ms   "
            f"ratio {ours / floor:.2f} (target ≤ 1.5)"
        )
        if pdf_path:
            ours = median_time(lambda: parse(pdf_path), args.repeat)
            floor = median_time(lambda: bare_pdf(pdf_path), args.repeat)
            print(
                f"pdf   parse {ours * 1000:7.1f} ms   pdfplumber extract_text {floor * 1000:7.1f} ms   "
                f"ratio {ours / floor:.2f} (target ≤ 1.3)"
            )
    exe = str(Path(sys.executable).with_name("reviewer"))
    help_time = cold_start([exe, "--help"], args.repeat)
    python_time = cold_start([sys.executable, "-c", "pass"], args.repeat)
    print(
        f"cli   reviewer --help {help_time * 1000:7.1f} ms   python -c pass {python_time * 1000:7.1f} ms   "
        f"ratio {help_time / python_time:.2f} (target: ≤ 1 s absolute)"
    )


if __name__ == "__main__":
    main()
