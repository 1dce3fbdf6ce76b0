"""The law catalog: repealed laws, name forms, near-twins, versions and time-aware status."""

from datetime import date, timedelta

import pytest

from reviewer.knowledge import laws

# checklist §3.1: (title as drafts cite it, successor's catalog title, date the successor took effect)
REPEALED = [
    ("婚姻法", "中华人民共和国民法典", "2021-01-01"),
    ("继承法", "中华人民共和国民法典", "2021-01-01"),
    ("民法通则", "中华人民共和国民法典", "2021-01-01"),
    ("收养法", "中华人民共和国民法典", "2021-01-01"),
    ("担保法", "中华人民共和国民法典", "2021-01-01"),
    ("合同法", "中华人民共和国民法典", "2021-01-01"),
    ("物权法", "中华人民共和国民法典", "2021-01-01"),
    ("侵权责任法", "中华人民共和国民法典", "2021-01-01"),
    ("民法总则", "中华人民共和国民法典", "2021-01-01"),
    ("中外合资经营企业法", "中华人民共和国外商投资法", "2020-01-01"),
    ("外资企业法", "中华人民共和国外商投资法", "2020-01-01"),
    ("中外合作经营企业法", "中华人民共和国外商投资法", "2020-01-01"),
    ("执业医师法", "中华人民共和国医师法", "2022-03-01"),
    ("环境噪声污染防治法", "中华人民共和国噪声污染防治法", "2022-06-05"),
    ("行政监察法", "中华人民共和国监察法", "2018-03-20"),
    ("外国人入境出境管理法", "中华人民共和国出境入境管理法", "2013-07-01"),
    ("公民出境入境管理法", "中华人民共和国出境入境管理法", "2013-07-01"),
    ("城市规划法", "中华人民共和国城乡规划法", "2008-01-01"),
    ("外商投资企业和外国企业所得税法", "中华人民共和国企业所得税法", "2008-01-01"),
    ("预备役军官法", "中华人民共和国预备役人员法", "2023-03-01"),
    ("学位条例", "中华人民共和国学位法", "2025-01-01"),
    ("治安管理处罚条例", "中华人民共和国治安管理处罚法", "2006-03-01"),
    ("增值税暂行条例", "中华人民共和国增值税法", "2026-01-01"),
    ("进出口关税条例", "中华人民共和国关税法", "2024-12-01"),
    ("印花税暂行条例", "中华人民共和国印花税法", "2022-07-01"),
    ("契税暂行条例", "中华人民共和国契税法", "2021-09-01"),
    ("城市维护建设税暂行条例", "中华人民共和国城市维护建设税法", "2021-09-01"),
    ("资源税暂行条例", "中华人民共和国资源税法", "2020-09-01"),
    ("耕地占用税暂行条例", "中华人民共和国耕地占用税法", "2019-09-01"),
    ("车辆购置税暂行条例", "中华人民共和国车辆购置税法", "2019-07-01"),
    ("烟叶税暂行条例", "中华人民共和国烟叶税法", "2018-07-01"),
    ("船舶吨税暂行条例", "中华人民共和国船舶吨税法", "2018-07-01"),
    ("车船税暂行条例", "中华人民共和国车船税法", "2012-01-01"),
    ("排污费征收使用管理条例", "中华人民共和国环境保护税法", "2018-01-01"),
    ("营业税暂行条例", "中华人民共和国增值税暂行条例", "2017-11-19"),
    ("城市房屋拆迁管理条例", "国有土地上房屋征收与补偿条例", "2011-01-21"),
    ("公司登记管理条例", "中华人民共和国市场主体登记管理条例", "2022-03-01"),
    ("企业法人登记管理条例", "中华人民共和国市场主体登记管理条例", "2022-03-01"),
    ("合伙企业登记管理办法", "中华人民共和国市场主体登记管理条例", "2022-03-01"),
    ("农民专业合作社登记管理条例", "中华人民共和国市场主体登记管理条例", "2022-03-01"),
    ("企业法人法定代表人登记管理规定", "中华人民共和国市场主体登记管理条例", "2022-03-01"),
    ("个体工商户条例", "促进个体工商户发展条例", "2022-11-01"),
    ("城乡个体工商户管理暂行条例", "个体工商户条例", "2011-11-01"),
    ("中外合资经营企业法实施条例", "中华人民共和国外商投资法实施条例", "2020-01-01"),
    ("外资企业法实施细则", "中华人民共和国外商投资法实施条例", "2020-01-01"),
    ("中外合作经营企业法实施细则", "中华人民共和国外商投资法实施条例", "2020-01-01"),
    ("法规规章备案条例", "法规规章备案审查条例", "2024-11-01"),
    ("退役士兵安置条例", "退役军人安置条例", "2024-09-01"),
    ("煤矿安全监察条例", "煤矿安全生产条例", "2024-05-01"),
    ("国务院关于预防煤矿生产安全事故的特别规定", "煤矿安全生产条例", "2024-05-01"),
    ("人体器官移植条例", "人体器官捐献和移植条例", "2024-05-01"),
    ("档案法实施办法", "中华人民共和国档案法实施条例", "2024-03-01"),
    ("化妆品卫生监督条例", "化妆品监督管理条例", "2021-01-01"),
    ("信访条例", "信访工作条例", "2022-05-01"),
    (
        "国务院关于劳动教养问题的决定",
        "全国人民代表大会常务委员会关于废止有关劳动教养法律规定的决定",
        "2013-12-28",
    ),
    ("城市流浪乞讨人员收容遣送办法", "城市生活无着的流浪乞讨人员救助管理办法", "2003-08-01"),
    ("社会抚养费征收管理办法", "中华人民共和国人口与计划生育法", "2021-08-20"),
]


