"""Jobs survive restarts and worker crashes; failures carry a reason; deadlines and overdue markers."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

from conftest import World, make_settings, seed
from fastapi.testclient import TestClient
from sqlalchemy import update

from service.main import create_app
from service.materials import add_working_days, working_days_between
from service.models import Job, Submission


def _crash_running(app, attempts: int) -> None:
    """Leave the state a killed server leaves: the job row 'running'."""
    with app.state.sessions() as s:
        s.execute(update(Job).values(status="running", attempts=attempts))
        s.commit()


def test_job_left_running_by_a_crash_completes_after_restart(tmp_path, database_url):
    settings = make_settings(tmp_path, database_url)
    app = create_app(settings, start_workers=False)
    with TestClient(app):
        seed(app)
        w = World(app, TestClient(app))
        c = w.login("draft_a")
        sid = w.upload(c).json()["id"]
        assert c.get(f"/api/submissions/{sid}").json()["status"] == "排队中"
        _crash_running(app, attempts=1)
    app2 = create_app(settings)
    with TestClient(app2):
        w2 = World(app2, TestClient(app2))
        c2 = w2.login("draft_a")
        v = w2.wait(c2, sid)
        assert v["job"]["status"] == "done" and v["job"]["attempts"] == 2
        actions = [e["action"] for e in c2.get(f"/api/submissions/{sid}/audit?size=100").json()["items"]]
        assert "review_retried" in actions and actions[-1] == "review_done"


def test_job_that_keeps_crashing_is_failed_with_its_reason(tmp_path, database_url):
    settings = make_settings(tmp_path, database_url, job_max_attempts=2)
    app = create_app(settings, start_workers=False)
    with TestClient(app):
        seed(app)
        w = World(app, TestClient(app))
        sid = w.upload(w.login("draft_a")).json()["id"]
        _crash_running(app, attempts=2)
    app2 = create_app(settings)
    with TestClient(app2):
        w2 = World(app2, TestClient(app2))
        c = w2.login("draft_a")
        v = w2.wait(c, sid)
        assert v["job"]["status"] == "failed" and "已重试 2 次" in v["job"]["error"]
        assert c.get(f"/api/submissions/{sid}").json()["status"] == "审查失败"


def test_killed_worker_process_is_retried(tmp_path, database_url):
    from tests_service_tasks import die_once

    app = create_app(make_settings(tmp_path, database_url, worker_mode="process"), task=die_once)
    with TestClient(app):
        seed(app)
        w = World(app, TestClient(app))
        c = w.login("draft_a")
        sid = w.upload(c).json()["id"]
        v = w.wait(c, sid, timeout=120)
        assert v["job"]["status"] == "done" and v["job"]["attempts"] == 2
        audit = c.get(f"/api/submissions/{sid}/audit?size=100").json()["items"]
        retried = next(e for e in audit if e["action"] == "review_retried")
        assert retried["after"]["reason"] == "审查工作进程异常终止"
        assert c.get(f"/api/submissions/{sid}/versions/1/findings").json()["total"] >= 1


def test_unreadable_document_fails_with_reason(world):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", b"<not-xml")
        zf.writestr("[Content_Types].xml", b"<also-broken")
    c = world.login("draft_a")
    r = c.post(
        "/api/submissions",
        data={"title": "坏文件"},
        files={"file": ("bad.docx", buf.getvalue(), "application/octet-stream")},
    )
    if r.status_code == 422:  # refused at the door: equally acceptable
        assert r.json()["code"]
        return
    v = world.wait(c, r.json()["id"])
    assert v["job"]["status"] == "failed" and v["job"]["error"].startswith("文件无法审查")


def test_overdue_marker(world):
    c = world.login("draft_a")
    sid = world.upload(c).json()["id"]
    world.wait(c, sid)
    assert c.get(f"/api/submissions/{sid}").json()["overdue"] is False
    with world.app.state.sessions() as s:
        s.execute(update(Submission).values(deadline=date.today() - timedelta(days=1)))
        s.commit()
    assert c.get(f"/api/submissions/{sid}").json()["overdue"] is True
    assert "已超期" in c.get("/submissions").text
    world.login("jud_a").post(f"/api/submissions/{sid}/versions/1/sign")
    assert c.get(f"/api/submissions/{sid}").json()["overdue"] is False


def test_deadline_is_counted_in_working_days(world):
    assert add_working_days(date(2025, 1, 3), 5) == date(2025, 1, 10)  # Friday + 5 working days
    assert working_days_between(date(2025, 1, 6), date(2025, 1, 12)) == 5
    body = world.upload(world.login("draft_a")).json()
    created, deadline = date.fromisoformat(body["created_at"][:10]), date.fromisoformat(body["deadline"])
    assert deadline == add_working_days(created, 5)
