"""The out-of-sample score the main job reports (foedus.experiments.oos_score) is `foedus validate`'s, on the eras held out."""

from __future__ import annotations

import foedus
from foedus.experiments.eras import DEFAULT_IN_SAMPLE, ERAS, score, validate_eras
from foedus.experiments.oos_score import PendingScore, out_of_sample_eras, sentence


def test_the_out_of_sample_eras_are_those_the_defaults_were_not_fitted_on():
    eras = out_of_sample_eras()
    assert eras and set(eras) == set(ERAS) - set(DEFAULT_IN_SAMPLE)


def test_score_equals_validate_on_the_same_eras_seeds_and_years():
    got = PendingScore((1,), years=2).result()
    facts = validate_eras(out_of_sample_eras(), (1,), years=2, in_sample=())
    k, n = score(facts)
    assert (got["in_range"], got["facts"], got["score"]) == (k, n, f"{k}/{n}")
    assert got["eras"] == list(out_of_sample_eras()) and got["seeds"] == [1] and got["foedus_version"] == foedus.__version__
    assert sum(v["in_range"] for v in got["per_era"].values()) == k
    assert "eras shortened to 2 years" in got["form"] and got["sentence"] == sentence(got)
    assert got["sentence"].startswith(f"Out of sample, {k} of {n} facts of the record are in range (eras 1919–1938 and 1990–2018, one run each, seed 1;")


def test_no_seed_no_score_and_a_failure_is_reported_not_raised(tmp_path):
    assert PendingScore(()).result() is None
    bad = PendingScore((1,), years=2, eras=("1919-1938",), data_dir=str(tmp_path / "nowhere")).result()
    assert "error" in bad and "in_range" not in bad
    assert sentence(bad).startswith("Out-of-sample validation could not run (")
