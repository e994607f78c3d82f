"""The published database file and the private folder that holds it."""
