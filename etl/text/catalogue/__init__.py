"""The words of the interface, one module per page or area: each a plain ``TEXTS`` dict key -> (French, English)."""
