"""The clean-up workbook: 清理目录, 问题明细, 重复与冲突, 无法处理, 汇总 (with a chart)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reviewer.cleanup.pipeline import Result
from reviewer.model import SEVERITY_LABELS

FONT = "宋体"
CATALOG_HEADER = (
    "序号",
    "文件名称",
    "文号",
    "制定机关",
    "发布日期",
    "有效期至",
    "现状",
    "处理建议",
    "理由",
    "问题条款数",
    "文件位置",
)
CATALOG_WIDTHS = (6, 44, 22, 24, 12, 12, 11, 10, 70, 10, 48)
DISPOSITION_FILL = {"宣布失效": "F8CBAD", "废止": "F4B183", "修改": "FFE699", "保留": "C6E0B4"}
_THIN = Side(style="thin", color="BFBFBF")


def _clean(value: object) -> object:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _sheet(ws: Worksheet, header: tuple[str, ...], rows: list[tuple], widths: tuple[int, ...]) -> None:
    """Header in bold on grey, frozen, filtered; Chinese font; wrapped text; fixed widths."""
    ws.append(header)
    for row in rows:
        ws.append([_clean(v) for v in row])
    body = Font(name=FONT, size=10)
    for cell in ws[1]:
        cell.font = Font(name=FONT, size=11, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=_THIN)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.font = body
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(1, ws.max_row)}"


def write(result: Result, path: str | Path) -> Path:
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "清理目录"
    rows = []
    for n, e in enumerate(result.entries, start=1):
        rec = e.record
        reasons = (
            "\n".join(f"{i}. {r.text}" for i, r in enumerate(e.reasons, start=1)) or "未发现需要清理的问题。"
        )
        rows.append(
            (
                n,
                e.title,
                rec.get("doc_number") or "",
                rec.get("issuer") or "",
                rec.get("issue_date") or "",
                e.until.isoformat() if e.until else "",
                e.status,
                e.disposition,
                reasons,
                e.issue_count(),
                e.location,
            )
        )
    _sheet(ws, CATALOG_HEADER, rows, CATALOG_WIDTHS)
    col = CATALOG_HEADER.index("处理建议") + 1
    for row in ws.iter_rows(min_row=2, min_col=col, max_col=col):
        row[0].fill = PatternFill("solid", fgColor=DISPOSITION_FILL.get(row[0].value, "FFFFFF"))

    detail = []
    for n, e in enumerate(result.entries, start=1):
        for f in e.record.get("findings", []):
            detail.append(
                (
                    n,
                    e.title,
                    f.get("article") or "",
                    SEVERITY_LABELS.get(f["severity"], f["severity"]),
                    f["rule_id"],
                    f["quote"],
                    f["message"],
                    f.get("suggestion") or "",
                    "\n".join(f.get("basis") or []),
                    e.location,
                )
            )
    _sheet(
        wb.create_sheet("问题明细"),
        ("序号", "文件名称", "条款", "严重程度", "规则", "原文", "问题", "修改建议", "依据", "文件位置"),
        detail,
        (6, 36, 12, 9, 22, 40, 50, 40, 50, 40),
    )

    by_index = {e.index: e for e in result.entries}
    pairs = []
    for n, p in enumerate(result.pairs, start=1):
        a, b = by_index[p.a.doc], by_index[p.b.doc]
        pairs.append(
            (
                n,
                p.kind,
                a.title,
                p.a.label,
                p.a.text,
                a.location,
                b.title,
                p.b.label,
                p.b.text,
                b.location,
                p.similarity,
                p.difference,
            )
        )
    _sheet(
        wb.create_sheet("重复与冲突"),
        (
            "序号",
            "类型",
            "文件A",
            "条款A",
            "内容A",
            "位置A",
            "文件B",
            "条款B",
            "内容B",
            "位置B",
            "相似度",
            "差异",
        ),
        pairs,
        (6, 7, 30, 9, 50, 30, 30, 9, 50, 30, 8, 36),
    )

    _sheet(
        wb.create_sheet("无法处理"),
        ("序号", "文件位置", "原因代码", "原因"),
        [(n, f.location, f.code, f.reason) for n, f in enumerate(result.failures, start=1)],
        (6, 60, 14, 60),
    )

    _summary(wb.create_sheet("汇总"), result)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _summary(ws: Worksheet, result: Result) -> None:
    counts = result.counts()
    rows: list[tuple] = [("判断日期", result.as_of.isoformat()), ("清理目录", result.folder)]
    for group, values in counts.items():
        rows.append((f"【{group}】", ""))
        rows.extend((k, v) for k, v in values.items())
    _sheet(ws, ("项目", "数量"), rows, (28, 60))
    first = 5  # row 1 header, rows 2–3 date and folder, row 4 【处理建议】
    last = first + len(counts["处理建议"]) - 1
    chart = BarChart()
    chart.type = "col"
    chart.title = "处理建议分布"
    chart.y_axis.title = "文件数"
    chart.legend = None
    chart.add_data(Reference(ws, min_col=2, min_row=first, max_row=last), titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.width, chart.height = 16, 8
    ws.add_chart(chart, "D2")
