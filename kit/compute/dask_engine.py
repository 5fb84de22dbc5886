"""``--engine dask``: the chunks of :mod:`kit.compute.engine` run on a Dask cluster, each task one chunk.

Without ``--scheduler`` a ``distributed.LocalCluster`` of ``--jobs`` single-threaded worker processes is started
for the run and stopped after it. With ``--scheduler tcp://host:8786`` the chunks go to that cluster's workers,
which must import the same kit (same version, same data files) and reach the store folder (``--store`` on a
shared path): each worker writes its chunk's tables there, and only the small outcome of each task travels back.

Every path a task carries (the corpus folder, a local store, the data files) is absolute, so a worker started in
another folder finds the same files. A ``--scheduler`` address is asked who it is before anything is sent: what
does not answer as a Dask scheduler within :data:`SCHEDULER_TIMEOUT` seconds is one error line, never a hang.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from tqdm import tqdm

from kit.compute.chunks import Chunk, ChunkOutcome, Settings
from kit.compute.store import Store
from kit.errors import KitError, first_line

# Seconds a --scheduler address has to answer who it is (and the client to connect) before the run gives up.
SCHEDULER_TIMEOUT = 10.0


def execute_chunks(
    todo: list[Chunk],
    store: Store,
    needed: tuple[str, ...],
    settings: Settings,
    bar: tqdm,
    *,
    work: Callable[..., ChunkOutcome],
) -> list[ChunkOutcome]:
    """Run ``work`` (:func:`kit.compute.engine.run_chunk`) for each chunk of ``todo`` on the cluster (see the module
    docstring); the outcomes, in the order the chunks finished.
    """
    from distributed import Client, LocalCluster, as_completed

    outcomes: list[ChunkOutcome] = []
    if not todo:
        return outcomes
    with ExitStack() as stack:
        if settings.scheduler:
            ask_scheduler(settings.scheduler, SCHEDULER_TIMEOUT)
            try:
                client = stack.enter_context(Client(settings.scheduler, timeout=SCHEDULER_TIMEOUT))
            except (OSError, ValueError, TimeoutError) as err:  # gone since it answered, or not an address
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
        # The chunks' folder and a local store's root are absolute already (kit.compute.engine.make_chunks, open_store).
        data = settings.data.absolute()
        stages = settings.stages  # functions of modules the workers import, sent by name
        futures = client.map(work, todo, store=store, needed=needed, data=data, stages=stages, pure=False)
        for future in as_completed(futures):
            outcome: ChunkOutcome = future.result()
            outcomes.append(outcome)
            bar.update(outcome.documents)
            future.release()
    return outcomes


def ask_scheduler(address: str, timeout: float) -> None:
    """Make sure ``address`` answers as a Dask scheduler within ``timeout`` seconds.

    Raises:
        KitError: one line naming ``--scheduler``: not an address, nothing listening, no answer in time, an answer
            that is not Dask's (another server on that port), or a Dask worker rather than a scheduler.
    """
    answer: dict[str, Any] = {}

    def ask() -> None:
        try:
            answer["identity"] = asyncio.run(_identity(address, timeout))
        except (TimeoutError, asyncio.TimeoutError):
            answer["error"] = f"no answer within {timeout:g} s"
        except MemoryError:  # another protocol's bytes read as the length of a Dask message
            answer["error"] = "what answers there speaks another protocol"
        except Exception as err:  # whatever went wrong, the address is not a scheduler to use
            answer["error"] = first_line(str(err)) or type(err).__name__

    # A thread of its own: the caller may be inside an event loop (a notebook), and a server that never answers
    # must not hold the run; after twice the timeout the thread is left behind (it is a daemon).
    asker = threading.Thread(target=ask, daemon=True, name="presskit-ask-scheduler")
    asker.start()
    asker.join(2 * timeout)
    if "identity" not in answer:
        reason = answer.get("error", f"no answer within {timeout:g} s")
        raise KitError(f"--scheduler {address}: does not answer as a Dask scheduler ({reason})")
    kind = str(answer["identity"].get("type", "")) if isinstance(answer["identity"], dict) else ""
    if kind != "Scheduler":
        raise KitError(f"--scheduler {address}: answers as a Dask {kind.lower() or 'server'}, not a scheduler")


async def _identity(address: str, timeout: float) -> Any:
    from distributed.core import rpc
    from distributed.security import Security

    connection_args = Security().get_connection_args("client")
    async with rpc(address, timeout=timeout, connection_args=connection_args) as remote:
        return await asyncio.wait_for(remote.identity(), timeout)
