// eventcoder dashboard: map, timeline (brushable), table and article reader over the REST API.
"use strict";

const COLORS = {
  ASSAULT: "#d7301f", PROTEST: "#2b8cbe", COERCE: "#e6842a", THREATEN: "#8856a7", MOBILIZE: "#6a9f3b",
  ACCUSE: "#c51b7d", SANCTION: "#7a5c3e", REQUEST: "#41ab5d", RETREAT: "#99a3b1", AGREE: "#1b9e77",
  CONSULT: "#66a61e", SUPPORT: "#3690c0", COOPERATE: "#238b45", AID: "#00a087", CONCEDE: "#a6761d", REJECT: "#e7298a",
};
const colorOf = (type) => COLORS[type] || "#555";
const state = { events: [], brush: null, selected: null, markers: new Map() };
const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

// --- data --------------------------------------------------------------------------------

async function getJSON(url) {
  const resp = await fetch(url);
  const body = await resp.json();
  if (!resp.ok) throw new Error(body.error ? body.error.message : resp.statusText);
  return body;
}

function filterParams() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData($("#filters"))) if (value) params.set(key, value);
  return params;
}

async function loadEvents() {
  const params = filterParams();
  params.set("limit", "1000");
  let events = [], cursor = null;
  do {
    if (cursor) params.set("cursor", cursor);
    const page = await getJSON(`/events?${params}`);
    events = events.concat(page.events);
    cursor = page.next_cursor;
  } while (cursor && events.length < 20000);
  state.events = events;
  render();
}

async function loadFilterChoices() {
  const all = [];
  let cursor = null;
  do {
    const page = await getJSON(`/events?limit=1000${cursor ? `&cursor=${cursor}` : ""}`);
    all.push(...page.events);
    cursor = page.next_cursor;
  } while (cursor && all.length < 20000);
  const fill = (name, values, label = (v) => v) => {
    const select = $(`#filters [name=${name}]`);
    for (const v of [...new Set(values)].filter(Boolean).sort()) select.add(new Option(label(v), v));
  };
  fill("type", all.map((e) => e.event_type), (t) => t.charAt(0) + t.slice(1).toLowerCase());
  fill("country", all.map((e) => e.place && e.place.country));
}

const dayOf = (e) => (e.date || "").slice(0, 10);
// Only events dated to a day or a range of at most a week go on the timeline (and pass a brush).
const onTimeline = (e) => /^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/.test(e.date || "") &&
  (e.date.length === 10 || (new Date(e.date.slice(11)) - new Date(e.date.slice(0, 10))) / 864e5 <= 7);
const visible = () => state.events.filter((e) => !state.brush || (onTimeline(e) && dayOf(e) >= state.brush[0] && dayOf(e) <= state.brush[1]));

// --- map ---------------------------------------------------------------------------------

const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 10, zoomSnap: 0.25, attributionControl: true }).setView([20, 20], 2);
map.attributionControl.setPrefix("").addAttribution("Countries: Natural Earth via world-atlas");
const eventLayer = L.layerGroup().addTo(map);

// Rings cut at the antimeridian jump from +180 to -180; unwrap them so no line crosses the map.
function unwrap(coords) {
  if (typeof coords[0][0] !== "number") return coords.map(unwrap);
  for (let i = 1; i < coords.length; i++) {
    while (coords[i][0] - coords[i - 1][0] > 180) coords[i][0] -= 360;
    while (coords[i][0] - coords[i - 1][0] < -180) coords[i][0] += 360;
  }
  return coords;
}

fetch("/static/vendor/countries-110m.geojson").then((r) => r.json()).then((world) => {
  for (const f of world.features) unwrap(f.geometry.coordinates);
  L.geoJSON(world, {
    style: { color: "#b9b5a8", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 },
    interactive: false,
  }).addTo(map).bringToBack();
});

function radius(e) {
  return 5 + Math.min(22, Math.sqrt(e.fatalities || 0) * 2.6);
}

function drawMap(events) {
  eventLayer.clearLayers();
  state.markers.clear();
  const placed = events.filter((e) => e.place && e.place.lat != null && e.place.lon != null);
  for (const e of placed.sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0))) {
    const marker = L.circleMarker([e.place.lat, e.place.lon], {
      radius: radius(e), color: "#fff", weight: 1.2, fillColor: colorOf(e.event_type), fillOpacity: 0.82,
      className: `event-marker event-${e.id}`,
    });
    marker.bindTooltip(`<div class="event-tip"><b>${esc(e.event_type)}</b> ${esc(e.mode || "")}<br>${esc(e.place.name)} · ${esc(dayOf(e))}` +
      `${e.fatalities ? `<br>${e.fatalities} dead` : ""}<br>${e.n_articles} article${e.n_articles > 1 ? "s" : ""}</div>`);
    marker.on("click", () => select(e.id));
    marker.addTo(eventLayer);
    state.markers.set(e.id, marker);
  }
  const precise = placed.filter((e) => e.place.precision !== "country");
  if (placed.length && !state.brush && !drawMap.fitted) {
    const focus = precise.length ? precise : placed;
    map.fitBounds(L.latLngBounds(focus.map((e) => [e.place.lat, e.place.lon])).pad(0.2), { maxZoom: 5 });
    drawMap.fitted = true;
  }
  const types = [...new Set(events.map((e) => e.event_type))].sort();
  $("#legend").innerHTML = types.map((t) => `<span><i style="background:${colorOf(t)}"></i>${esc(t.toLowerCase())}</span>`).join("") +
    '<span class="muted">size = fatalities</span>';
}

