"""Charts drawn for the pages and the documents, with the one palette and theme."""
