"""Stage: the inbox's files hashed, copied once into the raw store and decoded to text."""
