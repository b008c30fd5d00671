/* foedus dashboard: an ensemble's bands and the probability that two states are allied (foedus.web.ensembles).
   Uses app.js's globals (state, $, api, esc, toast, tsLayout, PLOT_CONFIG). body[data-ensemble-runs] is the number of
   runs the bands were drawn from; body[data-runs-seen] lists it at every drawing (the bands fill in as runs land). */
"use strict";

async function renderEnsemble() {
  const box = $("ensemble-bands");
  box.innerHTML = '<div class="empty">loading…</div>';
  const src = encodeURIComponent(state.source.id);
  const [data, meta] = await Promise.all([api(`/api/ensemble?source=${src}`), api(`/api/meta?source=${src}`)]);
  state.meta = meta;  // an ensemble still running has more runs than when it was opened
  box.innerHTML = "";
  $("ensemble-note").textContent = _("{runs} runs. Data: {note}.", { runs: data.runs, note: state.meta.data_note });
  document.body.dataset.ensembleRuns = data.runs;
  document.body.dataset.runsSeen = `${document.body.dataset.runsSeen ? document.body.dataset.runsSeen + "," : ""}${data.runs}`;
  for (const [i, o] of data.outcomes.entries()) {
    const wrap = document.createElement("div");
    wrap.innerHTML = `<h3>${esc(o.label)}</h3><div class="plot" id="band-${i}"></div><p class="caption">${esc(o.caption || "")}</p>`;
    box.appendChild(wrap);
    const tr = [
      { type: "scatter", mode: "lines", x: data.years, y: o.hi, line: { width: 0 }, hoverinfo: "skip", showlegend: false },
      { type: "scatter", mode: "lines", x: data.years, y: o.lo, fill: "tonexty", fillcolor: "rgba(37,99,235,0.14)", line: { width: 0 }, name: o.band_label },
      { type: "scatter", mode: "lines", x: data.years, y: o.ci_hi, line: { width: 0 }, hoverinfo: "skip", showlegend: false },
      { type: "scatter", mode: "lines", x: data.years, y: o.ci_lo, fill: "tonexty", fillcolor: "rgba(37,99,235,0.32)", line: { width: 0 }, name: _("90 % CI of the median") },
      { type: "scatter", mode: "lines", x: data.years, y: o.median, name: _("median"), line: { color: "#1e40af", width: 2 } },
    ];
    Plotly.react(`band-${i}`, tr, tsLayout({ shapes: [], yaxis: { gridcolor: "#eef2f7", title: { text: o.unit || "", font: { size: 10 } } } }), PLOT_CONFIG);
  }
  if (!data.outcomes.length) box.innerHTML = `<div class="empty">${esc(_("this ensemble has no outcome series"))}</div>`;
  await drawPair();
}

async function drawPair() {
  const a = $("pair-a").value, b = $("pair-b").value;
  if (!a || !b || !state.source || state.source.kind !== "ensemble") return;
  if (a === b) { $("ensemble-pair-caption").textContent = _("Choose two different states."); return; }
  try {
    const d = await api(`/api/ensemble/allied?source=${encodeURIComponent(state.source.id)}&a=${a}&b=${b}`);
    Plotly.react("ensemble-pair", [
      { type: "scatter", mode: "lines", x: d.years, y: d.hi, line: { width: 0 }, hoverinfo: "skip", showlegend: false },
      { type: "scatter", mode: "lines", x: d.years, y: d.lo, fill: "tonexty", fillcolor: "rgba(185,28,28,0.15)", line: { width: 0 }, name: _("90 % interval") },
      { type: "scatter", mode: "lines", x: d.years, y: d.probability, name: _("allied in the year"), line: { color: "#b91c1c", width: 2 } },
      { type: "scatter", mode: "lines", x: d.years, y: d.probability_by, name: _("allied by the year"), line: { color: "#475569", width: 1.5, dash: "dash" } },
    ], tsLayout({ shapes: [], yaxis: { range: [0, 1], gridcolor: "#eef2f7", title: { text: _("share of runs"), font: { size: 10 } } } }), PLOT_CONFIG);
    $("ensemble-pair-caption").textContent = d.caption || "";
    document.body.dataset.pair = `${d.a}-${d.b}`;
  } catch (e) {
    toast(e.message);
  }
}

