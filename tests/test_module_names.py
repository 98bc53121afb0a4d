"""A module-level name is bound once: a second binding silently replaces the first.

In modules with hundreds of patterns, a new pattern named like an old one changes what
every use of the old one means (a rule quietly reads another text). This check names them.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted((*ROOT.glob("questions/*.py"), *ROOT.glob("bot/**/*.py")))


def _bound_twice(source: str) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return sorted(name for name, count in names.items() if count > 1)


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_each_module_level_name_is_bound_once(module):
    assert _bound_twice(module.read_text(encoding="utf-8")) == []


def test_a_name_bound_twice_is_found():
    assert _bound_twice("_A = 1\n_B = 2\n_A: int = 3\nif True:\n    _B = 4\n") == ["_A"]
