"""The dashboard's JSON API on the real record and a small simulated run: contents and validation."""

from __future__ import annotations

import json
import time

import pytest

RUN_NAME = "europe-1871-seed3"  # written by the runs_dir fixture of conftest.py
RUN_YEARS = 4
ENSEMBLE = "ensemble:ensembles/europe-1871-x6"
ENSEMBLE_RUNS = 6

FRANCE, RUSSIA, GERMANY, AUSTRIA_HUNGARY, UK, USA = 220, 365, 255, 300, 200, 2


def _wait(client, job_id: str, timeout: float = 60.0) -> dict:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        j = client.get(f"/api/jobs/{job_id}").json()
        if j["status"] in ("done", "error"):
            return j
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")


# ---------------------------------------------------------------- sources


def test_sources_list_record_and_run_without_paths(client, runs_dir):
    body = client.get("/api/sources").json()
    ids = [s["id"] for s in body["sources"]]
    assert ids[0] == "record"
    assert f"run:{RUN_NAME}" in ids
    run = next(s for s in body["sources"] if s["id"] == f"run:{RUN_NAME}")
    assert (run["first_year"], run["last_year"]) == (1871, 1871 + RUN_YEARS - 1)
    assert str(runs_dir) not in json.dumps(body), "the API must not reveal filesystem paths"
    assert "europe-1871" in body["scenarios"]


def test_openapi_documents_every_route_by_topic(client):
    """Each route of the API has a summary, a description and a topic, so the OpenAPI page explains it."""
    paths = client.get("/api/openapi.json").json()["paths"]
    operations = [(m.upper(), path, op) for path, ops in paths.items() for m, op in ops.items()]
    assert {(m, p) for m, p, _ in operations} >= {("GET", "/api/sources"), ("GET", "/api/year"), ("POST", "/api/jobs"), ("GET", "/api/ensemble/allied")}
    for method, path, op in operations:
        assert op.get("summary") and op.get("description"), f"{method} {path} is not documented"
        assert op.get("tags") in (["sources"], ["ensembles"], ["jobs"]), f"{method} {path} has no topic"


def test_openapi_describes_every_answer_and_the_upload_form(client):
    """The errors a route can answer, and the form that starts a run, are in the OpenAPI document."""
    paths = client.get("/api/openapi.json").json()["paths"]
    post = paths["/api/jobs"]["post"]
    assert {"202", "400", "403", "413", "415", "422", "429"} <= set(post["responses"])
    form = post["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"]
    assert form["file"]["format"] == "binary" and {"builtin", "years", "seed"} <= set(form)
    assert {"404", "422"} <= set(paths["/api/year"]["get"]["responses"])
    assert "404" in paths["/api/jobs/{job_id}"]["get"]["responses"]
    for ops in paths.values():
        for op in ops.values():
            for code, answer in op["responses"].items():
                assert answer.get("description"), code


def test_meta_of_the_record_has_the_atop_window(client):
    meta = client.get("/api/meta", params={"source": "record"}).json()
    # ATOP 5.1 covers 1815-2018 (Leeds et al. 2002, codebook 5.1).
    assert (meta["first_year"], meta["last_year"]) == (1815, 2018)
    names = {s["ccode"]: s["abb"] for s in meta["states"]}
    assert names[USA] == "USA" and names[FRANCE] == "FRN"


# ---------------------------------------------------------------- one year of the record


@pytest.fixture(scope="module")
def y1914(client):
    r = client.get("/api/year", params={"source": "record", "year": 1914})
    assert r.status_code == 200
    return r.json()


def test_1914_franco_russian_defence_tie(y1914):
    # The Franco-Russian alliance (1893/94) is a defence pact in force in 1914 (ATOP 1385).
    e = y1914["edges"]
    pairs = {(a, b): obl for a, b, obl in zip(e["a"], e["b"], e["obligations"])}
    assert "defense" in pairs[(FRANCE, RUSSIA)]
    style = dict(zip(zip(e["a"], e["b"]), e["style"]))
    assert style[(FRANCE, RUSSIA)] == "defense"
    assert all(a < b for a, b in pairs)


