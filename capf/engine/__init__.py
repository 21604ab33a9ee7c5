"""The engine: rule sets compiled once, evaluated over a plan into a verdict; verdicts compared."""
