"""The public figure functions (foedus.report.figures) and the one report style (foedus.report.style).

Each function draws any history into a given or a new axes and returns it; counts get integer
ticks (on log axes too), quantities enough ticks and their unit, legends sit outside the data,
yearly integer series are steps, every report figure has one width, and a network keeps its
layout from year to year with labels that do not collide.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.report import figures as fg
from foedus.report import style
from foedus.report.ensemble import alignment_figure, band_figure, is_count, moving_pairs, plot_band, state_band_figure
from foedus.testing import toy_history


def _toy(first=1900, last=1960, milex=True):
    h = toy_history(
        [
            {"id": 1, "start": first, "end": first + 12, "members": [2, 200, 220]},
            {"id": 2, "start": first + 5, "end": None, "members": [2, 20], "obligations": ["defense", "consultation"]},
            {"id": 3, "start": first + 20, "end": first + 30, "members": [365, 710], "obligations": ["nonaggression"]},
            {"id": 4, "start": first + 25, "end": None, "members": [365, 290, 310]},
            {"id": 5, "start": first + 30, "end": first + 40, "members": [2, 200]},
        ],
        first_year=first, last_year=last,
        cinc={2: 0.3, 200: 0.1, 220: 0.08, 20: 0.02, 365: 0.2, 710: 0.2, 290: 0.01, 310: 0.005},
        majors=[2, 200, 365, 710],
    )
    if milex:  # thousands of US$: 50-90 bn for the United States, a range of less than a decade
        sy = h.state_years
        sy["milex"] = np.where(sy["ccode"] == 2, 5e7 + 4e7 * (sy["year"] - first) / (last - first), 2e7).astype(float)
    return h


def _visible_ticks(axis) -> np.ndarray:
    lo, hi = sorted(axis.get_view_interval())
    ticks = np.asarray(axis.get_majorticklocs(), dtype=float)
    return ticks[(ticks >= lo - 1e-9) & (ticks <= hi + 1e-9)]


def _assert_integer_ticks(axis):
    ticks = _visible_ticks(axis)
    assert len(ticks) >= 1
    assert np.all(ticks == np.round(ticks)), ticks
    labels = [t.get_text() for t in axis.get_ticklabels() if t.get_text()]
    assert all("." not in lab and "^" not in lab for lab in labels), labels


@pytest.fixture(scope="module")
def toy():
    return _toy()


def test_every_history_figure_draws_into_a_new_or_a_given_axes(toy):
    from matplotlib.axes import Axes

    cases = {
        fg.plot_alliances_begun: ("alliances begun", "year"),
        fg.plot_alliances_in_force: ("alliances in force", "year"),
        fg.plot_alliance_size: ("alliances (log scale)", "distinct members"),
        fg.plot_survival: ("share still in force\n(Kaplan–Meier)", "years since signature"),
        fg.plot_polarity: ("number of poles", "year"),
        fg.plot_alignments: ("defence-pact partners", "year"),
    }
    for func, (ylabel, xlabel) in cases.items():
        ax = func(toy)
        assert isinstance(ax, Axes) and ax.get_ylabel() == ylabel and ax.get_xlabel() == xlabel, func.__name__
        assert ax.figure.get_figwidth() == style.WIDTH
        own = style.new_figure(3.0).add_subplot()
        assert func(toy, ax=own) is own, func.__name__
    fig = fg.plot_agreements_by_kind(toy)
    assert [ax.get_ylabel() for ax in fig.axes] == ["alliances", "alliances in force"]
    net = fg.plot_network(toy, 1930)
    assert net.get_title() == "Defence pacts, 1930"
    with pytest.raises(ValueError, match="outside the history's window"):
        fg.plot_network(toy, 1850)


def test_counts_have_integer_ticks_also_on_a_log_axis(toy):
    for ax in (fg.plot_alliances_begun(toy), fg.plot_alliances_in_force(toy), fg.plot_alignments(toy), fg.plot_polarity(toy)):
        _assert_integer_ticks(ax.yaxis)
    size = fg.plot_alliance_size(toy)
    assert size.get_yscale() == "log"
    _assert_integer_ticks(size.yaxis)
    _assert_integer_ticks(size.xaxis)
    # one size only (every alliance bilateral): the x axis used to read 1.6, 1.8, 2.0, ...
    bilateral = toy_history([{"id": 1, "start": 1900, "end": None, "members": [2, 20]},
                             {"id": 2, "start": 1901, "end": None, "members": [2, 200]}], first_year=1900, last_year=1905)
    one = fg.plot_alliance_size(bilateral)
    _assert_integer_ticks(one.xaxis)
    _assert_integer_ticks(one.yaxis)
    assert 2 in _visible_ticks(one.xaxis)


def test_spending_has_one_unit_in_billions_and_enough_ticks(toy):
    from foedus.report.provenance import milex_unit

    ax = fg.plot_spending(toy, [2, 200])
    assert ax.get_yscale() == "log"
    assert len(_visible_ticks(ax.yaxis)) >= style.MIN_TICKS  # 20-90 bn: under a decade, still four ticks or more
    assert "bn US$" in ax.get_ylabel() and "military expenditure" in ax.get_ylabel()
    assert milex_unit(toy).report_axis == "bn US$"
    top = max(line.get_ydata().max() for line in ax.get_lines() if line.get_label() == "S2")  # the toy's name for code 2
    assert top == pytest.approx(90.0)  # thousands of US$ drawn in billions
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert labels and not any("10^" in lab or "e+" in lab or "$" in lab for lab in labels), labels


def test_record_spending_is_one_unit_with_the_pounds_converted(record):
    from foedus.data.snapshot_fields import GBP_USD_PARITY

    ax = fg.plot_spending(record, [200, 2])
    label = ax.get_ylabel()
    assert "bn constant 2022 US$ (CPI-U" in label and f"£ to 1913 × {GBP_USD_PARITY}" in label
    uk = next(line for line in ax.get_lines() if line.get_label() == "UKG")
    x, y = uk.get_xdata(), uk.get_ydata()
    sy = record.state_years
    raw_1913 = float(sy.loc[(sy["ccode"] == 200) & (sy["year"] == 1913), "milex"].iloc[0])
    # pounds at the mint parity, then 1913 dollars in 2022 dollars: BLS CPI-U 292.655 / 9.9
    assert y[x == 1913][0] == pytest.approx(raw_1913 * GBP_USD_PARITY * 292.655 / 9.9 * 1e-6)
    assert len(_visible_ticks(ax.yaxis)) >= style.MIN_TICKS


def test_yearly_counts_are_steps_not_slopes(toy):
    ax = fg.plot_alliances_in_force(toy)
    xs = np.concatenate([p.get_paths()[0].vertices[:, 0] for p in ax.collections if len(p.get_paths())])
    inside = xs[(xs > toy.first_year - 0.5) & (xs < toy.last_year + 0.5)]
    assert len(inside) and np.allclose(np.mod(inside, 1.0), 0.5)  # every corner on a year boundary
    years = np.arange(2000, 2006)
    bands = pd.DataFrame({"indicator": "blocs", "year": years, "runs": 8, "q05": [1, 1, 2, 2, 2, 3.35],
                          "q95": [2, 3, 3, 4, 4, 4], "median": [1, 2, 2, 3, 3, 4], "median_lo": 1.0, "median_hi": 4.0, "mean": 2.5})
    assert is_count("blocs") and not is_count("milex") and not is_count("con")
    band = plot_band(bands, "blocs")
    corners = np.concatenate([p.get_paths()[0].vertices[:, 0] for p in band.collections])
    assert np.allclose(np.mod(corners, 1.0), 0.5)
    _assert_integer_ticks(band.yaxis)
    median = next(line for line in band.get_lines() if line.get_label() == "median")
    assert np.allclose(np.mod(median.get_xdata(), 1.0), 0.5)


def test_legends_sit_outside_the_data(toy):
    axes = [fg.plot_alliances_begun(toy), fg.plot_alliances_in_force(toy), fg.plot_alliance_size(toy), fg.plot_survival(toy),
            fg.plot_spending(toy, [2, 200]), fg.plot_alignments(toy)]
    for ax in axes:
        fig = ax.figure
        renderer = fig.canvas.get_renderer()
        fig.draw_without_rendering()
        legend = ax.get_legend()
        assert legend is not None
        box, frame = legend.get_window_extent(renderer), ax.get_window_extent(renderer)
        assert box.x0 >= frame.x1 - 1 or box.y1 <= frame.y0 + 1, ax.get_ylabel()


def test_every_report_figure_has_the_report_width(toy):
    years = np.arange(2000, 2004)
    bands = pd.DataFrame({"indicator": "milex", "year": years, "runs": 4, "q05": 1e6, "q95": 3e6, "median": 2e6,
                          "median_lo": 1.5e6, "median_hi": 2.5e6, "mean": 2e6})
    state = bands.assign(ccode=2, abb="USA")
    align = pd.DataFrame({"year": years, "abb": "USA", "alignment": "USA", "share": 1.0})
    from foedus.analysis.era_tolerance import TOLERANCE, EraFact

    name = next(iter(TOLERANCE))
    fact = EraFact(era="1815-1913", name=name, record=1.0, simulated=1.2, median=1.1, p5=0.9, p95=1.3,
                   in_range=True, tolerance="x", in_sample=True)
    drawn = [band_figure(bands, "milex", money="constant 2022 US$"), state_band_figure(state), alignment_figure(align),
             fg.plot_validation_era([fact]).figure, fg.plot_agreements_by_kind(toy), fg.plot_network(toy, 1930).figure]
    assert {fig.get_figwidth() for fig in drawn} == {style.WIDTH}
    assert drawn[0].axes[0].get_ylabel() == "bn constant 2022 US$"


def test_network_layout_is_the_same_in_every_year(toy):
    layout = fg.network_layout(toy)
    assert fg.network_layout(toy).keys() == layout.keys()
    assert all(np.array_equal(fg.network_layout(toy)[c], p) for c, p in layout.items())  # deterministic
    for year in (1905, 1930, 1945):
        ax = fg.plot_network(toy, year)
        drawn = np.concatenate([c.get_offsets() for c in ax.collections if len(c.get_offsets())])
        expected = np.array(list(layout.values()))
        assert all(np.isclose(expected, p).all(axis=1).any() for p in drawn), year  # every node where the layout puts it
    xy = np.array(list(layout.values()))
    dist = np.sqrt(((xy[:, None] - xy[None]) ** 2).sum(-1)) + np.eye(len(xy))
    assert dist.min() >= 0.9 * fg.network_layout.__globals__["MIN_SPACING"]


def test_record_network_keeps_places_and_its_labels_do_not_collide(record):
    from foedus.report.network import MIN_SPACING, capital_coordinates

    layout = fg.network_layout(record)
    caps = capital_coordinates(record)
    # a rough map: Washington west of London, London west of Berlin, Berlin west of Beijing
    assert layout[2][0] < layout[200][0] < layout[255][0] < layout[710][0]
    assert set(caps.index) <= set(layout)
    xy = np.array(list(layout.values()))
    dist = np.sqrt(((xy[:, None] - xy[None]) ** 2).sum(-1)) + np.eye(len(xy))
    assert dist.min() >= 0.9 * MIN_SPACING  # Berlin, Vienna and Prague no longer on top of each other
    for year in (1914, 1939, 2018):
        ax = fg.plot_network(record, year, layout=layout)
        fig = ax.figure
        renderer = fig.canvas.get_renderer()
        labels = [t for t in ax.texts if t.get_text()]
        assert {"GMY", "UKG"} <= {t.get_text() for t in labels} or year == 2018
        boxes = [t.get_window_extent(renderer) for t in labels]
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                assert not boxes[i].overlaps(boxes[j]), (year, labels[i].get_text(), labels[j].get_text())


def test_default_pairs_move_and_the_runs_disagree_on_them(tmp_path):
    """Checked against pair_allied pair by pair: the default pairs move, those the runs disagree on most first."""
    from itertools import combinations

    from foedus.analysis import ensemble as an
    from foedus.experiments.ensemble import run_ensemble
    from foedus.testing import synthetic_scenario

    scenario = synthetic_scenario(7, seed=11, years=15, alliances=2)
    out = tmp_path / "ens"
    run_ensemble(scenario, runs=8, out=out, seed=5, workers=1, processes=False)
    chosen = moving_pairs(out, n=3)
    st = an.open_ensemble(out).read_table("states", columns=["ccode", "major"])
    majors = set(st.loc[st["major"].astype(bool), "ccode"])
    moves = {}
    for a, b in combinations(sorted(set(st["ccode"])), 2):
        if a in majors or b in majors:
            p = an.pair_allied(out, a, b)["probability"].to_numpy()
            moves[(a, b)] = (p.max() - p.min(), p[-1], float(np.mean(p * (1 - p))))
    ranked = sorted((k for k, v in moves.items() if v[0] > 0), key=lambda k: (-moves[k][2], -moves[k][0], -moves[k][1], k))
    assert ranked, "this ensemble was chosen for pairs that move; none does now"
    assert chosen == ranked[:3]
    assert all(moves[k][0] > 0 for k in chosen)
