"""The corpus in: articles and manifest read and checked (corpus), exports imported into a corpus folder
(importer, import_source, import_columns, published, folder, jsonline), and publication periods (periods).
"""
