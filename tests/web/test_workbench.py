"""The dashboard as a workbench: a scenario's drivers and parameters edited and run, a small ensemble launched and
followed, the year on screen downloaded; every bad field refused with a 4xx naming it."""

from __future__ import annotations

import io
import json
import re
import time
import warnings
import zipfile

import networkx as nx
import pandas as pd
import pytest
import yaml

from foedus.sim.parameters import Parameters
from foedus.sim.scenario import Scenario, Trends


def _wait(client, job_id: str, timeout: float = 180.0, seen: list | None = None) -> dict:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        j = client.get(f"/api/jobs/{job_id}").json()
        if seen is not None:
            seen.append(j)
        if j["status"] in ("done", "error"):
            return j
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")


@pytest.fixture
def bench(tmp_path):
    """An app without the record over an empty runs folder, small limits."""
    from fastapi.testclient import TestClient

    from foedus.web.app import Limits, create_app

    app = create_app(runs_dir=tmp_path / "runs", include_record=False, limits=Limits(max_years=10, max_actors=20, max_ensemble_runs=6))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with TestClient(app) as c:
            yield c, tmp_path / "runs"


def test_the_editor_lists_every_driver_and_parameter_with_its_bounds(client):
    d = client.get("/api/scenario", params={"builtin": "europe-1871"}).json()
    sc = Scenario.builtin("europe-1871")
    assert d["name"] == "europe-1871" and d["start_year"] == 1871 and d["states"] == len(sc.actors)
    assert [f["name"] for f in d["trends"]] == list(Trends.model_fields)
    assert {f["name"]: f["value"] for f in d["trends"]} == sc.trends.model_dump()
    assert all(f["min"] == 0 and f["max"] == 1 for f in d["trends"])
    # each driver described in the field's words, without the brief's IDs (T1-T5) a reader of the page does not know
    assert [f["description"].split(":")[0] for f in d["trends"]] == [
        "great-power competition and hierarchy", "economic interdependence", "cyber", "military integration", "norms and values"]
    assert not any(re.search(r"\b[TD]\d\b", f["description"]) for f in d["trends"])
    fr = client.get("/api/scenario", params={"builtin": "europe-1871"}, headers={"Accept-Language": "fr"}).json()
    assert fr["trends"][0]["description"].startswith("compétition et hiérarchie entre grandes puissances : ")
    assert [f["name"] for f in d["parameters"]] == list(Parameters.model_fields)
    react = next(f for f in d["parameters"] if f["name"] == "reactivity")
    assert (react["min"], react["max"], react["value"]) == (0, 2, sc.parameters.reactivity)
    r = client.get("/api/scenario", params={"builtin": "atlantis"})
    assert r.status_code == 404 and "atlantis" in r.json()["error"]


LABELS = re.compile(r"(?<![\w.-])(?:[Bb]rief\s+)?[AFPDTH][1-5](?![\w-])|\bissue \d+|\bthe brief\b")
"""What a reader of the page never saw: the design catalogue's labels, its name, the project's issue numbers."""


def test_the_parameters_are_described_in_the_pages_language_without_catalogue_labels(client):
    """Every engine parameter's description is Parameters' own, labels taken out, in English or in French."""
    from foedus.i18n import gettext, language
    from foedus.web.parameters import plain

    en = {f["name"]: f["description"] for f in client.get("/api/scenario", params={"builtin": "europe-1871"}).json()["parameters"]}
    fr = {f["name"]: f["description"] for f in client.get("/api/scenario", params={"builtin": "europe-1871", "lang": "fr"}).json()["parameters"]}
    assert set(en) == set(fr) == set(Parameters.model_fields)
    labelled = {n: d for n, d in en.items() if LABELS.search(d)} | {n: d for n, d in fr.items() if LABELS.search(d)}
    assert not labelled, labelled
    # the English is the field's own description, only its labels gone (the trailing "(F2, D4)" of shock_threat_scale)
    assert all(en[n] == plain(f.description) for n, f in Parameters.model_fields.items())
    assert Parameters.model_fields["shock_threat_scale"].description.endswith("(F2, D4)")
    assert en["shock_threat_scale"].endswith("global-threat shock's intensity")
    assert en["ally_weight"] == "how much allied spending substitutes for one's own (free riding)"
    assert fr["ally_weight"].startswith("mesure dans laquelle la dépense des alliés se substitue")
    assert fr["bandwagon_weight"] == "poids du ralliement au plus fort (bandwagoning)"
    assert "piégeage" in fr["commitment_exponent"] and "fardeau" in fr["mobilisation_rate"]
    # the page's language, not the server's: the same process answers English again
    assert client.get("/api/scenario", params={"builtin": "europe-1871"}).json()["parameters"][0]["description"] == en["hostility_drift"]
    # French where the catalogue has the field's present text; English (pending) where it has not yet
    with language("fr"):
        assert all(fr[n] == gettext(en[n]) for n in en)
    assert sum(fr[n] != en[n] for n in en) >= 140


