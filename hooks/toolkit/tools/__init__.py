"""Tools / Offerynnau: self-assessment and planning worksheets defined once as YAML data.

Each tool's questions, scales and words live in `data/tools/<lang>/<tool>.yml`, with the
same keys in every language. This package loads them (keeping line numbers), validates them
against the docs tree, and renders each tool as an HTML form that `tools.js` brings to life.
"""

from .check import validate_tools
from .load import load_tools
from .model import Option, Question, Section, Tool
from .render import render_tool, tools_for

__all__ = ["Option", "Question", "Section", "Tool", "load_tools", "render_tool", "tools_for", "validate_tools"]
