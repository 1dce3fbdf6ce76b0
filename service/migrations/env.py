"""Alembic environment: uses the connection handed over by ``service.db.upgrade``."""

from __future__ import annotations

from alembic import context

from service.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("请通过 service.db.upgrade() 运行数据库迁移。")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
