"""Admins manage departments and users; validation errors are 422 with a Chinese message."""

from __future__ import annotations


def test_admin_creates_department_and_user(world):
    admin = world.login("admin")
    dept = admin.post("/api/departments", json={"name": "红石乡财政所", "jurisdiction": "红石司法所"})
    assert dept.status_code == 201
    dup = admin.post("/api/departments", json={"name": "红石乡财政所", "jurisdiction": "红石司法所"})
    assert dup.status_code == 409 and dup.json()["code"] == "duplicate"
    body = {
        "username": "hs",
        "password": "long-enough-1",
        "role": "drafter",
        "department_id": dept.json()["id"],
        "display_name": "红石乡",
    }
    user = admin.post("/api/users", json=body)
    assert user.status_code == 201 and user.json()["role_name"] == "起草单位"
    assert admin.post("/api/users", json=body).status_code == 409
    listing = admin.get("/api/departments?size=1&page=2").json()
    assert listing["total"] == 3 and len(listing["items"]) == 1


def test_user_validation(world):
    admin = world.login("admin")
    weak = admin.post("/api/users", json={"username": "w", "password": "short", "role": "admin"})
    assert weak.status_code == 422 and weak.json()["code"] == "weak_password"
    no_dept = admin.post("/api/users", json={"username": "w", "password": "long-enough-1", "role": "drafter"})
    assert no_dept.status_code == 422 and "必须指定所属单位" in no_dept.json()["message"]
    no_area = admin.post("/api/users", json={"username": "w", "password": "long-enough-1", "role": "advisor"})
    assert no_area.status_code == 422
    bad_role = admin.post("/api/users", json={"username": "w", "password": "long-enough-1", "role": "king"})
    assert bad_role.status_code == 422 and bad_role.json()["code"] == "invalid_request"
    assert admin.patch("/api/users/9999", json={"active": False}).status_code == 404