def test_catalogue_labels_are_taken_out_as_a_reader_would_want():
    from foedus.web.parameters import plain

    assert plain("weight of F1, balancing power") == "weight of balancing power"
    assert plain("floor of spending (free riding, P4)") == "floor of spending (free riding)"
    assert plain("a hazard (P5; Leeds & Savun 2007) ends it (A2, D4)") == "a hazard (Leeds & Savun 2007) ends it"
    assert plain("drift (T1; foedus.theory.threat.competition_pairs). Chosen on 1816-1914 (F5)") == (
        "drift (foedus.theory.threat.competition_pairs). Chosen on 1816-1914")
    assert plain("a ratio (s.e. 0.2; brief A2) of T1-T5") == "a ratio (s.e. 0.2) of"
    assert plain("log(1 + x) (0.6 + 0.1) in 1816-1914; F5") == "log(1 + x) (0.6 + 0.1) in 1816-1914"
    assert plain("spending (units, T3). Then F2.") == "spending (units). Then."
    assert plain("ATOP 5.1, COW NMC 6.0, V-Dem, 12,000 km, D_ij") == "ATOP 5.1, COW NMC 6.0, V-Dem, 12,000 km, D_ij"


def test_a_run_with_edited_drivers_and_parameters(bench):
    client, runs = bench
    overrides = {"trends": {"cyber": 0.9, "norms": 0.1}, "parameters": {"reactivity": 0.3}}
    r = client.post("/api/jobs", data={"builtin": "europe-1871", "years": "2", "seed": "4", "overrides": json.dumps(overrides)})
    assert r.status_code == 202, r.text
    job = _wait(client, r.json()["id"])
    assert job["status"] == "done", job["message"]
    written = yaml.safe_load((runs / job["source_id"].split(":", 1)[1] / "scenario.yaml").read_text())
    assert written["trends"]["cyber"] == 0.9 and written["trends"]["norms"] == 0.1 and written["parameters"]["reactivity"] == 0.3
    assert written["trends"]["great_power_competition"] == Scenario.builtin("europe-1871").trends.great_power_competition


@pytest.mark.parametrize(
    "overrides, words",
    [
        ("{not json", ["'overrides'", "not JSON"]),
        ("[1, 2]", ["'overrides'", "expected an object"]),
        ('{"actors": {}}', ["unknown section 'actors'"]),
        ('{"trends": {"cyber": 2}}', ["field 'trends.cyber'", "less than or equal to 1"]),
        ('{"trends": {"cyber": "high"}}', ["field 'trends.cyber'", "expected a number"]),
        ('{"parameters": {"reactivity": -1}}', ["field 'parameters.reactivity'", "greater than or equal to 0"]),
        ('{"parameters": {"no_such_knob": 1}}', ["field 'parameters.no_such_knob'"]),
        ('{"parameters": 3}', ["section 'parameters'", "expected an object"]),
        ('{"parameters": {"reactivity": NaN}}', ["field 'parameters.reactivity'", "finite"]),
        ('{"parameters": {"reactivity": 1e999}}', ["field 'parameters.reactivity'", "finite"]),
        ('{"parameters": {"reactivity": [1]}}', ["field 'parameters.reactivity'", "expected a number"]),
    ],
)
def test_bad_overrides_are_refused_naming_the_field(small_client, overrides, words):
    r = small_client.post("/api/jobs", data={"builtin": "europe-1871", "years": "2", "overrides": overrides})
    assert r.status_code == 422, r.text
    msg = r.json()["error"]
    assert all(w in msg for w in words), msg


def test_overrides_nested_too_deeply_are_refused(bench):
    client, _ = bench
    r = client.post("/api/jobs", data={"builtin": "europe-1871", "years": "2", "overrides": "[" * 1500 + "]" * 1500})
    assert r.status_code == 422 and "nested too deeply" in r.json()["error"], r.text


