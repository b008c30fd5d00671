/* foedus dashboard: the map of a year (country outlines filled by bloc, ties between capitals, dots for states
   without an outline of their own). Uses app.js's globals (state, $, esc, edgeTraces, selectedEdges, nodeTrace,
   selectOnClick, PLOT_CONFIG, FONT). The outlines come once from /api/outlines (foedus.web.outlines). */
"use strict";

let outlinesPromise = null;

function loadOutlines() {
  if (!outlinesPromise) {
    outlinesPromise = api("/api/outlines").catch((e) => { outlinesPromise = null; throw e; });
  }
  return outlinesPromise;
}

function graticule() {
  const xs = [], ys = [];
  for (let lon = -180; lon <= 180; lon += 30) { xs.push(lon, lon, null); ys.push(-90, 90, null); }
  for (let lat = -60; lat <= 90; lat += 30) { xs.push(-180, 180, null); ys.push(lat, lat, null); }
  return [{ type: "scatter", mode: "lines", x: xs, y: ys, hoverinfo: "skip", showlegend: false, line: { color: "rgba(255,255,255,0.7)", width: 1 } }];
}

// One filled trace per country, largest first (an enclave lies on top of the country around it).
function countryTraces(outlines, layer) {
  if (!outlines || !outlines.available || !layer.available) return [];
  const fill = new Map(layer.regions.map((r) => [r.k, r]));
  return outlines.countries.map((c) => {
    const r = fill.get(c.k);
    return {
      type: "scatter", mode: "lines", x: c.lon, y: c.lat, fill: "toself", fillcolor: r ? r.fill : layer.no_state,
      line: { color: "#ffffff", width: 0.6 }, hoveron: "fills", hoverinfo: "text", showlegend: false,
      text: r ? `${esc(c.name)}: ${esc(r.abb || "")}` : esc(c.name), name: c.name,
    };
  });
}

// The part of the world the states of the year lie in (the whole map when they span it).
function mapRange(located) {
  const world = { x: [-180, 180], y: [-57, 84] };
  if (!located.length) return world;
  const lon = located.map((n) => n.lon), lat = located.map((n) => n.lat);
  let x0 = Math.min(...lon), x1 = Math.max(...lon), y0 = Math.min(...lat), y1 = Math.max(...lat);
  if (x1 - x0 > 150) return world;
  const padX = Math.max(10, (50 - (x1 - x0)) / 2), padY = Math.max(7, (30 - (y1 - y0)) / 2);
  x0 = Math.max(-180, x0 - padX); x1 = Math.min(180, x1 + padX);
  y0 = Math.max(-57, y0 - padY); y1 = Math.min(84, y1 + padY);
  return { x: [x0, x1], y: [y0, y1] };
}

function drawMap(data) {
  const div = $("map");
  const layer = data.map;
  const located = data.nodes.filter((n) => n.lat !== null && n.lon !== null);
  const ll = new Map(located.map((n) => [n.ccode, [n.lon, n.lat]]));
  const abbOf = new Map(data.nodes.map((n) => [n.ccode, n.abb]));
  layer.regions.forEach((r) => { r.abb = abbOf.get(r.ccode); });
  const owners = located.filter((n) => n.own_country), dots = located.filter((n) => !n.own_country);
  const draw = (outlines) => {
    const traces = [
      ...graticule(), ...countryTraces(outlines, layer),
      ...edgeTraces(data, ll, { onlyDefense: true, colour: "rgba(15,23,42,0.45)", width: 1.2 }), ...selectedEdges(data, ll),
      { ...nodeTrace(owners, (n) => n.lon, (n) => n.lat, { scale: 0.45, opacity: 1 }), name: "capitals" },
      { ...nodeTrace(dots, (n) => n.lon, (n) => n.lat, { scale: 0.6, opacity: 1, labelAlways: true }), name: _("states without an outline") },
    ];
    const range = mapRange(located);
    const layout = {
      margin: { l: 36, r: 8, t: 6, b: 30 }, font: FONT, hovermode: "closest", showlegend: false, dragmode: "zoom",
      xaxis: { range: range.x, ticksuffix: "°", zeroline: false, showgrid: false, constrain: "domain" },
      yaxis: { range: range.y, ticksuffix: "°", zeroline: false, showgrid: false, scaleanchor: "x", scaleratio: 1, constrain: "domain" },
      paper_bgcolor: "#fff", plot_bgcolor: layer.sea, uirevision: state.source.id,
      annotations: located.length ? [] : [{ text: _("no capital coordinates for this source"), showarrow: false, x: 0, y: 0, font: { color: "#64748b" } }],
    };
    return Plotly.react(div, traces, layout, PLOT_CONFIG).then(() => {
      selectOnClick(div);
      div.dataset.outlines = outlines && outlines.available && layer.available ? String(outlines.countries.length) : "0";
      div.dataset.year = String(data.year);
    });
  };
  $("map-caption").textContent = data.captions.map;
  return loadOutlines().then(draw, (e) => { toast(e.message); return draw(null); });
}

// Page coordinates (CSS pixels) of a longitude and latitude on the drawn map (for tests and tooltips).
function mapToPage(lon, lat) {
  const div = $("map");
  const fl = div._fullLayout;
  if (!fl) return null;
  const box = div.getBoundingClientRect();
  return { x: box.left + fl.xaxis._offset + fl.xaxis.l2p(lon), y: box.top + fl.yaxis._offset + fl.yaxis.l2p(lat) };
}
window.mapToPage = mapToPage;
