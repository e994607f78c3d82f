"""Loading a source into a new database file, publishing it atomically, and the kept versions."""
