"""Shared XML helpers: safe parsing (xml.safe) and escaping (xml.text)."""
