"""Shared test configuration: the hypothesis settings profiles.

"ci" (selected when the CI environment variable is set, as .ci/run and CI services do): 1,000
examples for the main evaluator property, derandomized so a CI failure reproduces, no deadline
(evaluation time varies with the machine). Secondary properties take
`min(settings.default.max_examples, 200)`-style budgets in their own module, so they run
200 examples in CI. "dev" (otherwise): 100 examples, random, with the example database.
HYPOTHESIS_PROFILE=<name> overrides the choice.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile("ci", max_examples=1000, derandomize=True, deadline=None,
                          print_blob=True, suppress_health_check=_SLOW_DATA)
settings.register_profile("dev", max_examples=100, deadline=None,
                          suppress_health_check=_SLOW_DATA)


def _profile() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE")
    if chosen:
        return chosen
    in_ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return "ci" if in_ci else "dev"


settings.load_profile(_profile())
