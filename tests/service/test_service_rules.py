"""The rule catalog API: list with filters and pagination, detail with basis and examples."""

from __future__ import annotations


def test_rules_api(world):
    c = world.login("adv_a")
    listing = c.get("/api/rules?size=100").json()
    assert listing["total"] >= 1 and listing["total"] == len(listing["items"])
    fine = c.get("/api/rules/PENALTY-FINE-CREATED").json()
    assert fine["category"] == "penalty" and fine["severity"] == "error"
    assert (
        fine["basis"][0]["law"] == "中华人民共和国行政处罚法"
        and len(fine["flag"]) >= 2
        and len(fine["passing"]) >= 2
    )
    only = c.get("/api/rules?category=penalty&size=100").json()["items"]
    assert only and all(r["category"] == "penalty" for r in only)
    assert c.get("/api/rules?q=不存在的关键词xyz").json()["total"] == 0
    r = c.get("/api/rules/NOPE")
    assert r.status_code == 404 and r.json()["code"] == "not_found"
