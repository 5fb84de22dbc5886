"""Scoring the kit against a researcher's hand-coded gold files, one module per analysis."""
