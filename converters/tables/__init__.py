"""The tables format family."""
