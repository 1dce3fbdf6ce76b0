"""A revised draft: findings matched to the previous version (已修改 / 未修改 / 新增), dismissals carried over."""

from __future__ import annotations

from conftest import DRAFT, REVISED
from tests_service_docx import docx_text


def test_revision_is_matched_and_compared(world):
    c = world.login("draft_a")
    sid = world.upload(c).json()["id"]
    world.wait(c, sid)
    adv = world.login("adv_a")
    first = c.get(f"/api/submissions/{sid}/versions/1/findings?size=100").json()["items"]
    fine = next(f for f in first if f["rule_id"] == "PENALTY-FINE-CREATED")
    kept = [f for f in first if f["article"] != "第四条" and f["origin"] == "engine"]
    for f in kept:
        adv.post(f"/api/findings/{f['id']}/decision", json={"action": "dismiss", "reason": "已核实无问题"})
    text = c.get(f"/api/submissions/{sid}/versions/1/text").json()["text"]
    start = text.index("房前屋后")
    adv.post(
        f"/api/submissions/{sid}/versions/1/findings",
        json={"start": start, "end": start + 4, "message": "笼统"},
    )

    r = c.post(
        f"/api/submissions/{sid}/versions", files={"file": ("修改稿.txt", REVISED.encode(), "text/plain")}
    )
    assert r.status_code == 201 and r.json()["number"] == 2
    assert world.wait(c, sid, 2)["job"]["status"] == "done"
    cmp = c.get(f"/api/submissions/{sid}/versions/2/comparison").json()
    assert cmp["previous"] == 1
    assert fine["id"] in [f["id"] for f in cmp["resolved"]]
    assert all(f["article"] == "第四条" for f in cmp["resolved"])  # only article 4 was revised
    unchanged = {f["key"]: f for f in cmp["unchanged"]}
    for f in kept:  # earlier dismissals carried over
        assert (
            unchanged[f["key"]]["status"] == "dismissed" and unchanged[f["key"]]["reason"] == "已核实无问题"
        )
    manual = next(f for f in cmp["unchanged"] if f["origin"] == "manual")
    assert manual["quote"] == "房前屋后" and manual["article"] == "第三条"
    assert [a["label"] for a in cmp["changed_articles"]] == ["第四条"]
    old, new = cmp["changed_articles"][0]["old"], cmp["changed_articles"][0]["new"]
    assert "处五千元罚款" in "".join(t for _, t in old) and "依照有关法律法规处理" in "".join(
        t for _, t in new
    )
    assert "五千元" in "".join(t for changed, t in old if changed)

    letter = docx_text(adv.get(f"/api/submissions/{sid}/versions/2/letter.docx").content)
    assert f"与第1稿相比，本稿已修改{len(cmp['resolved'])}处问题" in letter and "处五千元罚款" in letter
    # only the newest version can be decided on
    r = adv.post(f"/api/findings/{fine['id']}/decision", json={"action": "accept"})
    assert r.status_code == 409 and r.json()["code"] == "not_latest"


def test_new_findings_are_marked_new(world):
    c = world.login("draft_a")
    sid = world.upload(c, text=REVISED).json()["id"]
    world.wait(c, sid)
    c.post(f"/api/submissions/{sid}/versions", files={"file": ("v2.txt", DRAFT.encode(), "text/plain")})
    world.wait(c, sid, 2)
    cmp = c.get(f"/api/submissions/{sid}/versions/2/comparison").json()
    assert "PENALTY-FINE-CREATED" in [f["rule_id"] for f in cmp["new"]]
    assert cmp["resolved"] == []


def test_first_version_has_nothing_to_compare(world):
    c = world.login("draft_a")
    sid = world.upload(c).json()["id"]
    world.wait(c, sid)
    cmp = c.get(f"/api/submissions/{sid}/versions/1/comparison").json()
    assert cmp["previous"] is None and cmp["changed_articles"] == [] and cmp["new"] == []
