"""A US price index, offline: the BLS consumer price index for all urban consumers (CPI-U).

foedus puts money of different years into one money, constant US dollars of a stated base year,
with this deflator (the record's military expenditure, :mod:`foedus.report.provenance`):

    constant = current * CPI_U[base_year] / CPI_U[year]

*Source.* US Bureau of Labor Statistics, Consumer Price Index for All Urban Consumers (CPI-U),
U.S. city average, all items, not seasonally adjusted, series ``CUUR0000SA0``, annual average
(period ``M13``), 1982-84 = 100, 1913-2025. The figures are those bundled in the PyPI
package ``cpi`` 2.1.0 (Ben Welsh, MIT licence; its database ``cpi.db``, sha256
28a3230316ae3f2a0566428f14d8d6402c25ab5702f63fab565d49e143276a1c), copied here so that foedus
needs neither that package nor the network; BLS data are a work of the US government and in
the public domain. ``python -m foedus.data.prices`` prints them; with the ``cpi`` package
installed, :func:`check_against_cpi_package` compares the two.

*Before 1913.* The CPI-U begins in 1913, and no registry package this project can use ships a
US price index reaching further back. Figures of 1816-1912 are therefore deflated at the 1913
price level (:data:`CPI_FIRST_YEAR`): they are in 1913 prices, carried to the base year, not in
their own year's prices. The differences of price level among those years (the inflation of the
Civil War, the deflation after 1873) are not removed, so compare those years' figures in
real terms with care. Every unit that uses the deflator says so (:data:`DEFLATOR`, :func:`constant_usd_unit`).

References
----------
.. [1] U.S. Bureau of Labor Statistics. "Consumer Price Index for All Urban Consumers (CPI-U):
   U.S. city average, all items" (series CUUR0000SA0), annual averages.
.. [2] Welsh, B. 2026. *cpi*: Quickly adjust U.S. dollars for inflation using the Consumer Price
   Index. PyPI, version 2.1.0.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "CPI_U", "CPI_FIRST_YEAR", "CPI_LAST_YEAR", "DEFLATOR", "MILEX_BASE_YEAR", "NMC_POUND_YEARS",
    "cpi_u", "to_constant_usd", "constant_usd_unit", "nmc_milex_constant", "check_against_cpi_package",
]

CPI_U: dict[int, float] = {
    1913: 9.9, 1914: 10.0, 1915: 10.1, 1916: 10.9, 1917: 12.8, 1918: 15.1, 1919: 17.3, 1920: 20.0, 1921: 17.9,
    1922: 16.8, 1923: 17.1, 1924: 17.1, 1925: 17.5, 1926: 17.7, 1927: 17.4, 1928: 17.1, 1929: 17.1, 1930: 16.7,
    1931: 15.2, 1932: 13.7, 1933: 13.0, 1934: 13.4, 1935: 13.7, 1936: 13.9, 1937: 14.4, 1938: 14.1, 1939: 13.9,
    1940: 14.0, 1941: 14.7, 1942: 16.3, 1943: 17.3, 1944: 17.6, 1945: 18.0, 1946: 19.5, 1947: 22.3, 1948: 24.1,
    1949: 23.8, 1950: 24.1, 1951: 26.0, 1952: 26.5, 1953: 26.7, 1954: 26.9, 1955: 26.8, 1956: 27.2, 1957: 28.1,
    1958: 28.9, 1959: 29.1, 1960: 29.6, 1961: 29.9, 1962: 30.2, 1963: 30.6, 1964: 31.0, 1965: 31.5, 1966: 32.4,
    1967: 33.4, 1968: 34.8, 1969: 36.7, 1970: 38.8, 1971: 40.5, 1972: 41.8, 1973: 44.4, 1974: 49.3, 1975: 53.8,
    1976: 56.9, 1977: 60.6, 1978: 65.2, 1979: 72.6, 1980: 82.4, 1981: 90.9, 1982: 96.5, 1983: 99.6, 1984: 103.9,
    1985: 107.6, 1986: 109.6, 1987: 113.6, 1988: 118.3, 1989: 124.0, 1990: 130.7, 1991: 136.2, 1992: 140.3,
    1993: 144.5, 1994: 148.2, 1995: 152.4, 1996: 156.9, 1997: 160.5, 1998: 163.0, 1999: 166.6, 2000: 172.2,
    2001: 177.1, 2002: 179.9, 2003: 184.0, 2004: 188.9, 2005: 195.3, 2006: 201.6, 2007: 207.342, 2008: 215.303,
    2009: 214.537, 2010: 218.056, 2011: 224.939, 2012: 229.594, 2013: 232.957, 2014: 236.736, 2015: 237.017,
    2016: 240.007, 2017: 245.12, 2018: 251.107, 2019: 255.657, 2020: 258.811, 2021: 270.97, 2022: 292.655,
    2023: 304.702, 2024: 313.689, 2025: 321.943,
}
"""CPI-U annual averages (1982-84 = 100) by year, BLS series CUUR0000SA0 (see the module's *Source*)."""

CPI_FIRST_YEAR = min(CPI_U)
"""First year of the CPI-U (1913); earlier years are deflated at its price level."""

CPI_LAST_YEAR = max(CPI_U)
"""Last year with an annual average in :data:`CPI_U`."""

DEFLATOR = "US CPI-U (BLS series CUUR0000SA0, annual average; 1816-1912 at the 1913 price level)"
"""The deflator's name, as tables' metadata, axis labels and reports state it."""


def cpi_u(years) -> np.ndarray:
    """The CPI-U of each year (1982-84 = 100); years before 1913 get 1913's, years after the last NaN.

    >>> cpi_u([1913, 1850, 2022]).tolist()
    [9.9, 9.9, 292.655]
    """
    y = np.asarray(years, dtype="int64")
    table = np.full(CPI_LAST_YEAR - CPI_FIRST_YEAR + 1, np.nan)
    for year, value in CPI_U.items():  # about a hundred fixed values
        table[year - CPI_FIRST_YEAR] = value
    idx = np.clip(y, CPI_FIRST_YEAR, CPI_LAST_YEAR) - CPI_FIRST_YEAR
    return np.where(y > CPI_LAST_YEAR, np.nan, table[idx])


def to_constant_usd(values, years, base_year: int) -> np.ndarray:
    """Current US dollars of ``years`` in constant US dollars of ``base_year`` (CPI-U, :data:`DEFLATOR`).

    Parameters
    ----------
    values : array_like
        Amounts in current US dollars of their year (any scale: thousands stay thousands).
    years : array_like of int
        The year of each amount.
    base_year : int
        The year whose dollars the result is in, within 1913 .. :data:`CPI_LAST_YEAR`.

    Returns
    -------
    numpy.ndarray of float
        ``values * CPI(base_year) / CPI(year)``; NaN where the value is missing or the year lies
        after :data:`CPI_LAST_YEAR`.

    Raises
    ------
    ValueError
        ``base_year`` outside the CPI-U's years.

    Examples
    --------
    >>> round(float(to_constant_usd([100.0], [1950], 2022)[0]), 1)
    1214.3
    """
    if not CPI_FIRST_YEAR <= int(base_year) <= CPI_LAST_YEAR:
        raise ValueError(f"base_year must be within {CPI_FIRST_YEAR}-{CPI_LAST_YEAR} (the CPI-U's years), got {base_year}")
    v = np.asarray(values, dtype="float64")
    return v * CPI_U[int(base_year)] / cpi_u(years)


def constant_usd_unit(base_year: int) -> str:
    """The money in words: "constant 2022 US$ (deflator: US CPI-U ...)"."""
    return f"constant {int(base_year)} US$ (deflator: {DEFLATOR})"


MILEX_BASE_YEAR = 2022
"""The base year of the record's constant dollars: the year of the SIPRI constant dollars that
``world-2022`` starts from, so that the record and those runs are drawn in dollars of one year
(their deflators differ, and each unit names its own)."""

NMC_POUND_YEARS: tuple[int, int] = (1816, 1913)
"""Years in which COW NMC 7.0 records ``milex`` in pounds sterling (its codebook)."""


def nmc_milex_constant(milex, years, base_year: int = MILEX_BASE_YEAR) -> np.ndarray:
    """COW NMC ``milex`` (thousands; £ 1816-1913, current US$ after) in thousands of constant ``base_year`` US$.

    The pounds of :data:`NMC_POUND_YEARS` are converted at the gold-standard mint parity
    (:data:`foedus.data.snapshot_fields.GBP_USD_PARITY`, Officer 1996), then every year's current
    dollars deflated with the CPI-U (:func:`to_constant_usd`; 1816-1912 at the 1913 price level).

    >>> nmc_milex_constant([1.0, 1.0], [1913, 1914]).round(2).tolist()   # £1,000 of 1913, $1,000 of 1914
    [143.86, 29.27]
    """
    from foedus.data.snapshot_fields import GBP_USD_PARITY

    y = np.asarray(years, dtype="int64")
    v = np.asarray(milex, dtype="float64")
    pounds = (y >= NMC_POUND_YEARS[0]) & (y <= NMC_POUND_YEARS[1])
    return to_constant_usd(np.where(pounds, v * GBP_USD_PARITY, v), y, base_year)


def check_against_cpi_package() -> dict[int, tuple[float, float]]:
    """Years where :data:`CPI_U` and the installed ``cpi`` package's annual CPI-U differ: ``{year: (ours, theirs)}``.

    Reads the package's bundled database with ``sqlite3`` (importing ``cpi`` itself would warn
    that its data are stale, or try to download them). Raises ``ModuleNotFoundError`` when the
    package is not installed.
    """
    import importlib.util
    import sqlite3
    from pathlib import Path

    spec = importlib.util.find_spec("cpi")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("the 'cpi' package is not installed (pip install cpi)")
    db = Path(spec.origin).parent / "cpi.db"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        theirs = dict(con.execute("select year, value from indexes where series = 'CUUR0000SA0' and period = 'M13'"))
    return {y: (CPI_U.get(y, float("nan")), float(v)) for y, v in theirs.items() if CPI_U.get(y) != float(v)}


if __name__ == "__main__":  # pragma: no cover
    for year, value in CPI_U.items():
        print(year, value)
