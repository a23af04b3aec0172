"""The json format family."""
