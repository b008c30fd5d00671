/* foedus dashboard: one page over the JSON API of foedus.web.app. No framework, no network beyond this server. */
"use strict";

const OBLIGATION_STYLE = {
  defense: { label: _("defence"), dash: "solid", width: 2.2, colour: "rgba(30,41,59,0.70)" },
  offense: { label: _("offence"), dash: "solid", width: 1.6, colour: "rgba(185,28,28,0.65)" },
  neutrality: { label: _("neutrality"), dash: "dash", width: 1.3, colour: "rgba(3,105,161,0.55)" },
  nonaggression: { label: _("non-aggression"), dash: "dot", width: 1.3, colour: "rgba(4,120,87,0.55)" },
  consultation: { label: _("consultation"), dash: "dashdot", width: 0.9, colour: "rgba(124,58,237,0.35)" },
  none: { label: _("no obligation"), dash: "dot", width: 0.7, colour: "rgba(100,116,139,0.35)" },
};
const KIND_COLOUR = { alliance: "#1e40af", coalition: "#d97706", organisation: "#059669" };
const KIND_LABEL = { alliance: _("alliance"), coalition: _("coalition"), organisation: _("organisation") };
const KINDS_BEGUN = { alliance: _("alliances begun"), coalition: _("coalitions begun"), organisation: _("organisations begun") };
const KINDS_IN_FORCE = { alliance: _("alliances in force"), coalition: _("coalitions in force"), organisation: _("organisations in force") };
const TIER_LABEL = { superpower: _("superpower"), great: _("great power"), regional: _("regional power"), secondary: _("secondary power") };
const kindLabel = (k) => KIND_LABEL[k] || k;
const tierLabel = (t) => TIER_LABEL[t] || t;
const PLOT_CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d", "autoScale2d"] };
const FONT = { family: "Inter, Segoe UI, Helvetica Neue, Arial, sans-serif", size: 12, color: "#1f2933" };

const state = {
  sources: [], limits: {}, source: null, meta: null, year: null, series: null,
  selected: null, playing: false, yearData: null, cache: new Map(), token: 0,
};

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const fmt = (v, d = 3) => (v === null || v === undefined || Number.isNaN(v) ? "–" : Number(v).toLocaleString(LOCALE, { maximumFractionDigits: d }));

async function api(path, options) {
  const r = await fetch(path, options);
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (!r.ok) {
    const err = new Error((body && body.error) || `${r.status} ${r.statusText}`);
    err.status = r.status;
    throw err;
  }
  return body;
}

function toast(message) {
  const t = $("toast");
  if (!message) { t.hidden = true; t.textContent = ""; return; }
  t.textContent = message;
  t.hidden = false;
}

let busyCount = 0;
function busy(delta, text) {
  busyCount = Math.max(0, busyCount + delta);
  const s = $("status");
  s.classList.toggle("busy", busyCount > 0);
  document.body.dataset.status = busyCount > 0 ? "busy" : "ready";
  if (text !== undefined) s.textContent = text;
  else if (busyCount === 0) s.textContent = _("ready");
}

