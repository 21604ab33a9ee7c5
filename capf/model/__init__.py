"""The lowest layer: frozen data every stage shares — errors, JSON Pointers, the rule and verdict models."""
