"""The closed check vocabulary: one explicit registry, no registration side effects."""

from __future__ import annotations

from capf.check import CheckSpec
from capf.checks import GENERIC_CHECKS
from capf.coverage import COVERAGE_CHECKS
from capf.domain import DOMAIN_CHECKS

VOCABULARY: dict[str, CheckSpec] = {**GENERIC_CHECKS, **DOMAIN_CHECKS, **COVERAGE_CHECKS}
