"""Renamed agencies and abolished systems: every listed term, its replacement, and the exclusions."""

from datetime import date

import pytest
import yaml

from reviewer.checks import Context
from reviewer.checks.agencies import renamed
from reviewer.checks.systems import abolished
from reviewer.knowledge import agencies, systems
from reviewer.knowledge.terms import TermList
from reviewer.parsing import parse_text


def _terms(table: TermList, name: str) -> list[tuple[str, str | None]]:
    from importlib.resources import files

    data = yaml.safe_load((files("reviewer.knowledge") / "data" / name).read_text(encoding="utf-8"))
    return [(t, r) for g in data["groups"] for t, r in g["terms"].items()]


AGENCIES = _terms(agencies.table(), "agencies.yaml")
SYSTEMS = _terms(systems.table(), "systems.yaml")


@pytest.mark.parametrize(("term", "replacement"), AGENCIES, ids=[t for t, _ in AGENCIES])
def test_every_renamed_agency_is_flagged_with_its_successor(term, replacement):
    text = f"第五条　由县{term}负责监督检查。"
    doc = parse_text(text)
    (hit,) = renamed(doc, Context(fragment=True))
    assert doc.text[hit.start : hit.end] == term and hit.replacement == replacement


@pytest.mark.parametrize(
    "text",
    [
        "第五条　县市场监督管理局、县自然资源和规划局、县生态环境局、县卫生健康委员会、县应急管理局按照职责分工负责。",
        "第六条　县文化和旅游局、县消防救援大队、县司法局、国家税务总局某县税务局配合。",
        "第二十条　原县工商局作出的登记决定继续有效。",
        "第二十一条　2018年机构改革后，县工商行政管理局的职责划入县市场监督管理局。",
        "第二十二条　县工商业联合会、个体工商户协会参与。",
    ],
)
def test_current_names_and_historical_mentions_are_clean(text):
    assert list(renamed(parse_text(text), Context(fragment=True))) == []


def test_pdf_line_break_inside_an_agency_name():
    text = "第五条　由县工商\n局负责。"
    (hit,) = agencies.find(text)
    assert text[hit.start : hit.end] == "工商\n局"


@pytest.mark.parametrize(("term", "replacement"), SYSTEMS, ids=[t for t, _ in SYSTEMS])
def test_every_abolished_system_is_flagged(term, replacement):
    doc = parse_text(f"第八条　申请人应当提交{term}相关材料。")
    (hit,) = abolished(doc, Context(fragment=True))
    assert doc.text[hit.start : hit.end] == term and hit.replacement == replacement


@pytest.mark.parametrize(
    "text",
    [
        "第八条　不得以未缴纳社会抚养费为由拒绝办理户口登记。",
        "第九条　暂住证已由居住证取代，符合条件的居住人员可以申领居住证。",
        "第十条　出租人应当按月缴纳污水处理费。",
        "第十一条　机动车应当按照规定进行安全技术检验。",
    ],
)
def test_lawful_look_alikes_are_clean(text):
    assert list(abolished(parse_text(text), Context(fragment=True))) == []


def test_time_aware_for_documents_judged_before_the_reform():
    text = "第五条　由县工商局负责；外来人员应当办理暂住证。"
    assert [h.term for h in agencies.find(text, as_of=date(2017, 6, 1))] == []
    assert [h.term for h in systems.find(text, as_of=date(2015, 6, 1))] == []
    assert [h.term for h in systems.find(text, as_of=date(2016, 6, 1))] == ["暂住证"]
    assert [h.term for h in agencies.find(text, as_of=date(2019, 6, 1))] == ["工商局"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("县卫生局负责医疗机构的监督检查。", ["卫生局"]),
        ("县市容环境卫生局负责道路清扫。", []),
        ("县旅游局和乡食药所联合检查。", ["旅游局", "食药所"]),
        ("县文化和旅游局、县文化广电旅游局负责景区管理。", []),
        ("对县工商局2016年作出的处理决定，按当时的规定执行。", []),
    ],
)
def test_short_and_older_agency_names(text, want):
    assert [h.term for h in agencies.find(text)] == want