/* ------------------------------------------------------------------ sources */
async function loadSources(selectId) {
  const data = await api("/api/sources");
  state.sources = data.sources;
  state.limits = data.limits;
  state.ensembles = data.ensembles;
  const sel = $("source");
  sel.innerHTML = "";
  const groups = [["record", _("Historical record")], ["run", _("Simulated runs")], ["ensemble", _("Ensembles")]];
  for (const [kind, label] of groups) {
    const items = data.sources.filter((s) => s.kind === kind);
    const og = document.createElement("optgroup");
    og.label = label;
    if (!items.length) {
      const o = document.createElement("option");
      o.disabled = true;
      o.textContent = kind === "ensemble" && !data.ensembles.available ? _("(not available in this installation)") : _("(none yet)");
      og.appendChild(o);
    }
    for (const s of items) {
      const o = document.createElement("option");
      o.value = s.id;
      o.textContent = s.label;
      og.appendChild(o);
    }
    sel.appendChild(og);
  }
  const builtin = $("run-builtin");
  const chosen = builtin.value;
  builtin.innerHTML = "";
  for (const name of data.scenarios) {
    const o = document.createElement("option");
    o.value = name; o.textContent = name;
    builtin.appendChild(o);
  }
  if (chosen && data.scenarios.includes(chosen)) builtin.value = chosen;
  $("run-years").max = state.limits.max_years;
  $("ens-runs").max = state.limits.max_ensemble_runs;
  $("run-caption").textContent = _("Runs the year-by-year simulator (foedus.sim) in the background and opens the simulated history " +
    "when it is done; an ensemble opens with its first run and its bands fill in as runs land. The page runs small scenarios: at most " +
    "{years} years, {states} states, {runs} runs, files up to {kib} KiB; use 'foedus simulate' and 'foedus ensemble' for bigger ones.",
  { years: state.limits.max_years, states: state.limits.max_actors, runs: state.limits.max_ensemble_runs,
    kib: Math.round(state.limits.max_upload_bytes / 1024) });
  const want = selectId || (state.source && state.source.id) || (data.sources[0] && data.sources[0].id);
  if (want) sel.value = want;
}

async function openSource(id) {
  const info = state.sources.find((s) => s.id === id);
  if (!info) return;
  stopPlaying();
  toast(null);
  state.token += 1;
  state.source = info;
  document.body.dataset.source = id;
  state.cache = new Map();
  state.series = null;
  state.polarity = null;
  state.yearData = null;
  $("source").value = id;
  const ensemble = info.kind === "ensemble";
  $("history-view").hidden = ensemble;
  $("ensemble-view").hidden = !ensemble;
  // the workbench stays on screen in both views (an ensemble started from it is followed there)
  if (ensemble) $("ensemble-bands-card").after($("run-card")); else $("map-card").after($("run-card"));
  $("controls").hidden = ensemble;
  busy(+1, _("loading {source}…", { source: info.label }));
  try {
    const meta = await api(`/api/meta?source=${encodeURIComponent(id)}`);
    state.meta = meta;
    document.title = `foedus · ${meta.label}`;
    fillStates(meta.states);
    const slider = $("year-slider");
    slider.min = meta.first_year;
    slider.max = meta.last_year;
    $("year-min").textContent = meta.first_year;
    $("year-max").textContent = meta.last_year;
    if (ensemble) {
      if (meta.default_pair) { $("pair-a").value = meta.default_pair[0]; $("pair-b").value = meta.default_pair[1]; }
      await renderEnsemble();
    } else {
      let y = state.year;
      if (y === null || y < meta.first_year || y > meta.last_year) y = defaultYear(meta);
      loadSeries(state.token);
      await setYear(y);
    }
  } catch (e) {
    toast(e.message);
  } finally {
    busy(-1);
  }
}

function defaultYear(meta) {
  if (meta.kind === "record" && meta.first_year <= 1914 && meta.last_year >= 1914) return 1914;
  return meta.last_year;
}

function fillStates(states) {
  for (const id of ["state-select", "pair-a", "pair-b"]) {
    const sel = $(id);
    const keep = sel.value;
    sel.innerHTML = id === "state-select" ? `<option value="">${esc(_("— none —"))}</option>` : "";
    for (const s of states) {
      const o = document.createElement("option");
      o.value = s.ccode;
      o.textContent = `${s.name} (${s.abb})`;
      sel.appendChild(o);
    }
    if ([...sel.options].some((o) => o.value === keep)) sel.value = keep;
  }
  if (!state.meta || !states.some((s) => String(s.ccode) === String(state.selected))) {
    state.selected = null;
    $("state-select").value = "";
  }
}

/* ------------------------------------------------------------------ years */
async function fetchYear(y) {
  const kinds = $("all-kinds").checked ? "all" : "alliance";
  const blocs = $("bloc-method") ? $("bloc-method").value : "poles";  // foedus.analysis.polarity.BLOC_METHODS
  const key = `${state.source.id}|${y}|${kinds}|${blocs}`;
  if (!state.cache.has(key)) {
    const p = api(`/api/year?source=${encodeURIComponent(state.source.id)}&year=${y}&kinds=${kinds}&blocs=${blocs}`);
    state.cache.set(key, p);
    p.catch(() => state.cache.delete(key));
    if (state.cache.size > 64) state.cache.delete(state.cache.keys().next().value);
  }
  return state.cache.get(key);
}

