"""The dashboard speaks the browser's language: the page, its scripts' messages and the API's captions."""

from __future__ import annotations

import json
import re
import warnings

import pytest


@pytest.fixture
def run_client(runs_dir):
    """A client of an app over the small run only (no record: the captions are quick to compute)."""
    from foedus.web.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with TestClient(create_app(runs_dir=runs_dir, include_record=False)) as c:
        yield c


def _messages(html: str) -> dict:
    import html as h

    m = re.search(r'data-messages="([^"]*)"', html)
    assert m, "the page carries no data-messages"
    return json.loads(h.unescape(m.group(1)))


def test_the_page_follows_accept_language(run_client):
    fr = run_client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"})
    assert fr.status_code == 200
    assert '<html lang="fr"' in fr.text
    assert "Réseau des alliances" in fr.text and "Alliance network" not in fr.text
    data = _messages(fr.text)
    assert data["lang"] == "fr"
    assert data["messages"]["▶ Play"] == "▶ Lecture"
    assert data["messages"]["{n} ally"] == ["{n} allié", "{n} alliés"]
    en = run_client.get("/", headers={"Accept-Language": "de-DE,en-GB;q=0.7"})
    assert '<html lang="en"' in en.text and "Alliance network" in en.text
    assert _messages(en.text) == {"lang": "en", "messages": {}}


def test_lang_in_the_address_wins_and_is_remembered(run_client):
    page = run_client.get("/?lang=fr", headers={"Accept-Language": "en"})
    assert '<html lang="fr"' in page.text
    assert page.cookies.get("foedus_lang") == "fr"
    # the scripts' API calls carry the cookie: captions come back in French
    run = next(s for s in run_client.get("/api/sources").json()["sources"] if s["kind"] == "run")
    year = run_client.get("/api/meta", params={"source": run["id"]}).json()["first_year"]
    caption = run_client.get("/api/year", params={"source": run["id"], "year": year}).json()["captions"]["network"]
    assert caption.startswith(f"Réseau des alliances, {year}")
    run_client.cookies.clear()
    caption = run_client.get("/api/year", params={"source": run["id"], "year": year}, headers={"Accept-Language": "en"}).json()
    assert caption["captions"]["network"].startswith(f"Alliance network, {year}")  # the per-year cache keeps both languages


def test_api_errors_and_series_captions_are_translated(run_client):
    run = next(s for s in run_client.get("/api/sources").json()["sources"] if s["kind"] == "run")
    fr = {"Accept-Language": "fr"}
    bad = run_client.get("/api/year", params={"source": run["id"], "year": 1000}, headers=fr)
    assert bad.status_code == 422 and "hors de la fenêtre" in bad.json()["error"]
    series = run_client.get("/api/series", params={"source": run["id"]}, headers=fr).json()
    assert series["captions"]["agreements"].startswith("Accords en vigueur chaque année")
    assert "dollars US" in series["milex"]["unit"]
    en = run_client.get("/api/series", params={"source": run["id"]}, headers={"Accept-Language": "en"}).json()
    assert en["captions"]["agreements"].startswith("Agreements in force each year")
    assert en["years"] == series["years"] and en["milex"]["total"] == series["milex"]["total"]


def test_the_scripts_messages_are_those_of_the_scripts():
    from foedus.web.page import script_messages

    fr = script_messages("fr")
    assert fr["ready"] == "prêt" and fr["cyber intensity"] == "intensité cyber"
    assert "Headline figures" not in fr  # a report's message, not a script's
    assert script_messages("en") == {}
