"""The web dashboard (``foedus serve``) and the source dispatch of ``foedus report``. Presentation only.

- :mod:`foedus.web.app`: the FastAPI application (:func:`~foedus.web.app.create_app`,
  :func:`~foedus.web.app.serve`): security headers, limits, errors as JSON, and one page
  (``static/``) drawn with plotly.js served from the ``plotly`` Python package, so nothing is
  fetched from the internet;
- :mod:`foedus.web.api`: the JSON API, one ``APIRouter`` per topic (sources, ensembles, jobs),
  every route documented at ``/api/openapi.json``;
- :mod:`foedus.web.sources`: the record, simulated runs and ensembles found under the runs
  folder, with their views cached in memory (:mod:`foedus.web.source_info`: what a source is);
- :mod:`foedus.web.views`: the network, agreements and time series of a history, as JSON;
- :mod:`foedus.web.layout`: where states are drawn (capitals, the force layout);
- :mod:`foedus.web.outlines`: the map's country outlines (Natural Earth 1:110m from the npm
  package world-atlas, vendored at setup) and which state colours which country;
  :mod:`foedus.web.mapview`: the map layer of a year (fills by bloc);
- :mod:`foedus.web.workbench`: the scenario editor (trends, parameters), their validation, and
  the year on screen as downloadable files;
- :mod:`foedus.web.ensembles`: bands and pair probabilities of an ensemble, as JSON;
- :mod:`foedus.web.jobs`: scenario runs and small ensembles started from the page, one at a time
  in the background;
- :mod:`foedus.web.report`: ``foedus report SOURCE OUT.html`` (the reports themselves are
  :mod:`foedus.report`).

Nothing here computes a measure: numbers come from :mod:`foedus.analysis` and the canonical
tables. The submodules are imported on use, so ``import foedus.web`` stays cheap.
"""
