"""The link between `capf batch`'s overview.html and `capf portfolio`'s portfolio.html.

Both commands may write into one folder, in either order. Each page carries its link to the
other *dormant* (an HTML comment, so no dead link while the other page is missing), and
whichever command writes second wakes both links. Batch replaces its whole folder at the end
of a run, so it carries the portfolio's files (`capf.portfolio.collection.OUTPUT_NAMES`) over
into the new folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

PAGES = ("overview.html", "portfolio.html")
_OPEN, _CLOSE = "<!-- capf-link ", " capf-link -->"  # as written by `dormant_link`

Write = Callable[[Path, str], None]


def dormant_link(href: str, text: str) -> Markup:
    """A link paragraph to `href` inside a comment; `awake` switches it on.

    The text is escaped, so it holds no `-->` that could end the comment early.
    """
    return Markup('<!-- capf-link <p><a href="{}">{}</a></p> capf-link -->').format(href, text)


def awake(page: str) -> str:
    """`page` with its dormant links switched on."""
    return page.replace(_OPEN, "").replace(_CLOSE, "")


def pair_pages(folder: Path, write: Write) -> bool:
    """When `folder` holds both pages, switch on their links to each other; whether it does."""
    paths = [folder / name for name in PAGES]
    if not all(path.is_file() for path in paths):
        return False
    for path in paths:
        page = path.read_text(encoding="utf-8")
        if _OPEN in page:
            write(path, awake(page))
    return True
