"""Survey protection as plain data: which cells of a survey's tables to hide."""
