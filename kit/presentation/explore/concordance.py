"""The concordance explorer: type a pattern, pick sort positions and an outlet, see the sorted KWIC lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from kit.analyses import concordance as concordancer
from kit.errors import KitError
from kit.presentation.explore.panel import (
    EVERY,
    Control,
    Explorer,
    View,
    _interactive,
)
from kit.types import Prepared

if TYPE_CHECKING:
    pass


# --- concordance -----------------------------------------------------------------------------------------

# The sort picker's choice that adds no key.
UNSORTED = "(none)"
CONCORDANCE_SHOWN = ["doc_id", "sentence_id", "start", "end", "outlet", "left", "match", "right"]


def concordance(
    prepared: Prepared,
    *,
    pattern: str = "",
    sort: Sequence[str] = ("R1", "R2", "R3"),
    outlet: str = EVERY,
    window: int = 5,
    interactive: bool | None = None,
) -> Explorer:
    """A text box for any word, phrase or glob, three sort pickers (L3…R3) and an outlet picker over its KWIC lines.

    Unlike the other explorers it computes its rows, by :func:`kit.analyses.concordance.concord`, for each pattern
    typed.

    Args:
        prepared: the prepared corpus.
        pattern: the pattern shown first (kit.preprocess.lookup's syntax; "" shows no lines until one is typed).
        sort: the positions sorted by first (up to three of :data:`kit.concordancer.SORT_POSITIONS`).
        outlet: the outlet shown first (default: every outlet).
        window: tokens of context each side.
        interactive: widgets (True), static outputs (False), or ask :func:`has_frontend` (None).

    Raises:
        KitError: a sort position or outlet the pickers do not offer (a bad typed pattern is shown, not raised).
    """
    keys = concordancer.sort_positions(sort)
    if len(keys) > 3:
        raise KitError(f"explore.concordance: at most three sort positions, not {len(keys)}")
    outlets = (EVERY, *sorted(set(prepared.documents.outlet.dropna().astype(str))))
    if outlet not in outlets:
        raise KitError(f"explore.concordance: outlet {outlet!r} is not one of {', '.join(outlets)}")
    positions = (UNSORTED, *concordancer.SORT_POSITIONS)
    chosen_keys = (*keys, *[UNSORTED] * (3 - len(keys)))

    def view(pattern: str, sort1: str, sort2: str, sort3: str, outlet: str) -> View:
        empty = pd.DataFrame(columns=CONCORDANCE_SHOWN)
        if not pattern.strip():
            return View(heading="type a word, phrase or glob (sanction*)", rows=empty)
        by = [key for key in (sort1, sort2, sort3) if key != UNSORTED]
        selection = concordancer.Selection(outlets=() if outlet == EVERY else (outlet,))
        try:
            lines = concordancer.concord(
                prepared, pattern, sort=by, window=window, selection=selection, columns=["outlet"]
            )
        except KitError as err:  # a pattern being typed: say what is wrong, keep the panel
            return View(heading=f"{pattern!r}: {err}", rows=empty)
        order = ", ".join(by) if by else "corpus order"
        heading = f"'{pattern}' · outlet {outlet} · sorted by {order}: {len(lines)} KWIC lines"
        return View(heading=heading, rows=lines[CONCORDANCE_SHOWN], documents=prepared.documents)

    return Explorer(
        controls=(
            Control("pattern", "pattern", (), pattern, kind="text"),
            Control("sort1", "sort 1", positions, chosen_keys[0]),
            Control("sort2", "sort 2", positions, chosen_keys[1]),
            Control("sort3", "sort 3", positions, chosen_keys[2]),
            Control("outlet", "outlet", outlets, outlet),
        ),
        view=view,
        interactive=_interactive(interactive),
    )
