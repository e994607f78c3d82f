"""The files Cadran hands out: Excel summary, deck, offline report, templates, open data."""
