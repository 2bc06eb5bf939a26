"""Controlled vocabularies and interface labels: one bilingual table for every facet.

Templates, listings and the schema all read their words from here, never from strings of
their own, so a label is translated once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A controlled value: a stable English id and its label in each language."""

    id: str
    cy: str
    en: str

    def label(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Vocabulary:
    """An ordered list of terms, with the page and anchor that explains them (if any)."""

    name: Term  # the facet's own name, e.g. 'Sector'
    terms: tuple[Term, ...]
    page: str | None = None  # e.g. 'ladder.md': each id is an anchor there
    unstated: bool = True  # a case study may say 'not-stated' (see NOT_STATED)

    @property
    def ids(self) -> list[str]:
        """The real values, each an anchor on `page` where there is one."""
        return [t.id for t in self.terms]

    @property
    def choices(self) -> tuple[Term, ...]:
        """What a case study may say: the real values, or 'not stated' when its source is silent."""
        return self.terms + (NOT_STATED,) if self.unstated else self.terms

    @property
    def choice_ids(self) -> list[str]:
        return [t.id for t in self.choices]

    def get(self, id_: str) -> Term | None:
        return next((t for t in self.choices if t.id == id_), None)


# A case study's facet says this when its source does not support any value: better honest
# than a guess. It has no anchor on any page, so it is never linked.
NOT_STATED = Term("not-stated", "Heb ei nodi", "Not stated")


STAGES = Vocabulary(
    Term("stages", "Cam cydgynhyrchu", "Stage of co-production"),
    (
        Term("co-commissioning", "Cydgomisiynu", "Co-commissioning"),
        Term("co-design", "Cyd-ddylunio", "Co-design"),
        Term("co-delivery", "Cydgyflenwi", "Co-delivery"),
        Term("co-assessment", "Cydasesu", "Co-assessment"),
    ),
    page="definitions.md",
)

RUNGS = Vocabulary(
    Term("ladder", "Gris ar yr ysgol", "Rung of the ladder"),
    (
        Term("coercion", "Gorfodaeth", "Coercion"),
        Term("educating", "Addysgu", "Educating"),
        Term("informing", "Hysbysu", "Informing"),
        Term("consultation", "Ymgynghori", "Consultation"),
        Term("engagement", "Ymgysylltu", "Engagement"),
        Term("co-design", "Cyd-ddylunio", "Co-design"),
        Term("co-production", "Cydgynhyrchu", "Co-production"),
    ),
    page="ladder.md",
)

SECTORS = Vocabulary(
    Term("sector", "Sector", "Sector"),
    (
        Term("adult-social-care", "Gofal cymdeithasol i oedolion", "Adult social care"),
        Term("health", "Iechyd", "Health"),
        Term("housing", "Tai", "Housing"),
        Term("community-safety", "Diogelwch cymunedol", "Community safety"),
        Term("environment", "Yr amgylchedd", "Environment"),
        Term("children-young-people", "Plant a phobl ifanc", "Children and young people"),
        Term("education", "Addysg", "Education"),
        Term("employment", "Cyflogaeth", "Employment"),
        Term("local-government", "Llywodraeth leol", "Local government"),
        Term("culture-leisure", "Diwylliant a hamdden", "Culture and leisure"),
        Term("community-development", "Datblygu cymunedol", "Community development"),
    ),
)

COUNTRIES = Vocabulary(
    Term("country", "Gwlad", "Country"),
    (
        Term("wales", "Cymru", "Wales"),
        Term("england", "Lloegr", "England"),
        Term("scotland", "Yr Alban", "Scotland"),
        Term("northern-ireland", "Gogledd Iwerddon", "Northern Ireland"),
        Term("united-kingdom", "Y Deyrnas Unedig (sawl gwlad)", "United Kingdom (several nations)"),
        Term("denmark", "Denmarc", "Denmark"),
        Term("netherlands", "Yr Iseldiroedd", "Netherlands"),
        Term("switzerland", "Y Swistir", "Switzerland"),
        Term("united-states", "Unol Daleithiau America", "United States"),
    ),
)

FACETS: tuple[Vocabulary, ...] = (STAGES, RUNGS, SECTORS, COUNTRIES)

# Whether `years` says when the work ran, or only when the source describing it was published.
YEARS_BASIS = Vocabulary(
    Term("years_basis", "Sail y dyddiad", "What the years mean"),
    (
        Term("work", "Pryd y digwyddodd y gwaith", "When the work ran"),
        Term("source-year", "Blwyddyn y ffynhonnell (nid yw'n dweud pryd y digwyddodd)",
             "The source's year (it does not say when the work ran)"),
    ),
    unstated=False,
)

# Words the generated listings and cards use, in both languages.
LABELS: dict[str, Term] = {
    t.id: t
    for t in (
        Term("place", "Lle", "Place"),
        Term("years", "Pryd", "When"),
        Term("source-year", "Heb ei nodi (blwyddyn y ffynhonnell: {years})", "Not stated (source year: {years})"),
        Term("basis", "Pam y gris hwn", "Why this rung"),
        Term("organisations", "Sefydliadau", "Organisations"),
        Term("sources", "Ffynonellau", "Sources"),
        Term("models", "Modelau cydweithio", "Collaboration models"),
        Term("outcomes", "Canlyniadau", "Outcomes"),
        Term("card", "Cipolwg ar yr astudiaeth achos", "Case study at a glance"),
        Term("related", "Astudiaethau achos cysylltiedig", "Related case studies"),
        Term("none-yet", "Dim astudiaethau achos eto.", "No case studies yet."),
        Term("all", "Pob astudiaeth achos", "All case studies"),
        Term("by-stages", "Yn ôl cam cydgynhyrchu", "By stage of co-production"),
        Term("by-ladder", "Yn ôl gris ar yr ysgol", "By rung of the ladder"),
        Term("by-sector", "Yn ôl sector", "By sector"),
        Term("by-country", "Yn ôl gwlad", "By country"),
        Term("filter", "Hidlo'r astudiaethau achos", "Filter the case studies"),
        Term("any", "Unrhyw un", "Any"),
        Term("reset", "Clirio'r hidlydd", "Clear the filter"),
        Term("showing", "Yn dangos {shown} o {total} astudiaeth achos", "Showing {shown} of {total} case studies"),
        Term("examples", "Astudiaethau achos", "Case studies"),
        Term("search", "Chwilio", "Search"),
        Term("updated", "Diweddarwyd ddiwethaf", "Last updated"),
        Term("offline-download", "Lawrlwytho'r pecyn cyfan i'w ddarllen heb gysylltiad",
             "Download the whole toolkit to read offline"),
        Term("offline-format", "ffeil zip", "zip file"),
        Term("offline-here", "Dyma gopi all-lein y pecyn cymorth, ar eich cyfrifiadur eich hun: mae'n gweithio heb y rhyngrwyd, ond nid yw'n newid pan gaiff y wefan ei diweddaru.",
             "This is the offline copy of the toolkit, on your own computer: it works without the internet, but it does not change when the published site is updated."),
        Term("offline-how", "Dadsipiwch y ffeil ac agorwch index.html yn eich porwr: mae'r chwilio, y ddewislen iaith a'r hidlydd astudiaethau achos i gyd yn gweithio heb y rhyngrwyd.",
             "Unzip the file and open index.html in your browser: search, the language menu and the case-study filter all work without the internet."),
    )
}


def label(key: str, lang: str) -> str:
    """An interface label in `lang`."""
    return LABELS[key].label(lang)
