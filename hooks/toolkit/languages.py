"""The site's languages, declared once: in the i18n section of mkdocs.yml.

The default language (Welsh) is built at the site root, every other one under /<code>/.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NAMES = {"cy": "Welsh", "en": "English"}  # for messages, which are in English


@dataclass(frozen=True)
class Languages:
    """The language codes in build order (the default first)."""

    codes: tuple[str, ...]

    @classmethod
    def from_i18n(cls, entries: list[Any]) -> "Languages":
        """From the i18n plugin's `languages:` entries (dicts from YAML, or the plugin's objects)."""

        def get(entry: Any, key: str) -> Any:
            return entry.get(key) if isinstance(entry, dict) else getattr(entry, key, None)

        built = [e for e in entries if get(e, "build") is not False]
        default = [get(e, "locale") for e in built if get(e, "default")]
        others = [get(e, "locale") for e in built if not get(e, "default")]
        if not default:
            raise ValueError("mkdocs.yml: the i18n plugin names no default language")
        return cls(tuple(default + others))

    @property
    def default(self) -> str:
        return self.codes[0]

    def others(self, lang: str) -> tuple[str, ...]:
        return tuple(code for code in self.codes if code != lang)

    def prefix(self, lang: str) -> str:
        """Where a language is built: '' for the default, 'en/' for English."""
        return "" if lang == self.default else f"{lang}/"

    @staticmethod
    def name(lang: str) -> str:
        return NAMES.get(lang, lang)


def other(lang: str) -> str:
    """The twin language of `lang` in this two-language project."""
    return next(code for code in _project_languages().codes if code != lang)


def _project_languages() -> Languages:
    from .project import this_project  # mkdocs.yml names the languages

    return this_project().languages


def __getattr__(name: str) -> Any:
    """`LANGUAGES` and `DEFAULT_LANGUAGE` of this project, read from its mkdocs.yml on first use."""
    if name == "LANGUAGES":
        return _project_languages().codes
    if name == "DEFAULT_LANGUAGE":
        return _project_languages().default
    raise AttributeError(name)
