"""Upload → review job → findings → decisions → letter and annotated draft → sign-off; audit and materials."""

from __future__ import annotations

from conftest import DRAFT, GOOD_MATERIALS
from tests_service_docx import docx_comments, docx_text


def _submit(world, who: str = "draft_a", **kw):
    c = world.login(who)
    r = world.upload(c, **kw)
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    assert world.wait(c, sid)["job"]["status"] == "done"
    return c, sid


def _findings(c, sid, number=1):
    return c.get(f"/api/submissions/{sid}/versions/{number}/findings?size=100").json()["items"]


def _fine(c, sid, number=1):
    return next(f for f in _findings(c, sid, number) if f["rule_id"] == "PENALTY-FINE-CREATED")


def test_upload_creates_submission_with_deadline_and_advisor(world):
    c = world.login("draft_a")
    body = world.upload(c).json()
    assert body["department"]["name"] == "青山镇农业办"
    assert body["versions"][0]["filename"] == "草稿.txt" and body["versions"][0]["format"] == "txt"
    assert body["deadline"] > body["created_at"][:10] and body["overdue"] is False
    assert body["advisor_id"] is not None  # the jurisdiction's advisor is assigned
    assert body["meeting_date"] == "2025-02-20"


def test_review_finds_the_fine_with_article_and_basis(world):
    c, sid = _submit(world)
    text = c.get(f"/api/submissions/{sid}/versions/1/text").json()
    assert text["text"].startswith("青山镇") and any(a["label"] == "第四条" for a in text["articles"])
    fine = _fine(c, sid)
    assert fine["article"] == "第四条" and fine["quote"] == "处五千元罚款"
    assert text["text"][fine["start"] : fine["end"]] == fine["quote"]
    assert fine["basis"][0]["law"] == "中华人民共和国行政处罚法" and fine["status"] == "open"


def test_good_materials_give_no_procedure_finding_and_missing_ones_do(world):
    c, sid = _submit(world)
    assert not [f for f in _findings(c, sid) if f["origin"] == "procedure"]
    short = dict(
        GOOD_MATERIALS,
        market_related=True,
        fair_competition="missing",
        collective="missing",
        consultation_start="2025-01-06",
        consultation_end="2025-01-10",
        explanation="",
    )
    c2, sid2 = _submit(world, materials=short)
    rules = {f["rule_id"]: f for f in _findings(c2, sid2) if f["origin"] == "procedure"}
    assert set(rules) == {
        "MAT-EXPLANATION",
        "MAT-CONSULTATION-SHORT",
        "MAT-FAIR-COMPETITION",
        "MAT-COLLECTIVE",
    }
    assert "仅 5 日，少于 30 日" in rules["MAT-CONSULTATION-SHORT"]["message"]
    assert rules["MAT-FAIR-COMPETITION"]["severity"] == "error"


def test_invalid_materials_and_dates_are_422(world):
    c = world.login("draft_a")
    r = world.upload(c, materials={"consultation_start": "2025-02-01", "consultation_end": "2025-01-01"})
    assert r.status_code == 422 and "截止日期早于开始日期" in r.json()["message"]
    r = c.post(
        "/api/submissions",
        data={"title": "x", "materials": "[1]"},
        files={"file": ("a.txt", DRAFT.encode(), "text/plain")},
    )
    assert r.status_code == 422 and r.json()["code"] == "invalid_materials"
    r = c.post(
        "/api/submissions",
        data={"title": "x", "meeting_date": "明天"},
        files={"file": ("a.txt", DRAFT.encode(), "text/plain")},
    )
    assert r.status_code == 422 and r.json()["code"] == "invalid_date"
    assert c.get("/api/submissions").json()["total"] == 0


def test_decisions_accept_dismiss_edit_reopen(world):
    c, sid = _submit(world)
    fid = _fine(c, sid)["id"]
    adv = world.login("adv_a")
    url = f"/api/findings/{fid}/decision"
    r = adv.post(url, json={"action": "dismiss"})
    assert r.status_code == 422 and r.json()["code"] == "reason_required"
    assert (
        adv.post(url, json={"action": "dismiss", "reason": "上位法已有规定"}).json()["status"] == "dismissed"
    )
    assert adv.post(url, json={"action": "reopen"}).json()["status"] == "open"
    edited = adv.post(
        url, json={"action": "edit", "message": "罚款无上位法依据。", "suggestion": "删除。"}
    ).json()
    assert edited["edited_message"] == "罚款无上位法依据。" and edited["message"].startswith("规范性文件")
    assert adv.post(url, json={"action": "accept"}).json()["status"] == "accepted"
    assert adv.post(url, json={"action": "nonsense"}).status_code == 422
    assert c.post(url, json={"action": "accept"}).status_code == 403  # the drafter cannot decide
    assert adv.get(f"/api/findings/{fid}").json()["status_name"] == "已采纳"


def test_advisor_adds_a_finding_on_a_span(world):
    c, sid = _submit(world)
    adv = world.login("adv_a")
    text = c.get(f"/api/submissions/{sid}/versions/1/text").json()["text"]
    start = text.index("保持房前屋后整洁")
    body = {"start": start, "end": start + 8, "message": "义务表述过于笼统。", "severity": "info"}
    f = adv.post(f"/api/submissions/{sid}/versions/1/findings", json=body).json()
    assert f["quote"] == "保持房前屋后整洁" and f["article"] == "第三条" and f["origin"] == "manual"
    bad = adv.post(f"/api/submissions/{sid}/versions/1/findings", json=dict(body, end=len(text) + 5))
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_span"


