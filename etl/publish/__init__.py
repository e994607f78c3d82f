"""Loading a source into a new database file (with its surveys' protections), publishing it atomically, and the kept versions."""
