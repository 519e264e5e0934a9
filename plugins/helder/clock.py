"""Today's date, the one Helder uses for freshness, the statement and the dashboard.

`SOURCE_DATE_EPOCH` (the reproducible-builds standard that MkDocs also honours) fixes it, so a build or a test
run gives the same pages and findings on any day.
"""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()
