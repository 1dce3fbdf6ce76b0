"""What every match of a regex must contain, read from its parse tree, so that the engine runs it less.

``factors``: sets of strings such that every match contains a string of each set. The engine puts these
literals into its one Aho-Corasick automaton and runs a regex only on the lines that hold a literal of every
one of its sets, instead of over the whole document. An empty tuple means no such set is known (the regex
then runs everywhere).

``first_chars``: the characters one of which starts every match, for a regex that Python's regex engine
cannot skip ahead for by itself (its first item is a lookbehind, an optional part or a group of
alternatives); the engine then tries a match only where one of them stands.
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P

Factors = frozenset[str]  # every match contains at least one of these strings
MAX_ALTERNATIVES = 40  # a set of single characters is kept only this small
MAX_WORDS = 120  # a set of longer strings may be larger: such strings are rare in any one line


def _rank(f: Factors) -> tuple[int, int]:
    return min(map(len, f)), -len(f)


def _best(sets: list[Factors]) -> Factors | None:
    """The most selective set: longer shortest string, then fewer alternatives (the first on a tie)."""
    return max(sets, key=_rank, default=None)


def _seq(items: list) -> list[Factors]:
    """Necessary sets of a sequence: each run of finite elements gives the set of its concatenations."""
    sets: list[Factors] = []
    run = {""}
    for op, av in [*items, (None, None)]:
        words = _finite(op, av) if op is not None else None
        if words is not None:
            joined = {a + b for a in run for b in words}
            if len(joined) <= MAX_WORDS:
                run = joined
                continue
        if "" not in run:
            sets.append(_minimal(run))
        run = {""}
        if words is not None:
            run = words
        elif op is not None:
            sets.extend(_item(op, av))
    return sets


_FINITE: dict[tuple[object, int], set[str] | None] = {}  # _finite of the nodes of the tree being analysed


def _finite(op, av) -> set[str] | None:
    """Every string the element can match, when they are few and known (literals, classes, alternatives)."""
    key = (op, id(av))
    try:
        found = _FINITE[key]
    except KeyError:
        found = _FINITE[key] = _finite_node(op, av)
    return None if found is None else set(found)


def _finite_node(op, av) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        if all(o is C.LITERAL for o, _ in av) and len(av) <= MAX_WORDS:
            return {chr(c) for _, c in av}
        return None
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _finite_seq(sub)
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            words = _finite_seq(alt)
            if words is None:
                return None
            out |= words
        return out if len(out) <= MAX_WORDS else None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] in (0, 1) and av[1] == 1:
        words = _finite_seq(av[2])
        if words is not None and av[0] == 0:
            words.add("")
        return words
    return None


def _finite_seq(items: list) -> set[str] | None:
    run = {""}
    for op, av in items:
        words = _finite(op, av)
        if words is None:
            return None
        run = {a + b for a in run for b in words}
        if len(run) > MAX_WORDS:
            return None
    return run


def _item(op, av) -> list[Factors]:
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return [] if add_flags & re.IGNORECASE else _seq(sub)
    if op is C.ATOMIC_GROUP:
        return _seq(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, _hi, sub = av
        return _seq(sub) if lo >= 1 else []
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            best = _best(_seq(alt))
            if best is None:
                return []
            out |= best
        found = _minimal(out)
        return [found] if len(found) <= MAX_WORDS else []
    return []


def _minimal(words: set[str]) -> Factors:
    """The same condition without the strings that contain another one (those add nothing)."""
    kept: list[str] = []
    for w in sorted(words, key=len):
        if not any(len(v) < len(w) and v in w for v in kept):
            kept.append(w)
    return frozenset(kept)


def _implies(a: Factors, b: Factors) -> bool:
    """Whether a string of ``a`` being present means a string of ``b`` is present."""
    return all(any(y in x for y in b) for x in a)


def analyse(regex: re.Pattern[str]) -> tuple[tuple[Factors, ...], str | None]:
    """``factors`` and ``first_chars`` of ``regex``, from one parse: ``((), None)`` when nothing is known."""
    if regex.flags & re.IGNORECASE:
        return (), None
    try:
        tree = list(P.parse(regex.pattern, regex.flags))
    except re.error:
        return (), None
    _FINITE.clear()
    try:
        return factors(tree), first_chars(tree)
    finally:
        _FINITE.clear()


def factors(tree: list) -> tuple[Factors, ...]:
    """Sets of strings, each of which has a member in every match of the parsed regex; ``()`` when none is
    known.

    Kept: the most selective set (as long as its strings are non-empty) and every other set of strings of
    two or more characters that no other kept set implies; single characters are too common to add."""
    sets = [
        s
        for s in dict.fromkeys(_seq(tree))
        if all(s) and (min(map(len, s)) >= 2 or len(s) <= MAX_ALTERNATIVES)
    ]
    best = _best(sets)
    if best is None:
        return ()
    kept = [best] + [s for s in sets if s is not best and min(map(len, s)) >= 2]
    return tuple(s for i, s in enumerate(kept) if not _redundant(i, kept))


def _redundant(i: int, kept: list[Factors]) -> bool:
    """Another set implies set ``i`` (of two equivalent sets the first stays)."""
    s = kept[i]
    return any(j != i and _implies(t, s) and (j < i or not _implies(s, t)) for j, t in enumerate(kept))


_ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)


def first_chars(tree: list) -> str | None:
    """The characters one of which starts every match of the parsed regex, when ``re`` has no such shortcut
    itself.

    ``None`` when the set is unknown, when a match may be empty, or when ``re`` already skips to its
    candidates (the regex starts with a literal, a character class or alternatives that all start with a
    literal)."""
    if _has_own_prefix(tree):
        return None
    first = _first_seq(tree)
    if first is None or first[1]:
        return None
    return "".join(sorted(first[0]))


def _has_own_prefix(items: list) -> bool:
    """Whether ``re`` finds candidate positions by itself (mirrors its compiler's prefix and charset tests)."""
    while items and items[0][0] is C.SUBPATTERN:
        items = list(items[0][1][3])
    if not items:
        return False
    op, av = items[0]
    if op in (C.LITERAL, C.IN):
        return True
    return op is C.BRANCH and all(alt and alt[0][0] is C.LITERAL for alt in av[1])


def _first_seq(items: list) -> tuple[set[str], bool] | None:
    """Characters that can start a match of the sequence, and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        first = _first_item(op, av)
        if first is None:
            return None
        out |= first[0]
        if not first[1]:
            return out, False
    return out, True


def _first_item(op, av) -> tuple[set[str], bool] | None:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        return ({chr(c) for _, c in av}, False) if all(o is C.LITERAL for o, _ in av) else None
    if op is C.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _first_seq(av[3])
    if op is C.BRANCH:
        out: set[str] = set()
        empty = False
        for alt in av[1]:
            first = _first_seq(alt)
            if first is None:
                return None
            out |= first[0]
            empty = empty or first[1]
        return out, empty
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        first = _first_seq(av[2])
        return None if first is None else (first[0], first[1] or av[0] == 0)
    return None
