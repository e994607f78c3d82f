"""Cadran's data layer: read HR exports, validate them in DuckDB, publish, and compute the indicators."""
