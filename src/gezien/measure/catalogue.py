"""The shipped questionnaires, loaded and checked once per process, and the ones this
installation offers (GEZIEN_INSTRUMENTS)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from gezien.config import ConfigError
from gezien.core.lookups import OfferedQuestionnaire
from gezien.measure import translations
from gezien.measure.definitions import Instrument, load_all
from gezien.measure.guidance import Guidance
from gezien.measure.guidance import load as load_guidance

SETTING = "GEZIEN_INSTRUMENTS"


@cache
def instruments() -> dict[str, Instrument]:
    """Every shipped questionnaire, with the Dutch texts an organisation added to its data
    folder. The command line scores without settings or a data folder: shipped texts only."""
    shipped = load_all()
    folder = _translations_folder()
    return translations.apply(shipped, folder) if folder else shipped


def _translations_folder() -> Path | None:
    from django.conf import settings

    if not settings.configured:
        return None
    return Path(settings.DATA_DIR) / translations.FOLDER_NAME


@cache
def guidance() -> dict[str, Guidance]:
    return load_guidance(instruments())


def offered() -> dict[str, Instrument]:
    """The questionnaires a person can fill in here, in the overview's order. Results a person
    kept of a questionnaire that was switched off later stay theirs (see `instruments`)."""
    from django.conf import settings

    return _offered(tuple(settings.GEZIEN_INSTRUMENTS))


@cache
def _offered(chosen: tuple[str, ...]) -> dict[str, Instrument]:
    shipped = instruments()
    if not chosen:
        wanted = {i for i, instrument in shipped.items() if not instrument.licence.ask_first}
    elif chosen == ("all",):
        wanted = set(shipped)
    else:
        if "all" in chosen:
            raise ConfigError(f"{SETTING}: 'all' cannot be combined with ids")
        for position, instrument_id in enumerate(chosen):
            if instrument_id not in shipped:
                raise ConfigError(
                    f"{SETTING}: unknown questionnaire {instrument_id!r}; "
                    f"known: {', '.join(sorted(shipped))}"
                )
            if instrument_id in chosen[:position]:
                raise ConfigError(f"{SETTING}: {instrument_id!r} is listed twice")
        wanted = set(chosen)
    return {i: shipped[i] for i in guidance() if i in wanted}


class Offer:
    """The questionnaires on offer as other apps look them up (see core.lookups)."""

    def offered(self, instrument_id: str) -> OfferedQuestionnaire | None:
        from django.urls import reverse

        instrument = offered().get(instrument_id)
        if instrument is None:
            return None
        return OfferedQuestionnaire(
            reverse("measure:take", args=[instrument_id]), in_english=not instrument.dutch_available
        )
