"""Rendering a verdict: terminal text, gap report, checklist, chart, SARIF and JUnit."""
