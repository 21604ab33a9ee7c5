"""The closed check vocabulary: one explicit registry, no registration side effects."""

from __future__ import annotations

from capf.engine.checks.actions import ACTION_CHECKS
from capf.engine.checks.coverage import COVERAGE_CHECKS
from capf.engine.checks.domain import DOMAIN_CHECKS
from capf.engine.checks.generic import GENERIC_CHECKS
from capf.engine.checks.manko import MANKO_CHECKS
from capf.engine.checks.monitoring import MONITORING_CHECKS
from capf.engine.checks.pathway import PATHWAY_CHECKS
from capf.engine.checks.spec import CheckSpec

VOCABULARY: dict[str, CheckSpec] = {**GENERIC_CHECKS, **DOMAIN_CHECKS, **MANKO_CHECKS,
                                    **COVERAGE_CHECKS, **ACTION_CHECKS, **MONITORING_CHECKS,
                                    **PATHWAY_CHECKS}
