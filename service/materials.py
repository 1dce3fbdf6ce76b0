"""Accompanying materials (送审材料) and the procedure findings that missing or short ones produce.

What is expected follows 国办发〔2018〕37号 and 115号: 起草说明 with 制定依据, 公开征求意见 with its period
and result, 公平竞争审查 for measures touching business activity, 社会稳定风险评估 where required, 集体讨论.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from service.errors import Invalid
from service.settings import Settings

ORGANIC_LAW = "中华人民共和国地方各级人民代表大会和地方各级人民政府组织法"
ORGANIC_75 = (
    "县级以上的地方各级人民政府制定涉及个人、组织权利义务的规范性文件，应当依照法定权限和程序，"
    "进行评估论证、公开征求意见、合法性审查、集体讨论决定，并予以公布和备案。"
)
BUSINESS_62 = "向社会公开征求意见的期限一般不少于30日。"
FAIR_18 = (
    "政策措施未经公平竞争审查，或者经公平竞争审查认为违反本条例第八条至第十一条规定且不符合第十二条"
    "规定情形的，不得出台。"
)


class Materials(BaseModel):
    """What the drafting department states about the accompanying materials."""

    explanation: str = Field("", max_length=20000, description="起草说明")
    legal_basis: str = Field("", max_length=5000, description="制定依据")
    market_related: bool = Field(False, description="是否涉及市场主体生产经营活动")
    consultation_held: bool = Field(False, description="是否已公开征求意见")
    consultation_start: date | None = None
    consultation_end: date | None = None
    consultation_result: str = Field("", max_length=10000, description="征求意见及采纳情况")
    fair_competition: Literal["done", "missing", "not_applicable"] = "not_applicable"
    stability_required: bool = Field(False, description="是否需要社会稳定风险评估")
    stability_done: bool = False
    collective: Literal["done", "scheduled", "missing"] = "missing"

    @model_validator(mode="after")
    def _dates(self) -> Materials:
        if (
            self.consultation_start
            and self.consultation_end
            and self.consultation_end < self.consultation_start
        ):
            raise ValueError("征求意见截止日期早于开始日期。")
        return self


def parse_materials(data: dict[str, Any]) -> Materials:
    """Validate materials, turning pydantic errors into a typed error with a Chinese message."""
    from pydantic import ValidationError

    try:
        return Materials.model_validate(data)
    except ValidationError as exc:
        raise Invalid(
            "送审材料填写有误：" + "；".join(str(e.get("msg", "")) for e in exc.errors()),
            code="invalid_materials",
        ) from exc


def working_days_between(start: date, end: date) -> int:
    """Working days (Monday–Friday) from ``start`` to ``end`` inclusive."""
    days, cur = 0, start
    while cur <= end:
        days += cur.weekday() < 5
        cur += timedelta(days=1)
    return days


def add_working_days(start: date, n: int) -> date:
    cur = start
    while n > 0:
        cur += timedelta(days=1)
        n -= cur.weekday() < 5
    return cur


def _finding(
    rule: str,
    title: str,
    message: str,
    suggestion: str,
    basis: list[dict[str, Any]],
    severity: str = "warning",
) -> dict[str, Any]:
    return {
        "rule_id": rule,
        "title": title,
        "category": "procedure",
        "severity": severity,
        "start": 0,
        "end": 0,
        "quote": "",
        "article": None,
        "node_id": None,
        "message": message,
        "suggestion": suggestion,
        "basis": basis,
        "whether": "是否符合法律政策",
        "origin": "procedure",
        "key": f"material:{rule}",
    }


def procedure_findings(m: Materials, settings: Settings) -> list[dict[str, Any]]:
    """Findings for the letter's 基本情况: missing, incomplete or too short materials."""
    organic = [{"law": ORGANIC_LAW, "article": "第七十五条", "text": ORGANIC_75}]
    out: list[dict[str, Any]] = []
    if len(m.explanation.strip()) < settings.explanation_min_chars:
        what = "未提交起草说明" if not m.explanation.strip() else "起草说明过于简略"
        out.append(
            _finding(
                "MAT-EXPLANATION",
                "起草说明缺失或过简",
                f"{what}，无法了解制定背景、必要性和主要内容。",
                "补充起草说明，写明制定背景、必要性、制定依据、主要内容和征求意见情况。",
                [
                    {
                        "law": "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见（国办发〔2018〕115号）"
                    }
                ],
            )
        )
    if not m.legal_basis.strip():
        out.append(
            _finding(
                "MAT-BASIS",
                "未列明制定依据",
                "送审材料未列明制定依据。",
                "列明所依据的法律、法规、规章及上级文件的名称和条文。",
                [
                    {
                        "law": "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见（国办发〔2018〕115号）"
                    }
                ],
            )
        )
    out += _consultation(m, settings, organic)
    if m.market_related and m.fair_competition != "done":
        out.append(
            _finding(
                "MAT-FAIR-COMPETITION",
                "未开展公平竞争审查",
                "文件涉及市场主体生产经营活动，送审材料中没有公平竞争审查结论。",
                "由起草单位开展公平竞争审查并附审查结论。",
                [{"law": "公平竞争审查条例", "article": "第十八条", "text": FAIR_18}],
                "error",
            )
        )
    if m.stability_required and not m.stability_done:
        out.append(
            _finding(
                "MAT-STABILITY",
                "未进行社会稳定风险评估",
                "文件需要进行社会稳定风险评估，送审材料中没有评估结论。",
                "开展社会稳定风险评估并附评估报告。",
                organic,
            )
        )
    if m.collective == "missing":
        out.append(
            _finding(
                "MAT-COLLECTIVE",
                "未安排集体讨论",
                "送审材料未说明集体讨论决定的安排。",
                "提请政府常务会议或部门办公会议集体讨论决定，并如实记录。",
                organic,
            )
        )
    return out


