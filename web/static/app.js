// dipgraph's page: a small router over the JSON endpoints of
// `dipgraph serve`. No libraries: the networks and the timeline are SVG
// drawn here. Every text from the store goes into the page as text nodes,
// never as HTML.
"use strict";

const main = document.getElementById("main");
const SVGNS = "http://www.w3.org/2000/svg";

// el makes an element: el("td", {class: "num"}, "3", child…).
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat()) {
    if (k === undefined || k === null) continue;
    e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return e;
}

function svg(tag, attrs, ...kids) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  return e;
}

function link(href, text) {
  return el("a", { href, "data-link": true }, text);
}

async function api(path, opts) {
  const res = await fetch(path, opts);
  let body;
  try {
    body = await res.json();
  } catch (e) {
    throw new Error(`${res.status} ${res.statusText}: the answer is not JSON`);
  }
  // For measurements: when the page's data (not a suggestion) arrived.
  if (path.startsWith("/api/web/") && !path.startsWith("/api/web/search")) document.body.dataset.dataMs = String(Math.round(performance.now()));
  if (!res.ok) {
    const err = new Error(body.error || `${res.status} ${res.statusText}`);
    err.status = res.status;
    err.body = body;
    throw err;
  }
  return body;
}

function showError(where, err) {
  where.append(el("p", { class: "error" }, err.message || String(err)));
}

// Colours by country: a fixed palette for the frequent ones, a hue from
// the code for the rest.
const PALETTE = { VN: "#d62728", US: "#1f77b4", KR: "#2ca02c", JP: "#9467bd", CN: "#ff7f0e", RU: "#8c564b", IN: "#e377c2", FR: "#17becf", DE: "#7f7f7f", GB: "#bcbd22", AU: "#393b79" };
function colour(cc) {
  if (!cc) return "#aaa";
  if (PALETTE[cc]) return PALETTE[cc];
  let h = 0;
  for (const c of cc) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `hsl(${h},55%,50%)`;
}

// --- Routing ---------------------------------------------------------

let info = null; // /api/web/info
let gen = 0; // the render under way; older ones stop writing

async function route() {
  const my = ++gen;
  const path = location.pathname;
  main.replaceChildren();
  delete document.body.dataset.dataMs;
  try {
    let m;
    if ((m = path.match(/^\/official\/([^/]+)$/))) await officialView(decodeURIComponent(m[1]), my);
    else if ((m = path.match(/^\/meeting\/([^/]+)$/))) await meetingView(decodeURIComponent(m[1]), my);
    else if (path === "/gizmo") await gizmoView(my);
    else await overviewView(my);
  } catch (err) {
    if (my === gen) {
      main.replaceChildren();
      showError(main, err);
    }
  }
  if (my === gen) {
    // For measurements: the time since the page's navigation began.
    document.body.dataset.readyMs = String(Math.round(performance.now()));
    document.body.dataset.ready = path;
  }
}

function go(href) {
  history.pushState(null, "", href);
  window.scrollTo(0, 0);
  route();
}

document.addEventListener("click", (ev) => {
  const a = ev.target.closest("a[data-link]");
  if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  ev.preventDefault();
  go(a.getAttribute("href"));
});
window.addEventListener("popstate", route);

// --- Search with suggestions ----------------------------------------

const input = document.getElementById("search");
const list = document.getElementById("suggest");
let searchTimer = 0, searchSeq = 0, active = -1, hits = [];

input.addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(suggest, 120);
});
input.addEventListener("keydown", (ev) => {
  if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
    ev.preventDefault();
    if (!hits.length) return;
    active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
    paintActive();
  } else if (ev.key === "Enter") {
    ev.preventDefault();
    const h = hits[active >= 0 ? active : 0];
    if (h) pick(h);
    else suggest();
  } else if (ev.key === "Escape") {
    list.hidden = true;
  }
});
document.addEventListener("click", (ev) => {
  if (!ev.target.closest(".search")) list.hidden = true;
});

