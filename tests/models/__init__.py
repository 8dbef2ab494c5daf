"""Tests of the SQL models, the model runner, ad-hoc queries and the generated schema docs."""
