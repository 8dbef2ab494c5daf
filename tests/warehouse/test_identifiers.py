import pytest

from newsfacts.warehouse.identifiers import identifier

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("name", ["documents", "batch", "failed_20261203t180000_ab12", "_scratch", "keys_x"])
def test_plain_lower_case_names_pass_through_unchanged(name):
    assert identifier(name) == name


@pytest.mark.parametrize("name", ["Documents", "1st", "story-clusters", "x; DROP TABLE runs", "main.documents", ""])
def test_anything_else_is_refused_before_it_reaches_sql(name):
    with pytest.raises(ValueError, match="not a plain SQL identifier"):
        identifier(name)
