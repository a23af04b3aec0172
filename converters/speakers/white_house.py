"""Who held the offices the White House labels without a name, on a given day.

White House transcripts label the president, the vice president and their spouses by office
alone ("THE PRESIDENT:", "THE VICE PRESIDENT:", "THE FIRST LADY:") on every page of an
administration; the title names them only sometimes, and a title that names several people
("Remarks by President Biden and First Lady Jill Biden") does not say which is which. A
transcript published by the White House (its source URL is on whitehouse.gov or one of the
archived administrations' sites) is read with the holders of these offices on its date.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

#: Office → (first day, holder or None when nobody holds it), in order; each term starts on an
#: inauguration day.
_HOLDERS: dict[str, tuple[tuple[dt.date, str | None], ...]] = {
    "president": (
        (dt.date(1981, 1, 20), "Ronald Reagan"),
        (dt.date(1989, 1, 20), "George H. W. Bush"),
        (dt.date(1993, 1, 20), "Bill Clinton"),
        (dt.date(2001, 1, 20), "George W. Bush"),
        (dt.date(2009, 1, 20), "Barack Obama"),
        (dt.date(2017, 1, 20), "Donald J. Trump"),
        (dt.date(2021, 1, 20), "Joe Biden"),
        (dt.date(2025, 1, 20), "Donald J. Trump"),
    ),
    "vice president": (
        (dt.date(1981, 1, 20), "George H. W. Bush"),
        (dt.date(1989, 1, 20), "Dan Quayle"),
        (dt.date(1993, 1, 20), "Al Gore"),
        (dt.date(2001, 1, 20), "Dick Cheney"),
        (dt.date(2009, 1, 20), "Joe Biden"),
        (dt.date(2017, 1, 20), "Mike Pence"),
        (dt.date(2021, 1, 20), "Kamala Harris"),
        (dt.date(2025, 1, 20), "JD Vance"),
    ),
    "first lady": (
        (dt.date(1981, 1, 20), "Nancy Reagan"),
        (dt.date(1989, 1, 20), "Barbara Bush"),
        (dt.date(1993, 1, 20), "Hillary Rodham Clinton"),
        (dt.date(2001, 1, 20), "Laura Bush"),
        (dt.date(2009, 1, 20), "Michelle Obama"),
        (dt.date(2017, 1, 20), "Melania Trump"),
        (dt.date(2021, 1, 20), "Jill Biden"),
        (dt.date(2025, 1, 20), "Melania Trump"),
    ),
    "second lady": (
        (dt.date(1981, 1, 20), "Barbara Bush"),
        (dt.date(1989, 1, 20), "Marilyn Quayle"),
        (dt.date(1993, 1, 20), "Tipper Gore"),
        (dt.date(2001, 1, 20), "Lynne Cheney"),
        (dt.date(2009, 1, 20), "Jill Biden"),
        (dt.date(2017, 1, 20), "Karen Pence"),
        (dt.date(2021, 1, 20), None),
        (dt.date(2025, 1, 20), "Usha Vance"),
    ),
    "second gentleman": ((dt.date(2021, 1, 20), "Douglas Emhoff"), (dt.date(2025, 1, 20), None)),
}
#: The day each list above is known to: a later date may have a holder the table lacks.
_KNOWN_TO = dt.date(2029, 1, 20)


def is_white_house(url: str | None) -> bool:
    """Whether ``url`` is on whitehouse.gov or an archived administration's site
    (obamawhitehouse.archives.gov, bidenwhitehouse.archives.gov, …)."""
    if not url:
        return False
    host = (urlsplit(url.strip()).hostname or "").casefold()
    return host in ("whitehouse.gov", "www.whitehouse.gov") or (
        host.endswith("whitehouse.archives.gov")
    )


def holders_on(day: dt.date) -> dict[str, str]:
    """Each office of :data:`_HOLDERS` with its holder on ``day`` (offices vacant that day, or
    of days the table does not cover, left out)."""
    if day >= _KNOWN_TO:
        return {}
    found: dict[str, str] = {}
    for office, terms in _HOLDERS.items():
        holder = None
        for start, name in terms:
            if day >= start:
                holder = name
        if holder is not None:
            found[office] = holder
    return found
