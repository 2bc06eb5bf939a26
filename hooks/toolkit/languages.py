"""The site's languages: Welsh first (built at the site root), then English (at /en/)."""

LANGUAGES: tuple[str, ...] = ("cy", "en")
DEFAULT_LANGUAGE = "cy"


def other(lang: str) -> str:
    """The twin language of `lang`."""
    return LANGUAGES[1] if lang == LANGUAGES[0] else LANGUAGES[0]
