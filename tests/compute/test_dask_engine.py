"""kit.compute.dask_engine: the chunks on a two-worker distributed.LocalCluster give the default engine's tables, byte for byte.

The cluster listens on 127.0.0.1 only, which the tests' socket guard allows (pyproject: --allow-hosts).
"""

import contextlib
import shutil
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from distributed import LocalCluster

from kit import cli, config
from kit.compute import dask_engine, engine
from kit.compute.stages import STAGES
from kit.errors import CorpusError
from kit.validation import synth

pytestmark = pytest.mark.slow  # minutes of end-to-end runs: `make test-slow`, and CI

TABLES = ["documents", "removed", "paragraphs", "sentences", "tokens", "warnings", "sizes", "dates", "quotes", "tone"]


def as_csv(frames: dict) -> dict[str, str]:
    return {name: cli.render(frame, "csv") for name, frame in frames.items()}


def both_engines(corpus: Path | None, tmp_path: Path, tables: list[str], chunk_size: int) -> tuple[dict, dict]:
    local = engine.Settings(stages=STAGES, store=tmp_path / "local", jobs=2, progress=False, chunk_size=chunk_size)
    dask = engine.Settings(
        stages=STAGES, store=tmp_path / "dask", jobs=2, engine="dask", progress=False, chunk_size=chunk_size
    )
    return as_csv(engine.run_tables(corpus, tables, local)), as_csv(engine.run_tables(corpus, tables, dask))


def test_the_seeds_on_a_two_worker_local_cluster(tmp_path):
    local, dask = both_engines(None, tmp_path, [*TABLES, "theme_hits"], chunk_size=2)
    assert dask == local
    assert local["quotes"].count("\n") == 56  # the 55 seed quotations and the header


def test_a_thousand_synthetic_articles_on_a_two_worker_local_cluster(tmp_path):
    corpus = synth.synthesise(1000, tmp_path / "synth", seed=1)
    local, dask = both_engines(corpus, tmp_path, TABLES, chunk_size=engine.CHUNK_SIZE)
    assert dask == local
    assert local["sizes"].count("\n") == 1001


def test_the_command_line_takes_the_dask_engine(tmp_path, capsys):
    argv = ["table", "quotes", "--store", str(tmp_path / "one"), "--jobs", "1", "--no-progress"]
    assert cli.main(argv) == 0
    expected = capsys.readouterr().out
    dask = ["table", "quotes", "--store", str(tmp_path / "two"), "--jobs", "2", "--engine", "dask", "--no-progress"]
    assert cli.main(dask) == 0
    assert capsys.readouterr().out == expected


def scheduler_error(tmp_path, capsys, address: str) -> str:
    argv = ["table", "quotes", "--store", str(tmp_path / "s"), "--engine", "dask", "--scheduler", address]
    assert cli.main([*argv, "--no-progress"]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    return err


def test_a_scheduler_address_that_cannot_be_reached_is_one_line(tmp_path, capsys):
    err = scheduler_error(tmp_path, capsys, "nonsense://x:1")
    assert err.startswith(
        "error: --scheduler nonsense://x:1: does not answer as a Dask scheduler (unknown address scheme 'nonsense'"
    )


@contextmanager
def listening(answer: bytes | None) -> Iterator[str]:
    """A TCP server on 127.0.0.1 that is not Dask: it sends ``answer`` to whatever it is sent, or (None) says
    nothing and keeps the connection open; yields its address.
    """
    server = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []

    def serve() -> None:
        with contextlib.suppress(OSError):
            while True:
                connection, _ = server.accept()
                held.append(connection)
                if answer is not None:
                    connection.recv(1024)
                    connection.sendall(answer)

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    finally:
        server.close()
        for connection in held:
            connection.close()


def test_a_port_that_accepts_and_never_answers_is_one_line_not_a_hang(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(dask_engine, "SCHEDULER_TIMEOUT", 1.0)
    with listening(None) as address:
        err = scheduler_error(tmp_path, capsys, address)
    assert err == f"error: --scheduler {address}: does not answer as a Dask scheduler (no answer within 1 s)\n"


def test_a_port_where_another_server_answers_is_one_line(tmp_path, capsys):
    with listening(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n") as address:
        err = scheduler_error(tmp_path, capsys, address)
    assert err.startswith(f"error: --scheduler {address}: does not answer as a Dask scheduler (")


@pytest.fixture
def cluster_elsewhere(tmp_path, monkeypatch) -> Iterator[LocalCluster]:
    """A one-worker cluster whose worker process was started in a folder of its own, as on a real cluster."""
    elsewhere = tmp_path / "worker-home"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None, host="127.0.0.1") as cluster:
        yield cluster


def test_a_dask_worker_given_as_the_scheduler_is_one_line(tmp_path, capsys, cluster_elsewhere):
    worker = next(iter(cluster_elsewhere.scheduler_info["workers"]))
    err = scheduler_error(tmp_path, capsys, worker)
    assert err == f"error: --scheduler {worker}: answers as a Dask worker, not a scheduler\n"


def test_relative_paths_reach_a_worker_started_in_another_folder(tmp_path, monkeypatch, cluster_elsewhere):
    client_home = tmp_path / "client-home"
    shutil.copytree(config.SEEDS, client_home / "corpus")
    shutil.copyfile(config.ACTORS, client_home / "my-actors.yaml")
    monkeypatch.chdir(client_home)  # every path below is relative to the client's folder, not the worker's
    data = engine.DataFiles(registry=Path("my-actors.yaml"))
    local = engine.Settings(stages=STAGES, store=Path("local"), jobs=1, progress=False, chunk_size=2, data=data)
    remote = engine.Settings(
        stages=STAGES,
        store=Path("shared-store"),
        engine="dask",
        scheduler=cluster_elsewhere.scheduler_address,
        progress=False,
        chunk_size=2,
        data=data,
    )
    tables = ["sentences", "quotes"]
    assert as_csv(engine.run_tables(Path("corpus"), tables, remote)) == as_csv(
        engine.run_tables(Path("corpus"), tables, local)
    )
    assert (client_home / "shared-store" / "quotes").is_dir()
    assert not (tmp_path / "worker-home" / "shared-store").exists()


def test_a_document_without_words_is_refused_as_the_default_engine_refuses_it(make_corpus, tmp_path):
    folder = make_corpus({"a1.txt": "Beijing said talks went well.\n", "b2.txt": "\u00a0\n"})
    settings = engine.Settings(
        stages=STAGES, store=tmp_path / "store", jobs=2, engine="dask", progress=False, chunk_size=1
    )
    with pytest.raises(CorpusError, match=r"document .b2. has no words after cleaning"):
        engine.run_tables(folder, ["sentences"], settings)
