"""Running the analyses at scale: the on-disk store, chunks of documents on N processes or on Dask (engine,
dask_engine, lifetime), the registry of per-document stages (stages), whole-corpus tables (tables), the typed
settings they take (settings), and a corpus read back from the store (archive).
"""
