"""``reviewer laws list|status|show|import``: the law catalog and the optional local law library."""

from __future__ import annotations

import argparse
import re
from datetime import date


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "laws", help="法律目录与法律文本库", description="查询法律目录（现行/废止状态）和本地法律文本库。"
    )
    laws_sub = p.add_subparsers(dest="laws_command", metavar="操作")
    p.set_defaults(func=lambda a: p.print_help() or 2)

    ls = laws_sub.add_parser(
        "list", help="列出目录中的法律法规", description="列出法律目录，可按层级、状态筛选。"
    )
    ls.add_argument("--level", help="层级：法律、行政法规、部门规章……")
    ls.add_argument("--status", choices=["现行有效", "已修改", "已废止", "尚未施行"], help="只列出该状态")
    ls.add_argument("--as-of", type=_date, help="判断状态的日期（默认今天）")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(func=run_list)

    st = laws_sub.add_parser(
        "status", help="查询一部法律在某日的状态", description="查询法律法规在某日的效力状态与现行版本。"
    )
    st.add_argument("title", help="法律名称：全称、简称均可，可带版本说明")
    st.add_argument("--as-of", type=_date, help="判断状态的日期（默认今天）")
    st.add_argument("--json", action="store_true", help="以 JSON 输出")
    st.set_defaults(func=run_status)

    sh = laws_sub.add_parser(
        "show",
        help="显示条文原文（需先导入法律文本库）",
        description="显示本地法律文本库中的条文，如：reviewer laws show 行政许可法 第十七条",
    )
    sh.add_argument("title", help="法律名称，或“名称第×条”")
    sh.add_argument("article", nargs="?", help="条文序号，如 第十七条 或 17")
    sh.add_argument("--as-of", type=_date, help="显示该日施行的版本（默认最新版本）")
    sh.add_argument(
        "--db", help="法律文本库文件（默认 $FASHEN_LAWLIB_DB 或 ~/.local/share/fashen/lawlib.sqlite3）"
    )
    sh.set_defaults(func=run_show)

    im = laws_sub.add_parser(
        "import",
        help="导入法律文本目录",
        description="把 <类别>/<名称>(<日期>).md 格式的法律文本目录导入本地索引。",
    )
    im.add_argument("path", help="法律文本目录")
    im.add_argument("--db", help="索引文件（默认 $FASHEN_LAWLIB_DB 或 ~/.local/share/fashen/lawlib.sqlite3）")
    im.set_defaults(func=run_import)


def _status_dict(st) -> dict:
    v = st.version
    return {
        "title": st.title,
        "status": st.status,
        "successor": st.successor,
        "current_title": st.current_title,
        "repealed_on": st.repealed_on.isoformat() if st.repealed_on else None,
        "certain": st.certain,
        "level": st.law.level,
        "version": {
            "date": v.date.isoformat() if v and v.date else None,
            "effective": v.effective.isoformat() if v and v.effective else None,
            "articles": v.articles if v else None,
        }
        if v
        else None,
    }


def run_list(args: argparse.Namespace) -> int:
    import json

    from reviewer.knowledge import laws

    cat = laws.catalog()
    when = args.as_of or date.today()
    rows = []
    for law in sorted(cat.laws.values(), key=lambda x: (x.level, x.title)):
        state = law.status_at(when)
        if (args.level and law.level != args.level) or (args.status and state != args.status):
            continue
        rows.append((law, state))
    if args.json:
        print(
            json.dumps(
                {
                    "snapshot": cat.snapshot,
                    "curated": cat.curated,
                    "as_of": when.isoformat(),
                    "laws": [
                        {"title": law.title, "level": law.level, "status": s, "successor": law.successor}
                        for law, s in rows
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(
        f"法律目录：{len(cat.laws)} 部（文本库快照 {cat.snapshot}，人工核订 {cat.curated}），状态判断日期 {when}"
    )
    for law, state in rows:
        tail = f" → 《{law.successor}》" if state == laws.REPEALED and law.successor else ""
        print(f"{law.level}\t{state}\t{law.title}{tail}")
    print(f"共 {len(rows)} 部。")
    return 0


def run_status(args: argparse.Namespace) -> int:
    import json

    from reviewer.errors import InputError
    from reviewer.knowledge import laws

    when = args.as_of or date.today()
    st = laws.status(args.title, when)
    if st is None:
        raise InputError(f"法律目录中没有《{args.title}》，请核对名称", code="law_not_found")
    if args.json:
        print(json.dumps(_status_dict(st), ensure_ascii=False, indent=2))
        return 0
    if not st.certain:
        print(f"未找到完全一致的名称，最接近的是《{st.title}》（请核对）。")
    print(f"《{st.title}》（{st.law.level}）于 {when}：{st.status}")
    if st.repealed_on:
        print(f"{'废止日期' if st.status == laws.REPEALED else '将于以下日期废止'}：{st.repealed_on}")
    if st.successor:
        print(f"现应引用：《{st.successor}》")
    if st.version:
        count = f"，共 {st.version.articles} 条" if st.version.articles else ""
        eff = f"，{st.version.effective} 施行" if st.version.effective else ""
        print(f"施行中的版本：{st.version.label()}{eff}{count}")
    for v in st.law.versions:
        print(
            f"  版本 {v.date or '日期不详'}"
            + (f" 施行 {v.effective}" if v.effective else "")
            + (f" {v.articles} 条" if v.articles else "")
        )
    return 0


_ARTICLE = re.compile(r"^(.*?)\s*(第[一二三四五六七八九十百千零〇0-9]+条)$")


def run_show(args: argparse.Namespace) -> int:
    from reviewer.errors import InputError
    from reviewer.knowledge.library import Library
    from reviewer.numerals import cn_to_int

    title, article = args.title, args.article
    if article is None and (m := _ARTICLE.match(title)):
        title, article = m[1], m[2]
    lib = Library(args.db)
    name = _library_title(lib, title)
    if article is None:
        versions = lib.versions(name)
        for _id, full, vdate in versions:
            print(f"《{full}》 版本 {vdate or '日期不详'}")
        return 0
    number = cn_to_int(article.strip().removeprefix("第").removesuffix("条"))
    if number is None:
        raise InputError(f"条文序号无法识别：{article}", code="bad_article")
    art = lib.article(name, number, args.as_of)
    if art is None:
        raise InputError(f"法律文本库中没有《{name}》{article}", code="article_not_found")
    print(f"《{art.title}》（{art.version_date or '版本日期不详'}）")
    print(art.text)
    return 0


def _library_title(lib, title: str) -> str:
    """The library's name for ``title``: as written, without 《》, or via the catalog's resolution."""
    from reviewer.errors import InputError

    plain = title.strip().strip("《》")
    for cand in (plain, plain.removeprefix("中华人民共和国"), "中华人民共和国" + plain):
        if lib.versions(cand):
            return cand
    from reviewer.knowledge import laws

    res = laws.resolve(plain)
    if res.certain and res.law and lib.versions(res.law.title):
        return res.law.title
    raise InputError(f"法律文本库中没有《{plain}》，请核对名称", code="law_not_found")


def run_import(args: argparse.Namespace) -> int:
    from reviewer.knowledge.library import db_path, import_folder

    report = import_folder(args.path, args.db)
    print(
        f"已导入 {report.laws} 个文本（{report.articles} 条），用时 {report.seconds:.1f} 秒；"
        f"索引文件：{db_path(args.db)}"
    )
    if report.skipped:
        print(f"跳过 {len(report.skipped)} 个文件：")
        for rel, reason in report.skipped:
            print(f"  {rel}：{reason}")
    return 0
