"""Who was President of Russia on a given day: kremlin.ru is the president's own site, and a
statement it titles "Заявление Президента Российской Федерации" or "Statement by the President
of Russia" without a name is that day's president's."""

from __future__ import annotations

import datetime as dt

#: (first day in office, Russian name, English name), in order. Acting presidents count from
#: the day they took over (Putin: 31 December 1999).
_PRESIDENTS = (
    (dt.date(1991, 7, 10), "Борис Ельцин", "Boris Yeltsin"),
    (dt.date(1999, 12, 31), "Владимир Путин", "Vladimir Putin"),
    (dt.date(2008, 5, 7), "Дмитрий Медведев", "Dmitry Medvedev"),
    (dt.date(2012, 5, 7), "Владимир Путин", "Vladimir Putin"),
)


def president_on(day: dt.date | None, language: str) -> str | None:
    """The president's name on ``day`` in Russian (``language`` "ru") or English; None before
    the office existed or without a day."""
    if day is None:
        return None
    name = None
    for start, russian, english in _PRESIDENTS:
        if day >= start:
            name = russian if language == "ru" else english
    return name
