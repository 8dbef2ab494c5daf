"""Fixtures: an in-memory warehouse from schema.sql holding a valid planted batch made of seed text."""

import pytest

from planted import new_warehouse, plant_clean_batch


@pytest.fixture
def con():
    connection = new_warehouse()
    yield connection
    connection.close()


@pytest.fixture
def docs(con):
    return plant_clean_batch(con)
