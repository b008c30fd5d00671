/* foedus dashboard: the workbench. Edit a scenario's trend drivers (T1-T5) and engine parameters, run it or a small
   ensemble (POST /api/jobs, /api/ensembles; progress polled at /api/jobs/ID), download the year on screen (CSV and
   GEXF from /api/download, PNG and SVG drawn by plotly.js). Only the fields changed on the page are sent, as the form
   field 'overrides'; the server validates them and names any bad field. Uses app.js's globals. */
"use strict";

const bench = { editor: null, changed: new Set(), changedValues: {} };

async function loadEditor() {
  const name = $("run-builtin").value;
  if (!name) return;
  try {
    bench.editor = await api(`/api/scenario?builtin=${encodeURIComponent(name)}`);
  } catch (e) {
    toast(e.message);
    return;
  }
  bench.changed = new Set();
  bench.changedValues = {};
  drawDrivers();
  drawParameters();
  $("run-form").dataset.scenario = name;
}

function fieldInput(section, f, slider) {
  const id = `${section}-${f.name}`;
  const step = f.type === "integer" ? "1" : "any";
  const bounds = `${f.min !== null && f.min !== undefined ? ` min="${f.min}"` : ""}${f.max !== null && f.max !== undefined ? ` max="${f.max}"` : ""}`;
  const input = slider
    ? `<input type="range" id="${id}" data-section="${section}" data-name="${esc(f.name)}" min="${f.min}" max="${f.max}" step="0.05" value="${f.value}">` +
      `<output for="${id}">${fmt(f.value, 2)}</output>`
    : `<input type="number" id="${id}" data-section="${section}" data-name="${esc(f.name)}" step="${step}"${bounds} value="${f.value}">`;
  const range = f.min !== null && f.max !== null && f.max !== undefined ? ` (${f.min}–${f.max})` : f.min !== null && f.min !== undefined ? ` (≥ ${f.min})` : "";
  return `<label class="bench-field" title="${esc(f.description)}${esc(range)}"><span>${esc(f.label)}</span>${input}</label>`;
}

function drawDrivers() {
  const labels = { great_power_competition: _("great-power competition"), economic_interdependence: _("economic interdependence"),
    cyber: _("cyber intensity"), military_integration: _("military integration"), norms: _("norms and values") };
  $("trends").innerHTML = bench.editor.trends.map((f) => fieldInput("trends", { ...f, label: labels[f.name] || f.label }, true)).join("");
}

function drawParameters() {
  const q = $("params-filter").value.trim().toLowerCase();
  const shown = bench.editor.parameters.filter((f) => !q || f.name.includes(q.replace(/ /g, "_")) || f.description.toLowerCase().includes(q));
  $("params").innerHTML = shown.map((f) => fieldInput("parameters", f, false)).join("") || `<p class="tag">${esc(_("no parameter matches"))}</p>`;
  for (const f of shown) {
    const key = `parameters.${f.name}`;
    if (bench.changed.has(key)) {
      const el = $(`parameters-${f.name}`);
      el.value = bench.changedValues[key];
      el.closest(".bench-field").classList.add("changed");
    }
  }
  $("params-count").textContent = paramsCount();
}

function onFieldInput(ev) {
  const el = ev.target;
  if (!el.dataset || !el.dataset.section) return;
  const key = `${el.dataset.section}.${el.dataset.name}`;
  const base = bench.editor[el.dataset.section].find((f) => f.name === el.dataset.name);
  if (String(el.value) === String(base.value)) { bench.changed.delete(key); delete bench.changedValues[key]; } else { bench.changed.add(key); bench.changedValues[key] = el.value; }
  el.closest(".bench-field").classList.toggle("changed", bench.changed.has(key));
  const out = el.parentElement.querySelector("output");
  if (out) out.textContent = fmt(Number(el.value), 2);
  $("params-count").textContent = paramsCount();
}

// The changed fields as {"trends": {...}, "parameters": {...}}; a value that is not a number is sent as typed, so that
// the server names the field it refuses.
function overrides() {
  const out = {};
  for (const key of bench.changed) {
    const [section, name] = key.split(".");
    const raw = String(bench.changedValues[key]).trim();
    const num = Number(raw);
    (out[section] = out[section] || {})[name] = raw !== "" && Number.isFinite(num) ? num : raw;
  }
  return Object.keys(out).length ? JSON.stringify(out) : "";
}

function jobForm() {
  const form = new FormData();
  const file = $("run-file").files[0];
  if (file) form.append("file", file); else form.append("builtin", $("run-builtin").value);
  form.append("years", $("run-years").value);
  form.append("seed", $("run-seed").value);
  const o = overrides();
  if (o) form.append("overrides", o);
  return form;
}

