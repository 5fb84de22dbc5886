"""The explorers' machinery: controls, a view of rows and a chart, a panel the controls refresh, and the
static outputs a headless run shows instead (see :mod:`kit.presentation.explore`).
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import pandas as pd

from kit.errors import KitError
from kit.presentation import display as kit_display

if TYPE_CHECKING:
    from IPython.core.interactiveshell import InteractiveShell
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# The first option of a picker that does not narrow the rows.
EVERY = "(every)"
# At most this many rows in a panel's table (the heading and the chart count all of them); fewer in a static
# report, which shows only the initial selection.
MAX_VIEW_ROWS = 60
STATIC_ROWS = 15


@dataclass(frozen=True)
class Control:
    """One picker: a dropdown of ``options``, a range slider when ``kind`` is "range" (value is a pair), or a text
    box when ``kind`` is "text" (any string; ``options`` unused).

    A picker whose choices depend on another one names it in ``follows`` and gives ``options_for``, the
    choices for each of its values (the word picker offers only the chosen theme's words); when the other
    picker changes, this one's options are replaced and its value goes back to the first option.
    """

    name: str
    label: str
    options: tuple[Any, ...]
    value: Any
    kind: str = "dropdown"
    follows: str = ""
    options_for: Callable[[Any], tuple[Any, ...]] | None = None


@dataclass(frozen=True)
class View:
    """What one selection shows: a heading, the rows behind it, and a chart drawn from them."""

    heading: str
    rows: pd.DataFrame
    draw: Callable[[Axes], None] | None = None
    height: float = 3.2
    # The corpus's documents, so the shown table names each row's document (its doc_id stays in ``rows``).
    documents: pd.DataFrame | None = None


@dataclass(frozen=True)
class Panel:
    """The live widgets of an explorer: ``controls`` by name, the HTML ``output`` they refresh, the whole ``box``."""

    controls: Mapping[str, Any]
    output: Any
    box: Any


@dataclass(frozen=True)
class Explorer:
    """Controls and the function from their values to a :class:`View`; shown as widgets or as static outputs."""

    controls: tuple[Control, ...]
    view: Callable[..., View]
    interactive: bool = False

    def initial(self) -> View:
        """The view of the controls' initial values (what a headless run shows)."""
        return self.view(**{control.name: control.value for control in self.controls})

    def build(self) -> Panel:
        """Create the widgets and wire each control to refresh the panel (needs ipywidgets, no frontend)."""
        import ipywidgets as widgets

        made = {control.name: _widget(widgets, control) for control in self.controls}
        output = widgets.HTML(value=view_html(self.initial()))

        def refresh(_change: object = None) -> None:
            output.value = view_html(self.view(**{name: made[name].value for name in made}))

        for control in self.controls:
            if control.follows:
                made[control.follows].observe(_replace_options(made[control.name], control), names="value")
        for control in made.values():
            control.observe(refresh, names="value")
        box = widgets.VBox([widgets.HBox(list(made.values())), output])
        return Panel(controls=made, output=output, box=box)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        if self.interactive:
            display(self.build().box)
        else:
            show_static(self.initial())


def _replace_options(widget: Any, control: Control) -> Callable[[Mapping[str, Any]], None]:
    def replace(change: Mapping[str, Any]) -> None:
        # Replacing the options resets the value to the first option, which refreshes the panel once.
        options_for = control.options_for
        assert options_for is not None, "a control that follows another gives options_for"
        widget.options = list(options_for(change["new"]))

    return replace


def _widget(widgets: Any, control: Control) -> Any:
    if control.kind == "text":  # typed in, read when the person presses Enter or leaves the box
        return widgets.Text(value=control.value, description=control.label, continuous_update=False)
    if control.kind == "range":
        return widgets.SelectionRangeSlider(
            options=list(control.options), value=control.value, description=control.label, continuous_update=False
        )
    return widgets.Dropdown(options=list(control.options), value=control.value, description=control.label)


def has_frontend() -> bool:
    """True inside a kernel whose current request comes from a person's frontend.

    JupyterLab, Notebook and VS Code send their requests with ``allow_stdin`` (a person can answer
    ``input()``); papermill and nbconvert (nbclient) do not, and plain Python has no kernel at all.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with ipykernel
        return False
    shell: InteractiveShell | None = get_ipython()
    kernel = getattr(shell, "kernel", None)
    if kernel is None or not hasattr(kernel, "get_parent"):
        return False
    parent = kernel.get_parent() or {}
    return bool(parent.get("content", {}).get("allow_stdin", False))


def _interactive(interactive: bool | None) -> bool:
    return has_frontend() if interactive is None else interactive


def show_static(view: View) -> None:
    """Display a view as plain outputs: the heading, the table, the chart (SVG through the inline backend)."""
    from IPython.display import display

    shown = f" (the first {STATIC_ROWS} rows)" if len(view.rows) > STATIC_ROWS else ""
    print(f"{view.heading}{shown}; open the notebook in JupyterLab to change the selection")
    display(kit_display.table(view.rows.head(STATIC_ROWS), documents=view.documents))
    if view.draw is not None:
        figure = _figure(view.draw, view.height)
        display(figure)
        plt.close(figure)


def view_html(view: View) -> str:
    """A view as one HTML fragment for the widget panel: article text escaped by pandas, the chart as SVG."""
    parts = [
        f"<h4>{html.escape(view.heading, quote=False)}</h4>",
        kit_display.to_html(kit_display.readable(view.rows.head(MAX_VIEW_ROWS), documents=view.documents)),
    ]
    if view.draw is not None:
        figure = _figure(view.draw, view.height)
        svg = io.StringIO()
        figure.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None})
        plt.close(figure)
        parts.append(svg.getvalue()[svg.getvalue().index("<svg") :])
    return "\n".join(parts)


def _figure(draw: Callable[[Axes], None], height: float) -> Figure:
    figure, axes = plt.subplots(figsize=(8, height))
    draw(axes)
    figure.tight_layout()
    return figure


def _bars(values: pd.Series, labels: Sequence[str], *, xlabel: str, title: str) -> Callable[[Axes], None]:
    def draw(axes: Axes) -> None:
        bars = axes.barh([str(name) for name in values.index], values.to_numpy(), color="#4c72b0")
        axes.bar_label(bars, labels=list(labels), padding=3, fontsize=8)
        axes.axvline(0, color="black", linewidth=0.8)
        axes.invert_yaxis()
        axes.set_xlabel(xlabel)
        axes.set_title(title)

    return draw


def _check_columns(frame: pd.DataFrame, needed: Sequence[str], what: str) -> None:
    missing = [column for column in needed if column not in frame.columns]
    if missing:
        raise KitError(f"explore: {what} has no column {missing[0]!r} (needs {', '.join(needed)})")
