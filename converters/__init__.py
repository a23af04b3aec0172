"""Readers and writers around the canonical model, one subpackage per format family.

Installed as ``transcript_model.converters``. Each family package (``json``, ``text``, ``tei``,
``akn``, ``html``, ``speakers``, ``tables``, ``popolo``) declares its formats in ``FORMATS``
in its light ``__init__`` (name, extensions, media type, ``sniff``, and the functions that do the
work, imported only when used: see :mod:`transcript_model.contract`). A converter knows the
model and nothing of any other format. Shared helpers: ``_xml`` (safe parsing, escaping),
``_kremlin`` (what the kremlin.ru text and HTML readers share), ``_sniffing``.
"""
