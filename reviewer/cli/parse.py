"""``reviewer parse FILE [--json]``: the clause tree with labels, offsets and metadata."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("parse", help="解析文件，输出条款结构与元数据", description="解析文件，输出条款结构树、偏移量与元数据。")
    p.add_argument("file", help="待解析的文件（.docx/.pdf/.txt/.md/.doc/.wps）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from reviewer.api import parse

    doc = parse(args.file)
    if args.json:
        print(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
        return 0
    md = doc.metadata
    print(f"标题：{md.title or '（未识别）'}")
    for label, value in (("文稿状态", md.draft_marker), ("制定机关", md.issuer), ("文号", md.doc_number),
                         ("施行日期", "自发布之日起" if md.effective_on_publication else md.effective_date),
                         ("有效期", md.validity.text if md.validity else None),
                         ("制定依据", "、".join(f"《{x}》" for x in md.basis_laws) or None)):
        if value:
            print(f"{label}：{value}")
    print()
    for node in doc.root.walk():
        if node.kind == "document":
            continue
        depth = node.id.count("/")
        snippet = doc.text[node.start:node.end].split("\n", 1)[0][:40]
        label = node.label or ""
        print(f"{'  ' * depth}{node.kind:<11} {node.id:<22} [{node.start},{node.end}) {label} {snippet}")
    return 0
