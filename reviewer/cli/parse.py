"""``reviewer parse FILE [--json]``: the clause tree with labels, offsets and metadata.

Exit codes: 0 parsed; 2 usage error; 3 the file was rejected (empty, corrupt, encrypted, too large …).
"""

from __future__ import annotations

import argparse

KIND_NAMES = {
    "part": "编",
    "chapter": "章",
    "section": "节",
    "article": "条",
    "paragraph": "款",
    "item": "项",
    "subitem": "目",
    "title": "标题",
    "preamble": "前言",
    "attachment": "附件",
    "explanation": "起草说明",
    "closing": "落款",
}
FORMAT_NAMES = {
    "docx": "Word（.docx）",
    "doc": "Word 97-2003（.doc，经 LibreOffice 转换）",
    "wps": "WPS（.wps，经 LibreOffice 转换）",
    "rtf": "RTF（经 LibreOffice 转换）",
    "odt": "OpenDocument（.odt，经 LibreOffice 转换）",
    "pdf": "PDF（文字层）",
    "pdf-ocr": "PDF（扫描件，OCR 识别）",
    "txt": "纯文本",
    "md": "Markdown",
    "text": "文本",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "parse",
        help="解析文件，输出条款结构与元数据",
        description="解析文件，输出条款结构树（编章节条款项目）、偏移量与元数据。文件格式按内容识别。",
        epilog="退出码：0 成功；2 参数错误；3 文件被拒绝（为空、损坏、加密、过大等）。",
    )
    p.add_argument("file", help="待解析的文件（.docx/.doc/.wps/.pdf/.txt/.md）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（含全文、结构树、元数据）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from reviewer.api import parse

    doc = parse(args.file)
    if args.json:
        print(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
        return 0
    md = doc.metadata
    validity = None
    if md.validity:
        validity = md.validity.text + (f"（至 {md.validity.until}）" if md.validity.until else "")
    effective = "自发布之日起" if md.effective_on_publication else md.effective_date
    print(
        f"格式：{FORMAT_NAMES.get(doc.source.format, doc.source.format)}"
        + (f"，{doc.source.pages} 页" if doc.source.pages else "")
    )
    print(f"标题：{md.title or '（未识别）'}")
    for label, value in (
        ("文稿状态", md.draft_marker),
        ("制定机关", md.issuer),
        ("文号", md.doc_number),
        ("成文日期", md.issue_date),
        ("施行日期", effective),
        ("有效期", validity),
        ("制定依据", "、".join(f"《{x}》" for x in md.basis_laws) or None),
    ):
        if value:
            print(f"{label}：{value}")
    for warning in doc.warnings:
        print(f"提示：{warning}")
    print(f"共 {len(doc.articles())} 条，{len(doc.text)} 字。")
    print()
    for node in doc.root.walk():
        if node.kind == "document":
            continue
        depth = node.id.count("/")
        label = node.label or KIND_NAMES.get(node.kind, node.kind)
        snippet = doc.text[node.start : node.end].split("\n", 1)[0]
        if node.label and snippet.startswith(node.label):
            snippet = snippet[len(node.label) :].lstrip()
        snippet = snippet[:36] + ("…" if len(snippet) > 36 else "")
        print(f"{'  ' * depth}{label} [{node.start},{node.end}) {node.id}  {snippet}")
    return 0
