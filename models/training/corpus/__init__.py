"""Training-corpus builder for Ogonek (see models/training/CORPUS.md)."""
