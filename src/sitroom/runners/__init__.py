"""Runners map Pipeline.run_batch over batches: the local process pool today, a cluster runner later."""
