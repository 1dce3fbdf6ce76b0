"""``reviewer users`` bootstraps departments and users; ``reviewer serve`` is registered."""

from __future__ import annotations

from reviewer.cli import build_parser, main


def test_users_commands(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FASHEN_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("FASHEN_PASSWORD", "bootstrap-pass-1")
    assert main(["users", "add-department", "青山镇农业办", "--jurisdiction", "青山司法所"]) == 0
    assert main(["users", "add", "root", "--role", "admin"]) == 0
    assert (
        main(["users", "add", "d", "--role", "drafter", "--department", "青山镇农业办", "--name", "张三"])
        == 0
    )
    assert main(["users", "add", "x", "--role", "drafter", "--department", "没有这个单位"]) == 3
    assert main(["users", "list"]) == 0
    out = capsys.readouterr()
    assert "已创建用户 root" in out.out and "张三\t起草单位\t青山镇农业办" in out.out
    assert "起草单位“没有这个单位”不存在" in out.err
    assert (tmp_path / "var" / "fashen.db").exists()


def test_serve_is_registered():
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9000"])
    assert (args.host, args.port) == ("0.0.0.0", 9000) and args.func.__name__ == "serve"
