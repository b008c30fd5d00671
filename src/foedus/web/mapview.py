"""The map layer of a year: which country outline each state colours, and in which colour.

Presentation only: the blocs and their colours come from :mod:`foedus.web.views` (the blocs of
:func:`foedus.analysis.polarity.year_blocs`); the outlines and the rule that gives a country to
one state are :mod:`foedus.web.outlines`. A country is filled with its state's bloc colour
lightened towards white by :data:`TINT` (so the capitals' markers, in the full colour, stay
visible on it); countries without a state of the year are :data:`NO_STATE`; the sea is
:data:`SEA`.
"""

from __future__ import annotations

import threading

import numpy as np
import pandas as pd

from foedus.schema import History
from foedus.web.outlines import SOURCE_NOTE, OutlinesMissing, load_outlines, place_states

__all__ = ["TINT", "SEA", "NO_STATE", "tint", "last_years", "MapPlacer"]

TINT = 0.45
"""Share of white mixed into a bloc's colour to fill a country (0: the colour itself, 1: white)."""

SEA = "#dbe9f6"
"""Colour of the sea (the map's background)."""

NO_STATE = "#f4f4f2"
"""Colour of a country that holds no state of the year (outside the system, or not in the source)."""


def tint(colour: str, share: float = TINT) -> str:
    """``#rrggbb`` mixed with white: each channel ``round(c + share * (255 - c))``."""
    c = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)
    m = np.round(c + share * (255.0 - c)).astype(int)
    return "#" + "".join(f"{v:02x}" for v in m)


def last_years(history: History) -> pd.Series:
    """Each state's last year in the history's state system (``inf`` while it still exists), by COW code."""
    st = history.states
    end = pd.to_numeric(st["end_year"], errors="coerce").astype(float).fillna(np.inf)
    return end.groupby(st["ccode"].to_numpy(dtype="int64")).max()


class MapPlacer:
    """Places the states of one history on the outlines (results cached by capital coordinates).

    Parameters
    ----------
    history : History
    """

    def __init__(self, history: History):
        self._last = last_years(history)
        self._lock = threading.Lock()
        self._cache: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}

    def layer(self, codes: np.ndarray, lon: np.ndarray, lat: np.ndarray, cinc: np.ndarray, colour: np.ndarray) -> dict:
        """The map layer of a year's states (arrays aligned with ``codes``).

        Returns
        -------
        dict
            ``available`` (False when the outlines are not installed, with ``reason``), ``source``,
            ``country`` (per state: the index ``k`` of the country its capital lies in, or None),
            ``colours_country`` (per state: whether it fills that country; the others are dots),
            ``regions`` (``[{"k", "ccode", "fill"}]``, one per filled country), ``sea`` and ``no_state``.
        """
        base = {"sea": SEA, "no_state": NO_STATE}
        try:
            outlines = load_outlines()
        except OutlinesMissing as e:
            return {**base, "available": False, "reason": str(e), "source": "", "country": [None] * len(codes), "colours_country": [False] * len(codes), "regions": []}
        last = self._last.reindex(np.asarray(codes, dtype="int64")).to_numpy(dtype=float)
        key = (tuple(np.asarray(codes).tolist()), tuple(np.round(lon, 4).tolist()), tuple(np.round(lat, 4).tolist()), tuple(np.round(cinc, 6).tolist()))
        with self._lock:
            hit = self._cache.get(key)
        if hit is None:
            hit = place_states(outlines, lon, lat, last, cinc)
            with self._lock:
                if len(self._cache) > 1024:
                    self._cache.clear()
                self._cache[key] = hit
        country, colours = hit
        regions = [{"k": int(country[i]), "ccode": int(codes[i]), "fill": tint(str(colour[i]))} for i in np.flatnonzero(colours)]
        return {
            **base,
            "available": True,
            "source": SOURCE_NOTE,
            "country": [int(k) if k >= 0 else None for k in country],
            "colours_country": colours.tolist(),
            "regions": regions,
        }
