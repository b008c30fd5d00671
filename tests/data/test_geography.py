"""foedus.data.geography: the great-circle distance is a metric with the known values of a sphere."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.data.geography import EARTH_RADIUS_KM, great_circle_km

lat = st.floats(-90, 90)
lon = st.floats(-180, 180)


def test_great_circle_known_values():
    assert great_circle_km(0, 0, 0, 90) == pytest.approx(math.pi * EARTH_RADIUS_KM / 2)
    assert great_circle_km(90, 0, -90, 0) == pytest.approx(math.pi * EARTH_RADIUS_KM)
    assert great_circle_km(10, 20, 10, 20) == 0
    assert np.isnan(great_circle_km(np.nan, 0, 0, 0))


@settings(max_examples=200, deadline=None)
@given(lat, lon, lat, lon, lat, lon)
def test_great_circle_is_a_metric(a1, o1, a2, o2, a3, o3):
    d12, d21 = great_circle_km(a1, o1, a2, o2), great_circle_km(a2, o2, a1, o1)
    assert d12 == pytest.approx(d21, abs=1e-6)
    assert 0 <= d12 <= math.pi * EARTH_RADIUS_KM + 1e-6
    assert d12 <= great_circle_km(a1, o1, a3, o3) + great_circle_km(a3, o3, a2, o2) + 1e-6