// --- timeline ----------------------------------------------------------------------------

function drawTimeline(events) {
  const svg = $("#timeline");
  const width = svg.clientWidth || 800, height = 130, pad = { l: 28, r: 8, t: 8, b: 20 };
  const dated = events.filter(onTimeline);
  if (!dated.length) { svg.innerHTML = ""; return; }
  const days = dated.map(dayOf).sort();
  const start = new Date(days[0]), end = new Date(days[days.length - 1]);
  start.setUTCDate(start.getUTCDate() - 1); end.setUTCDate(end.getUTCDate() + 1);
  const span = Math.max(1, (end - start) / 864e5 + 1);
  const x = (d) => pad.l + ((new Date(d) - start) / 864e5) * ((width - pad.l - pad.r) / span);
  const bw = Math.max(2, (width - pad.l - pad.r) / span - 1);
  const counts = {};
  for (const e of dated) (counts[dayOf(e)] ||= {})[e.event_type] = ((counts[dayOf(e)] || {})[e.event_type] || 0) + 1;
  const max = Math.max(...Object.values(counts).map((c) => Object.values(c).reduce((a, b) => a + b, 0)));
  const y = (n) => ((height - pad.t - pad.b) * n) / max;
  let bars = "";
  for (const [day, byType] of Object.entries(counts)) {
    let top = height - pad.b;
    for (const [type, n] of Object.entries(byType).sort()) {
      top -= y(n);
      bars += `<rect x="${x(day)}" y="${top}" width="${bw}" height="${y(n)}" fill="${colorOf(type)}"><title>${day}: ${n} ${type.toLowerCase()}</title></rect>`;
    }
  }
  const ticks = [];
  const step = Math.max(1, Math.ceil(span / 8));
  for (let d = new Date(start); d <= end; d.setUTCDate(d.getUTCDate() + step)) ticks.push(d.toISOString().slice(0, 10));
  const axis = ticks.map((t) => `<text x="${x(t)}" y="${height - 6}">${t.slice(5)}</text>`).join("") +
    `<text x="2" y="${pad.t + 8}">${max}</text><line x1="${pad.l}" x2="${width - pad.r}" y1="${height - pad.b}" y2="${height - pad.b}" stroke="#ccc"/>`;
  const brush = state.brush ? `<rect class="brush" x="${x(state.brush[0])}" y="${pad.t}" width="${Math.max(2, x(state.brush[1]) - x(state.brush[0]) + bw)}" height="${height - pad.t - pad.b}"/>` : "";
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.innerHTML = `<g class="axis">${axis}</g>${bars}${brush}`;
  svg.dataset.start = start.toISOString(); svg.dataset.span = span; svg.dataset.padl = pad.l; svg.dataset.inner = width - pad.l - pad.r;
}

function dayAt(clientX) {
  const svg = $("#timeline"), box = svg.getBoundingClientRect();
  const frac = (clientX - box.left - Number(svg.dataset.padl)) / Number(svg.dataset.inner);
  const d = new Date(svg.dataset.start);
  d.setUTCDate(d.getUTCDate() + Math.floor(Math.max(0, Math.min(1, frac)) * Number(svg.dataset.span)));
  return d.toISOString().slice(0, 10);
}

function setupBrush() {
  const svg = $("#timeline");
  let anchor = null;
  svg.addEventListener("mousedown", (ev) => { anchor = dayAt(ev.clientX); state.brush = [anchor, anchor]; render(); });
  window.addEventListener("mousemove", (ev) => {
    if (!anchor) return;
    const d = dayAt(ev.clientX);
    state.brush = d < anchor ? [d, anchor] : [anchor, d];
    render();
  });
  window.addEventListener("mouseup", () => {
    if (!anchor) return;
    anchor = null;
    if (state.brush && state.brush[0] === state.brush[1] && !visible().length) state.brush = null;
    render();
  });
  svg.addEventListener("dblclick", () => { state.brush = null; render(); });
}

// --- table and detail --------------------------------------------------------------------

const actorName = (a) => (a ? a.name || a.text : "");

