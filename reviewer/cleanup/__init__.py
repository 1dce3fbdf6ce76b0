"""Batch clean-up of issued normative documents (规范性文件清理).

``run(folder, Options(as_of=...))`` → ``Result`` (per-document status and disposition with reasons,
cross-document duplicates and conflicts, failures); ``xlsx.write`` and ``jsonout.write`` export it.
"""

from __future__ import annotations

from reviewer.cleanup.pipeline import Options, Result, run

__all__ = ["Options", "Result", "run"]
