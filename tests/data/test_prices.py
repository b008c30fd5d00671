"""The offline US price index (BLS CPI-U) and constant dollars (foedus.data.prices)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.data.prices import (
    CPI_FIRST_YEAR, CPI_LAST_YEAR, CPI_U, DEFLATOR, MILEX_BASE_YEAR, constant_usd_unit, cpi_u, nmc_milex_constant, to_constant_usd,
)
from foedus.data.snapshot_fields import GBP_USD_PARITY


def test_the_series_is_bls_cpi_u_with_its_1982_84_base():
    assert (CPI_FIRST_YEAR, CPI_U[CPI_FIRST_YEAR]) == (1913, 9.9)
    assert list(CPI_U) == list(range(1913, CPI_LAST_YEAR + 1)) and CPI_LAST_YEAR >= 2024  # every year, none missing
    # the index is 100 on average over 1982-84, by BLS's definition of its base
    assert np.mean([CPI_U[1982], CPI_U[1983], CPI_U[1984]]) == pytest.approx(100.0, abs=0.05)
    assert (CPI_U[1950], CPI_U[2000], CPI_U[2022]) == (24.1, 172.2, 292.655)
    assert "CUUR0000SA0" in DEFLATOR and "1913 price level" in DEFLATOR


def test_constant_dollars_divide_by_the_year_and_multiply_by_the_base():
    out = to_constant_usd([100.0, 100.0, np.nan], [1950, 2022, 2000], 2022)
    assert out[0] == pytest.approx(100 * 292.655 / 24.1) and out[1] == 100.0 and np.isnan(out[2])
    # to the base year and back is the identity
    there = to_constant_usd([1.0, 2.0], [1960, 1990], 2022)
    back = there * CPI_U[1960] / CPI_U[2022], there * CPI_U[1990] / CPI_U[2022]
    assert back[0][0] == pytest.approx(1.0) and back[1][1] == pytest.approx(2.0)


def test_before_1913_the_1913_price_level_and_after_the_last_year_none():
    assert cpi_u([1816, 1850, 1912]).tolist() == [9.9, 9.9, 9.9]
    assert np.isnan(cpi_u([CPI_LAST_YEAR + 1])[0])
    with pytest.raises(ValueError, match="base_year must be within 1913-"):
        to_constant_usd([1.0], [2000], 1900)


def test_nmc_pounds_are_converted_at_the_parity_then_deflated():
    out = nmc_milex_constant([1.0, 1.0, 1.0], [1850, 1913, 1914])
    assert out[0] == out[1] == pytest.approx(GBP_USD_PARITY * 292.655 / 9.9)
    assert out[2] == pytest.approx(292.655 / 10.0)
    assert MILEX_BASE_YEAR == 2022 and constant_usd_unit(2022).startswith("constant 2022 US$ (deflator: US CPI-U")
