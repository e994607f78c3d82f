"""Words and formats both faces use: catalogues (French, English), numbers, dates, plain text."""
