"""The speakers format family."""
