"""Cyber incidents between rival states: the DCID 2.0 reader and per-dyad incident rates.

Citations: Maness, Valeriano, Hedgecock, Jensen & Macias (2022), *The Dyadic Cyber Incident and
Campaign Dataset, version 2.0*; Valeriano & Maness (2014), "The Dynamics of Cyber Conflict between
Rival Antagonists, 2001-11", *Journal of Peace Research* 51(3): 347-360.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from foedus.data.csvio import parse_dates, read_csv, to_numbers
from foedus.data.paths import default_data_dir

DCID_FILE = "cyber/dcid_v2_incidents.csv"
"""The DCID 2.0 incident file, relative to the data folder (``../shared/data`` layout)."""

DCID_FIRST_YEAR, DCID_LAST_YEAR = 2000, 2020
"""Coverage of DCID 2.0 (codebook, July 2022): incidents starting 2000–2020."""


def read_dcid(path: Path | str) -> pd.DataFrame:
    """Read DCID 2.0 state-on-state cyber incidents (``cyber/dcid_v2_incidents.csv``).

    Returns
    -------
    DataFrame
        One row per incident: ``Cyberincidentnum``, ``ccodeA``, ``ccodeB`` (COW codes of the
        rival pair), ``initiator`` (COW code), ``cyber_objective`` (1 disruption; 2, 3 short- and
        long-term espionage; 4 degrade), ``severity`` (DCID's 0-10 scale),
        ``interactionstartdate`` (``YYYY-MM-DD``), ``year`` (of the start) and ``target``: the
        pair's other state, ``<NA>`` when the initiator is neither of the pair (DCID 291, 292,
        309, 331).

    Raises
    ------
    SchemaError
        Naming the file, line and column of a missing column, a non-number or a bad date.
    """
    path = str(path)
    cols = ["Cyberincidentnum", "ccodeA", "ccodeB", "initiator", "cyber_objective", "severity", "interactionstartdate"]
    df = read_csv(path, cols)[cols].copy()
    to_numbers(df, cols[:5], path, integer=True)
    to_numbers(df, ["severity"], path)
    df["year"] = parse_dates(df["interactionstartdate"], path, "interactionstartdate").dt.year.to_numpy(dtype=np.int64)
    ok = df["initiator"].eq(df["ccodeA"]) | df["initiator"].eq(df["ccodeB"])
    df["target"] = np.where(df["initiator"].eq(df["ccodeA"]), df["ccodeB"], df["ccodeA"])
    df["target"] = df["target"].where(ok).astype("Int64")
    return df


def cyber_incident_rates(data_dir: Path | None = None) -> pd.DataFrame:
    """DCID 2.0 state-on-state cyber incidents summarised per directed (initiator → target) dyad.

    For each of the rival dyads DCID codes, both directions appear (a direction without incidents
    has zero counts). Incidents are counted by the year they started, 2000–2020 (21 years).

    Columns: ``initiator``, ``target`` (COW codes), ``n_incidents``; ``incidents_per_year`` =
    ``n_incidents / 21``; ``share_disruption``, ``share_espionage``, ``share_degrade``: shares of
    the dyad's incidents by DCID ``cyber_objective`` (1 disruption; 2 short-term and 3 long-term
    espionage; 4 degrade), summing to 1 (NaN without incidents); ``mean_severity`` on DCID's 0–10
    scale; ``first_year``, ``last_year`` (``<NA>`` without incidents).

    Left out, and counted in ``df.attrs["excluded"]``: incidents whose initiator is not one of
    the dyad's two states (DCID 291, 292, 309, 331; the target is then ambiguous) and incidents
    starting after 2020. ``df.attrs`` also holds ``source``, ``years`` and ``citation``.

    Parameters
    ----------
    data_dir : Path, optional
        Folder laid out like ``../shared/data``; default :func:`foedus.data.paths.default_data_dir`.

    Returns
    -------
    pandas.DataFrame, sorted by ``initiator``, ``target``.

    References
    ----------
    Maness, R. C., B. Valeriano, K. Hedgecock, B. M. Jensen, and J. M. Macias. 2022. *The Dyadic
    Cyber Incident and Campaign Dataset, version 2.0*. Valeriano, B., and R. C. Maness. 2014.
    "The Dynamics of Cyber Conflict between Rival Antagonists, 2001–11." *Journal of Peace
    Research* 51(3): 347–360.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    raw = read_dcid(d / DCID_FILE)
    ok = raw["target"].notna() & raw["year"].between(DCID_FIRST_YEAR, DCID_LAST_YEAR)
    inc = raw.loc[ok].assign(
        target=lambda x: x["target"].astype("int64"),
        disruption=lambda x: (x["cyber_objective"] == 1).astype(float),
        espionage=lambda x: x["cyber_objective"].isin([2, 3]).astype(float),
        degrade=lambda x: (x["cyber_objective"] == 4).astype(float),
    )
    g = inc.groupby(["initiator", "target"])
    agg = g.agg(
        n_incidents=("Cyberincidentnum", "size"),
        share_disruption=("disruption", "mean"),
        share_espionage=("espionage", "mean"),
        share_degrade=("degrade", "mean"),
        mean_severity=("severity", "mean"),
        first_year=("year", "min"),
        last_year=("year", "max"),
    )
    pairs = raw[["ccodeA", "ccodeB"]].drop_duplicates()
    both = pd.concat(
        [pairs.set_axis(["initiator", "target"], axis=1), pairs[["ccodeB", "ccodeA"]].set_axis(["initiator", "target"], axis=1)]
    ).drop_duplicates()
    idx = pd.MultiIndex.from_frame(both.sort_values(["initiator", "target"]))
    out = agg.reindex(idx)
    out["n_incidents"] = out["n_incidents"].fillna(0).astype("int64")
    out["first_year"] = out["first_year"].astype("Int64")
    out["last_year"] = out["last_year"].astype("Int64")
    n_years = DCID_LAST_YEAR - DCID_FIRST_YEAR + 1
    out.insert(1, "incidents_per_year", out["n_incidents"] / n_years)
    out = out.reset_index()
    out.attrs.update(
        source=DCID_FILE,
        years=(DCID_FIRST_YEAR, DCID_LAST_YEAR),
        excluded={
            "initiator_not_in_dyad": int(raw["target"].isna().sum()),
            "outside_years": int((raw["target"].notna() & ~raw["year"].between(DCID_FIRST_YEAR, DCID_LAST_YEAR)).sum()),
        },
        citation="Maness, Valeriano, Hedgecock, Jensen & Macias (2022), DCID 2.0",
    )
    return out