async function setYear(y) {
  const token = state.token;
  state.year = y;
  history.replaceState(null, "", `#source=${encodeURIComponent(state.source.id)}&year=${y}`);
  $("year-slider").value = y;
  $("year-label").textContent = y;
  document.querySelectorAll(".year-tag").forEach((el) => { el.textContent = y; });
  markSeries();
  updateDownloads();
  busy(+1, _("drawing {year}…", { year: y }));
  try {
    const data = await fetchYear(y);
    if (token !== state.token || state.year !== y) return;
    state.yearData = data;
    document.body.dataset.year = y;
    drawNetwork(data);
    drawSide(data);
    await drawMap(data);
    drawAgreements();
    if (state.selected) await drawState();
    if (state.playing && y < state.meta.last_year) fetchYear(y + 1);
  } catch (e) {
    toast(e.message);
    stopPlaying();
  } finally {
    busy(-1);
  }
}

function nodeSize(cinc) { return 7 + 90 * Math.sqrt(Math.max(cinc || 0, 0)); }

function edgeTraces(data, xy, opts) {
  const byStyle = {};
  const e = data.edges;
  for (let k = 0; k < e.a.length; k++) {
    const p = xy.get(e.a[k]), q = xy.get(e.b[k]);
    if (!p || !q) continue;
    const s = opts.onlyDefense ? (e.obligations[k].includes("defense") ? "defense" : null) : e.style[k];
    if (!s) continue;
    (byStyle[s] = byStyle[s] || { x: [], y: [] });
    byStyle[s].x.push(p[0], q[0], null);
    byStyle[s].y.push(p[1], q[1], null);
  }
  const order = ["consultation", "none", "nonaggression", "neutrality", "offense", "defense"];
  // Many ties drawn opaque merge into blots: fade and thin them as their number grows.
  const fade = Math.min(1, Math.max(0.12, 14 / Math.sqrt(Math.max(e.a.length, 1))));
  const present = order.filter((s) => byStyle[s]);
  const legend = opts.legend ? present.map((s) => ({
    type: "scatter", mode: "lines", x: [null], y: [null], hoverinfo: "skip", name: OBLIGATION_STYLE[s].label, legendgroup: s,
    line: { color: OBLIGATION_STYLE[s].colour, width: OBLIGATION_STYLE[s].width + 0.6, dash: OBLIGATION_STYLE[s].dash },
  })) : [];
  return legend.concat(present.map((s) => ({
    type: "scatter", mode: "lines", x: byStyle[s].x, y: byStyle[s].y, hoverinfo: "skip",
    name: OBLIGATION_STYLE[s].label, legendgroup: s, showlegend: false,
    line: { color: opts.colour || OBLIGATION_STYLE[s].colour, width: (opts.width || OBLIGATION_STYLE[s].width) * (0.5 + 0.5 * fade), dash: OBLIGATION_STYLE[s].dash },
    opacity: fade,
  })));
}

function nodeHover(n) {
  const cap = n.capital ? "<br>" + esc(_("capital: {city}", { city: n.capital })) : "";
  return `<b>${esc(n.name)}</b> (${esc(n.abb)})<br>CINC ${fmt(n.cinc, 4)} · ${esc(tierLabel(n.tier))}${n.major ? " · " + esc(_("major power")) : ""}` +
    "<br>" + esc(ngettext("{n} ally", "{n} allies", n.partners)) + " · " +
    esc(ngettext("{n} defence partner", "{n} defence partners", n.defense_partners)) + cap;
}

function selectedEdges(data, xy) {
  if (!state.selected) return [];
  const c = Number(state.selected);
  const e = data.edges, xs = [], ys = [];
  for (let k = 0; k < e.a.length; k++) {
    if (e.a[k] !== c && e.b[k] !== c) continue;
    const p = xy.get(e.a[k]), q = xy.get(e.b[k]);
    if (!p || !q) continue;
    xs.push(p[0], q[0], null); ys.push(p[1], q[1], null);
  }
  return [{ type: "scatter", mode: "lines", x: xs, y: ys, hoverinfo: "skip", showlegend: false, name: "selected", line: { color: "#f59e0b", width: 3 } }];
}

