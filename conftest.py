import pytest


def pytest_collection_modifyitems(items):
    # Most pages touch the session table; giving every in-process test the database keeps
    # tests short. The browser suite runs against a real `gezien serve` of its own instead.
    for item in items:
        if item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.django_db)
