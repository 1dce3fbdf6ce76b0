"""Shared fixtures: the generated clean-up corpus (bench/cleanup_corpus.py) and its answer key."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from reviewer.cleanup import Options, run

ROOT = Path(__file__).resolve().parents[2]


def load_generator():
    spec = importlib.util.spec_from_file_location("cleanup_corpus", ROOT / "bench" / "cleanup_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generator():
    return load_generator()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, generator):
    folder = tmp_path_factory.mktemp("cleanup") / "文件库"
    key = generator.write_corpus(folder, 220)
    return folder, key


@pytest.fixture(scope="session")
def corpus_result(corpus):
    folder, key = corpus
    return run(folder, Options(as_of=date.fromisoformat(key["as_of"]), cache_path=None, jobs=2))
