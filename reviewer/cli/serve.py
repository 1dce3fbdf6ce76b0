"""``reviewer serve`` (the web service) and ``reviewer users`` (bootstrap users and departments).

These are the only commands that import ``service``; the library itself never does.
"""

from __future__ import annotations

import argparse
import os
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="启动审查服务（网页界面与 API）",
        description="启动审查服务：内置 SQLite 数据库与审查工作进程；配置见环境变量或 .env。",
    )
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    p.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    p.set_defaults(func=serve)

    u = sub.add_parser("users", help="管理用户与起草单位", description="在服务数据库中创建用户和起草单位。")
    us = u.add_subparsers(dest="users_command", metavar="操作", required=True)
    add = us.add_parser("add", help="新建用户")
    add.add_argument("username", help="用户名")
    add.add_argument(
        "--role",
        required=True,
        choices=["admin", "drafter", "advisor", "judicial"],
        help="角色：admin 管理员 / drafter 起草单位 / advisor 法律顾问 / judicial 司法所",
    )
    add.add_argument("--name", help="姓名（显示用）")
    add.add_argument("--department", help="所属起草单位名称（drafter 必填）")
    add.add_argument("--jurisdiction", help="辖区，即司法所名称（advisor、judicial 必填）")
    add.add_argument("--password", help="密码；省略时读取环境变量 FASHEN_PASSWORD 或交互输入")
    add.set_defaults(func=add_user)
    dept = us.add_parser("add-department", help="新建起草单位")
    dept.add_argument("name", help="起草单位名称")
    dept.add_argument("--jurisdiction", required=True, help="所属司法所")
    dept.set_defaults(func=add_department)
    ls = us.add_parser("list", help="列出用户")
    ls.set_defaults(func=list_users)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from service.main import create_app

    uvicorn.run(create_app(), host=args.host, port=args.port, log_level="info", timeout_graceful_shutdown=5)
    return 0


def _sessions():
    from service.db import make_engine, make_sessionmaker, upgrade
    from service.settings import Settings

    settings = Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.db_url)
    upgrade(engine)
    return make_sessionmaker(engine)


def add_user(args: argparse.Namespace) -> int:
    import getpass

    from service import crud
    from service.db import session_scope

    password = args.password or os.environ.get("FASHEN_PASSWORD") or getpass.getpass("密码：")
    with session_scope(_sessions()) as s:
        user = crud.create_user(
            session=s,
            actor=None,
            username=args.username,
            password=password,
            role=args.role,
            display_name=args.name,
            department=args.department,
            jurisdiction=args.jurisdiction,
        )
        print(f"已创建用户 {user.username}（{args.role}）。")
    return 0


def add_department(args: argparse.Namespace) -> int:
    from service import crud
    from service.db import session_scope

    with session_scope(_sessions()) as s:
        dept = crud.create_department(session=s, actor=None, name=args.name, jurisdiction=args.jurisdiction)
        print(f"已创建起草单位 {dept.name}（{dept.jurisdiction}）。")
    return 0


def list_users(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from service.models import ROLES, User

    with _sessions()() as s:
        for user in s.scalars(select(User).order_by(User.id)):
            where = user.department.name if user.department else (user.jurisdiction or "")
            state = "" if user.active else "（停用）"
            sys.stdout.write(
                f"{user.id}\t{user.username}\t{user.display_name}\t{ROLES[user.role]}\t{where}{state}\n"
            )
    return 0
