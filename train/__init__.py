"""Training scripts for the shipped models (`make train`), reproducible with fixed seeds."""