@pytest.mark.parametrize(("title", "successor", "day"), REPEALED, ids=[r[0] for r in REPEALED])
def test_every_repealed_law_in_the_checklist(title, successor, day):
    repealed = date.fromisoformat(day)
    st = laws.status(f"《{title}》", repealed)
    assert st is not None and st.certain
    assert st.status == laws.REPEALED and st.successor == successor and st.current_title == successor
    assert laws.status(title, repealed - timedelta(days=1)).status == laws.IN_FORCE


def test_successors_are_in_the_catalog():
    cat = laws.catalog()
    missing = (
        {s for _, s, _ in REPEALED}
        - set(cat.laws)
        - {"全国人民代表大会常务委员会关于废止有关劳动教养法律规定的决定"}
    )
    assert not missing


@pytest.mark.parametrize(
    "mention",
    [
        "《中华人民共和国行政许可法》",
        "《行政许可法》",
        "行政许可法",
        "《中华人民共和国行政许可法（2019年修正）》",
        "《中华人民共和国\n行政许可法》",
    ],
)
def test_full_name_short_name_and_version_note_resolve_exactly(mention):
    res = laws.resolve(mention)
    assert res.how == "exact" and res.law.title == "中华人民共和国行政许可法"


def test_typo_resolves_to_the_same_law_but_only_as_suspect_when_a_character_is_substituted():
    dropped = laws.resolve("《国有土地上房屋征收补偿条例》")  # a character left out
    assert dropped.how == "fuzzy" and dropped.law.title == "国有土地上房屋征收与补偿条例"
    wrong = laws.resolve("《国有土地上房屋征收与补尝条例》")  # a wrong character
    assert wrong.how == "suspect" and wrong.law.title == "国有土地上房屋征收与补偿条例"
    assert not wrong.certain


@pytest.mark.parametrize(
    ("twin", "other"),
    [
        ("野生植物保护法", "中华人民共和国野生动物保护法"),
        ("水土保持法实施细则", "中华人民共和国水土保持法实施条例"),
    ],
)
def test_near_twins_are_never_mapped(twin, other):
    res = laws.resolve(twin)
    assert not res.certain
    st = laws.status(twin)
    assert st is None or not st.certain


def test_present_twins_stay_apart():
    assert laws.resolve("野生动物保护法").law.title == "中华人民共和国野生动物保护法"
    assert laws.resolve("野生植物保护条例").law.title == "中华人民共和国野生植物保护条例"


@pytest.mark.parametrize(
    "mention",
    [
        "《河北省实施〈中华人民共和国种子法〉办法》",
        "《山东省实施《中华人民共和国土地管理法》办法》",
        "《某某市城市绿化管理条例》",
        "《××省电动自行车管理条例》",
        "《XX市养犬管理规定》",
    ],
)
def test_local_regulations_are_not_the_national_law(mention):
    assert laws.resolve(mention).how == "local"
    assert laws.status(mention) is None


def test_time_aware_status_and_version():
    assert laws.status("合同法", date(2020, 6, 1)).status == laws.IN_FORCE
    assert laws.status("合同法", date(2021, 1, 1)).status == laws.REPEALED
    assert laws.status("增值税法", date(2025, 6, 1)).status == laws.NOT_YET
    police = laws.catalog().get("治安管理处罚法")
    assert police.version_at(date(2025, 12, 31)).articles == 119
    assert police.version_at(date(2026, 1, 1)).articles == 144


def test_superseded_version_note_is_amended():
    assert laws.status("《行政复议法（2017年修正）》", date(2024, 6, 1)).status == laws.AMENDED
    assert laws.status("《行政复议法（2017年修正）》", date(2023, 6, 1)).status == laws.IN_FORCE
    assert laws.status("《行政复议法（2023年修订）》", date(2024, 6, 1)).status == laws.IN_FORCE


def test_catalog_records_snapshot_and_coverage():
    cat = laws.catalog()
    assert cat.snapshot == "2025-04-19"
    levels = {law.level for law in cat.laws.values()}
    assert {"法律", "行政法规"} <= levels
    assert len(cat.laws) > 900