def test_1914_blocs_separate_the_two_camps(y1914):
    bloc = {n["ccode"]: n["bloc"] for n in y1914["nodes"]}
    # Dual Alliance (1879) vs Franco-Russian alliance.
    assert bloc[GERMANY] == bloc[AUSTRIA_HUNGARY]
    assert bloc[FRANCE] == bloc[RUSSIA]
    assert bloc[FRANCE] != bloc[GERMANY]
    colours = {n["ccode"]: n["colour"] for n in y1914["nodes"]}
    assert colours[GERMANY] == colours[AUSTRIA_HUNGARY] != colours[FRANCE]


def test_1914_and_1960_poles_match_the_polarity_table(client, y1914):
    # foedus.analysis.polarity: four poles in 1914 (Triple Alliance, Franco-Russian, Anglo-Japanese,
    # unaligned US), two in 1960 (US- and Soviet-led blocs). The page's per-year figures and the
    # time series come from different code paths and must agree.
    assert y1914["stats"]["poles"] == 4
    y1960 = client.get("/api/year", params={"source": "record", "year": 1960}).json()
    assert y1960["stats"]["poles"] == 2
    pol = client.get("/api/polarity", params={"source": "record"}).json()
    series = dict(zip(pol["years"], pol["polarity"]["poles"]))
    assert series[1914] == 4 and series[1960] == 2


def test_1914_nodes_carry_the_record_capabilities(record, y1914):
    sy = record.state_years
    usa = next(n for n in y1914["nodes"] if n["ccode"] == USA)
    expected = float(sy[(sy["ccode"] == USA) & (sy["year"] == 1914)]["cinc"].iloc[0])
    assert usa["cinc"] == pytest.approx(expected)
    assert usa["major"] is True
    assert all(0.0 <= n["x"] <= 1.0 and 0.0 <= n["y"] <= 1.0 for n in y1914["nodes"])


def test_capitals_follow_their_spells(client, y1914):
    at = {n["ccode"]: n for n in y1914["nodes"]}
    assert at[FRANCE]["capital"] == "Paris"
    assert at[FRANCE]["lat"] == pytest.approx(48.86, abs=0.05)
    assert at[RUSSIA]["capital"] == "Saint Petersburg"
    y1920 = client.get("/api/year", params={"source": "record", "year": 1920}).json()
    assert next(n for n in y1920["nodes"] if n["ccode"] == RUSSIA)["capital"] == "Moscow"


def test_1914_agreements_in_force(record, y1914):
    ag = {a["id"]: a for a in y1914["agreements"]}
    fr_ru = [a for a in ag.values() if {FRANCE, RUSSIA} <= set(a["members"]) and "defense" in a["obligations"]]
    assert fr_ru, "the Franco-Russian defence pact must be listed in 1914"
    a = record.agreements
    in_force = a[(a["start_year"] <= 1914) & (a["end_year"].fillna(9999) >= 1914)]
    assert set(ag) <= set(in_force["agreement_id"].tolist())
    assert all(x["why"] is None for x in ag.values()), "ATOP codes no motives"


def test_all_kinds_differs_only_for_simulations(client):
    a = client.get("/api/year", params={"source": "record", "year": 1914, "kinds": "all"}).json()
    b = client.get("/api/year", params={"source": "record", "year": 1914}).json()
    assert a["edges"] == b["edges"]  # the record holds alliances only


def test_state_france_1913(client):
    s = client.get("/api/state", params={"source": "record", "ccode": FRANCE, "year": 1913}).json()
    assert s["name"] == "France" and s["present"]
    partners = {p["abb"]: p["obligations"] for p in s["partners"]}
    assert "defense" in partners["RUS"]
    assert s["bloc"]["leader"] in (FRANCE, RUSSIA)
    assert len(s["history"]["years"]) == len(s["history"]["cinc"]) > 100


