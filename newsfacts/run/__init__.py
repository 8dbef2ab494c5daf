"""A run: the functions the flow calls, one per stage, and the bookkeeping around them (chunks, counts, workers)."""
