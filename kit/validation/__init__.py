"""Checking the kit against hand coding: one module per analysis, each reading its gold file with kit.gold."""