def test_series_cover_the_window(client):
    s = client.get("/api/series", params={"source": "record"}).json()
    assert s["years"][0] == 1815 and s["years"][-1] == 2018
    alliances = dict(zip(s["years"], s["in_force"]["alliance"]))
    formed = dict(zip(s["years"], s["formed"]["alliance"]))
    assert sum(formed.values()) == 789  # ATOP 5.1 codes 789 alliances (summary docstring)
    assert alliances[2018] > alliances[1815]
    assert s["milex"]["unit_break"] is None  # one unit throughout: the pounds of 1816-1913 are converted
    assert "pounds" in s["milex"]["unit"] and "4.8665" in s["milex"]["unit"] and "constant 2022 US dollars" in s["milex"]["unit"]
    assert "CPI-U" in s["milex"]["unit"]  # the deflator named


# ---------------------------------------------------------------- a simulated run


def test_run_year_explains_formations(client, runs_dir):
    from foedus.data.runs import read_history_dir

    h = read_history_dir(runs_dir / RUN_NAME)
    formed = h.events[(h.events["kind"] == "formation") & h.events["agreement_id"].notna()]
    last = 1871 + RUN_YEARS - 1
    body = client.get("/api/year", params={"source": f"run:{RUN_NAME}", "year": last, "kinds": "all"}).json()
    assert body["year"] == last
    by_id = {a["id"]: a for a in body["agreements"]}
    checked = 0
    for aid, raw in zip(formed["agreement_id"].astype(int), formed["detail"]):
        if aid not in by_id:
            continue
        detail = json.loads(raw)
        why = by_id[aid]["why"]
        assert why is not None
        assert why["cause"] == detail.get("cause")
        assert {m["key"]: m["share"] for m in why["motives"]} == detail.get("motives", {})
        checked += 1
    initial = [a for a in by_id.values() if a["start_year"] < 1871]
    assert all(a["why"] is None for a in initial), "agreements inherited from the scenario have no formation event"
    meta = client.get("/api/meta", params={"source": f"run:{RUN_NAME}"}).json()
    assert meta["has_coordinates"] and meta["kind"] == "run"
    assert checked >= 0


def test_run_from_the_page_then_open_it(client, runs_dir):
    r = client.post("/api/jobs", data={"builtin": "europe-1871", "years": "2", "seed": "5"})
    assert r.status_code == 202, r.text
    job = _wait(client, r.json()["id"])
    assert job["status"] == "done", job["message"]
    assert job["progress"] == 1.0
    sid = job["source_id"]
    assert sid in [s["id"] for s in client.get("/api/sources").json()["sources"]]
    folder = runs_dir / sid.split(":", 1)[1]
    assert (folder / "scenario.yaml").is_file() and (folder / "history.json").is_file()
    y = client.get("/api/year", params={"source": sid, "year": 1872}).json()
    assert y["year"] == 1872 and y["nodes"]
    assert all(n["lat"] is not None for n in y["nodes"]), "a run's states are mapped from its scenario"


# ---------------------------------------------------------------- an ensemble


def test_ensemble_is_listed_with_its_runs(client):
    src = next(s for s in client.get("/api/sources").json()["sources"] if s["id"] == ENSEMBLE)
    assert src["kind"] == "ensemble" and src["runs"] == ENSEMBLE_RUNS
    assert (src["first_year"], src["last_year"]) == (1871, 1871 + RUN_YEARS - 1)
    meta = client.get("/api/meta", params={"source": ENSEMBLE}).json()
    from foedus.sim.scenario import Scenario

    assert {s["ccode"] for s in meta["states"]} == {a.ccode for a in Scenario.builtin("europe-1871").actors}
    assert len(meta["default_pair"]) == 2


