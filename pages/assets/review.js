/* trilex extraction review: proposed concepts, lowest confidence first (see trilex.pages.review). */
"use strict";
T.start(function (data, app) {
  var h = T.h;
  var concepts = data.concepts, STATUS = data.statuses, below = data.reviewBelow;
  var KIND_LABEL = { th: "Thai term", en: "English name", zh: "Chinese name", acronym: "acronym", short: "short form" };
  var TYPE_LABEL = { fullForm: "full form", acronym: "acronym", shortForm: "short form" };
  var state = { q: "", doubtful: false, file: "", page: 0, size: 50 };
  var keys = concepts.map(function (c) {
    return "\t" + c[2].map(function (t) { return T.fold(t[2]); }).join("\t") + "\t";
  });

  var search = h("input", { type: "search", id: "search", "aria-label": "search terms", placeholder: "Search the proposed terms" });
  var doubtful = h("input", { type: "checkbox", id: "only-doubtful" });
  var fileSelect = h("select", { id: "filter-file", "aria-label": "article" }, h("option", { value: "" }, "All articles"),
    data.articles.map(function (a) { return h("option", { value: a }, a); }));
  var count = h("span", { class: "muted" });
  var list = h("section", { class: "review", "aria-label": "proposed concepts" });
  T.append(app,
    h("div", { class: "controls", role: "search" }, search,
      h("label", null, doubtful, "only concepts to review (confidence below " + below.toFixed(2) + ")"), fileSelect, count),
    h("p", { class: "legend muted no-print" }, "In each sentence: ", h("mark", { class: "th-term" }, "Thai term"), " (the bar is its left edge, ",
      h("span", { class: "before-edge" }, "the words before it"), " shaded), ", h("mark", { class: "alt" }, "English/Chinese name"), ", ",
      h("mark", { class: "ok" }, "acronym or short form"), "."),
    list);
  search.addEventListener("input", T.debounce(function () { state.q = search.value; state.page = 0; draw(); }, 80));
  doubtful.addEventListener("change", function () { state.doubtful = doubtful.checked; state.page = 0; draw(); });
  fileSelect.addEventListener("change", function () { state.file = fileSelect.value; state.page = 0; draw(); });

  function meter(value) {
    var bar = h("span", { class: "meter-fill" + (value < below ? " low" : "") });
    bar.style.width = Math.round(value * 100) + "%";
    return h("span", { class: "meter", title: "confidence " + value.toFixed(2), role: "img", "aria-label": "confidence " + value.toFixed(2) },
             h("span", { class: "meter-track" }, bar), h("span", { class: "meter-value" }, value.toFixed(2)));
  }

  /* the sentence with the gloss's terms marked and the Thai left edge drawn */
  function sentence(s, thLang) {
    var text = s[2], spans = s[3], edge = s[4], flags = s[5];
    var classes = { th: "th-term", en: "alt", zh: "alt", acronym: "ok", short: "ok" };
    var box = h("span", { class: "text sentence", lang: thLang });
    function plain(piece) { T.append(box, T.runs(piece, null, thLang)); }
    if (flags & 1) box.appendChild(h("span", { class: "elided" }, "\u2026"));
    var at = 0;
    spans.forEach(function (sp) {
      if (sp[0] < at) return;
      if (sp[0] > at) {
        var before = text.slice(at, sp[0]);
        if (sp[0] === edge) {
          /* shade the last words before the Thai term: what the extractor left out */
          var cut = T.clusterCut(before, Math.max(0, before.length - 12));
          if (cut > 0) plain(before.slice(0, cut));
          box.appendChild(h("span", { class: "before-edge", title: "just before the term's left edge" },
                            T.runs(before.slice(cut), null, thLang)));
        } else plain(before);
      }
      var lang = sp[3] && sp[3] !== thLang ? sp[3] : null;
      var piece = text.slice(sp[0], sp[1]);
      box.appendChild(h("mark", { class: classes[sp[2]] || null, title: KIND_LABEL[sp[2]] || sp[2], lang: lang },
                        lang ? T.runs(piece, null, lang) : piece));
      at = sp[1];
    });
    if (at < text.length) plain(text.slice(at));
    if (flags & 2) box.appendChild(h("span", { class: "elided" }, "\u2026"));
    return box;
  }

  function card(c) {
    var confidence = c[1];
    var terms = h("table", { class: "review-terms" },
      h("thead", null, h("tr", null, ["language", "term", "type", "status", "confidence", "why unsure"].map(function (t) { return h("th", { scope: "col" }, t); }))),
      h("tbody", null, c[2].map(function (t) {
        var status = STATUS[t[4]];
        return h("tr", { class: t[5] < below ? "doubtful" : null },
          h("td", { class: "mono muted" }, t[1]),
          h("td", { class: "term-text", lang: t[0] }, t[2]),
          h("td", null, TYPE_LABEL[t[3]] || t[3]),
          h("td", null, status ? h("span", { class: "badge st-" + status }, status) : ""),
          h("td", null, meter(t[5])),
          h("td", { class: "muted" }, t[6] ? T.runs(t[6]) : ""));
      })));
    var thLang = "th";
    var sightings = h("ol", { class: "sightings" }, c[3].map(function (s) {
      return h("li", { class: "sighting" },
        h("div", { class: "sighting-head muted" }, h("span", { class: "mono" }, s[0] + ":" + s[1]), " \u00b7 ", s[8], " \u00b7 ",
          "confidence " + s[6].toFixed(2), s[7] ? [" \u00b7 ", T.runs(s[7])] : null),
        sentence(s, thLang));
    }));
    return h("article", { class: "card proposal" + (confidence < below ? " doubtful" : ""), dataset: { concept: c[0] } },
      h("div", { class: "card-head" }, h("strong", { class: "mono" }, c[0]), meter(confidence),
        confidence < below ? h("span", { class: "badge sev-warning" }, "to review") : h("span", { class: "badge st-preferred" }, "sure")),
      terms, h("h3", null, c[3].length === 1 ? "Glossed once" : "Glossed " + c[3].length + " times"), sightings);
  }

  function shown() {
    var query = T.fold(state.q), out = [];
    for (var i = 0; i < concepts.length; i++) {
      var c = concepts[i];
      if (state.doubtful && c[1] >= below) continue;
      if (state.file && !c[3].some(function (s) { return s[0] === state.file; })) continue;
      if (query && keys[i].indexOf(query) < 0) continue;
      out.push(i);
    }
    return out;
  }
  function draw() {
    var started = performance.now();
    var picked = shown();
    count.textContent = T.number(picked.length) + " of " + T.number(concepts.length) + " concepts";
    T.clear(list);
    var pager = function () { return T.pager(state, picked.length, "concepts", function () { draw(); list.scrollIntoView(); }); };
    list.appendChild(pager());
    var page = picked.slice(state.page * state.size, (state.page + 1) * state.size);
    if (!page.length) list.appendChild(h("p", { class: "empty" }, "No proposed concept matches."));
    page.forEach(function (i) { list.appendChild(card(concepts[i])); });
    if (page.length > 5) list.appendChild(pager());
    T.updated(started);
  }
  draw();
});
