"""The closed check vocabulary: what a check is, the generic checks and the named domain checks."""
