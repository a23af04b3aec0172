"""The text format family."""