async function suggest() {
  const q = input.value.trim();
  const seq = ++searchSeq;
  if (!q) {
    list.hidden = true;
    hits = [];
    return;
  }
  let res;
  try {
    res = await api(`/api/web/search?q=${encodeURIComponent(q)}&limit=10`);
  } catch (err) {
    if (seq !== searchSeq) return;
    list.replaceChildren(el("li", { class: "error" }, err.message));
    list.hidden = false;
    return;
  }
  if (seq !== searchSeq) return;
  hits = res.results;
  active = hits.length ? 0 : -1;
  list.replaceChildren(...hits.map((h, i) =>
    el("li", { role: "option", "data-id": h.id, onclick: () => pick(h), onmouseenter: () => { active = i; paintActive(); } },
      h.name, h.country ? ` (${h.country})` : "", h.provisional ? " · provisional" : "",
      el("span", { class: "via" }, h.via === "name" ? "" : `${h.via}: ${h.matched}`))));
  if (!hits.length) list.replaceChildren(el("li", { class: "muted" }, `No official named “${q}”`));
  if (res.truncated) list.append(el("li", { class: "muted" }, "more match: type more of the name"));
  list.hidden = false;
  paintActive();
}

function paintActive() {
  [...list.querySelectorAll("li[data-id]")].forEach((li, i) => li.classList.toggle("active", i === active));
}

function pick(h) {
  list.hidden = true;
  input.value = h.name;
  go(`/official/${encodeURIComponent(h.id)}`);
}

// --- Tables ------------------------------------------------------------

