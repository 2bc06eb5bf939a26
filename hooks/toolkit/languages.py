"""This project's languages, for code that works on this project (the command-line tools).

They are declared once, in the i18n section of mkdocs.yml, and read by toolkit.project; the
default language (Welsh) is built at the site root, every other one under /<code>/.
"""

from __future__ import annotations

from typing import Any

from .project import Languages, this_project

__all__ = ["Languages", "other"]


def other(lang: str) -> str:
    """The twin language of `lang` in this two-language project."""
    return next(code for code in _project_languages().codes if code != lang)


def _project_languages() -> Languages:
    return this_project().languages


def __getattr__(name: str) -> Any:
    """`LANGUAGES` and `DEFAULT_LANGUAGE` of this project, read from its mkdocs.yml on first use."""
    if name == "LANGUAGES":
        return _project_languages().codes
    if name == "DEFAULT_LANGUAGE":
        return _project_languages().default
    raise AttributeError(name)
