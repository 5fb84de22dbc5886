"""``--engine dask``: the chunks of :mod:`kit.engine` run on a Dask cluster, each task one chunk.

Without ``--scheduler`` a ``distributed.LocalCluster`` of ``--jobs`` single-threaded worker processes is started
for the run and stopped after it. With ``--scheduler tcp://host:8786`` the chunks go to that cluster's workers,
which must import the same kit (same version, same data files) and reach the store folder (``--store`` on a
shared path): each worker writes its chunk's tables there, and only the small outcome of each task travels back.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack

from tqdm import tqdm

from kit.chunks import Chunk, Outcome, Settings
from kit.errors import KitError, first_line
from kit.store import Store


def execute(
    todo: list[Chunk],
    store: Store,
    needed: tuple[str, ...],
    settings: Settings,
    bar: tqdm,
    *,
    work: Callable[..., Outcome],
) -> list[Outcome]:
    """Run ``work`` (:func:`kit.engine.run_chunk`) for each chunk of ``todo`` on the cluster (see the module
    docstring); the outcomes, in the order the chunks finished.
    """
    from distributed import Client, LocalCluster, as_completed

    outcomes: list[Outcome] = []
    if not todo:
        return outcomes
    with ExitStack() as stack:
        if settings.scheduler:
            try:
                client = stack.enter_context(Client(settings.scheduler))
            except (OSError, ValueError) as err:  # unreachable, or not an address
                raise KitError(f"--scheduler {settings.scheduler}: cannot connect ({first_line(str(err))})") from None
        else:
            cluster = LocalCluster(
                n_workers=min(settings.workers(), len(todo)),
                threads_per_worker=1,
                dashboard_address=None,
                host="127.0.0.1",
            )
            stack.enter_context(cluster)
            client = stack.enter_context(Client(cluster))
        futures = client.map(work, todo, store=store, needed=needed, data=settings.data, pure=False)
        for future in as_completed(futures):
            outcome: Outcome = future.result()
            outcomes.append(outcome)
            bar.update(outcome.documents)
            future.release()
    return outcomes
