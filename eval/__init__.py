"""Benchmarks: one script per data set, each printing its figures and an anchor from the same run."""
