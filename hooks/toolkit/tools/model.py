"""The tools' data: plain dataclasses, one per level of a tool's YAML file."""

from __future__ import annotations

from dataclasses import dataclass, field

# Where each kind of link in the data points: `factor:factor-3` is an id on what-helps.md.
LINK_PAGES: dict[str, str] = {
    "rung": "ladder.md",
    "stage": "definitions.md",
    "factor": "what-helps.md",
    "barrier": "barriers.md",
    "getting-started": "getting-started.md",
    "ref": "references.md",
}
QUESTION_TYPES = ("scale", "choice", "checks", "text", "line")


@dataclass(frozen=True)
class Link:
    """A link to an id on one of the site's pages, written `kind:id` in the data."""

    kind: str
    id: str

    @property
    def page(self) -> str:
        return LINK_PAGES[self.kind]

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass
class Option:
    """One answer a reader can pick: a point on a scale, a choice or a checklist item."""

    key: str
    label: str
    line: int
    hint: str = ""
    link: Link | None = None


@dataclass
class Question:
    """One question. `type` is scale (a shared scale), choice (one option), checks (any
    options), text (a paragraph) or line (a short answer)."""

    key: str
    type: str
    label: str
    line: int
    hint: str = ""
    scale: str = ""
    options: list[Option] = field(default_factory=list)
    link: Link | None = None


@dataclass
class Section:
    """A group of questions: one fieldset with a legend."""

    key: str
    legend: str
    line: int
    hint: str = ""
    link: Link | None = None
    questions: list[Question] = field(default_factory=list)


@dataclass
class Tool:
    """One tool in one language, as read from `data/tools/<lang>/<id>.yml`."""

    id: str
    lang: str
    path: str  # for reports: 'data/tools/cy/star.yml'
    sources: list[str] = field(default_factory=list)
    source_lines: list[int] = field(default_factory=list)
    scales: dict[str, list[Option]] = field(default_factory=dict)
    scale_lines: dict[str, int] = field(default_factory=dict)
    strings: dict[str, str] = field(default_factory=dict)
    string_lines: dict[str, int] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)

    def options(self, question: Question) -> list[Option]:
        """The answers a question offers: its own options or its scale's points."""
        return self.scales.get(question.scale, []) if question.type == "scale" else question.options
