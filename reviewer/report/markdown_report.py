"""The review as Markdown: summary, findings grouped by the three whethers, checklist coverage."""

from __future__ import annotations

from collections.abc import Mapping

from reviewer.model import Basis, Review
from reviewer.report.decisions import Decision
from reviewer.report.json_report import report_dict
from reviewer.report.labels import WHETHERS, cite


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def to_markdown(
    review: Review, *, decisions: Mapping[str, Decision] | None = None, conclusion: str | None = None
) -> str:
    data = report_dict(review, decisions=decisions, conclusion=conclusion)
    doc, rv, summary = data["document"], data["review"], data["summary"]
    out = [f"# 《{doc['title']}》合法性审查结果", ""]
    facts = [
        ("文件", doc["filename"] or doc["title"]),
        ("判断时点", rv["as_of"]),
        ("规则库版本", rv["catalog_version"]),
        ("审查结论", rv["conclusion"]),
    ]
    out += [f"- {k}：{v}" for k, v in facts if v]
    sev = "，".join(
        f"{label}{summary['by_severity'][s]}处"
        for s, label in (("error", "违法"), ("warning", "风险"), ("info", "提示"))
        if s in summary["by_severity"]
    )
    out += [f"- 问题数：{summary['total']}" + (f"（{sev}）" if sev else ""), ""]
    out += ["## 审查意见", ""]
    if not data["findings"]:
        out += ["经逐项审查，未发现合法性问题。", ""]
    no = 0
    for code, heading in WHETHERS.items():
        group = [f for f in data["findings"] if f["whether"] == code]
        if not group:
            continue
        out += [f"### {heading}", ""]
        for f in group:
            no += 1
            out += [
                f"{no}. **{f['article']}　【{f['severity_label']}】{f['title'] or f['category_name']}**",
                "",
            ]
            if f["quote"]:
                out.append(f"   - 原文：“{_cell(f['quote'])}”（第 {f['start']}–{f['end']} 字）")
            out.append(f"   - 问题：{_cell(f['message'])}")
            out += [f"   - 依据：{_cell(cite(Basis(**b)))}" for b in f["basis"]]
            if f["suggestion_text"]:
                out.append(f"   - 修改建议：{_cell(f['suggestion_text'])}")
            if f["decision"] and f["decision"]["note"]:
                out.append(f"   - 审查人意见：{_cell(f['decision']['note'])}")
            out.append("")
    out += ["## 已审查事项", "", "| 序号 | 审查事项 | 结果 |", "|---|---|---|"]
    out += [f"| {i} | {_cell(c['title'])} | {c['status_label']} |" for i, c in enumerate(data["checked"], 1)]
    return "\n".join(out) + "\n"