function drawTable(events) {
  const rows = [...events].sort((a, b) => (dayOf(b) || "").localeCompare(dayOf(a) || "") || (b.fatalities || 0) - (a.fatalities || 0));
  $("#events tbody").innerHTML = rows.map((e) => `<tr data-id="${esc(e.id)}" class="${e.id === state.selected ? "selected" : ""}">` +
    `<td>${esc(dayOf(e) || "—")}</td><td><span class="chip" style="background:${colorOf(e.event_type)}">${esc(e.event_type.toLowerCase())}</span> ${esc(e.mode || "")}</td>` +
    `<td>${esc(e.place ? e.place.name : "—")}${e.place && e.place.country ? ` <span class="muted">${esc(e.place.country)}</span>` : ""}</td>` +
    `<td>${esc(actorName(e.source))}</td><td>${esc(actorName(e.target))}</td>` +
    `<td class="num">${e.fatalities ?? ""}</td><td class="num">${e.n_articles}</td></tr>`).join("");
}

async function select(id) {
  state.selected = id;
  drawTable(visible());
  const event = await getJSON(`/events/${encodeURIComponent(id)}`);
  const marker = state.markers.get(event.id);
  eventLayer.eachLayer((layer) => layer.closeTooltip());
  if (marker) marker.bringToFront();
  const first = event.mentions.find((m) => m.event_id === event.id) || event.mentions[0];
  await showMention(event, first);
}

async function showMention(event, mention) {
  const article = await getJSON(`/articles/${mention.article_id}`);
  const facts = [
    ["When", `${event.date || "unknown"}${event.date_text ? ` <span class="muted">(“${esc(event.date_text)}”)</span>` : ""}`],
    ["Where", event.place ? `${esc(event.place.name)}, ${esc(event.place.country || "")} <span class="muted">${esc(event.place.precision)}</span>` : "unknown"],
    ["Who", esc(actorName(event.source)) || "—"], ["Against", esc(actorName(event.target)) || "—"],
    ["Dead", event.fatalities ?? "—"], ["ACLED", esc([event.acled_event_type, event.acled_sub_event_type].filter(Boolean).join(" · ")) || "—"],
    ["Confidence", event.confidence.toFixed(2)],
  ];
  const mentions = event.mentions.map((m, i) => `<li data-i="${i}" class="${m === mention ? "active" : ""}">${esc(m.title || m.site || m.url || `article ${m.article_id}`)}` +
    `<small>${esc(m.site || "")} · ${esc(m.publication_date || "")} · ${m.values.fatalities ?? "?"} dead · ${esc(m.values.date || "no date")}</small></li>`).join("");
  $("#detail").innerHTML = `<h2><span class="chip" style="background:${colorOf(event.event_type)}">${esc(event.event_type.toLowerCase())}</span> ${esc(event.mode || "")}</h2>` +
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>` +
    `<div class="muted">Reported in ${event.mentions.length} mention${event.mentions.length > 1 ? "s" : ""}:</div><ul class="mentions">${mentions}</ul>` +
    `<div class="article" id="article-text">${highlight(article, mention)}</div>`;
  $("#detail").querySelectorAll(".mentions li").forEach((li) => li.addEventListener("click", () => showMention(event, event.mentions[Number(li.dataset.i)])));
  const mark = $("#detail mark.evidence"), panel = $("#detail");
  if (mark) panel.scrollTop = Math.max(0, mark.offsetTop - panel.clientHeight / 3);
}

function highlight(article, mention) {
  const text = article.text, { start, end } = mention.evidence;
  if (!(start >= 0 && end <= text.length && start < end)) return esc(text);
  return `${article.title ? `<strong>${esc(article.title)}</strong>\n\n` : ""}${esc(text.slice(0, start))}<mark class="evidence">${esc(text.slice(start, end))}</mark>${esc(text.slice(end))}`;
}

// --- wiring ------------------------------------------------------------------------------

function render() {
  const events = visible();
  drawMap(events);
  drawTimeline(state.events);
  drawTable(events);
  const dead = events.reduce((n, e) => n + (e.fatalities || 0), 0);
  const reports = events.reduce((n, e) => n + e.n_mentions, 0);
  $("#summary").textContent = `${events.length} events · ${reports} reports · ${dead} reported dead`;
  $("#brush-label").textContent = state.brush ? `${state.brush[0]} → ${state.brush[1]} (double-click to clear)` : "drag across the timeline to filter";
}

$("#events tbody").addEventListener("click", (ev) => {
  const row = ev.target.closest("tr");
  if (row) select(row.dataset.id);
});
$("#filters").addEventListener("change", () => { state.brush = null; loadEvents(); });
$("#filters").addEventListener("input", (ev) => { if (ev.target.name === "actor") { clearTimeout(loadEvents.t); loadEvents.t = setTimeout(loadEvents, 300); } });
$("#filters").addEventListener("reset", () => setTimeout(() => { state.brush = null; loadEvents(); }, 0));
window.addEventListener("resize", () => drawTimeline(state.events));
setupBrush();
loadFilterChoices().then(loadEvents).then(() => document.body.classList.add("ready"))
  .catch((err) => { $("#detail").innerHTML = `<p class="muted">Could not load events: ${esc(err.message)}</p>`; });
