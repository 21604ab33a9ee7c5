"""The portfolio stage: many plans added up against the national target (capf portfolio)."""
