"""The _xml format family."""