function nodeTrace(nodes, xOf, yOf, opts) {
  const sel = Number(state.selected);
  return {
    type: "scatter", mode: "markers+text", name: "states", showlegend: false,
    x: nodes.map(xOf), y: nodes.map(yOf), customdata: nodes.map((n) => n.ccode),
    text: nodes.map((n) => (opts.labelAlways || n.major || n.ccode === sel || (opts.labelAll && n.partners > 0) ? n.abb : "")),
    textposition: "top center", textfont: { size: 10, color: "#0f172a" },
    hovertext: nodes.map(nodeHover), hoverinfo: "text",
    marker: {
      size: nodes.map((n) => nodeSize(n.cinc) * (opts.scale || 1)),
      color: nodes.map((n) => n.colour),
      line: { color: nodes.map((n) => (n.ccode === sel ? "#f59e0b" : n.major ? "#0f172a" : "#ffffff")), width: nodes.map((n) => (n.ccode === sel ? 4 : n.major ? 2 : 1)) },
      opacity: opts.opacity ?? 0.95,
    },
  };
}

function drawNetwork(data) {
  const xy = new Map(data.nodes.map((n) => [n.ccode, [n.x, n.y]]));
  const traces = [...edgeTraces(data, xy, { legend: true }), ...selectedEdges(data, xy), nodeTrace(data.nodes, (n) => n.x, (n) => n.y, { labelAll: data.nodes.length <= 60 })];
  const layout = {
    margin: { l: 4, r: 4, t: 28, b: 4 }, font: FONT, hovermode: "closest", dragmode: "pan",
    xaxis: { visible: false, range: [-0.05, 1.05], fixedrange: false }, yaxis: { visible: false, range: [-0.06, 1.08] },
    legend: { orientation: "h", x: 0, y: 1, yanchor: "bottom", bgcolor: "rgba(255,255,255,0.85)", font: { size: 11 }, title: { text: _("ties by strongest obligation:"), font: { size: 11 } } },
    paper_bgcolor: "#fff", plot_bgcolor: "#fff", uirevision: state.source.id,
    annotations: data.nodes.some((n) => n.partners === 0) ? [{ text: _("↑ states without an alliance this year, west to east"), x: 0, y: -0.015, xref: "x", yref: "y", xanchor: "left", yanchor: "top", showarrow: false, font: { size: 10, color: "#64748b" } }] : [],
  };
  const div = $("network");
  Plotly.react(div, traces, layout, PLOT_CONFIG);
  selectOnClick(div);
  $("network-caption").textContent = data.captions.network;
}

// A click on a state (a point carrying its COW code) selects it; bound once per plot.
function selectOnClick(div) {
  if (div._foedusClick) return;
  div.on("plotly_click", (ev) => {
    const pt = ev.points && ev.points.find((p) => p.customdata !== undefined);
    if (pt) selectState(pt.customdata);
  });
  div._foedusClick = true;
}

function drawSide(data) {
  const s = data.stats;
  const cells = [
    [_("states"), s.states], [_("in defence pacts"), s.aligned_states], [_("defence ties"), s.defense_dyads],
    [_("blocs"), s.blocs], [_("poles"), s.poles], ["CON", s.con === null ? "–" : fmt(s.con, 2)],
  ];
  $("stats").innerHTML = cells.map(([k, v]) => `<div class="stat"><div class="v">${esc(v)}</div><div class="k">${esc(k)}</div></div>`).join("");
  $("blocs").innerHTML = data.blocs.length
    ? data.blocs.map((b) => `<li data-leader="${b.leader}"><span class="swatch" style="background:${esc(b.colour)}"></span>` +
      `<span>${_("bloc of {leader}", { leader: `<b>${esc(b.leader_name)}</b>` })} · ${esc(ngettext("{n} state", "{n} states", b.size))}</span>` +
      `<span class="majors">${esc(b.majors.join(", "))}</span></li>`).join("")
    : `<li class="empty">${esc(_("no defence pact this year"))}</li>`;
}

