"""The tei format family."""
