"""Safe YAML loading that remembers the line of every mapping, for precise error messages."""

from __future__ import annotations

from typing import Any

import yaml

LINE_KEY = "__line__"


class _LineLoader(yaml.SafeLoader):
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
