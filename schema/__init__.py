"""The published schema files, installed with the package as ``transcript_model.schemas``.

``transcript.schema.json`` (JSON Schema of the model), ``transcript-tei.rng`` (the project's TEI
profile) and ``popolo/`` (Popolo schema copies for the export). Read them with
``importlib.resources.files("transcript_model.schemas")``.
"""