/* ------------------------------------------------------------------ agreements */
function whyCell(why, kind) {
  if (!why) return `<span class="tag">${esc(state.source.kind === "record" ? _("not coded in ATOP") : _("in force when the run began"))}</span>`;
  let html = "";
  if (why.cause) html += `<div>${esc(why.cause_label || why.cause)}</div>`;
  if (why.description) html += `<div class="tag">${esc(why.description)}</div>`;
  if (why.motives && why.motives.length) {
    const total = why.motives.reduce((a, m) => a + Math.max(m.share || 0, 0), 0) || 1;
    html += '<div class="motives">' + why.motives.map((m) => {
      const cls = ["balance_power", "balance_threat", "bandwagon", "tether"].includes(m.key) ? m.key : "other";
      return `<span class="m-${cls}" style="width:${(100 * Math.max(m.share || 0, 0)) / total}%" title="${esc(m.label)}: ${fmt(m.share, 2)}"></span>`;
    }).join("") + "</div>";
    html += '<div class="motive-legend">' + why.motives.filter((m) => m.share > 0.005).sort((a, b) => b.share - a.share)
      .map((m) => `${esc(m.label)} ${Math.round((100 * m.share) / total)}%`).join(" · ") + "</div>";
  }
  if (why.factor_list && why.factor_list.length) {
    const shown = why.factor_list.map((f) => `${esc(f.label)} ${typeof f.value !== "number" ? esc(f.value) : Number.isInteger(f.value) ? String(f.value)
      : Number(f.value).toLocaleString(LOCALE, { maximumSignificantDigits: 2 })}`);
    html += `<details class="factors"><summary>${esc(_("factors"))}</summary>${shown.join(" · ")}</details>`;
  }
  return html || '<span class="tag">–</span>';
}

function drawAgreements() {
  const data = state.yearData;
  if (!data) return;
  $("agreements").classList.toggle("no-why", state.source.kind === "record");
  const q = $("agreements-search").value.trim().toLowerCase();
  const only = $("agreements-state-only").checked && state.selected;
  const sel = Number(state.selected);
  let rows = data.agreements;
  if (only) rows = rows.filter((a) => a.members.includes(sel));
  if (q) rows = rows.filter((a) => (a.name + " " + a.kind + " " + a.member_abbs.join(" ") + " " + a.obligations.join(" ")).toLowerCase().includes(q));
  const shown = rows.slice(0, 400);
  $("agreements").querySelector("tbody").innerHTML = shown.map((a) => {
    const chips = a.member_abbs.slice(0, 14).map((m, i) => `<span class="chip"${a.members[i] === sel ? ' style="border-color:#f59e0b;background:#fff7ed"' : ""}>${esc(m)}</span>`).join("") +
      (a.member_abbs.length > 14 ? `<span class="chip more" title="${esc(a.member_abbs.slice(14).join(", "))}">${esc(_("+{n} more", { n: a.member_abbs.length - 14 }))}</span>` : "");
    const obl = a.obligations.map((o) => `<span class="ob ${esc(o)}">${esc(OBLIGATION_STYLE[o] ? OBLIGATION_STYLE[o].label : o)}</span>`).join("") +
      (a.conditional ? ` <span class="tag">${esc(_("conditional"))}</span>` : "") + (a.asymmetric ? ` <span class="tag">${esc(_("asymmetric"))}</span>` : "");
    const end = a.end_year === null ? _("in force") : a.end_year;
    return `<tr class="${a.members.includes(sel) ? "hit" : ""}" data-id="${a.id}"><td><b>${esc(a.name)}</b><div class="tag">id ${a.id}</div></td>` +
      `<td>${esc(kindLabel(a.kind))}</td><td>${a.start_year}–${esc(end)}</td><td><div class="chips">${chips}</div><div class="tag">${esc(ngettext("{n} member", "{n} members", a.members.length))}</div></td>` +
      `<td>${obl}</td><td class="why">${whyCell(a.why, a.kind)}</td></tr>`;
  }).join("") || `<tr><td colspan="6" class="empty">${esc(_("no agreement matches"))}</td></tr>`;
  $("agreements-count").textContent = "(" + _("{shown} of {all}", { shown: rows.length, all: data.agreements.length }) +
    (rows.length > shown.length ? ", " + _("first {n} shown", { n: shown.length }) : "") + ")";
  $("agreements-caption").textContent = data.captions.agreements;
}

