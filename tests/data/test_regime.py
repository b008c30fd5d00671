"""foedus.data.regime on the real files in ../shared/data: scales from their README."""

from __future__ import annotations

from foedus.data.regime import read_democracy, read_ideal_points


def test_democracy_scores_keep_their_scales(data_dir):
    d = read_democracy(data_dir / "regime" / "cw_democracy.csv")
    assert d["polity2"].dropna().between(-10, 10).all()
    assert d["v2x_polyarchy"].dropna().between(0, 1).all()


def test_ideal_points_begin_in_1946(data_dir):
    u = read_ideal_points(data_dir / "unvotes" / "unga_idealpoints_jul2025.csv.gz")
    assert u["year"].min() == 1946 and u["ccode"].notna().all()
