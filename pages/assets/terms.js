/* trilex termbase page: search with the matcher's normalization, paged concepts, links. */
"use strict";
T.start(function (data, app) {
  var h = T.h;
  var ids = data.ids, masks = data.statusMasks, columns = data.columns, STATUS = data.statuses;
  var SEP = "\t";
  /* each concept's search keys, tab-separated, one line per concept (JSON where it had to be) */
  var keys = T.lines("trilex-keys").map(function (line) { return line[0] === '"' ? JSON.parse(line) : line; });
  /* the concepts, one JSON list per line, parsed when shown */
  var concept = T.lazy(T.lines("trilex-concepts"));
  var SHORT = { acronym: "acronym", abbreviation: "abbreviation", shortForm: "short form" };
  var byId = T.index();
  ids.forEach(function (id, i) { if (!(id in byId)) byId[id] = i; });
  T.searchKey = function (i) { return keys[i]; };  /* for the tests: concept i's search string */

  var state = { q: "", status: "", page: 0, size: 50, focus: -1 };
  var matches = [];

  /* ---- search ------------------------------------------------------------------------------ */
  function find() {
    var query = T.fold(state.q), wantStatus = state.status ? STATUS.indexOf(state.status) : -1;
    var exact = [], prefix = [], inside = [], asId = state.q.trim().toLowerCase();
    var whole = SEP + query + SEP, head = SEP + query;
    for (var i = 0; i < keys.length; i++) {
      if (wantStatus >= 0 && !(masks[i] & (1 << wantStatus))) continue;
      if (!query) { exact.push(i); continue; }
      var key = keys[i];
      var at = key.indexOf(query);
      if (at < 0) { if (ids[i].toLowerCase() === asId) exact.push(i); continue; }
      if (key.indexOf(whole) >= 0) exact.push(i);
      else if (key.indexOf(head) >= 0) prefix.push(i);
      else inside.push(i);
    }
    return exact.concat(prefix, inside);
  }

  /* ---- layout ------------------------------------------------------------------------------- */
  var controls = h("div", { class: "controls", role: "search" });
  var search = h("input", { type: "search", id: "search", "aria-label": "search terms",
                            placeholder: "Search any term in any language (ไทย, 中文, English)" });
  var statusSelect = h("select", { id: "filter-status", "aria-label": "status" },
    h("option", { value: "" }, "Any status"),
    STATUS.slice(1).map(function (s) { return h("option", { value: s }, "has a " + s + " term"); }));
  var count = h("span", { class: "result-count muted", "aria-live": "polite" });
  T.append(controls, search, statusSelect, count);
  var head = h("div", { class: "lang-head", "aria-hidden": "true" });
  var list = h("section", { class: "concepts", "aria-label": "concepts" });
  T.append(app, controls, head, list);
  setColumns(head);
  columns.forEach(function (col) { head.appendChild(h("div", { class: "lang-col-head mono" }, col[0])); });

  function setColumns(el) {
    el.style.gridTemplateColumns = "repeat(" + Math.max(1, columns.length) + ", minmax(0, 1fr))";
  }

  search.addEventListener("input", T.debounce(function () {
    state.q = search.value; state.page = 0; state.focus = -1; update();
  }, 60));
  statusSelect.addEventListener("change", function () { state.status = statusSelect.value; state.page = 0; state.focus = -1; update(); });

  /* ---- one concept ------------------------------------------------------------------------- */
  function conceptHref(id) { return "#concept=" + encodeURIComponent(id); }

  function xref(ref) {
    var target = ref[0], label = ref[1] || ref[0];
    var index = target in byId ? byId[target] : T.has(data.termIds, target) ? data.termIds[target] : -1;
    if (index < 0) return h("span", { class: "xref-missing", title: "not in this termbase" }, T.runs(label), " (", target, ")");
    return h("a", { class: "xref", href: conceptHref(ids[index]), title: "concept " + ids[index] }, T.runs(label));
  }
  function external(ref) {
    var href = T.safeHref(ref[0]);
    var label = ref[1] || ref[0];
    return href === null || !/^(https?|mailto):/i.test(href)
      ? h("span", { class: "external" }, label)
      : h("a", { class: "external", href: href, rel: "noopener noreferrer", target: "_blank" }, T.runs(label));
  }
  function sourced(pairs, cls, lang) {
    return pairs.map(function (p) {
      return h("p", { class: cls }, h("span", { lang: lang || null }, T.runs(p[0])),
               p[1] ? h("span", { class: "source muted" }, " \u2014 ", T.runs(p[1])) : null);
    });
  }
  function fullFormOf(terms) {
    var best = null;
    terms.forEach(function (t) {
      var type = t[2] && t[2].t;
      if (type && SHORT[type]) return;
      if (!best || (t[1] === 1 && best[1] !== 1)) best = t;
    });
    return best;
  }
  function termView(t, full, lang) {
    var x = t[2] || {}, status = STATUS[t[1]];
    var type = x.t;
    return h("li", { class: "term" + (status ? " term-" + status : "") },
      h("span", { class: "term-text" + (status ? " st-" + status + "-term" : ""), lang: lang }, t[0]),
      " ",
      status ? h("span", { class: "badge st-" + status, title: "administrative status" }, status)
             : x.w ? h("span", { class: "badge", title: "status as written in the file" }, x.w) : null,
      type ? h("span", { class: "kind" }, SHORT[type] || type) : null,
      type && SHORT[type] && full ? h("span", { class: "full-form muted" }, " of ", h("span", { lang: lang }, full[0])) : null,
      x.p ? h("span", { class: "pos muted" }, " " + x.p) : null,
      x.g ? h("span", { class: "usage muted" }, " (" + x.g + ")") : null,
      x.c ? h("div", { class: "contexts" }, sourced(x.c, "context", lang)) : null,
      x.n ? x.n.map(function (n) { return h("p", { class: "note muted" }, T.runs(n)); }) : null,
      x.s ? h("p", { class: "source muted" }, "source: ", x.s.map(function (s, i) { return [i ? "; " : "", T.runs(s)]; })) : null,
      x.x ? h("p", { class: "xrefs" }, "see ", x.x.map(function (r, i) { return [i ? ", " : "", xref(r)]; })) : null,
      x.e ? h("p", { class: "xrefs" }, x.e.map(function (r, i) { return [i ? ", " : "", external(r)]; })) : null);
  }
  function conceptView(index) {
    var c = concept(index), x = c[2] || {};
    var cells = columns.map(function (col) { return h("div", { class: "lang-cell" }, h("div", { class: "lang-label mono" }, col[0])); });
    c[1].forEach(function (section) {
      var lang = columns[section[0]][1], terms = section[1], sx = section[2] || {};
      var full = fullFormOf(terms);
      T.append(cells[section[0]],
        h("ul", { class: "terms" }, terms.map(function (t) { return termView(t, full, lang); })),
        sx.d ? sourced(sx.d, "definition", lang) : null,
        sx.n ? sx.n.map(function (n) { return h("p", { class: "note muted", lang: lang }, n); }) : null,
        sx.e ? h("p", { class: "xrefs" }, sx.e.map(function (r, i) { return [i ? ", " : "", external(r)]; })) : null);
    });
    var grid = h("div", { class: "lang-grid" }, cells);
    setColumns(grid);
    var id = c[0];
    return h("article", { class: "card concept", id: "concept-" + id, dataset: { concept: id } },
      h("div", { class: "card-head" },
        h("a", { class: "concept-id mono", href: conceptHref(id), title: "link to this concept" }, id),
        x.f ? h("span", { class: "subject muted" }, T.runs(x.f)) : null),
      grid,
      x.d ? sourced(x.d, "definition") : null,
      x.n ? x.n.map(function (n) { return h("p", { class: "note muted" }, T.runs(n)); }) : null,
      x.s ? h("p", { class: "source muted" }, "source: ", x.s.map(function (s, i) { return [i ? "; " : "", T.runs(s)]; })) : null,
      x.x ? h("p", { class: "xrefs" }, "see ", x.x.map(function (r, i) { return [i ? ", " : "", xref(r)]; })) : null,
      x.e ? h("p", { class: "xrefs" }, x.e.map(function (r, i) { return [i ? ", " : "", external(r)]; })) : null);
  }

  /* ---- drawing -------------------------------------------------------------------------------- */
  function draw() {
    T.clear(list);
    if (state.focus >= 0) {
      T.append(list, h("p", { class: "focus-note" }, h("button", { type: "button", class: "link", id: "show-all", onclick: function () {
        var started = performance.now(); state.focus = -1; T.writeHash({ q: state.q }); draw(); T.updated(started);
      } }, "\u2190 all concepts")), conceptView(state.focus));
      count.textContent = "concept " + ids[state.focus];
      return;
    }
    var total = matches.length;
    count.textContent = state.q || state.status ? T.number(total) + " of " + T.number(ids.length) + " concepts"
                                                : T.number(ids.length) + " concepts";
    var pager = function () { return T.pager(state, total, "concepts", function () {
      var started = performance.now(); draw(); list.scrollIntoView(); T.updated(started);
    }); };
    list.appendChild(pager());
    var start = state.page * state.size;
    var shown = matches.slice(start, start + state.size);
    if (!shown.length) list.appendChild(h("p", { class: "empty" }, "No concept has a term like this."));
    shown.forEach(function (i) { list.appendChild(conceptView(i)); });
    if (shown.length > 5) list.appendChild(pager());
  }
  function update() {
    var started = performance.now();
    matches = find();
    T.writeHash({ q: state.q, status: state.status });
    draw();
    T.updated(started);
  }
  function fromHash() {
    var p = T.readHash();
    if (p.concept !== undefined && p.concept in byId) {
      var started = performance.now();
      state.focus = byId[p.concept];
      draw();
      T.updated(started);
      window.scrollTo(0, 0);
      return true;
    }
    return false;
  }
  window.addEventListener("hashchange", function () { fromHash(); });

  var start = T.readHash();
  if (start.q) { state.q = start.q; search.value = start.q; }
  if (start.status && STATUS.indexOf(start.status) > 0) { state.status = start.status; statusSelect.value = start.status; }
  matches = find();
  if (!fromHash()) draw();
});
