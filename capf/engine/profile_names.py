"""The built-in profiles' ids, apart from the profile reader, so that the command line can name
them (in `--help`, as defaults) without loading the engine (tests/test_startup.py)."""

from __future__ import annotations

DEFAULT_PROFILE = "dk2020"
BUILTIN_PROFILES = ("c40-capf-2020", "dk2020", "klimaalliancen-2024")
# Profiles that judge a plan together with its status reports (capf.engine.follow_up), not a
# plan alone; loadable by id like the plan profiles.
FOLLOW_UP_PROFILES = ("monitoring",)
DEFAULT_FOLLOW_UP_PROFILE = FOLLOW_UP_PROFILES[0]
KNOWN_PROFILES = BUILTIN_PROFILES + FOLLOW_UP_PROFILES
