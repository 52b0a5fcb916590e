"""Language data shared by several extractors."""
