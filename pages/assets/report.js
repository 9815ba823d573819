/* trilex check report: summary charts, filters, search, paged findings (see trilex.pages.report). */
"use strict";
T.start(function (data, app) {
  var h = T.h;
  var F = {};
  data.fields.forEach(function (name, i) { F[name] = i; });
  var rows = data.findings, strings = data.strings, SEV = data.severities;
  var TABS = ["New", "Baseline", "Suppressed"];
  var TAB_KEYS = ["new", "baseline", "suppressed"];
  var TAB_HELP = ["findings that count for --fail-on",
                  "findings the baseline file already knows: they do not fail the run",
                  "findings suppressed by a trilex: ignore comment in the file"];
  var checkIndex = T.index(), fileIndex = T.index(), conceptIndex = T.index();
  data.checks.forEach(function (c, i) { checkIndex[c[0]] = i; });
  data.files.forEach(function (f, i) { fileIndex[f] = i; });
  data.concepts.forEach(function (c, i) { conceptIndex[c[0]] = i; });

  function str(i) { return i < 0 ? null : strings[i]; }
  var folded = new Array(strings.length);
  function foldedString(i) {
    if (i < 0) return "";
    var value = folded[i];
    if (value === undefined) value = folded[i] = T.fold(strings[i]);
    return value;
  }
  var foldedFiles = data.files.map(T.fold);
  var foldedChecks = data.checks.map(function (c) { return T.fold(c[0]); });
  var foldedConcepts = data.concepts.map(function (c) { return T.fold(c[0]); });

  var state = { tab: 0, sev: [true, true, true], check: -1, file: -1, concept: -1, q: "", page: 0, size: 100 };
  (function readHash() {
    var p = T.readHash();
    if (p.tab && TAB_KEYS.indexOf(p.tab) >= 0) state.tab = TAB_KEYS.indexOf(p.tab);
    if (p.sev) state.sev = SEV.map(function (s) { return p.sev.split(",").indexOf(s) >= 0; });
    if (p.check && p.check in checkIndex) state.check = checkIndex[p.check];
    if (p.file && p.file in fileIndex) state.file = fileIndex[p.file];
    if (p.concept && p.concept in conceptIndex) state.concept = conceptIndex[p.concept];
    if (p.q) state.q = p.q;
    if (p.page) state.page = Math.max(0, (parseInt(p.page, 10) || 1) - 1);
  })();
  function saveHash() {
    T.writeHash({
      tab: state.tab ? TAB_KEYS[state.tab] : "",
      sev: state.sev.every(Boolean) ? "" : SEV.filter(function (s, i) { return state.sev[i]; }).join(",") || "none",
      check: state.check >= 0 ? data.checks[state.check][0] : "",
      file: state.file >= 0 ? data.files[state.file] : "",
      concept: state.concept >= 0 ? data.concepts[state.concept][0] : "",
      q: state.q, page: state.page ? state.page + 1 : ""
    });
  }

  var tabCounts = [0, 0, 0];
  rows.forEach(function (r) { tabCounts[r[F.state]]++; });

  function zhOf(r) {
    var s = data.langs[r[F.source_lang]], t = data.langs[r[F.target_lang]];
    return t.indexOf("zh") === 0 ? t : s.indexOf("zh") === 0 ? s : "zh-Hans";
  }

  /* ---- filtering ---------------------------------------------------------------------- */
  function matches(r, query, skip) {
    if (r[F.state] !== state.tab) return false;
    if (skip !== "sev" && !state.sev[r[F.severity]]) return false;
    if (skip !== "check" && state.check >= 0 && r[F.check] !== state.check) return false;
    if (skip !== "file" && state.file >= 0 && r[F.file] !== state.file) return false;
    if (skip !== "concept" && state.concept >= 0 && r[F.concept] !== state.concept) return false;
    if (query) {
      if (foldedString(r[F.message]).indexOf(query) < 0 && foldedString(r[F.source]).indexOf(query) < 0 &&
          foldedString(r[F.target]).indexOf(query) < 0 && foldedString(r[F.suggestion]).indexOf(query) < 0 &&
          foldedString(r[F.unit]).indexOf(query) < 0 && foldedChecks[r[F.check]].indexOf(query) < 0 &&
          foldedFiles[r[F.file]].indexOf(query) < 0 &&
          (r[F.concept] < 0 || foldedConcepts[r[F.concept]] !== query)) return false;
    }
    return true;
  }
  function visibleRows() {
    var query = T.fold(state.q), out = [];
    for (var i = 0; i < rows.length; i++) if (matches(rows[i], query)) out.push(i);
    return out;
  }
  /* counts of `field` over the rows the other filters let through */
  function countsBy(field, skip, size) {
    var counts = new Array(size).fill(0), query = T.fold(state.q);
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (matches(r, query, skip) && r[field] >= 0) counts[r[field]]++;
    }
    return counts;
  }

  /* ---- layout -------------------------------------------------------------------------- */
  var summary = h("section", { class: "summary", "aria-label": "summary" });
  var controls = h("div", { class: "controls", role: "search" });
  var conceptCard = h("div", { class: "concept-slot" });
  var list = h("section", { class: "findings", "aria-label": "findings" });
  T.append(app, summary, controls, conceptCard, list);

  var search = h("input", { type: "search", id: "search", placeholder: "Search messages, source and target text, units, files",
                            "aria-label": "search findings", value: state.q });
  search.addEventListener("input", T.debounce(function () { state.q = search.value; state.page = 0; refresh(); }, 120));
  var tabButtons = TABS.map(function (name, i) {
    return h("button", { type: "button", class: "tab tab-" + TAB_KEYS[i], "aria-pressed": String(i === state.tab),
                         title: TAB_HELP[i], onclick: function () { state.tab = i; state.page = 0; state.concept = -1; refresh(); } },
             name + " (" + T.number(tabCounts[i]) + ")");
  });
  var sevBoxes = SEV.map(function (s, i) {
    var box = h("input", { type: "checkbox", class: "sev-filter", value: s });
    box.checked = state.sev[i];
    box.addEventListener("change", function () { state.sev[i] = box.checked; state.page = 0; refresh(); });
    return box;
  });
  var sevLabels = SEV.map(function (s, i) { return h("label", { class: "badge sev-" + s }, sevBoxes[i], h("span", { class: "sev-count" })); });
  function select(id, label, onchange) {
    var el = h("select", { id: id, "aria-label": label });
    el.addEventListener("change", function () { onchange(parseInt(el.value, 10)); state.page = 0; refresh(); });
    return el;
  }
  var checkSelect = select("filter-check", "check", function (v) { state.check = v; });
  var fileSelect = select("filter-file", "file", function (v) { state.file = v; });
  var conceptSelect = select("filter-concept", "concept", function (v) { state.concept = v; });
  var sizeSelect = h("select", { id: "page-size", "aria-label": "findings per page" },
    [50, 100, 250, 1000].map(function (n) { return h("option", { value: n, selected: n === state.size }, n + " per page"); }));
  sizeSelect.addEventListener("change", function () { state.size = parseInt(sizeSelect.value, 10); state.page = 0; refresh(); });
  var clear = h("button", { type: "button", id: "clear-filters", onclick: function () {
    state.sev = [true, true, true]; state.check = state.file = state.concept = -1; state.q = ""; search.value = "";
    sevBoxes.forEach(function (b) { b.checked = true; }); state.page = 0; refresh();
  } }, "Clear filters");
  T.append(controls, h("div", { class: "tabs", role: "group", "aria-label": "which findings" }, tabButtons),
           search, h("span", { class: "sev-filters", role: "group", "aria-label": "severity" }, sevLabels),
           checkSelect, fileSelect, conceptSelect, sizeSelect, clear);

  function fillSelect(el, allLabel, names, counts, chosen, langs) {
    T.clear(el);
    el.appendChild(h("option", { value: -1 }, allLabel));
    var order = names.map(function (n, i) { return i; }).filter(function (i) { return counts[i] > 0 || i === chosen; });
    order.sort(function (a, b) { return counts[b] - counts[a] || (names[a] < names[b] ? -1 : 1); });
    order.forEach(function (i) {
      el.appendChild(h("option", { value: i, selected: i === chosen, lang: langs ? langs[i] : null }, names[i] + " (" + T.number(counts[i]) + ")"));
    });
    el.value = String(chosen);
  }

  /* "c12 · term" (its first preferred term) and the language of that term */
  function conceptLabel(c) {
    var first = null, lang = null;
    c[3].forEach(function (section) {
      section[2].forEach(function (t) { if (!first || (t[1] === 1 && first[1] !== 1)) { first = t; lang = section[0]; } });
    });
    return first ? [c[0] + " \u00b7 " + first[0], lang] : [c[0], null];
  }
  var conceptNames = data.concepts.map(function (c) { return conceptLabel(c)[0]; });
  var conceptLangs = data.concepts.map(function (c) { return conceptLabel(c)[1]; });

  function conceptHref(id) {
    return data.termsPage ? data.termsPage + "#concept=" + encodeURIComponent(id) : null;
  }

  function drawConceptCard() {
    T.clear(conceptCard);
    if (state.concept < 0) return;
    var c = data.concepts[state.concept];
    var href = conceptHref(c[0]);
    var sections = c[3].map(function (section) {
      return h("div", { class: "concept-lang" },
        h("div", { class: "lang-label mono" }, section[1]),
        section[2].map(function (t) {
          var status = data.statuses[t[1]];
          return h("div", { class: "concept-term" },
            h("span", { lang: section[0], class: status ? "st-" + status + "-term" : null }, t[0]), " ",
            status ? h("span", { class: "badge st-" + status }, status) : null, " ",
            t[2] && t[2] !== "fullForm" ? h("span", { class: "kind" }, t[2]) : null);
        }));
    });
    T.append(conceptCard, h("aside", { class: "card concept-card", id: "concept-card", "aria-label": "concept" },
      h("div", { class: "card-head" }, h("strong", null, "Concept ", h("span", { class: "mono" }, c[0])),
        c[1] ? h("span", { class: "muted" }, c[1]) : null,
        href ? h("a", { href: href, class: "terms-link" }, "open in the termbase page") : null,
        h("button", { type: "button", class: "link", onclick: function () { state.concept = -1; state.page = 0; refresh(); } }, "show all concepts")),
      c[2] ? h("p", { class: "definition" }, T.runs(c[2])) : null,
      sections.length ? h("div", { class: "concept-langs" }, sections)
                      : h("p", { class: "muted" }, "This concept is not in the termbase the report was made with.")));
  }

  /* ---- summary ------------------------------------------------------------------------- */
  function chart(title, names, counts, limit, onPick, classes) {
    var order = names.map(function (n, i) { return i; }).filter(function (i) { return counts[i] > 0; });
    order.sort(function (a, b) { return counts[b] - counts[a]; });
    var max = Math.max.apply(null, [1].concat(order.map(function (i) { return counts[i]; })));
    var shown = order.slice(0, limit);
    var grid = h("div", { class: "chart" });
    shown.forEach(function (i) {
      var bar = h("div", { class: "bar" + (classes ? " " + classes[i] : "") });
      bar.style.width = (100 * counts[i] / max).toFixed(1) + "%";
      T.append(grid,
        h("button", { type: "button", class: "bar-label link", title: names[i], onclick: function () { onPick(i); } }, names[i]),
        h("div", { class: "bar-track" }, bar),
        h("span", { class: "bar-count" }, T.number(counts[i])));
    });
    return h("div", { class: "chart-box" }, h("h3", null, title),
      order.length ? grid : h("p", { class: "muted" }, "none"),
      order.length > limit ? h("p", { class: "muted" }, (order.length - limit) + " more (see the filter above the list)") : null);
  }
  function drawSummary() {
    T.clear(summary);
    var bySev = [0, 0, 0], byCheck = new Array(data.checks.length).fill(0), byFile = new Array(data.files.length).fill(0);
    var fails = 0;
    rows.forEach(function (r) {
      if (r[F.state] !== state.tab) return;
      bySev[r[F.severity]]++; byCheck[r[F.check]]++; byFile[r[F.file]]++;
      if (r[F.flags] & 2) fails++;
    });
    var total = bySev[0] + bySev[1] + bySev[2];
    var totals = h("div", { class: "totals" },
      h("div", { class: "total" }, h("span", { class: "total-n" }, T.number(total)), " ", TABS[state.tab].toLowerCase() + " finding" + (total === 1 ? "" : "s")),
      [2, 1, 0].map(function (i) {
        return h("button", { type: "button", class: "total badge sev-" + SEV[i], onclick: function () {
          state.sev = [i === 0, i === 1, i === 2]; sevBoxes.forEach(function (b, j) { b.checked = state.sev[j]; }); state.page = 0; refresh();
        } }, T.number(bySev[i]) + " " + SEV[i]);
      }),
      state.tab === 0 ? h("div", { class: "total muted" }, T.number(fails) + " at or above --fail-on " + data.failOn) : null,
      h("div", { class: "total muted" }, T.number(data.checkedFiles) + " file(s), " + T.number(data.segments) + " segments checked" +
        (data.staleBaseline ? ", " + T.number(data.staleBaseline) + " stale baseline entr" + (data.staleBaseline === 1 ? "y" : "ies") : "")));
    var checkNames = data.checks.map(function (c) { return c[0]; });
    T.append(summary, totals, h("div", { class: "charts" },
      chart("By check", checkNames, byCheck, 12, function (i) { state.check = i; state.page = 0; refresh(); }),
      chart("By file", data.files, byFile, 8, function (i) { state.file = i; state.page = 0; refresh(); }),
      chart("By severity", SEV.slice().reverse(), bySev.slice().reverse(), 3, function (i) {
        var sev = 2 - i; state.sev = [sev === 0, sev === 1, sev === 2];
        sevBoxes.forEach(function (b, j) { b.checked = state.sev[j]; }); state.page = 0; refresh();
      }, ["sev-error", "sev-warning", "sev-info"])));
  }

  /* ---- one finding ---------------------------------------------------------------------- */
  function side(label, text, lang, span, cls) {
    var spans = span ? [[span[0], span[1], cls || null]] : [];
    return h("div", { class: "side side-" + label },
      h("div", { class: "side-label" }, label, " ", h("span", { class: "mono muted" }, lang)),
      T.marked(text, spans, lang));
  }
  function findingCard(index) {
    var r = rows[index];
    var sev = SEV[r[F.severity]], check = data.checks[r[F.check]][0];
    var file = data.files[r[F.file]];
    var where = file + (r[F.line] ? ":" + r[F.line] + (r[F.column] ? ":" + r[F.column] : "") : "");
    var unit = str(r[F.unit]);
    var srcLang = data.langs[r[F.source_lang]], tgtLang = data.langs[r[F.target_lang]], zh = zhOf(r);
    var source = str(r[F.source]) || "", target = str(r[F.target]) || "";
    var concept = r[F.concept] >= 0 ? data.concepts[r[F.concept]] : null;
    var head = h("div", { class: "card-head" },
      h("span", { class: "badge sev-" + sev }, sev),
      h("button", { type: "button", class: "check link mono", title: data.checks[r[F.check]][2] || "show only " + check,
                    onclick: function () { state.check = r[F.check]; state.page = 0; refresh(); } }, check),
      h("span", { class: "where mono" }, where),
      unit ? h("span", { class: "unit mono", title: "unit id" }, "#", T.runs(unit, zh)) : null,
      concept ? h("a", { class: "concept-link", href: "#concept=" + encodeURIComponent(concept[0]), title: "the concept of this finding",
                         onclick: function (event) { event.preventDefault(); state.concept = r[F.concept]; state.page = 0; refresh(); window.scrollTo(0, 0); } },
                  T.runs(conceptNames[r[F.concept]], zh)) : null,
      concept && data.termsPage ? h("a", { class: "terms-link", href: conceptHref(concept[0]) }, "termbase \u2197") : null,
      r[F.flags] & 1 ? h("span", { class: "kind", title: "the file marks this unit unfinished (fuzzy, needs review)" }, "unfinished") : null,
      r[F.flags] & 2 ? h("span", { class: "kind fails" }, "fails the run") : null);
    var pair = source
      ? h("div", { class: "pair" }, side("source", source, srcLang, r[F.source_span]), side("target", target, tgtLang, r[F.target_span]))
      : h("div", { class: "pair single" }, side("text", target, tgtLang, r[F.target_span]));
    var fix = r[F.fix], advice = null;
    if (fix) {
      advice = h("p", { class: "fix" }, h("span", { class: "advice-label" }, "Fix: "), "replace ",
        h("del", { lang: tgtLang }, str(fix[3]) || ""), " with ", h("ins", { lang: tgtLang }, str(fix[2]) || ""));
    } else if (r[F.suggestion] >= 0) {
      advice = h("p", { class: "suggestion" }, h("span", { class: "advice-label" }, "Suggestion: "),
        h("span", { lang: tgtLang, class: "text" }, str(r[F.suggestion])));
    }
    var related = r[F.related] ? h("p", { class: "related muted" }, "Also at: ",
      r[F.related].map(function (l, i) { return (i ? ", " : "") + data.files[l[0]] + (l[1] ? ":" + l[1] : ""); })) : null;
    return h("article", { class: "card finding sev-border-" + sev, dataset: { index: index } }, head,
      h("p", { class: "message", lang: "en" }, T.runs(str(r[F.message]) || "", zh)), pair, advice, related);
  }

  /* ---- drawing ---------------------------------------------------------------------------- */
  var visible = [];
  function draw() {
    T.clear(list);
    var pager = function () { return T.pager(state, visible.length, "findings", function () {
      var started = performance.now(); draw(); saveHash(); list.scrollIntoView(); T.updated(started);
    }); };
    list.appendChild(pager());
    var start = state.page * state.size;
    var page = visible.slice(start, start + state.size);
    if (!page.length) list.appendChild(h("p", { class: "empty" }, tabCounts[state.tab] ? "No finding matches these filters." : "Nothing here."));
    var box = h("div", { class: "finding-list" });
    page.forEach(function (i) { box.appendChild(findingCard(i)); });
    list.appendChild(box);
    if (page.length > 10) list.appendChild(pager());
  }
  function refresh() {
    var started = performance.now();
    tabButtons.forEach(function (b, i) { b.setAttribute("aria-pressed", String(i === state.tab)); });
    var sevCounts = countsBy(F.severity, "sev", 3);
    sevLabels.forEach(function (label, i) { label.lastChild.textContent = " " + SEV[i] + " " + T.number(sevCounts[i]); });
    fillSelect(checkSelect, "All checks", data.checks.map(function (c) { return c[0]; }), countsBy(F.check, "check", data.checks.length), state.check);
    fillSelect(fileSelect, "All files", data.files, countsBy(F.file, "file", data.files.length), state.file);
    fillSelect(conceptSelect, "All concepts", conceptNames, countsBy(F.concept, "concept", data.concepts.length), state.concept, conceptLangs);
    visible = visibleRows();
    drawSummary();
    drawConceptCard();
    draw();
    saveHash();
    T.updated(started);
  }
  refresh();
});
