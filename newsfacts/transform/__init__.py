"""Transform: the SQL models over the published tables and the full-text search index."""
