"""Safe YAML loading that remembers the line of every mapping, for precise error messages."""

from __future__ import annotations

from typing import Any

import yaml

LINE_KEY = "__line__"
# Far beyond any year, count or score, and well below the 4,300 decimal digits past which
# Python refuses to convert between int and str (1,000 hexadecimal digits are ~1,200 decimal).
MAX_INT_CHARS = 1000
INT_TAG = "tag:yaml.org,2002:int"


class BoundedIntLoader(yaml.SafeLoader):
    """SafeLoader that refuses an integer too long to convert, naming its line.

    Python raises a plain ``ValueError`` for a decimal integer of more than 4,300 digits (and
    when a long hexadecimal one is printed); here it becomes a :class:`yaml.MarkedYAMLError`
    like any other bad document. Subclasses may read such a number as text instead.
    """

    def construct_bounded_int(self, node: yaml.ScalarNode) -> object:
        """An integer as SafeLoader reads it, or :meth:`construct_oversized_int` if too long."""
        text = self.construct_scalar(node)
        if len(str(text)) > MAX_INT_CHARS:
            return self.construct_oversized_int(node)
        return self.construct_yaml_int(node)

    def construct_oversized_int(self, node: yaml.ScalarNode) -> object:
        """Refuse a too-long integer.

        Raises:
            yaml.MarkedYAMLError: always, naming the number's line.
        """
        raise yaml.MarkedYAMLError(
            problem=f"a number longer than {MAX_INT_CHARS:,} digits", problem_mark=node.start_mark
        )


BoundedIntLoader.add_constructor(INT_TAG, BoundedIntLoader.construct_bounded_int)


class _LineLoader(BoundedIntLoader):
    """SafeLoader that stores each mapping's 1-based line under ``LINE_KEY``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


def load_yaml_with_lines(text: str) -> object:
    """Parse YAML safely (no object construction), adding line markers to mappings.

    Raises:
        yaml.YAMLError: the text is not valid YAML.
    """
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
