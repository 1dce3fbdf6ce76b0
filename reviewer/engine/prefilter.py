"""Necessary literals of a regex: a set of strings at least one of which every match contains.

The engine puts these factors into its one Aho-Corasick automaton and runs a regex only on the lines where
one of its factors occurs, instead of over the whole document. ``None`` means no such set is known (the
regex then runs everywhere).
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P

Factors = frozenset[str] | None
MAX_ALTERNATIVES = 40


def _better(a: Factors, b: Factors) -> Factors:
    """The more selective of two factor sets: longer shortest string, then fewer alternatives."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _seq(items: list) -> Factors:
    best: Factors = None
    run = ""
    for op, av in list(items) + [(None, None)]:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            best = _better(best, frozenset([run]))
            run = ""
        if op is not None:
            best = _better(best, _item(op, av))
    return best


def _item(op, av) -> Factors:
    if op is C.LITERAL:
        return frozenset([chr(av)])
    if op is C.SUBPATTERN:
        return _seq(av[-1])
    if op is C.ATOMIC_GROUP:
        return _seq(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, _hi, sub = av
        return _seq(sub) if lo >= 1 else None
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            f = _seq(alt)
            if f is None:
                return None
            out |= f
        return frozenset(out) if len(out) <= MAX_ALTERNATIVES else None
    if op is C.IN:
        if all(o is C.LITERAL for o, _ in av) and len(av) <= MAX_ALTERNATIVES:
            return frozenset(chr(c) for _, c in av)
        return None
    return None


def factors(regex: re.Pattern[str]) -> Factors:
    """Strings one of which every match of ``regex`` contains, or ``None``."""
    if regex.flags & re.IGNORECASE:
        return None
    try:
        tree = P.parse(regex.pattern, regex.flags)
    except re.error:
        return None
    found = _seq(list(tree))
    return found if found and all(found) else None