// table draws rows with sortable columns: cols are {key, title, get(row)
// (sort value), cell(row) (content), num}.
function table(cols, rows, opts = {}) {
  let sortKey = opts.sort || null, dir = 1;
  const tbody = el("tbody");
  const heads = cols.map((c) => el("th", { class: "sortable", "data-key": c.key, onclick: () => {
    if (sortKey === c.key) dir = -dir; else { sortKey = c.key; dir = 1; }
    paint();
  } }, c.title));
  function paint() {
    const col = cols.find((c) => c.key === sortKey);
    const sorted = rows.slice();
    if (col) sorted.sort((a, b) => {
      const x = col.get(a), y = col.get(b);
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
    heads.forEach((h) => {
      h.classList.toggle("sorted-asc", h.dataset.key === sortKey && dir > 0);
      h.classList.toggle("sorted-desc", h.dataset.key === sortKey && dir < 0);
    });
    const cut = opts.max && !showAll && sorted.length > opts.max;
    tbody.replaceChildren(...(cut ? sorted.slice(0, opts.max) : sorted).map((r) => {
      const tr = el("tr", opts.rowAttrs ? opts.rowAttrs(r) : {}, ...cols.map((c) => el("td", { class: c.num ? "num" : null }, c.cell ? c.cell(r) : c.get(r))));
      if (opts.onrow) {
        tr.classList.add("clickable");
        tr.addEventListener("click", (ev) => { if (!ev.target.closest("a")) opts.onrow(r); });
      }
      return tr;
    }));
    if (cut) {
      tbody.append(el("tr", {}, el("td", { colspan: cols.length, class: "muted" },
        `the first ${opts.max} of ${sorted.length} rows (in this order); `,
        el("button", { class: "show-all", onclick: () => { showAll = true; paint(); } }, `show all ${sorted.length}`))));
    }
  }
  let showAll = false;
  paint();
  return el("table", { class: opts.class, id: opts.id }, el("thead", {}, el("tr", {}, heads)), tbody);
}

function tags(list) {
  return (list || []).map((t) => el("span", { class: "tag" }, t));
}

// --- Network pictures ----------------------------------------------------

// drawNetwork draws nodes and edges: the ego network radially (self in
// the middle), a whole network by a few hundred steps of a force layout
// from a fixed start, so the same data gives the same picture.
function drawNetwork(net, opts = {}) {
  const W = opts.width || 640, H = opts.height || 480;
  const nodes = net.nodes.map((n, i) => ({ ...n, i }));
  const index = new Map(nodes.map((n) => [n.id, n]));
  const edges = net.edges.filter((e) => index.has(e.a) && index.has(e.b));
  const self = nodes.find((n) => n.self);
  const others = nodes.filter((n) => !n.self);
  const R = Math.min(W, H) / 2 - 60;
  others.forEach((n, k) => {
    const a = (2 * Math.PI * k) / Math.max(1, others.length) - Math.PI / 2;
    n.x = W / 2 + R * Math.cos(a);
    n.y = H / 2 + R * Math.sin(a);
  });
  if (self) { self.x = W / 2; self.y = H / 2; }
  if (!self && nodes.length > 2) layout(nodes, edges, W, H);
  let maxM = 1;
  for (const e of edges) if (e.meetings > maxM) maxM = e.meetings;
  const g = svg("svg", { class: "net", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": opts.label || "network", id: opts.id || "" });
  // Thousands of edges on the overview: made without the svg helper, an
  // edge's tooltip made when the pointer first comes over it.
  const frag = document.createDocumentFragment();
  edges.forEach((e, i) => {
    const a = index.get(e.a), b = index.get(e.b), l = document.createElementNS(SVGNS, "line");
    l.setAttribute("class", "edge");
    l.setAttribute("x1", a.x);
    l.setAttribute("y1", a.y);
    l.setAttribute("x2", b.x);
    l.setAttribute("y2", b.y);
    l.setAttribute("stroke-width", 1 + 5 * (e.meetings / maxM));
    l.dataset.meetings = e.meetings;
    l.dataset.edge = i;
    frag.append(l);
  });
  g.append(frag);
  g.addEventListener("mouseover", (ev) => {
    const l = ev.target.closest("line.edge");
    if (!l || l.firstChild) return;
    const e = edges[+l.dataset.edge];
    l.append(svg("title", {}, `${index.get(e.a).name} – ${index.get(e.b).name}: ${e.meetings} meeting(s)`));
  });
  const maxDeg = Math.max(1, ...nodes.map((n) => n.degree || 0));
  for (const n of nodes) {
    const r = n.self ? 13 : 6 + 8 * Math.sqrt((n.degree || 0) / maxDeg);
    const c = svg("circle", { class: "node" + (n.self ? " self" : ""), cx: n.x, cy: n.y, r, fill: colour(n.country), "data-id": n.id,
      onclick: () => go(`/official/${encodeURIComponent(n.id)}`) }, svg("title", {}, `${n.name} (${n.country || "?"}): ${n.meetings} meeting(s), ${n.degree} counterpart(s)`));
    g.append(c);
    if (n.self || nodes.length <= 40 || (n.degree || 0) >= maxDeg / 3) {
      g.append(svg("text", { x: n.x + r + 3, y: n.y + 4 }, n.name));
    }
  }
  const countries = [...new Set(nodes.map((n) => n.country || ""))].sort();
  const legend = el("div", { class: "legend" }, countries.map((cc) => el("span", {}, legendDot(cc), cc || "?")));
  return el("div", {}, g, legend);
}

function legendDot(cc) {
  const i = el("i");
  i.style.background = colour(cc);
  return i;
}

// layout runs a force layout (Fruchterman–Reingold with gravity) for a
// fixed number of steps from a fixed start. The overview's network has a
// few thousand edges: the loops use plain arrays and arithmetic.
function layout(nodes, edges, W, H) {
  const n = nodes.length, k = Math.sqrt((W * H) / n) * 0.8, k2 = k * k;
  nodes.forEach((p, i) => {
    const a = (2 * Math.PI * i) / n, r = (Math.min(W, H) / 3) * (0.5 + ((i * 7919) % 97) / 194);
    p.x = W / 2 + r * Math.cos(a);
    p.y = H / 2 + r * Math.sin(a);
  });
  const idx = new Map(nodes.map((p) => [p.id, p]));
  const ends = edges.map((e) => [idx.get(e.a), idx.get(e.b)]);
  let t = W / 10;
  for (let step = 0; step < 300; step++) {
    for (const p of nodes) { p.dx = 0; p.dy = 0; }
    for (let i = 0; i < n; i++) {
      const a = nodes[i];
      for (let j = i + 1; j < n; j++) {
        const b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        const f = k2 / d;
        dx = (dx / d) * f; dy = (dy / d) * f;
        a.dx += dx; a.dy += dy; b.dx -= dx; b.dy -= dy;
      }
    }
    for (const [a, b] of ends) {
      let dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d * d) / k;
      dx = (dx / d) * f; dy = (dy / d) * f;
      a.dx -= dx; a.dy -= dy; b.dx += dx; b.dy += dy;
    }
    for (const p of nodes) {
      // gravity keeps parts that do not touch on the picture
      p.dx += (W / 2 - p.x) * 0.05 * k / 10;
      p.dy += (H / 2 - p.y) * 0.05 * k / 10;
      const d = Math.sqrt(p.dx * p.dx + p.dy * p.dy) || 0.01;
      p.x += (p.dx / d) * Math.min(d, t);
      p.y += (p.dy / d) * Math.min(d, t);
      p.x = Math.max(20, Math.min(W - 90, p.x));
      p.y = Math.max(20, Math.min(H - 20, p.y));
    }
    t *= 0.985;
  }
}

// timeline draws the meetings as dots on a time axis, one lane per
// counterpart country (one dot per meeting and lane); a dot opens the
// meeting. The busiest officials have thousands of dots, so the dots are
// made without the el/svg helpers, one listener serves them all and a
// dot's tooltip is made when the pointer first comes over it.
function timeline(rows) {
  const dated = rows.filter((r) => /^\d{4}/.test(r.date || ""));
  const W = 900, lanes = [...new Set(dated.map((r) => r.counterpart.country || "?"))].sort();
  const H = 30 + 22 * Math.max(1, lanes.length);
  const t = (d) => {
    const [y, m = "07", day = "01"] = d.split("-");
    return Date.UTC(+y, +m - 1, +day);
  };
  const g = svg("svg", { class: "timeline", viewBox: `0 0 ${W} ${H}`, id: "timeline", role: "img", "aria-label": "meetings over time" });
  if (!dated.length) {
    g.append(svg("text", { x: 10, y: 20 }, "no dated meetings"));
    return g;
  }
  let lo = Infinity, hi = -Infinity;
  for (const r of dated) {
    r._t = t(r.date);
    if (r._t < lo) lo = r._t;
    if (r._t > hi) hi = r._t;
  }
  if (hi - lo < 864e5 * 30) { lo -= 864e5 * 15; hi += 864e5 * 15; }
  const x = (ms) => 50 + ((ms - lo) / (hi - lo)) * (W - 70);
  lanes.forEach((cc, i) => {
    g.append(svg("text", { x: 4, y: 24 + 22 * i }, cc));
    g.append(svg("line", { x1: 50, x2: W - 20, y1: 20 + 22 * i, y2: 20 + 22 * i, stroke: "#eee" }));
  });
  const y0 = new Date(lo).getUTCFullYear(), y1 = new Date(hi).getUTCFullYear();
  for (let y = y0; y <= y1 + 1; y++) {
    const tx = x(Date.UTC(y, 0, 1));
    if (tx >= 50 && tx <= W - 20) g.append(svg("text", { x: tx, y: H - 4 }, y), svg("line", { x1: tx, x2: tx, y1: 10, y2: H - 16, stroke: "#ddd" }));
  }
  const laneOf = new Map(lanes.map((cc, i) => [cc, i]));
  const dots = new Map(); // meeting and lane → the rows it shows
  const frag = document.createDocumentFragment();
  for (const r of dated) {
    const cc = r.counterpart.country || "?", key = r.meeting + " " + cc;
    const seen = dots.get(key);
    if (seen) { seen.push(r); continue; }
    dots.set(key, [r]);
    const c = document.createElementNS(SVGNS, "circle"), col = colour(r.counterpart.country);
    c.setAttribute("class", "dot");
    c.setAttribute("cx", x(r._t));
    c.setAttribute("cy", 20 + 22 * laneOf.get(cc));
    c.setAttribute("r", 5);
    c.setAttribute("fill", r.status === "planned" ? "#fff" : col);
    c.setAttribute("stroke", col);
    c.setAttribute("stroke-width", 2);
    c.dataset.meeting = r.meeting;
    c.dataset.key = key;
    frag.append(c);
  }
  g.append(frag);
  g.addEventListener("click", (ev) => {
    const d = ev.target.closest("circle.dot");
    if (d) go(`/meeting/${encodeURIComponent(d.dataset.meeting)}`);
  });
  g.addEventListener("mouseover", (ev) => {
    const d = ev.target.closest("circle.dot");
    if (!d || d.firstChild) return;
    const rs = dots.get(d.dataset.key), r = rs[0];
    d.append(svg("title", {}, `${r.date} ${r.kind || ""} with ${rs.map((x) => x.counterpart.name).join(", ")} (${r.status})`));
  });
  return g;
}

// --- An official -----------------------------------------------------------

async function officialView(id, my) {
  const d = await api(`/api/web/official/${encodeURIComponent(id)}`);
  if (my !== gen) return;
  const o = d.official;
  document.title = `${o.name} · dipgraph`;
  main.append(el("h1", { id: "official-name" }, o.name),
    el("p", { class: "muted" }, o.country_name ? `${o.country_name} (${o.country})` : o.country || "", o.provisional ? " · provisional (found by a title, not in the gazetteer)" : "",
      " · ", el("code", {}, `official/${o.id}`)));
  if (o.aliases && o.aliases.length) main.append(el("p", {}, "Also written: ", tags(o.aliases)));

  const roles = el("div", { class: "grid" });
  roles.append(el("div", {}, el("h2", {}, "Roles by the gazetteer"),
    o.tenures && o.tenures.length ? table([
      { key: "role", title: "Role", get: (t) => t.role_name || t.role },
      { key: "from", title: "From", get: (t) => t.from || "" },
      { key: "to", title: "To", get: (t) => t.to || "", cell: (t) => t.to || "in office" },
    ], o.tenures, { id: "tenures" }) : el("p", { class: "muted" }, "none recorded")));
  roles.append(el("div", {}, el("h2", {}, "Roles as the articles state them"),
    o.stated_roles && o.stated_roles.length ? table([
      { key: "role", title: "Role", get: (t) => t.role_name || t.role },
      { key: "articles", title: "Articles", get: (t) => t.articles, num: true },
      { key: "sentence", title: "For example", get: (t) => (t.sentences && t.sentences[0] ? t.sentences[0].sentence : ""),
        cell: (t) => t.sentences && t.sentences[0] ? el("span", { title: `${t.sentences[0].article} ${t.sentences[0].span}` }, t.sentences[0].sentence) : "" },
    ], o.stated_roles, { id: "stated" }) : el("p", { class: "muted" }, "none stated")));
  main.append(roles);

  performance.mark("official:profile");
  const rows = d.meetings;
  main.append(el("h2", {}, `Meetings (${rows.length})`));
  if (d.note) main.append(el("p", { class: "note" }, d.note));
  const opt = (vals) => [el("option", { value: "" }, "all"), ...[...new Set(vals)].filter(Boolean).sort().map((v) => el("option", { value: v }, v))];
  const f = {
    from: el("input", { type: "date", name: "from" }), to: el("input", { type: "date", name: "to" }),
    kind: el("select", { name: "kind" }, opt(rows.map((r) => r.kind))),
    country: el("select", { name: "country" }, opt(rows.map((r) => r.counterpart.country))),
    topic: el("select", { name: "topic" }, opt(rows.flatMap((r) => r.topics || []))),
    status: el("select", { name: "status" }, opt(rows.map((r) => r.status))),
  };
  const filters = el("div", { class: "filters", id: "filters" }, Object.entries(f).map(([k, v]) => el("label", {}, k, v)));
  const holder = el("div");
  const count = el("p", { class: "muted", id: "shown" });
  main.append(filters, count, holder);
  const cols = [
    { key: "date", title: "Date", get: (r) => r.date || "" },
    { key: "counterpart", title: "Counterpart", get: (r) => r.counterpart.name, cell: (r) => [link(`/official/${encodeURIComponent(r.counterpart.id)}`, r.counterpart.name), r.counterpart.country ? ` (${r.counterpart.country})` : ""] },
    { key: "role", title: "Role stated", get: (r) => (r.counterpart_roles || []).join(", ") },
    { key: "kind", title: "Kind", get: (r) => r.kind || "" },
    { key: "place", title: "Place", get: (r) => r.place || "" },
    { key: "status", title: "Status", get: (r) => r.status, cell: (r) => el("span", { class: "status-" + r.status }, r.status) },
    { key: "topics", title: "Topics", get: (r) => (r.topics || []).join(", "), cell: (r) => tags(r.topics) },
    { key: "sources", title: "Sources", get: (r) => r.articles, num: true },
  ];
  function paint() {
    const shown = rows.filter((r) =>
      (!f.from.value || (r.date || "") >= f.from.value) && (!f.to.value || ((r.date || "") !== "" && r.date.slice(0, f.to.value.length) <= f.to.value)) &&
      (!f.kind.value || r.kind === f.kind.value) && (!f.country.value || r.counterpart.country === f.country.value) &&
      (!f.topic.value || (r.topics || []).includes(f.topic.value)) && (!f.status.value || r.status === f.status.value));
    count.textContent = `${shown.length} of ${rows.length} rows; click a row for its evidence`;
    holder.replaceChildren(table(cols, shown, { id: "meetings", sort: "date", max: 300, onrow: (r) => go(`/meeting/${encodeURIComponent(r.meeting)}`),
      rowAttrs: (r) => ({ "data-meeting": r.meeting }) }));
  }
  Object.values(f).forEach((x) => x.addEventListener("change", paint));
  paint();
  performance.mark("official:table");

  main.append(el("h2", {}, "Timeline"), timeline(rows));
  performance.mark("official:timeline");
  const net = d.network;
  main.append(el("h2", {}, `Ego network: ${net.nodes.length} officials, ${net.edges.length} links (held meetings; click an official)`),
    ...(net.note ? [el("p", { class: "note" }, `Showing ${net.note}.`)] : []),
    drawNetwork(net, { id: "ego", label: `ego network of ${o.name}` }));
  performance.mark("official:network");
}

// --- A meeting ---------------------------------------------------------------

// highlight returns the sentence with the byte spans of names marked;
// spans are byte offsets into the UTF-8 text.
function highlight(text, names) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const out = [];
  let at = 0;
  for (const n of [...names].sort((a, b) => a.start - b.start)) {
    if (n.start < at || n.end > bytes.length) continue;
    out.push(dec.decode(bytes.slice(at, n.start)));
    out.push(el("mark", { "data-official": n.official, title: n.official }, dec.decode(bytes.slice(n.start, n.end))));
    at = n.end;
  }
  out.push(dec.decode(bytes.slice(at)));
  return out;
}

async function meetingView(id, my) {
  const m = await api(`/api/web/meeting/${encodeURIComponent(id)}`);
  if (my !== gen) return;
  const who = m.participants.map((p) => p.name).join(", ");
  document.title = `${who} ${m.date || ""} · dipgraph`;
  main.append(el("h1", { id: "meeting-title" }, `${m.kind || "meeting"}: ${who}`),
    el("p", { class: "muted" }, [m.date || "date unknown", m.place || "place unknown", m.status].join(" · "), " · ", el("code", {}, `meeting/${m.id}`)));
  main.append(el("h2", {}, "Participants"), table([
    { key: "name", title: "Official", get: (p) => p.name, cell: (p) => link(`/official/${encodeURIComponent(p.id)}`, p.name) },
    { key: "country", title: "Country", get: (p) => p.country || "" },
    { key: "roles", title: "Roles the articles state", get: (p) => (p.roles || []).join(", ") },
  ], m.participants, { id: "participants" }));
  main.append(el("h2", {}, "Topics"), el("p", {}, m.topics && m.topics.length ? m.topics.map((t) => el("span", { class: "tag", title: t.id }, t.name || t.id)) : el("span", { class: "muted" }, "none")));
  main.append(el("h2", {}, `Evidence: ${m.evidence.length} article(s)`));
  for (const ev of m.evidence) {
    const box = el("section", { class: "evidence", "data-article": ev.article },
      el("p", {}, el("b", {}, ev.article), ev.file ? el("span", { class: "muted" }, ` · ${ev.file}`) : null, el("br"),
        el("span", { class: "muted" }, `this article says: ${[ev.date || "no date", ev.kind, ev.place, ev.status].filter(Boolean).join(" · ")}`)));
    for (const s of ev.sentences) {
      box.append(el("blockquote", { class: "sentence", "data-span": s.span }, highlight(s.text, s.names), " ", el("span", { class: "muted" }, `[bytes ${s.span}]`)));
    }
    main.append(box);
  }
}

// --- Gizmo console -------------------------------------------------------

// gizmoCell shows a value of a Gizmo result: officials and meetings as
// links to their pages, typed literals by their text.
function gizmoCell(v) {
  if (v === undefined) return "";
  if (typeof v !== "string") return JSON.stringify(v);
  let m = v.match(/^<(official|meeting)\/([^>]+)>$/);
  if (m) return link(`/${m[1]}/${encodeURIComponent(m[2])}`, v);
  m = v.match(/^"(.*)"\^\^<[^>]*>$/);
  if (m) return el("span", { title: v }, m[1]);
  return v;
}

async function gizmoView(my) {
  if (!info) info = await api("/api/web/info");
  if (my !== gen) return;
  document.title = "Gizmo console · dipgraph";
  const q = el("textarea", { id: "gizmo-query", spellcheck: "false" });
  q.value = info.examples[0].query;
  const examples = el("select", { id: "gizmo-examples", onchange: () => { q.value = info.examples[+examples.value].query; } },
    info.examples.map((e, i) => el("option", { value: i }, e.title)));
  const limit = el("input", { id: "gizmo-limit", type: "number", min: 1, max: info.limit, value: Math.min(100, info.limit) });
  const status = el("p", { id: "gizmo-status", class: "muted" });
  const out = el("div", { id: "gizmo-result" });
  const run = el("button", { id: "gizmo-run", onclick: async () => {
    status.textContent = "running…";
    status.className = "muted";
    out.replaceChildren();
    const t0 = performance.now();
    let res;
    try {
      res = await api(`${info.gizmo}?limit=${encodeURIComponent(limit.value)}`, { method: "POST", body: q.value, headers: { "Content-Type": "text/plain" } });
    } catch (err) {
      // A query past the time limit answers 400 with timed_out, as Cayley
      // answers it: say so plainly.
      status.textContent = err.body && err.body.timed_out ? `TIMED OUT after the server's time limit of ${info.timeout}` : "";
      status.className = "note";
      out.append(el("p", { class: "error", id: "gizmo-error" }, err.message));
      return;
    }
    const ms = Math.round(performance.now() - t0);
    const rows = res.result || [];
    let msg = `${rows.length} result(s) in ${ms} ms · limit ${limit.value} · time limit ${info.timeout}`;
    if (res.truncated) msg += ` · TRUNCATED: ${res.note || "the limit cut the results; more exist"}`;
    status.textContent = msg;
    status.className = res.truncated ? "note" : "muted";
    const keys = [...new Set(rows.flatMap((r) => (r && typeof r === "object" ? Object.keys(r) : ["value"])))];
    const cols = keys.map((k) => ({ key: k, title: k, get: (r) => {
      const v = r && typeof r === "object" ? r[k] : r;
      return v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
    }, cell: (r) => gizmoCell(r && typeof r === "object" ? r[k] : r) }));
    out.append(rows.length ? table(cols, rows, { id: "gizmo-table" }) : el("p", { class: "muted" }, "no results"));
  } }, "Run");
  main.append(el("h1", {}, "Gizmo console"),
    el("p", { class: "muted" }, `Queries go to ${info.gizmo} (read-only). The server returns at most ${info.limit} results and stops a query after ${info.timeout}. Schema and more examples: docs/schema.md.`),
    el("div", { class: "filters" }, el("label", {}, "example", examples), el("label", {}, "limit", limit), run),
    q, status, out);
}

// --- Overview --------------------------------------------------------------

function bars(counts, id) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  return el("div", { class: "bars", id }, counts.map((c) => {
    const b = el("span", { class: "bar" });
    b.style.width = `${(20 * c.count) / max}em`;
    return el("div", {}, el("span", { class: "lbl", title: c.name || c.key }, c.name ? `${c.name} (${c.key})` : c.key), b, el("span", {}, c.count));
  }));
}

async function overviewView(my) {
  const params = new URLSearchParams(location.search);
  const o = await api(`/api/web/overview?${params}`);
  if (my !== gen) return;
  document.title = "dipgraph";
  const s = o.stats;
  main.append(el("h1", {}, "Overview"),
    el("div", { class: "cards", id: "counts" },
      el("div", { class: "card" }, el("b", {}, s.articles), "articles"),
      el("div", { class: "card" }, el("b", {}, s.officials), "officials"),
      el("div", { class: "card" }, el("b", {}, s.meetings), "meetings"),
      el("div", { class: "card" }, el("b", {}, o.held), "held in the selection"),
      el("div", { class: "card" }, el("b", {}, o.planned), "planned in the selection")));
  const from = el("input", { type: "text", name: "from", placeholder: "2025 or 2025-09", value: o.filter.from || "" });
  const to = el("input", { type: "text", name: "to", placeholder: "2026-01-31", value: o.filter.to || "" });
  const country = el("select", { name: "country" }, el("option", { value: "" }, "all"),
    o.countries.map((c) => el("option", { value: c.key, selected: c.key === o.filter.country }, `${c.name || c.key} (${c.key})`)));
  const apply = el("button", { onclick: () => {
    const p = new URLSearchParams();
    if (from.value.trim()) p.set("from", from.value.trim());
    if (to.value.trim()) p.set("to", to.value.trim());
    if (country.value) p.set("country", country.value);
    go(`/?${p}`);
  } }, "Show");
  main.append(el("div", { class: "filters" }, el("label", {}, "from", from), el("label", {}, "to", to), el("label", {}, "country", country), apply));
  main.append(el("div", { class: "grid" },
    el("div", {}, el("h2", {}, "Meetings by year"), bars(o.by_year, "by-year")),
    el("div", {}, el("h2", {}, "Meetings by country (of a participant)"), bars(o.by_country.slice(0, 15), "by-country"))));
  main.append(el("h2", {}, "Most connected officials"), table([
    { key: "name", title: "Official", get: (n) => n.name, cell: (n) => link(`/official/${encodeURIComponent(n.id)}`, n.name) },
    { key: "country", title: "Country", get: (n) => n.country || "" },
    { key: "degree", title: "Counterparts", get: (n) => n.degree, num: true },
    { key: "meetings", title: "Held meetings", get: (n) => n.meetings, num: true },
  ], o.top, { id: "top" }));
  const net = o.network;
  main.append(el("h2", {}, `Who met whom: ${net.nodes.length} officials, ${net.edges.length} pairs`),
    ...(net.note ? [el("p", { class: "note" }, `Showing ${net.note}.`)] : []),
    drawNetwork(net, { id: "overview-net", width: 900, height: 620, label: "met network" }));
}

route();
