"""Benchmarks for discretion-kit; run with `make bench` (python -m benchmarks)."""