def _consultation(m: Materials, settings: Settings, organic: list[dict[str, Any]]) -> list[dict[str, Any]]:
    basis = organic + (
        [{"law": "优化营商环境条例", "article": "第六十二条", "text": BUSINESS_62}]
        if m.market_related
        else []
    )
    if not m.consultation_held:
        return [
            _finding(
                "MAT-CONSULTATION",
                "未公开征求意见",
                "送审材料未载明公开征求意见情况。",
                "依法向社会公开征求意见，并说明意见采纳情况。",
                basis,
            )
        ]
    out = []
    if not (m.consultation_start and m.consultation_end):
        out.append(
            _finding(
                "MAT-CONSULTATION-DATES",
                "征求意见起止日期不明",
                "未写明公开征求意见的起止日期。",
                "补充公开征求意见的起止日期。",
                basis,
            )
        )
    elif (
        m.market_related
        and (m.consultation_end - m.consultation_start).days + 1 < settings.consultation_min_days
    ):
        days = (m.consultation_end - m.consultation_start).days + 1
        out.append(
            _finding(
                "MAT-CONSULTATION-SHORT",
                "征求意见期限不足",
                f"涉及市场主体的文件公开征求意见仅 {days} 日，少于 {settings.consultation_min_days} 日。",
                f"延长公开征求意见期限至不少于 {settings.consultation_min_days} 日，或说明缩短期限的理由。",
                basis,
            )
        )
    elif not m.market_related and working_days_between(m.consultation_start, m.consultation_end) < 7:
        days = working_days_between(m.consultation_start, m.consultation_end)
        out.append(
            _finding(
                "MAT-CONSULTATION-SHORT",
                "征求意见期限不足",
                f"公开征求意见仅 {days} 个工作日，少于 7 个工作日。",
                "延长公开征求意见期限至不少于 7 个工作日，或说明缩短期限的理由。",
                basis,
            )
        )
    if not m.consultation_result.strip():
        out.append(
            _finding(
                "MAT-CONSULTATION-RESULT",
                "未说明意见采纳情况",
                "未说明公开征求意见的结果及采纳情况。",
                "补充意见采纳情况；对相对集中的意见不予采纳的，说明理由。",
                basis,
            )
        )
    return out
