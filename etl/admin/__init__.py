"""Administration: accounts and roles, retention and erasure of personal data."""