/* ------------------------------------------------------------------ one state */
async function selectState(ccode) {
  state.selected = ccode ? String(ccode) : null;
  $("state-select").value = state.selected || "";
  if (state.yearData) {
    drawNetwork(state.yearData);
    drawMap(state.yearData);
    drawAgreements();
  }
  await drawState();
}

async function drawState() {
  const panel = $("state-panel");
  if (!state.selected || !state.source || state.source.kind === "ensemble") { panel.hidden = true; $("state-hint").hidden = false; return; }
  $("state-hint").hidden = true;
  const y = state.year;
  try {
    const s = await api(`/api/state?source=${encodeURIComponent(state.source.id)}&ccode=${state.selected}&year=${y}`);
    if (String(s.ccode) !== state.selected || y !== state.year) return;
    const n = s.node;
    const partners = s.partners.map((p) => `<span class="chip" title="${esc(p.obligations.map((o) => (OBLIGATION_STYLE[o] ? OBLIGATION_STYLE[o].label : o)).join(", "))}">${esc(p.abb)}</span>`).join("") ||
      `<span class="tag">${esc(_("none"))}</span>`;
    const blocText = s.bloc ? `${esc(s.bloc.leader_name)} (${esc(ngettext("{n} state", "{n} states", s.bloc.size))})` : esc(_("unaligned"));
    panel.innerHTML = `<h3 id="state-title">${esc(_("{name} ({abb}) in {year}", { name: s.name, abb: s.abb, year: s.year }))}</h3>` +
      (n ? `<dl><dt>CINC</dt><dd>${fmt(n.cinc, 4)}</dd><dt>${esc(_("tier"))}</dt><dd>${esc(tierLabel(n.tier))}${n.major ? " · " + esc(_("major power")) : ""}</dd>` +
        `<dt>${esc(_("bloc"))}</dt><dd>${blocText}</dd>` +
        `<dt>${esc(_("allies"))}</dt><dd>${s.partners.length}</dd><dt>${esc(_("agreements"))}</dt><dd>${s.agreements.length}</dd>` +
        `${n.capital ? `<dt>${esc(_("capital"))}</dt><dd>${esc(n.capital)}</dd>` : ""}</dl>` : `<p class="tag">${esc(_("not in the system in {year}", { year: s.year }))}</p>`) +
      `<h3 class="minor">${esc(_("allies in {year}", { year: s.year }))}</h3><div class="chips">${partners}</div><div id="state-spark" class="spark"></div>`;
    panel.hidden = false;
    const h = s.history;
    Plotly.react("state-spark", [
      { type: "scatter", mode: "lines", x: h.years, y: h.cinc, name: "CINC", line: { color: "#1e40af", width: 1.5 } },
    ], {
      margin: { l: 40, r: 8, t: 18, b: 22 }, font: { ...FONT, size: 10 }, showlegend: false,
      title: { text: _("CINC over time"), font: { size: 11 }, x: 0.02 },
      xaxis: yearAxis(), yaxis: { rangemode: "tozero", gridcolor: "#eef2f7" },
      shapes: [vline(y)], paper_bgcolor: "#fff", plot_bgcolor: "#fff",
    }, { ...PLOT_CONFIG, displayModeBar: false });
  } catch (e) {
    toast(e.message);
  }
}

/* ------------------------------------------------------------------ time series */
function vline(y) {
  return { type: "line", xref: "x", yref: "paper", x0: y, x1: y, y0: 0, y1: 1, line: { color: "#f59e0b", width: 2 } };
}

