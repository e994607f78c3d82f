"""The definitions (model.sql) and the read model: headline, breakdowns and every page's reads."""
