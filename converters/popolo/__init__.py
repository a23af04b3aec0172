"""The popolo format family."""
