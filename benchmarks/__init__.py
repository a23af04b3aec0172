"""Benchmark and evaluation scripts, run by hand (not in CI)."""