def test_letter_and_annotated_draft_follow_decisions(world):
    c, sid = _submit(world, materials={"explanation": ""})
    adv = world.login("adv_a")
    items = _findings(c, sid)
    fine = next(f for f in items if f["rule_id"] == "PENALTY-FINE-CREATED")
    adv.post(
        f"/api/findings/{fine['id']}/decision",
        json={"action": "edit", "message": "第四条罚款须删除（顾问意见）。"},
    )
    consult = next(f for f in items if f["rule_id"] == "MAT-CONSULTATION")
    adv.post(
        f"/api/findings/{consult['id']}/decision",
        json={"action": "dismiss", "reason": "涉密文件不公开征求意见"},
    )
    r = adv.get(f"/api/submissions/{sid}/versions/1/letter.docx")
    assert r.status_code == 200 and "filename*=UTF-8''" in r.headers["content-disposition"]
    letter = docx_text(r.content)
    assert "第四条罚款须删除（顾问意见）。" in letter
    assert "起草说明（未提交）" in letter and "送审材料未载明公开征求意见情况" not in letter
    assert "未提交起草说明，无法了解制定背景" in letter
    assert "青山司法所" in letter
    comments = docx_comments(adv.get(f"/api/submissions/{sid}/versions/1/annotated.docx").content)
    assert any("第四条罚款须删除" in t for t in comments) and not any("征求意见" in t for t in comments)


def test_downloads_before_the_review_is_done_are_409(world):
    world.app.state.pool.stop()  # no worker: the job stays queued
    c = world.login("draft_a")
    sid = world.upload(c).json()["id"]
    r = c.get(f"/api/submissions/{sid}/versions/1/letter.docx")
    assert r.status_code == 409 and r.json()["code"] == "not_ready"
    assert c.get(f"/api/submissions/{sid}/versions/1/file").content == DRAFT.encode()


def test_sign_off_locks_the_version(world):
    c, sid = _submit(world)
    fid = _fine(c, sid)["id"]
    adv, jud = world.login("adv_a"), world.login("jud_a")
    assert adv.post(f"/api/submissions/{sid}/versions/1/sign").status_code == 403
    signed = jud.post(f"/api/submissions/{sid}/versions/1/sign").json()
    assert signed["signed_at"] is not None
    r = adv.post(f"/api/findings/{fid}/decision", json={"action": "accept"})
    assert r.status_code == 409 and r.json()["code"] == "locked"
    assert jud.post(f"/api/submissions/{sid}/versions/1/sign").status_code == 409
    assert c.get(f"/api/submissions/{sid}").json()["status"] == "已签发"


def test_assign_advisor(world):
    c, sid = _submit(world)
    admin, jud = world.login("admin"), world.login("jud_a")
    users = admin.get("/api/users?size=100").json()["items"]
    adv_b = next(u["id"] for u in users if u["username"] == "adv_b")
    assert c.post(f"/api/submissions/{sid}/advisor", json={"advisor_id": adv_b}).status_code == 403
    assert jud.post(f"/api/submissions/{sid}/advisor", json={"advisor_id": 9999}).status_code == 404
    assert (
        jud.post(f"/api/submissions/{sid}/advisor", json={"advisor_id": adv_b}).json()["advisor_id"] == adv_b
    )
    assert world.login("adv_b").get(f"/api/submissions/{sid}").status_code == 200
    assert world.login("adv_a").get(f"/api/submissions/{sid}").status_code == 404


def test_audit_log_records_before_and_after_and_exports(world):
    c, sid = _submit(world)
    fid = _fine(c, sid)["id"]
    world.login("adv_a").post(
        f"/api/findings/{fid}/decision", json={"action": "dismiss", "reason": "已有依据"}
    )
    entries = c.get(f"/api/submissions/{sid}/audit?size=100").json()["items"]
    actions = [e["action"] for e in entries]
    assert actions[:3] == ["submission_created", "review_started", "review_done"]
    dismissed = next(e for e in entries if e["action"] == "finding_dismissed")
    assert dismissed["username"] == "adv_a" and dismissed["before"]["status"] == "open"
    assert dismissed["after"] == {
        "status": "dismissed",
        "reason": "已有依据",
        "edited_message": None,
        "edited_suggestion": None,
    }
    csv = c.get(f"/api/submissions/{sid}/audit.csv")
    assert csv.status_code == 200 and "驳回问题" in csv.content.decode("utf-8-sig")


def test_audit_log_is_append_only_in_the_database(world):
    import pytest
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    _submit(world)
    with world.app.state.engine.connect() as conn:
        for sql in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(DBAPIError):
                conn.execute(text(sql))
            conn.rollback()


def test_pagination(world):
    c = world.login("draft_a")
    for i in range(3):
        assert world.upload(c, title=f"文件{i}").status_code == 201
    page = c.get("/api/submissions?page=2&size=2").json()
    assert page["total"] == 3 and page["page"] == 2 and len(page["items"]) == 1
    assert c.get("/api/submissions?size=500").status_code == 422
