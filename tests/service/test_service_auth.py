"""Sign-in, sessions with CSRF, bearer tokens, throttling, and that no route answers without a user."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests_service_paths import fill

from service.main import ROUTERS


def test_login_me_logout(world):
    c = world.login("draft_a")
    me = c.get("/api/auth/me").json()
    assert me["user"]["username"] == "draft_a" and me["user"]["role_name"] == "起草单位"
    assert c.post("/api/auth/logout").status_code == 204
    r = c.get("/api/auth/me")
    assert r.status_code == 401 and r.json()["code"] == "login_required"


def test_bad_password_is_401_in_chinese(world):
    r = world.client.post("/api/auth/login", json={"username": "draft_a", "password": "wrong-password"})
    assert r.status_code == 401
    assert r.json() == {"code": "bad_credentials", "message": "用户名或密码错误。"}


def test_unknown_user_and_inactive_user_cannot_log_in(world):
    assert (
        world.client.post("/api/auth/login", json={"username": "nobody", "password": "x" * 9}).status_code
        == 401
    )
    admin = world.login("admin")
    uid = next(u["id"] for u in admin.get("/api/users").json()["items"] if u["username"] == "adv_b")
    assert admin.patch(f"/api/users/{uid}", json={"active": False}).json()["active"] is False
    r = TestClient(world.app).post(
        "/api/auth/login", json={"username": "adv_b", "password": "correct-horse-1"}
    )
    assert r.status_code == 401


def test_login_throttled_after_repeated_failures(world):
    c = TestClient(world.app)
    codes = [
        c.post("/api/auth/login", json={"username": "jud_a", "password": f"bad-{i}"}).status_code
        for i in range(6)
    ]
    assert codes[:5] == [401] * 5 and codes[5] == 429
    r = c.post("/api/auth/login", json={"username": "jud_a", "password": "correct-horse-1"})
    assert r.status_code == 429 and "登录失败次数过多" in r.json()["message"]


def test_cookie_requests_need_the_csrf_token(world):
    c = world.login("draft_a")
    del c.headers["X-CSRF-Token"]
    r = world.upload(c)
    assert r.status_code == 403 and r.json()["code"] == "csrf_failed"
    c.headers["X-CSRF-Token"] = "forged"
    assert world.upload(c).status_code == 403


def test_bearer_token_works_without_csrf_and_bad_token_is_401(world):
    c = world.login("draft_a")
    token = c.post("/api/auth/tokens", json={"name": "脚本"}).json()["token"]
    api = TestClient(world.app, headers={"Authorization": f"Bearer {token}"})
    assert api.get("/api/auth/me").json()["user"]["username"] == "draft_a"
    assert world.upload(api).status_code == 201
    bad = TestClient(world.app, headers={"Authorization": "Bearer fs_not-a-token"})
    assert bad.get("/api/submissions").status_code == 401


def test_no_route_returns_data_without_a_user(world):
    """Every API and page route, called anonymously, is 401 (API) or a redirect to the login page (HTML)."""
    public = {("/login", "GET"), ("/login", "POST"), ("/api/auth/login", "POST"), ("/", "GET")}
    anon = TestClient(world.app, follow_redirects=False)
    checked = 0
    for route in (r for router in ROUTERS for r in router.routes):
        for method in route.methods - {"HEAD"}:
            if (route.path, method) in public:
                continue
            path = fill(route.path)
            r = anon.request(
                method, path, headers={"accept": "text/html" if not path.startswith("/api") else "*/*"}
            )
            checked += 1
            if path.startswith("/api"):
                assert r.status_code == 401, (method, path, r.status_code)
                assert set(r.json()) == {"code", "message"}
            else:
                assert r.status_code in (303, 401), (method, path, r.status_code)
                if r.status_code == 303:
                    assert r.headers["location"].startswith("/login")
    assert checked > 30


def test_openapi_documents_the_api(world):
    spec = world.client.get("/openapi.json").json()
    assert "/api/submissions" in spec["paths"] and spec["info"]["title"].startswith("法审")


def test_unexpected_errors_are_json_in_chinese(world, monkeypatch):
    from service import access

    def boom(user):
        raise RuntimeError("bug")

    c = world.login("draft_a")
    monkeypatch.setattr(access, "visible", boom)
    r = TestClient(world.app, raise_server_exceptions=False, cookies=c.cookies).get("/api/submissions")
    assert r.status_code == 500 and r.json() == {
        "code": "internal",
        "message": "服务器内部错误，请稍后重试或联系管理员。",
    }
