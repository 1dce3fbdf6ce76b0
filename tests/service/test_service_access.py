"""Nobody sees what is not theirs: resource by resource, another department gets 404, a wrong role 403."""

from __future__ import annotations

import pytest
from conftest import DRAFT

# Every route on one submission: (method, path template, body). Outsiders must get 404 on each.
RESOURCES = [
    ("GET", "/api/submissions/{sid}", None),
    ("GET", "/api/submissions/{sid}/versions/1", None),
    ("GET", "/api/submissions/{sid}/versions/1/text", None),
    ("GET", "/api/submissions/{sid}/versions/1/findings", None),
    ("POST", "/api/submissions/{sid}/versions/1/findings", {"start": 0, "end": 2, "message": "x"}),
    ("GET", "/api/submissions/{sid}/versions/1/comparison", None),
    ("POST", "/api/submissions/{sid}/versions/1/sign", None),
    ("GET", "/api/submissions/{sid}/versions/1/letter.docx", None),
    ("GET", "/api/submissions/{sid}/versions/1/annotated.docx", None),
    ("GET", "/api/submissions/{sid}/versions/1/file", None),
    ("GET", "/api/submissions/{sid}/audit", None),
    ("GET", "/api/submissions/{sid}/audit.csv", None),
    ("POST", "/api/submissions/{sid}/advisor", {"advisor_id": 1}),
    ("GET", "/api/findings/{fid}", None),
    ("POST", "/api/findings/{fid}/decision", {"action": "accept"}),
    ("GET", "/submissions/{sid}", None),
    ("GET", "/submissions/{sid}/v/1", None),
    ("GET", "/submissions/{sid}/v/1/compare", None),
    ("GET", "/submissions/{sid}/audit", None),
]


@pytest.fixture
def owned(world):
    c = world.login("draft_a")
    sid = world.upload(c).json()["id"]
    world.wait(c, sid)
    fid = c.get(f"/api/submissions/{sid}/versions/1/findings").json()["items"][0]["id"]
    return sid, fid


@pytest.mark.parametrize("outsider", ["draft_b", "adv_b", "jud_b"])
def test_outsiders_get_404_on_every_resource(world, owned, outsider):
    sid, fid = owned
    c = world.login(outsider)
    for method, template, body in RESOURCES:
        path = template.format(sid=sid, fid=fid)
        r = c.request(method, path, json=body)
        assert r.status_code == 404, (outsider, method, path, r.status_code)
    r = c.post(f"/api/submissions/{sid}/versions", files={"file": ("a.txt", DRAFT.encode(), "text/plain")})
    assert r.status_code == 404
    assert c.get("/api/submissions").json()["total"] == 0


def test_insiders_see_it(world, owned):
    sid, fid = owned
    for who in ("draft_a", "adv_a", "jud_a", "admin"):
        c = world.login(who)
        assert c.get(f"/api/submissions/{sid}").status_code == 200, who
        assert c.get(f"/api/findings/{fid}").status_code == 200, who
        assert c.get("/api/submissions").json()["total"] == 1, who


def test_wrong_role_gets_403(world, owned):
    sid, fid = owned
    drafter, adv, jud = world.login("draft_a"), world.login("adv_a"), world.login("jud_a")
    assert drafter.post(f"/api/findings/{fid}/decision", json={"action": "accept"}).status_code == 403
    assert drafter.post(f"/api/submissions/{sid}/versions/1/sign").status_code == 403
    assert (
        drafter.post(
            f"/api/submissions/{sid}/versions/1/findings", json={"start": 0, "end": 2, "message": "x"}
        ).status_code
        == 403
    )
    r = adv.post(f"/api/submissions/{sid}/versions", files={"file": ("a.txt", DRAFT.encode(), "text/plain")})
    assert r.status_code == 403
    assert adv.post(f"/api/submissions/{sid}/advisor", json={"advisor_id": 1}).status_code == 403
    assert world.upload(jud).status_code == 403
    for c in (drafter, adv, jud):
        assert c.get("/api/users").status_code == 403
        assert c.get("/api/departments").status_code == 403
        assert c.post("/api/departments", json={"name": "x", "jurisdiction": "y"}).status_code == 403
        assert c.get("/admin").status_code == 403


def test_a_second_department_in_the_same_jurisdiction_is_still_separate(world, owned):
    sid, _ = owned
    admin = world.login("admin")
    dept = admin.post("/api/departments", json={"name": "青山镇民政办", "jurisdiction": "青山司法所"}).json()
    admin.post(
        "/api/users",
        json={
            "username": "draft_c",
            "password": "correct-horse-1",
            "role": "drafter",
            "department_id": dept["id"],
        },
    )
    c = world.login("draft_c")
    assert c.get(f"/api/submissions/{sid}").status_code == 404
    assert world.login("jud_a").get(f"/api/submissions/{sid}").status_code == 200
