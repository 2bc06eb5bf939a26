"""The project's settings, read from mkdocs.yml once: languages, nav and Markdown extensions.

`check` has no MkDocs to ask, so it reads the same file the build reads. Tags that only MkDocs
understands (`!ENV`, `!!python/name:`) are read as their default value or left empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pathspec.gitignore import GitIgnoreSpec

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


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when PyYAML has it: faster
    """A safe loader that tolerates MkDocs' own tags."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    """`!ENV [NAME, default]` or `!ENV NAME`: the default (check never reads the environment)."""
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    """What the core needs from mkdocs.yml."""

    root: Path
    docs_dir: Path
    languages: Languages
    nav: tuple[str, ...] | None  # pages named in the nav (relative to a language folder), None: no nav
    not_in_nav: tuple[str, ...]  # gitignore-style patterns
    extensions: tuple[str, ...] = ()
    extension_configs: dict[str, dict] = field(default_factory=dict)

    def in_nav(self, lang: str, rel: str) -> bool:
        """Whether a page is in the nav or matches not_in_nav, as MkDocs decides (gitignore
        patterns against the path in docs/); any other page fails the strict build."""
        if self.nav is None or rel in self.nav:
            return True
        return GitIgnoreSpec.from_lines(self.not_in_nav).match_file(f"{lang}/{rel}")


def _nav_pages(nav: Any) -> list[str]:
    """Every page path named in a nav tree (titles and external links left out)."""
    found: list[str] = []
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found.extend(_nav_pages(value))
    return [p for p in found if "://" not in p]


def _extensions(raw: Any) -> tuple[tuple[str, ...], dict[str, dict]]:
    names: list[str] = []
    configs: dict[str, dict] = {}
    for item in raw or []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                configs[name] = dict(options or {})
    return tuple(names), configs


def _plugin(plugins: Any, name: str) -> dict:
    for item in plugins or []:
        if isinstance(item, dict) and name in item:
            return item[name] or {}
    return {}


@lru_cache(maxsize=8)
def load_project(config_file: Path) -> Project:
    """Read mkdocs.yml (cached: it is read once per process)."""
    config_file = Path(config_file).resolve()
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    root = config_file.parent
    names, configs = _extensions(data.get("markdown_extensions"))
    not_in_nav = data.get("not_in_nav") or ""
    return Project(
        root=root,
        docs_dir=root / data.get("docs_dir", "docs"),
        languages=Languages.from_i18n(_plugin(data.get("plugins"), "i18n").get("languages") or []),
        nav=tuple(_nav_pages(data["nav"])) if data.get("nav") else None,
        not_in_nav=tuple(line.strip() for line in not_in_nav.splitlines() if line.strip()),
        extensions=names,
        extension_configs=configs,
    )


def this_project() -> Project:
    """The project this package belongs to (hooks/toolkit/ sits two levels below mkdocs.yml)."""
    return load_project(Path(__file__).resolve().parents[2] / "mkdocs.yml")
