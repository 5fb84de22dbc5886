"""Explorers: pick a theme, a voice or a date range and see the rows behind it, without editing code.

Each explorer takes the kit's plain frames (KWIC lines and outlet counts from :mod:`kit.analyses.themes`, tone units
from :mod:`kit.analyses.tone`, events and publications from :mod:`kit.analyses.chronology`) and only selects from them;
it never computes an analysis of its own. Shown in JupyterLab (or any frontend a person types into) it is a row of
ipywidgets controls above a panel the controls refresh: a table of rows and a chart. In a headless run
(papermill, nbconvert, CI) it shows the same table and chart for its initial selection as plain outputs —
no widget, so the reports stay static, script-free and byte-identical.

    explorer = explore.themes(kwic_lines, by_outlet, corpus.documents)
    explorer            # the last expression of a cell shows it
    panel = explorer.build()
    panel.controls["theme"].value = "sanctions"   # what a click does; panel.output.value is refreshed
"""

from kit.presentation.explore.analyses import themes, timeline, tone
from kit.presentation.explore.concordance import concordance
from kit.presentation.explore.panel import (
    EVERY,
    MAX_VIEW_ROWS,
    Control,
    Explorer,
    Panel,
    View,
    has_frontend,
    show_static,
    view_html,
)

__all__ = [
    "EVERY",
    "MAX_VIEW_ROWS",
    "Control",
    "Explorer",
    "Panel",
    "View",
    "concordance",
    "has_frontend",
    "show_static",
    "themes",
    "timeline",
    "tone",
    "view_html",
]
