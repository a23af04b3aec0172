"""Readers and writers around the canonical model, one module per format.

Installed as ``transcript_model.converters``. A converter knows the model and nothing of any
other format; :mod:`transcript_model.formats` lists them and loads them on first use.
"""