function jobStarted(text) {
  const msg = $("run-message");
  msg.classList.remove("error");
  msg.textContent = text;
  $("run-button").disabled = $("ens-button").disabled = true;
  $("run-progress").hidden = false;
  $("run-bar").style.width = "0%";
}

function jobEnded(error) {
  if (error) {
    $("run-message").textContent = error.message;
    $("run-message").classList.add("error");
    $("run-progress").hidden = true;
  }
  $("run-button").disabled = $("ens-button").disabled = false;
  $("run-file").value = "";
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function runScenario(ev) {
  ev.preventDefault();
  jobStarted(_("submitting…"));
  try {
    let job = await api("/api/jobs", { method: "POST", body: jobForm() });
    while (job.status === "queued" || job.status === "running") {
      $("run-bar").style.width = `${Math.round(100 * job.progress)}%`;
      $("run-message").textContent = job.status === "queued" ? _("waiting for the previous run…")
        : _("simulating {scenario}: {done} of {years} years", { scenario: job.scenario, done: job.years_done, years: job.years });
      await sleep(400);
      job = await api(`/api/jobs/${job.id}`);
    }
    if (job.status === "error") throw new Error(job.message);
    $("run-bar").style.width = "100%";
    $("run-message").textContent = _("done: {message}", { message: job.message });
    await loadSources(job.source_id);
    await openSource(job.source_id);
    jobEnded(null);
  } catch (e) {
    jobEnded(e);
  }
}

// An ensemble: opened as soon as its first run is written, its bands drawn again each time more runs have landed.
async function runEnsemble() {
  const form = jobForm();
  form.append("runs", $("ens-runs").value);
  if ($("ens-knobs").value.trim()) form.append("knobs", $("ens-knobs").value.trim());
  jobStarted(_("submitting the ensemble…"));
  document.body.dataset.runsSeen = "";
  try {
    let job = await api("/api/ensembles", { method: "POST", body: form });
    let shown = 0;
    for (;;) {
      $("run-bar").style.width = `${Math.round(100 * job.progress)}%`;
      $("run-message").textContent = job.status === "queued" ? _("waiting for the previous run…")
        : _("ensemble of {scenario}: {done} of {runs} runs", { scenario: job.scenario, done: job.runs_done, runs: job.runs });
      if (job.source_id && job.runs_done > shown) {
        shown = job.runs_done;
        if (!state.source || state.source.id !== job.source_id) {
          await loadSources(job.source_id);
          await openSource(job.source_id);
        } else {
          await renderEnsemble();
        }
      }
      if (job.status !== "queued" && job.status !== "running") break;
      await sleep(700);
      job = await api(`/api/jobs/${job.id}`);
    }
    if (job.status === "error") throw new Error(job.message);
    $("run-message").textContent = _("done: {message}", { message: job.message });
    await loadSources(job.source_id);
    if (state.source && state.source.id === job.source_id) await renderEnsemble(); else await openSource(job.source_id);
    jobEnded(null);
  } catch (e) {
    jobEnded(e);
  }
}

/* ------------------------------------------------------------------ downloads */
function updateDownloads() {
  if (!state.source || state.year === null) return;
  const kinds = $("all-kinds").checked ? "all" : "alliance";
  const q = `source=${encodeURIComponent(state.source.id)}&year=${state.year}&kinds=${kinds}&blocs=${$("bloc-method").value}`;
  $("dl-csv").href = `/api/download?${q}&format=csv`;
  $("dl-gexf").href = `/api/download?${q}&format=gexf`;
}

function downloadPicture(format) {
  const which = $("dl-picture").value;
  const div = $(which);
  if (!div || !div._fullLayout) return;
  const name = `foedus-${state.source.id.replace(/[^A-Za-z0-9_-]+/g, "-")}-${state.year}-${which}`;
  Plotly.downloadImage(div, { format, filename: name, width: div.clientWidth, height: div.clientHeight });
}

function initWorkbench() {
  $("run-form").addEventListener("submit", runScenario);
  $("ens-button").addEventListener("click", runEnsemble);
  $("run-builtin").addEventListener("change", loadEditor);
  $("run-form").addEventListener("input", onFieldInput);
  $("params-filter").addEventListener("input", drawParameters);
  $("reset-button").addEventListener("click", loadEditor);
  $("dl-png").addEventListener("click", () => downloadPicture("png"));
  $("dl-svg").addEventListener("click", () => downloadPicture("svg"));
  $("all-kinds").addEventListener("change", updateDownloads);
  $("bloc-method").addEventListener("change", updateDownloads);
}

function paramsCount() {
  const n = bench.editor.parameters.length, changed = bench.changed.size;
  return ngettext("{n} parameter", "{n} parameters", n) + (changed ? ", " + ngettext("{n} changed", "{n} changed", changed) : "");
}
