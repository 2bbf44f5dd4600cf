import datetime

import pytest

from gezien.core import helplines
from gezien.lib.data import DataError


def _minimal(**changes):
    data = {
        "checked": datetime.date(2026, 9, 10),
        "lines": [
            {
                "id": "113",
                "crisis": True,
                "name": "113",
                "tel": "113",
                "hours": "24/7",
                "cost": "gratis",
                "for": "iedereen",
                "source": "x",
            },
            {
                "id": "112",
                "crisis": True,
                "name": "112",
                "tel": "112",
                "hours": "24/7",
                "cost": "gratis",
                "for": "nood",
                "source": "x",
            },
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


def test_the_kindertelefoon_is_listed_for_children_with_number_chat_and_dated_hours() -> None:
    line = next(line for line in helplines.load().lines if line.id == "kindertelefoon")
    assert not line.crisis
    assert (line.phone, line.tel) == ("0800-0432", "08000432")
    assert line.chat_url == "https://www.kindertelefoon.nl/"
    assert "8 tot 18 jaar" in line.audience.nl and "8 to 18" in line.audience.en
    assert "2019" in line.hours.nl and "2019" in line.hours.en
    assert "gratis" in line.cost.nl.lower()
    assert "2019" in line.source and "vriendenkindertelefoon.nl" in line.source


def test_the_help_lines_page_shows_the_kindertelefoon(client) -> None:
    page = client.get("/hulplijnen/").content.decode()
    section = page[page.index("De Kindertelefoon") :]
    assert 'href="tel:08000432"' in section[:600]
    assert 'href="https://www.kindertelefoon.nl/"' in section[:800]