def test_ensemble_bands_are_quantiles_across_runs(client, runs_dir):
    import numpy as np
    import pandas as pd

    body = client.get("/api/ensemble", params={"source": ENSEMBLE}).json()
    assert body["runs"] == ENSEMBLE_RUNS
    sysfiles = sorted((runs_dir / "ensembles" / "europe-1871-x6" / "system").glob("run-*.parquet"))
    table = pd.concat([pd.read_parquet(f) for f in sysfiles])
    for o in body["outcomes"]:
        by_year = table.groupby("year")[o["name"]]
        np.testing.assert_allclose(o["median"], by_year.median().reindex(body["years"]).to_numpy(), equal_nan=True)
        np.testing.assert_allclose(o["lo"], by_year.quantile(0.05).reindex(body["years"]).to_numpy(), equal_nan=True)
        med, lo, hi = (np.array(o[k], dtype=float) for k in ("median", "lo", "hi"))
        ok = np.isfinite(med)
        assert (lo[ok] <= med[ok]).all() and (med[ok] <= hi[ok]).all()


def test_ensemble_pair_probability(client):
    import numpy as np

    d = client.get("/api/ensemble/allied", params={"source": ENSEMBLE, "a": FRANCE, "b": RUSSIA}).json()
    p, lo, hi, by = (np.array(d[k], dtype=float) for k in ("probability", "lo", "hi", "probability_by"))
    assert d["runs"] == ENSEMBLE_RUNS and len(p) == RUN_YEARS
    assert ((0 <= p) & (p <= 1)).all() and (lo <= p + 1e-12).all() and (p <= hi + 1e-12).all()
    assert (np.diff(by) >= 0).all() and (by >= p - 1e-12).all(), "allied by a year includes allied in it"
    assert np.allclose(p * ENSEMBLE_RUNS, np.round(p * ENSEMBLE_RUNS)), "a share of 6 runs"


@pytest.mark.parametrize(
    "params, status, words",
    [
        ({"a": FRANCE, "b": FRANCE}, 422, "two different states"),
        ({"a": FRANCE, "b": 999}, 404, "not in the ensemble's scenario"),
        ({"a": FRANCE}, 422, "'b'"),
    ],
)
def test_ensemble_pair_errors(client, params, status, words):
    r = client.get("/api/ensemble/allied", params={"source": ENSEMBLE, **params})
    assert r.status_code == status
    assert words in r.json()["error"]