@pytest.mark.parametrize(
    "form, words",
    [
        ({"runs": "1"}, ["'runs'", "outside 2-6"]),
        ({"runs": "500"}, ["'runs'", "outside 2-6"]),
        ({"runs": "many"}, ["'runs'", "not a whole number"]),
        ({"knobs": "cyber=0.2"}, ["'knobs'", "NAME=LOW:HIGH"]),
        ({"knobs": "warp_speed=0:1"}, ["'knobs'", "warp_speed"]),
        ({"years": "11"}, ["'years'", "outside 1-10"]),
    ],
)
def test_bad_ensemble_requests(bench, form, words):
    client, _ = bench
    r = client.post("/api/ensembles", data={"builtin": "europe-1871", "years": "2", **form})
    assert r.status_code == 422, r.text
    assert all(w in r.json()["error"] for w in words), r.json()["error"]


def test_an_ensemble_from_the_page_fills_in(bench):
    client, runs = bench
    r = client.post("/api/ensembles", data={"builtin": "europe-1871", "years": "3", "seed": "2", "runs": "4", "knobs": "cyber=0.2:0.9",
                                            "overrides": '{"trends": {"norms": 0.8}}'})
    assert r.status_code == 202, r.text
    assert r.json()["kind"] == "ensemble" and r.json()["runs"] == 4
    seen: list = []
    job = _wait(client, r.json()["id"], seen=seen)
    assert job["status"] == "done", job["message"]
    done = [j["runs_done"] for j in seen]
    assert done == sorted(done) and done[-1] == 4  # progress only grows
    assert all(j["source_id"] for j in seen if j["runs_done"] >= 1)  # the ensemble can be opened from its first run on
    sid = job["source_id"]
    assert sid in [s["id"] for s in client.get("/api/sources").json()["sources"]]
    bands = client.get("/api/ensemble", params={"source": sid}).json()
    assert bands["runs"] == 4 and bands["years"] == [1871, 1872, 1873] and bands["outcomes"]
    meta = client.get("/api/meta", params={"source": sid}).json()
    assert "cyber" in meta["data_note"]  # the knob varied is named


def test_download_the_year_as_csv_with_provenance(client):
    y = client.get("/api/year", params={"source": "record", "year": 1914}).json()
    r = client.get("/api/download", params={"source": "record", "year": 1914, "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    assert "foedus-record-1914-csv.zip" in r.headers["content-disposition"]
    z = zipfile.ZipFile(io.BytesIO(r.content))
    names = sorted(n.split("/", 1)[1] for n in z.namelist())
    assert names == ["agreements.csv", "agreements.csv.json", "states.csv", "states.csv.json", "ties.csv", "ties.csv.json"]
    states = pd.read_csv(z.open("foedus-record-1914/states.csv"))
    assert sorted(states["ccode"]) == sorted(n["ccode"] for n in y["nodes"])
    assert dict(zip(states["ccode"], states["bloc"])) == {n["ccode"]: n["bloc"] for n in y["nodes"]}
    assert len(pd.read_csv(z.open("foedus-record-1914/ties.csv"))) == len(y["edges"]["a"])
    assert len(pd.read_csv(z.open("foedus-record-1914/agreements.csv"))) == len(y["agreements"])
    meta = json.loads(z.read("foedus-record-1914/states.csv.json"))
    assert meta["foedus_version"] and meta["source"] == "record" and meta["year"] == 1914 and "ATOP" in meta["data"]


def test_download_the_network_as_gexf(client):
    y = client.get("/api/year", params={"source": "record", "year": 1914}).json()
    r = client.get("/api/download", params={"source": "record", "year": 1914, "format": "gexf"})
    assert r.status_code == 200
    z = zipfile.ZipFile(io.BytesIO(r.content))
    g = nx.read_gexf(io.BytesIO(z.read("foedus-record-1914/network.gexf")))
    assert g.number_of_nodes() == len(y["nodes"]) and g.number_of_edges() == len(y["edges"]["a"])
    blocs = {int(n): int(d["bloc"]) for n, d in g.nodes(data=True)}
    assert blocs == {n["ccode"]: n["bloc"] for n in y["nodes"]}
    assert json.loads(z.read("foedus-record-1914/network.gexf.json"))["year"] == 1914


@pytest.mark.parametrize(
    "params, status, words",
    [
        ({"source": "record", "year": 1700}, 422, ["1700", "outside"]),
        ({"source": "record", "year": 1914, "format": "xlsx"}, 422, ["format"]),
        ({"source": "nowhere", "year": 1914}, 404, ["nowhere"]),
    ],
)
def test_bad_downloads(client, params, status, words):
    r = client.get("/api/download", params=params)
    assert r.status_code == status, r.text
    assert all(w in r.json()["error"] for w in words), r.json()
