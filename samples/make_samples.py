"""Build the sample drafts in samples/ from the plain-text sources in samples/src/.

Run with ``.venv/bin/python samples/make_samples.py``. Produces:

- stalls.docx            plain .docx: typed labels, a table in the attachment, header and page-number footer
- rental_autonum.docx    articles and items numbered by Word auto-numbering (w:numPr), not typed
- relief_tracked.docx    tracked changes (w:ins / w:del) and a Word comment
- billboards.docx/.pdf   a .docx and the PDF that LibreOffice exports from it
- market_scanned.pdf     a scanned PDF: every page rendered to an image, no text layer
- dogs_gb18030.txt       a GB18030-encoded text file
- bad/encrypted.pdf      a PDF that needs a password (bad-input tests)

Source markup: ``{+text+}`` is a tracked insertion, ``{-text-}`` a tracked deletion, a line starting with
``|`` is a table row. The accepted text of every source (``expected_text``) is what a reader must return.
All drafts are fictitious and were written for this project.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from reviewer.report.pdf import docx_to_pdf

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
FIXED_TIME = datetime(2025, 3, 1, tzinfo=UTC)

ARTICLE = re.compile(r"^(第[一二三四五六七八九十百零]+条)\u3000")
ITEM = re.compile(r"^（[一二三四五六七八九十]+）")
CHAPTER = re.compile(r"^第[一二三四五六七八九十]+章")
HEADING = re.compile(r"^(附件|关于.*起草说明|起草说明)")
CLOSING = re.compile(r"^(清河县.*|柳溪镇.*)(人民政府|局)$|^[0-9〇一二三四五六七八九]{4}年.+日$")
MARKUP = re.compile(r"\{([+-])(.*?)[+-]\}")

# Word auto-numbering used by rental_autonum.docx: level 0 renders 第%1条 (chineseCounting), level 1 （%2）.
NUMBERING_XML = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
    '<w:lvlText w:val="第%1条\u3000"/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
    '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>'
    "</w:abstractNum>"
)


def expected_text(name: str) -> str:
    """The accepted text of a source: insertions kept, deletions dropped, table rows as cells."""
    raw = (SRC / name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        if line.startswith("|"):
            out.extend(line.strip("|").split("|"))
            continue
        out.append(MARKUP.sub(lambda m: m.group(2) if m.group(1) == "+" else "", line))
    return "\n".join(out)


def _font(target, name: str, size: float | None = None, bold: bool | None = None) -> None:
    target.font.name = name
    rpr = target.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), name)
    if size:
        target.font.size = Pt(size)
    if bold is not None:
        target.font.bold = bold


def new_document(header: str, size: float = 16) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    _font(normal, "仿宋_GB2312", size)
    pf = normal.paragraph_format
    pf.line_spacing = Pt(size * 1.75)
    pf.space_before = pf.space_after = Pt(0)
    pf.first_line_indent = Pt(size * 2)
    hp = section.header.paragraphs[0]
    hp.text = header
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp = section.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp.add_run("— ")
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = fp.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif instr == " PAGE ":
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = instr
            run._r.append(it)
        else:
            run.text = instr
    fp.add_run(" —")
    doc.core_properties.created = doc.core_properties.modified = FIXED_TIME.replace(tzinfo=None)
    doc.core_properties.author = "清河县司法局（示例）"
    return doc


def _tracked(paragraph, kind: str, text: str, rid: int) -> None:
    """Append a tracked insertion (w:ins) or deletion (w:del) holding ``text``."""
    el = OxmlElement("w:ins" if kind == "+" else "w:del")
    el.set(qn("w:id"), str(rid))
    el.set(qn("w:author"), "县司法局")
    el.set(qn("w:date"), "2025-03-01T09:00:00Z")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t" if kind == "+" else "w:delText")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    el.append(r)
    paragraph._p.append(el)


def _add_runs(paragraph, line: str, counter: list[int]) -> None:
    pos = 0
    for m in MARKUP.finditer(line):
        if m.start() > pos:
            paragraph.add_run(line[pos : m.start()])
        counter[0] += 1
        _tracked(paragraph, m.group(1), m.group(2), counter[0])
        pos = m.end()
    if pos < len(line):
        paragraph.add_run(line[pos:])


def _numbering(doc: Document) -> int:
    """Add the article/item abstract numbering to numbering.xml; return its w:numId."""
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(NUMBERING_XML)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    numbering.append(num)
    return 90


def _set_num(paragraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def build_docx(
    name: str, header: str, *, autonum: bool = False, comment: str | None = None, size: float = 16
) -> Document:
    """A GB/T 9704-like .docx of the source ``name``."""
    doc = new_document(header, size)
    num_id = _numbering(doc) if autonum else None
    lines = (SRC / name).read_text(encoding="utf-8").splitlines()
    counter = [0]
    table = None
    in_head = True
    for line in lines:
        if line.startswith("|"):
            cells = line.strip("|").split("|")
            if table is None:
                table = doc.add_table(rows=0, cols=len(cells))
                table.style = "Table Grid"
            row = table.add_row()
            for cell, text in zip(row.cells, cells, strict=True):
                cell.paragraphs[0].text = text
                cell.paragraphs[0].paragraph_format.first_line_indent = Pt(0)
            continue
        table = None
        if CHAPTER.match(line) or ARTICLE.match(line):
            in_head = False
        p = doc.add_paragraph()
        m_art, m_item = ARTICLE.match(line), ITEM.match(line)
        if in_head or CHAPTER.match(line) or HEADING.match(line):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.first_line_indent = Pt(0)
            run = p.add_run(line)
            if line is lines[0] or (in_head and "办法" in line and "（" not in line[:1]):
                _font(run, "方正小标宋简体", 22)
            elif not in_head:
                _font(run, "黑体", size)
            continue
        if CLOSING.match(line):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.add_run(line)
            continue
        if autonum and m_art:
            _set_num(p, num_id, 0)
            _add_runs(p, line[m_art.end() :], counter)
        elif autonum and m_item:
            _set_num(p, num_id, 1)
            _add_runs(p, line[m_item.end() :], counter)
        elif m_art:
            _font(p.add_run(m_art.group(0)), "黑体", size)
            _add_runs(p, line[m_art.end() :], counter)
        else:
            _add_runs(p, line, counter)
    if comment:
        target = next(p for p in doc.paragraphs if comment in p.text and p.runs)
        run = next(r for r in target.runs if comment in r.text)
        c = doc.add_comment(
            [run], text="请核实该证明事项是否有法律法规依据。", author="县司法局", initials="司"
        )
        c._comment_elm.set(qn("w:date"), "2025-03-01T09:00:00Z")
    return doc


ENCRYPT = '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"fashen"}}'


def save(doc: Document, path: Path) -> None:
    """Save with fixed zip timestamps so that regenerating gives byte-identical .docx files."""
    buf = io.BytesIO()
    doc.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6]), src.read(info))
    path.write_bytes(out.getvalue())


def scan_pdf(pdf: Path, out: Path, dpi: int = 200) -> None:
    """Render every page of ``pdf`` to a grey image and wrap the images in a PDF with no text layer."""
    import pypdfium2 as pdfium

    images = []
    with pdfium.PdfDocument(str(pdf)) as src:
        for page in src:
            images.append(page.render(scale=dpi / 72).to_pil().convert("L"))
    buf = io.BytesIO()
    images[0].save(
        buf,
        "PDF",
        resolution=dpi,
        save_all=True,
        append_images=images[1:],
        creationDate=FIXED_TIME.timetuple(),
        modDate=FIXED_TIME.timetuple(),
    )
    out.write_bytes(buf.getvalue())


def main() -> None:
    save(build_docx("stalls.txt", "清河县人民政府规范性文件（征求意见稿）"), HERE / "stalls.docx")
    save(build_docx("rental.txt", "清河县住房和城乡建设局", autonum=True), HERE / "rental_autonum.docx")
    save(
        build_docx("relief.txt", "柳溪镇人民政府", comment="村民委员会出具的家庭经济困难证明"),
        HERE / "relief_tracked.docx",
    )
    save(build_docx("billboards.txt", "清河县城市管理局"), HERE / "billboards.docx")
    docx_to_pdf(HERE / "billboards.docx", HERE, notes=False)
    with tempfile.TemporaryDirectory() as tmp:
        market = Path(tmp) / "market.docx"
        save(build_docx("market.txt", "柳溪镇人民政府", size=14), market)
        scan_pdf(docx_to_pdf(market, tmp, notes=False), HERE / "market_scanned.pdf")
    with tempfile.TemporaryDirectory() as tmp:  # bad input: a PDF that needs a password to open
        small = Path(tmp) / "encrypted.docx"
        doc = new_document("加密示例")
        doc.add_paragraph("第一条　本文件用于测试加密 PDF 的处理。")
        save(doc, small)
        (HERE / "bad").mkdir(exist_ok=True)
        shutil.copy(docx_to_pdf(small, tmp, export=ENCRYPT), HERE / "bad" / "encrypted.pdf")
    (HERE / "dogs_gb18030.txt").write_bytes(expected_text("dogs.txt").encode("gb18030"))
    for path in sorted(HERE.glob("**/*.*")):
        if path.suffix in (".docx", ".pdf", ".txt"):
            print(f"{path.relative_to(HERE)}\t{path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