async function loadSeries(token) {
  for (const id of ["ts-agreements", "ts-polarity", "ts-milex"]) { Plotly.purge($(id)); $(id).innerHTML = `<div class="empty">${esc(_("computing…"))}</div>`; }
  const src = encodeURIComponent(state.source.id);
  busy(+1);
  const fast = api(`/api/series?source=${src}`).then((s) => {
    if (token !== state.token) return;
    state.series = s;
    drawSeries();
  });
  const slow = api(`/api/polarity?source=${src}`).then((p) => {
    if (token !== state.token) return;
    state.polarity = p;
    drawPolarity();
  });
  try {
    await Promise.all([fast, slow]);
  } catch (e) {
    if (token === state.token) toast(e.message);
  } finally {
    busy(-1);
  }
}

function yearAxis() {
  const span = state.meta ? state.meta.last_year - state.meta.first_year : 100;
  return span <= 12 ? { showgrid: false, tickformat: "d", dtick: 1 } : { showgrid: false, tickformat: "d" };
}

function tsLayout(extra) {
  return {
    margin: { l: 48, r: 48, t: 8, b: 30 }, font: FONT, hovermode: "x unified",
    legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom", font: { size: 10 } },
    xaxis: yearAxis(), yaxis: { gridcolor: "#eef2f7", rangemode: "tozero" },
    shapes: [vline(state.year)], paper_bgcolor: "#fff", plot_bgcolor: "#fff", ...extra,
  };
}

