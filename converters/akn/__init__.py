"""The akn format family."""
