"""Load: a chunk's rows per table, written as Parquet before they are published."""
