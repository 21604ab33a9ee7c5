"""What generates docs/ and published files: rule pages, the plan format, model schemas, the init template."""
