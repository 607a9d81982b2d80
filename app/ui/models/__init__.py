"""Qt models: thin adapters over lists of frozen rows."""
