"""What a page shows: tables (display), charts (plots, timeline_plots, dispersion), the values a notebook
saves (outputs), and the ipywidgets explorers (explore).
"""
