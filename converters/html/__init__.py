"""The html format family."""
