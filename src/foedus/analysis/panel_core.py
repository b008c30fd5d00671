"""What every research panel carries: the record it reads and its description (``df.attrs["panel"]``).

Shared by :mod:`foedus.analysis.panel` (the skeletons) and :mod:`foedus.analysis.panel_verbs`
(the verbs); see :mod:`foedus.analysis.panel` for the definitions.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

import pandas as pd

from foedus.schema import History

__all__ = ["panel_record", "panel_info", "with_info"]


@lru_cache(maxsize=1)
def _default_record() -> History:
    from foedus.data import open_record

    return open_record()


def panel_record(record: History | None = None) -> History:
    """The record a panel reads: ``record`` if given, else :func:`foedus.data.open_record` (read once per process)."""
    return record if record is not None else _default_record()


def panel_info(df: pd.DataFrame) -> dict[str, Any]:
    """The panel description of ``df`` (``df.attrs["panel"]``); a ValueError if ``df`` is not a panel."""
    info = df.attrs.get("panel")
    if not isinstance(info, dict) or info.get("unit") not in ("dyad_year", "state_year"):
        raise ValueError("not a foedus panel: start from foedus.panel.dyad_years(...) or foedus.panel.state_years(...)")
    return info


def with_info(df: pd.DataFrame, info: dict[str, Any], *, verb: str | None = None, files=(), units=None, cite=()) -> pd.DataFrame:
    """``df`` with a copy of ``info`` updated by one verb (its name, files read, column units, citations)."""
    new = copy.deepcopy(info)
    if verb:
        new["verbs"].append(verb)
    new["files"] = list(dict.fromkeys([*new["files"], *(str(f) for f in files)]))
    new["units"].update(units or {})
    new["cite"] = list(dict.fromkeys([*new["cite"], *cite]))
    df.attrs = {"panel": new}
    return df
