"""Publishing from the store: v1 records, exports and the situation report."""
