import pytest

from gezien.measure.definitions import Instrument, load_all


@pytest.fixture(scope="session")
def instruments() -> dict[str, Instrument]:
    return load_all()
