"""Reading: text → checked JSON data (safe YAML/JSON parsing, schema validation, plans, waivers)."""