def test_an_ensemble_is_not_a_single_history(client):
    r = client.get("/api/year", params={"source": ENSEMBLE, "year": 1872})
    assert r.status_code == 404 and "ensemble" in r.json()["error"]


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "url, status, words",
    [
        ("/api/year?source=nope&year=1900", 404, "unknown source"),
        ("/api/year?source=record&year=abc", 422, "year"),
        ("/api/year?source=record&year=1700", 422, "outside"),
        ("/api/year?source=record&year=1900&kinds=every", 422, "kinds"),
        ("/api/year?source=record", 422, "year"),
        ("/api/state?source=record&ccode=0&year=1900", 422, "ccode"),
        ("/api/state?source=record&ccode=999&year=1900", 404, "999"),
        ("/api/jobs/../../etc", 404, "not found"),
        ("/api/jobs/deadbeef", 404, "unknown job"),
        ("/api/meta?source=run:../../etc", 404, "unknown source"),
        (f"/api/meta?source=run:{RUN_NAME}/../{RUN_NAME}", 404, "unknown source"),
        ("/api/meta?source=run:/etc", 404, "unknown source"),
        ("/api/ensemble?source=record", 404, "not an ensemble"),
    ],
)
def test_bad_requests_get_clear_4xx_json(client, url, status, words):
    r = client.get(url)
    assert r.status_code == status, r.text
    assert words in r.json()["error"]


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2fapp.py",
        "/static/%2e%2e%2fapp.py",
        "/static//etc/passwd",
        "/vendor/../app.py",
        "/static/../web/app.py",
    ],
)
def test_no_file_outside_the_static_folder(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text and "create_app" not in r.text


def test_static_files_and_plotly_are_served_locally(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "http://" not in page.text and "https://" not in page.text, "the page must not load anything from the internet"
    js = client.get("/vendor/plotly.min.js")
    assert js.status_code == 200 and b"plotly.js" in js.content[:200]
    assert client.get("/static/app.js").status_code == 200


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_symlink_leading_outside_the_runs_folder_is_ignored(tmp_path, runs_dir):
    import shutil

    from foedus.web.sources import SourceRegistry

    outside = tmp_path / "outside"
    shutil.copytree(runs_dir / RUN_NAME, outside / "secret-run")
    runs = tmp_path / "runs"
    runs.mkdir()
    (runs / "link").symlink_to(outside / "secret-run", target_is_directory=True)
    shutil.copytree(runs_dir / RUN_NAME, runs / "real")
    ids = [s.id for s in SourceRegistry(runs_dir=runs, include_record=False).sources()]
    assert ids == ["run:real"]


def test_host_header_is_checked_when_bound_to_loopback(tmp_path):
    import warnings

    from foedus.web.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    app = create_app(runs_dir=tmp_path, include_record=False, allowed_hosts=["127.0.0.1", "localhost"])
    r = TestClient(app, base_url="http://attacker.example").get("/api/health")
    assert r.status_code == 400 and "attacker.example" in r.json()["error"]
    assert TestClient(app, base_url="http://127.0.0.1:8765").get("/api/health").status_code == 200


BAD_UPLOADS = [
    (("broken.yaml", b"name: [unclosed\n"), 422, ["broken.yaml", "line", "YAML syntax error"]),
    (("neg.yaml", b"name: x\nstart_year: 2000\nactors: 3\n"), 422, ["neg.yaml", "actors"]),
    (("s.txt", b"name: x\n"), 415, [".yaml"]),
    (("latin.yaml", "name: Société\n".encode("latin-1")), 422, ["UTF-8"]),
    # bounded before parsing: once, a deep enough nesting crashed the server process
    (("deep.yaml", b"name: x\nactors: " + b"[" * 1500 + b"]" * 1500), 422, ["deep.yaml", "nested more than"]),
    (("deep.toml", b"name = 'x'\nactors = " + b"[" * 1500 + b"]" * 1500), 422, ["deep.toml", "nested more than"]),
    (("alias.yaml", b"a: &a [1, 2]\nactors: [*a, *a]\n"), 422, ["alias.yaml", "alias"]),
]


@pytest.mark.parametrize("upload, status, words", BAD_UPLOADS)
def test_malformed_scenarios_are_refused(small_client, upload, status, words):
    r = small_client.post("/api/jobs", files={"file": upload})
    assert r.status_code == status, r.text
    msg = r.json()["error"]
    assert all(w in msg for w in words), msg


def test_bad_field_of_uploaded_scenario_named_with_its_line(small_client):
    small = "name: tiny\nstart_year: 1900\nactors:\n- {ccode: 2, abb: USA, name: U, cinc: 2.5, milex: 1, gdp: 1, lat: 0, lon: 0}\n"
    r = small_client.post("/api/jobs", files={"file": ("tiny.yaml", small.encode())})
    assert r.status_code == 422
    msg = r.json()["error"]
    assert "tiny.yaml" in msg and "line 4" in msg and "actors[0].cinc" in msg


def test_oversized_uploads_are_refused(small_client):
    r = small_client.post("/api/jobs", files={"file": ("big.yaml", b"# " + b"x" * 50_000)})
    assert r.status_code == 413
    assert "4 KiB" in r.json()["error"]


def test_oversized_body_without_length_is_refused(small_client):
    def chunks():
        yield b'--zz\r\nContent-Disposition: form-data; name="file"; filename="a.yaml"\r\nContent-Type: text/yaml\r\n\r\n'
        for _ in range(20):
            yield b"x" * 4096
        yield b"\r\n--zz--\r\n"

    r = small_client.post("/api/jobs", content=chunks(), headers={"content-type": "multipart/form-data; boundary=zz"})
    assert r.status_code == 413


@pytest.mark.parametrize(
    "form, status, words",
    [
        ({"builtin": "atlantis"}, 422, "unknown built-in scenario"),
        ({"years": "2"}, 422, "exactly one"),
        ({"builtin": "europe-1871", "years": "0"}, 422, "years"),
        ({"builtin": "europe-1871", "years": "11"}, 422, "outside 1-10"),
        ({"builtin": "europe-1871", "years": "ten"}, 422, "not a whole number"),
        ({"builtin": "europe-1871", "years": "2", "seed": "-1"}, 422, "seed"),
        ({"builtin": "europe-1871", "years": "2"}, 422, "at most 12"),
    ],
)
def test_bad_run_requests(small_client, form, status, words):
    r = small_client.post("/api/jobs", data=form)
    assert r.status_code == status, r.text
    assert words in r.json()["error"]


def test_run_requests_must_be_forms(small_client):
    r = small_client.post("/api/jobs", json={"builtin": "europe-1871"})
    assert r.status_code == 415


def test_queue_is_bounded(tmp_path):
    import warnings

    from foedus.web.app import Limits, create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    app = create_app(runs_dir=tmp_path, include_record=False, limits=Limits(max_pending=1))
    with TestClient(app) as c:
        first = c.post("/api/jobs", data={"builtin": "europe-1871", "years": "1", "seed": "1"})
        assert first.status_code == 202
        second = c.post("/api/jobs", data={"builtin": "europe-1871", "years": "1", "seed": "2"})
        assert second.status_code == 429
        assert "wait" in second.json()["error"]
        assert _wait(c, first.json()["id"])["status"] == "done"
        assert c.post("/api/jobs", data={"builtin": "europe-1871", "years": "1", "seed": "3"}).status_code == 202


@pytest.mark.parametrize(
    "headers, words",
    [
        ({"Origin": "http://attacker.example"}, "origin http://attacker.example"),
        ({"Sec-Fetch-Site": "cross-site"}, "cross-site"),
        ({"Sec-Fetch-Site": "same-site", "Origin": "http://evil.localhost"}, "same-site"),
        ({"Origin": "null"}, "opaque origin"),
    ],
)
def test_cross_site_posts_are_refused(small_client, headers, words):
    """A web page elsewhere cannot make the user's browser start runs (or upload a scenario) here."""
    r = small_client.post("/api/jobs", data={"builtin": "europe-1871", "years": "2"}, headers=headers)
    assert r.status_code == 403 and words in r.json()["error"], r.text
    assert small_client.get("/api/health", headers=headers).status_code == 200  # reading is not refused


def test_the_dashboard_page_itself_may_post(small_client):
    same = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
    r = small_client.post("/api/jobs", files={"file": ("broken.yaml", b"name: [unclosed\n")}, headers=same)
    assert r.status_code == 422  # past the origin check, refused for its content


def test_year_takes_the_bloc_method_by_the_same_names(client):
    """/api/year?blocs= names the bloc definition as method= in Python and --blocs on the command line."""
    from foedus.analysis.polarity import year_blocs

    d = client.get("/api/year", params={"source": "record", "year": 2018}).json()
    assert d["bloc_method"] == "poles"
    usa = next(b for b in d["blocs"] if b["leader_abb"] == "USA")
    m = client.get("/api/year", params={"source": "record", "year": 2018, "blocs": "modularity"}).json()
    assert m["bloc_method"] == "modularity"
    history = client.app.state.registry.view("record").history
    want = year_blocs(history, 2018, method="modularity")
    assert [(b["leader"], b["size"]) for b in m["blocs"]] == [(int(r.bloc), int(r.size)) for r in want[want["size"] >= 2].itertuples()]
    assert usa["size"] == int(year_blocs(history, 2018).set_index("leader").loc["USA", "size"])
    assert client.get("/api/year", params={"source": "record", "year": 2018, "blocs": "louvain"}).status_code == 422
