"""Load, validate and compile the rule catalog once per process.

``rules/categories.yaml`` holds the categories (Chinese name, "whether", checklist items); ``rules/macros.yaml``
named regex fragments that any rule regex may use as ``<<NAME>>``; ``rules/<category>/<ID>.yaml`` the rules.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick
import yaml

from reviewer import checks
from reviewer.engine.prefilter import analyse
from reviewer.engine.schema import Condition, Pattern, RuleSpec, validate
from reviewer.errors import RuleError

RULES_ENV = "FASHEN_RULES"
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "rules"
MACRO_RE = re.compile(r"<<([A-Z_]+)>>")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    name: str
    whether: str
    items: dict[str, str]


@dataclass(slots=True)
class CompiledPattern:
    regex: re.Pattern[str] | None
    phrases: tuple[str, ...] = ()
    factors: tuple[frozenset[str], ...] = ()  # necessary literals of the regex (prefilter)
    needs: tuple[tuple[int, ...], ...] = ()  # the same as indices into ``Catalog.literals``
    starts: re.Pattern[str] | None = None  # the characters every match starts with, when ``re`` cannot skip


@dataclass(slots=True)
class CompiledCondition:
    key: str
    regex: re.Pattern[str]
    chars: int = 0
    source: str = ""


@dataclass(slots=True)
class Rule:
    """A validated rule with its patterns compiled."""

    spec: RuleSpec
    file: Path
    category: Category
    patterns: list[CompiledPattern]
    then: list[CompiledPattern]
    unless: list[CompiledCondition]
    requires: list[CompiledCondition]

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass(slots=True)
class Catalog:
    root: Path
    categories: dict[str, Category]
    rules: list[Rule]
    version: str
    # string -> (length, phrase targets, literal index or -1); a target is (rule index, group, pattern index)
    automaton: ahocorasick.Automaton | None = None
    literals: int = 0  # how many distinct necessary literals of regexes the automaton holds
    by_id: dict[str, Rule] = field(default_factory=dict)

    def items(self) -> dict[str, str]:
        """Every checklist item id → its Chinese title, in catalog order."""
        return {k: v for c in self.categories.values() for k, v in c.items.items()}


def rules_dir() -> Path:
    return Path(os.environ.get(RULES_ENV) or DEFAULT_DIR)


def _read_yaml(path: Path, root: Path) -> object:
    rel = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else "（YAML）"
        raise RuleError(
            rel, where, f"YAML 语法错误：{getattr(exc, 'problem', exc)}", code="rule_yaml_syntax"
        ) from None
    except UnicodeDecodeError:
        raise RuleError(rel, "（整体）", "文件不是 UTF-8 编码", code="rule_encoding") from None


def _categories(root: Path) -> dict[str, Category]:
    data = _read_yaml(root / "categories.yaml", root)
    if not isinstance(data, dict) or not isinstance(data.get("categories"), dict):
        raise RuleError(
            "categories.yaml", "categories", "必须是类别代码到定义的映射", code="rule_bad_categories"
        )
    out: dict[str, Category] = {}
    for code, d in data["categories"].items():
        if (
            not isinstance(d, dict)
            or not {"name", "whether"} <= set(d)
            or set(d) - {"name", "whether", "items"}
        ):
            raise RuleError(
                "categories.yaml",
                f"categories.{code}",
                "须有 name、whether，可有 items",
                code="rule_bad_categories",
            )
        out[code] = Category(code, str(d["name"]), str(d["whether"]), dict(d.get("items") or {}))
    return out


def _macros(root: Path) -> dict[str, str]:
    path = root / "macros.yaml"
    if not path.exists():
        return {}
    data = _read_yaml(path, root) or {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise RuleError("macros.yaml", "（整体）", "必须是名称到正则片段的映射", code="rule_bad_macros")
    out: dict[str, str] = {}
    for name, value in data.items():  # a macro may use macros defined above it
        out[name] = MACRO_RE.sub(lambda m: out.get(m.group(1), m.group(0)), value)
    return out


@cache
def _shared(source: str) -> re.Pattern[str]:
    """One compiled object per distinct regex, so that rules sharing a condition share its per-document cache."""
    return re.compile(source)


def _compile(source: str, macros: dict[str, str], file: str, where: str) -> re.Pattern[str]:
    def expand(m: re.Match[str]) -> str:
        if m.group(1) not in macros:
            raise RuleError(file, where, f"未定义的宏 <<{m.group(1)}>>", code="rule_unknown_macro")
        return macros[m.group(1)]

    try:
        return _shared(MACRO_RE.sub(expand, source))
    except re.error as exc:
        raise RuleError(file, where, f"正则表达式无效：{exc}", code="rule_bad_regex") from None


def _patterns(
    items: list[Pattern] | None, macros: dict[str, str], file: str, name: str
) -> list[CompiledPattern]:
    out = []
    for i, p in enumerate(items or []):
        if p.regex is not None:
            regex = _compile(p.regex, macros, file, f"{name}[{i}].regex")
            found, first = analyse(regex)
            starts = re.compile(f"[{re.escape(first)}]") if first else None
            out.append(CompiledPattern(regex, factors=found, starts=starts))
        else:
            out.append(CompiledPattern(None, tuple(p.phrases or ())))
    return out


def _conditions(
    items: list[Condition], macros: dict[str, str], file: str, name: str
) -> list[CompiledCondition]:
    out = []
    for i, c in enumerate(items):
        chars = c.window.chars if c.window else 0
        out.append(
            CompiledCondition(c.key, _compile(c.regex, macros, file, f"{name}[{i}].{c.key}"), chars, c.regex)
        )
    return out


def load_rule(path: Path, root: Path, categories: dict[str, Category], macros: dict[str, str]) -> Rule:
    """Validate and compile one rule file."""
    rel = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    spec = validate(_read_yaml(path, root), rel)
    if spec.id != path.stem:
        raise RuleError(rel, "id", f"id「{spec.id}」与文件名「{path.stem}」不一致", code="rule_id_mismatch")
    if spec.category not in categories:
        raise RuleError(
            rel,
            "category",
            f"未知类别「{spec.category}」（见 categories.yaml）",
            code="rule_unknown_category",
        )
    if path.parent.name != spec.category and path.parent != root:
        raise RuleError(
            rel,
            "category",
            f"类别「{spec.category}」与目录「{path.parent.name}」不一致",
            code="rule_category_mismatch",
        )
    known = {k for c in categories.values() for k in c.items}
    for i, item in enumerate(spec.checklist):
        if item not in known:
            raise RuleError(
                rel,
                f"checklist[{i}]",
                f"未知审查项「{item}」（见 categories.yaml）",
                code="rule_unknown_checklist",
            )
    if spec.check == "python" and checks.get(spec.function or "") is None:
        raise RuleError(
            rel, "function", f"未注册的 Python 检查「{spec.function}」", code="rule_unknown_function"
        )
    return Rule(
        spec=spec,
        file=path,
        category=categories[spec.category],
        patterns=_patterns(spec.patterns, macros, rel, "patterns"),
        then=_patterns(spec.then, macros, rel, "then"),
        unless=_conditions(spec.unless, macros, rel, "unless"),
        requires=_conditions(spec.requires, macros, rel, "requires"),
    )


def load(root: Path | None = None) -> Catalog:
    """Read and compile every rule under ``root``; raises ``RuleError`` on the first malformed file."""
    root = Path(root or rules_dir())
    if not (root / "categories.yaml").exists():
        raise RuleError(
            str(root), "categories.yaml", "规则目录缺少 categories.yaml", code="rule_missing_categories"
        )
    categories = _categories(root)
    macros = _macros(root)
    digest = hashlib.sha1()
    for extra in ("categories.yaml", "macros.yaml"):
        if (root / extra).exists():
            digest.update((root / extra).read_bytes())
    rules: list[Rule] = []
    by_id: dict[str, Rule] = {}
    for path in sorted(root.glob("*/*.yaml")):
        rule = load_rule(path, root, categories, macros)
        if rule.id in by_id:
            raise RuleError(
                str(path.relative_to(root)),
                "id",
                f"id「{rule.id}」重复（另见 {by_id[rule.id].file.name}）",
                code="rule_duplicate_id",
            )
        by_id[rule.id] = rule
        rules.append(rule)
        digest.update(path.name.encode() + path.read_bytes())
    catalog = Catalog(
        root=root,
        categories=categories,
        rules=rules,
        version=f"{len(rules)}-{digest.hexdigest()[:10]}",
        by_id=by_id,
    )
    catalog.automaton, catalog.literals = _automaton(rules)
    return catalog


def _automaton(rules: list[Rule]) -> tuple[ahocorasick.Automaton | None, int]:
    """One Aho-Corasick automaton over every phrase list of every rule (patterns, ``then``, ``swap``) and
    every regex's necessary literals; sets each regex pattern's ``needs`` and returns the literal count."""
    table: dict[str, list[tuple[int, str, int]]] = {}
    literals: dict[str, int] = {}
    for ri, rule in enumerate(rules):
        for group, pats in (("patterns", rule.patterns), ("then", rule.then)):
            for pi, p in enumerate(pats):
                for phrase in p.phrases:
                    table.setdefault(phrase, []).append((ri, group, pi))
                p.needs = tuple(
                    tuple(sorted({literals.setdefault(lit, len(literals)) for lit in need}))
                    for need in p.factors
                )
        for wrong in rule.spec.swap or {}:
            table.setdefault(wrong, []).append((ri, "swap", 0))
    if not table and not literals:
        return None, 0
    auto = ahocorasick.Automaton()
    for word in dict.fromkeys([*table, *literals]):
        auto.add_word(word, (len(word), tuple(table.get(word, ())), literals.get(word, -1)))
    auto.make_automaton()
    return auto, len(literals)


@lru_cache(maxsize=4)
def _cached(root: str) -> Catalog:
    return load(Path(root))


def get(root: Path | None = None) -> Catalog:
    """The process-wide compiled catalog (loaded on first use)."""
    return _cached(str(Path(root or rules_dir()).resolve()))


def reset() -> None:
    """Forget the compiled catalog (tests and rule authors after editing files)."""
    _cached.cache_clear()
