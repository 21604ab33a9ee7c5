"""The language layer: the program's own words, number and date formats, and message filling."""
