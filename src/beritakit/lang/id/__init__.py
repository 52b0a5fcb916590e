"""Indonesian language data shared by several extractors."""
