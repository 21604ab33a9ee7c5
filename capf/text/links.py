"""Where capf's documentation lives online, for outputs read away from the repository.

A SARIF `helpUri`, `--help` epilogs and the package metadata point here instead of at docs/
files, which an installed wheel does not carry.
"""

from __future__ import annotations

PROJECT_URL = "https://github.com/capf-dk/capf"
DOCS_URL = f"{PROJECT_URL}/blob/main/docs"


def rule_url(rule_id: str) -> str:
    """The rule's section in docs/rules.md (GitHub's heading anchor: the id in lower case)."""
    return f"{DOCS_URL}/rules.md#{rule_id.lower()}"


def doc_url(name: str) -> str:
    """A page of the guide, e.g. `doc_url("guide.md")`."""
    return f"{DOCS_URL}/{name}"