function drawSeries() {
  const s = state.series;
  if (!s) return;
  for (const id of ["ts-agreements", "ts-milex"]) $(id).innerHTML = "";
  const x = s.years;
  const ag = [];
  for (const [k, v] of Object.entries(s.formed)) ag.push({ type: "bar", x, y: v, name: KINDS_BEGUN[k] || `${k}s begun`, marker: { color: KIND_COLOUR[k] || "#64748b" }, opacity: 0.25, yaxis: "y2" });
  for (const [k, v] of Object.entries(s.in_force)) ag.push({ type: "scatter", mode: "lines", x, y: v, name: KINDS_IN_FORCE[k] || `${k}s in force`, line: { color: KIND_COLOUR[k] || "#64748b", width: 2 } });
  Plotly.react("ts-agreements", ag, tsLayout({ yaxis2: { overlaying: "y", side: "right", showgrid: false, rangemode: "tozero", tickmode: "auto", nticks: 5, title: { text: _("begun"), font: { size: 10 } } }, yaxis: { gridcolor: "#eef2f7", rangemode: "tozero", title: { text: _("in force"), font: { size: 10 } } }, barmode: "overlay" }), PLOT_CONFIG);
  const m = s.milex;
  const mt = [{ type: "scatter", mode: "lines", x, y: m.total, name: _("all states"), line: { color: "#0f172a", width: 2.2 } }];
  const palette = ["#2563eb", "#dc2626", "#16a34a", "#ea580c", "#9333ea", "#0891b2", "#c026d3", "#65a30d", "#b45309", "#475569"];
  m.states.forEach((st, i) => mt.push({ type: "scatter", mode: "lines", x, y: st.values, name: st.abb, line: { color: palette[i % palette.length], width: 1 }, connectgaps: false }));
  const shapes = [vline(state.year)];
  const ann = [];
  if (m.unit_break) {
    shapes.push({ type: "line", xref: "x", yref: "paper", x0: m.unit_break, x1: m.unit_break, y0: 0, y1: 1, line: { color: "#94a3b8", width: 1, dash: "dot" } });
    ann.push({ x: m.unit_break, y: 1, xref: "x", yref: "paper", text: "£ → $", showarrow: false, yanchor: "bottom", font: { size: 10, color: "#64748b" } });
  }
  const positive = mt.flatMap((t) => t.y).filter((v) => v > 0);
  const wide = positive.length && Math.max(...positive) / Math.min(...positive) > 100;
  const yaxis = wide ? { type: "log", gridcolor: "#eef2f7", title: { text: _("thousands (log scale)"), font: { size: 10 } } }
    : { type: "linear", rangemode: "tozero", gridcolor: "#eef2f7", title: { text: _("thousands"), font: { size: 10 } } };
  Plotly.react("ts-milex", mt, tsLayout({ yaxis, shapes, annotations: ann, legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom", font: { size: 9 } } }), PLOT_CONFIG);
  $("ts-agreements-caption").textContent = s.captions.agreements;
  $("ts-milex-caption").textContent = s.captions.milex;
}

function drawPolarity() {
  const s = state.polarity;
  if (!s) return;
  $("ts-polarity").innerHTML = "";
  const x = s.years, p = s.polarity;
  Plotly.react("ts-polarity", [
    { type: "scatter", mode: "lines", x, y: p.poles, name: _("poles"), line: { color: "#b91c1c", width: 2, shape: "hv" } },
    { type: "scatter", mode: "lines", x, y: p.cluster_poles, name: _("cluster poles"), line: { color: "#1e40af", width: 1.5, dash: "dash", shape: "hv" } },
    { type: "scatter", mode: "lines", x, y: p.con, name: "CON", yaxis: "y2", line: { color: "#475569", width: 1 } },
  ], tsLayout({ yaxis2: { overlaying: "y", side: "right", range: [0, 1], showgrid: false, tickmode: "array", tickvals: [0, 0.25, 0.5, 0.75, 1], title: { text: "CON", font: { size: 10 } } }, yaxis: { gridcolor: "#eef2f7", rangemode: "tozero", title: { text: _("poles"), font: { size: 10 } } } }), PLOT_CONFIG);
  $("ts-polarity-caption").textContent = s.caption;
}

function markSeries() {
  for (const id of ["ts-agreements", "ts-polarity", "ts-milex"]) {
    const div = $(id);
    if (!div.layout) continue;
    const shapes = (div.layout.shapes || []).slice();
    shapes[0] = vline(state.year);
    Plotly.relayout(div, { shapes });
  }
}

/* ------------------------------------------------------------------ play */
function stopPlaying() {
  state.playing = false;
  $("play").textContent = _("▶ Play");
}

async function play() {
  if (state.playing) { stopPlaying(); return; }
  if (!state.meta) return;
  state.playing = true;
  $("play").textContent = _("❚❚ Pause");
  let y = state.year >= state.meta.last_year ? state.meta.first_year : state.year;
  const token = state.token;
  while (state.playing && token === state.token) {
    const started = performance.now();
    await setYear(y);
    if (y >= state.meta.last_year) break;
    const wait = Math.max(0, 450 - (performance.now() - started));
    await new Promise((r) => setTimeout(r, wait));
    y += 1;
  }
  stopPlaying();
}

/* ------------------------------------------------------------------ wiring */
function init() {
  $("source").addEventListener("change", (e) => openSource(e.target.value));
  $("year-slider").addEventListener("input", (e) => {
    stopPlaying();
    const y = Number(e.target.value);
    $("year-label").textContent = y;
    clearTimeout(state.sliderTimer);
    state.sliderTimer = setTimeout(() => setYear(y), 120);
  });
  $("play").addEventListener("click", play);
  $("state-select").addEventListener("change", (e) => selectState(e.target.value || null));
  $("all-kinds").addEventListener("change", () => { if (state.year !== null) setYear(state.year); });
  $("bloc-method").addEventListener("change", () => { if (state.year !== null) setYear(state.year); });
  $("agreements-search").addEventListener("input", drawAgreements);
  $("agreements-state-only").addEventListener("change", drawAgreements);
  initWorkbench();
  $("pair-a").addEventListener("change", drawPair);
  $("pair-b").addEventListener("change", drawPair);
  $("blocs").addEventListener("click", (e) => {
    const li = e.target.closest("li[data-leader]");
    if (li) selectState(li.dataset.leader);
  });
  const m = /source=([^&]+)/.exec(location.hash);
  const wantYear = /year=(-?\d+)/.exec(location.hash);
  if (wantYear) state.year = Number(wantYear[1]);
  busy(+1, _("starting…"));
  loadSources(m ? decodeURIComponent(m[1]) : null)
    .then(() => { loadEditor(); return openSource($("source").value); })
    .catch((e) => toast(e.message))
    .finally(() => busy(-1));
}

document.addEventListener("DOMContentLoaded", init);
