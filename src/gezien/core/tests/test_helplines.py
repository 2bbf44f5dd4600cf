import datetime

import pytest

from gezien.core import helplines
from gezien.lib.data import DataError


def _minimal(**changes):
    data = {
        "checked": datetime.date(2026, 9, 10),
        "lines": [
            {"id": "113", "crisis": True, "name": "113", "tel": "113", "hours": "24/7",
             "cost": "gratis", "for": "iedereen", "source": "x"},
            {"id": "112", "crisis": True, "name": "112", "tel": "112", "hours": "24/7",
             "cost": "gratis", "for": "nood", "source": "x"},
        ],
    }
    data.update(changes)
    return data


def test_the_shipped_file_loads_with_113_and_112_as_crisis_lines() -> None:
    loaded = helplines.load()
    assert set(helplines.crisis_lines()) == {"113", "112"}
    assert all(line.source for line in loaded.lines)


def test_errors_name_the_file_and_field() -> None:
    data = _minimal()
    del data["lines"][1]["hours"]
    with pytest.raises(DataError, match=r"^helplines.toml: lines\[1\].hours_nl: missing"):
        helplines.parse(data)
    data = _minimal()
    data["lines"][0]["tel"] = "11-3"
    with pytest.raises(DataError, match=r"lines\[0\].tel: digits only"):
        helplines.parse(data)
    with pytest.raises(DataError, match="checked"):
        helplines.parse(_minimal(checked="soon"))
    data = _minimal()
    data["lines"][1]["id"] = "113"
    with pytest.raises(DataError, match="is already used"):
        helplines.parse(data)
