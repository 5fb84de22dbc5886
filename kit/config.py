"""The one module that knows where things are.

Everything else asks this module for paths; nothing else builds paths from ``__file__``.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
SEEDS = ROOT / "seeds"
MANIFEST_NAME = "manifest.csv"
NOTEBOOKS = ROOT / "notebooks"
PARAMS = NOTEBOOKS / "params"
REPORTS = ROOT / "reports"
FAILED_REPORTS = REPORTS / "failed"

DATA = PACKAGE / "data"
STOPWORDS = DATA / "stopwords.txt"
ABBREVIATIONS = DATA / "abbreviations.txt"
TEACHING = NOTEBOOKS / "teaching"
SOLUTIONS = TEACHING / "solutions"

# The report runner's working folders and templates (kit.report).
REPORTS_STAGING = REPORTS / ".staging"
TEMPLATES = PACKAGE / "report" / "templates"
REPORT_INDEX_NAME = "index.html"

# The default theme dictionary (kit.themes); a user's YAML file replaces it.
THEMES = DATA / "themes.yaml"

# Official voices and their tone (kit.voices.actors, kit.voices, kit.tone); a user's YAML file replaces each.
ACTORS = DATA / "actors.yaml"
DIPLOMATIC_LEXICON = DATA / "diplomatic_lexicon.yaml"
# The formulas of China–DPRK relations (kit.formulas); a user's YAML file replaces it.
FORMULAS = DATA / "formulas.yaml"

# The holiday calendar the date rules read (kit.chronology.holidays); a user's YAML file replaces it.
HOLIDAYS = DATA / "holidays.yaml"
