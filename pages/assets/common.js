/* trilex pages: what every page shares.
 *
 * T.data()        the page's data (JSON in <script type="application/json" id="trilex-data">)
 * T.h(tag, props, ...children)
 *                 builds an element; strings become text nodes (never HTML), "href" is checked
 * T.fold(text)    the search key of a text: trilex.lang.normalize.match_key ported (NFKC and
 *                 full-width forms, dash family, spaces and zero-width characters, Thai character
 *                 order, case, spaces between scripts)
 * T.marked(text, spans, lang)
 *                 text with [start, end, class] spans wrapped in <mark>
 * T.runs(text, zhLang)
 *                 text with its Thai and Chinese runs in <span lang=…> (English UI text that
 *                 quotes Thai and Chinese terms)
 * T.pager(...)    page controls for long lists
 * T.ready()       marks the page interactive (data-ready on <html>, for tests and benchmarks)
 * T.updated(t0)   marks a redraw done (data-updates on <html>), started at performance.now() t0
 */
"use strict";
var T = (function () {
  var T = {};

  T.data = function () {
    return JSON.parse(document.getElementById("trilex-data").textContent);
  };

  /* The lines of a <script type="text/plain" id=...> block (one JSON value each, parsed when
     needed: T.lazy(lines)(i)). */
  T.lines = function (id) {
    var text = document.getElementById(id).textContent;
    return text ? text.split("\n") : [];
  };
  T.lazy = function (lines) {
    var parsed = new Array(lines.length);
    return function (i) {
      var value = parsed[i];
      if (value === undefined) value = parsed[i] = JSON.parse(lines[i]);
      return value;
    };
  };

  var SAFE_SCHEMES = { "http:": 1, "https:": 1, "mailto:": 1 };

  /* A URL from user data that is safe to follow: http(s), mailto, or relative (no scheme). */
  T.safeHref = function (url) {
    url = String(url).trim();
    var scheme = /^([a-zA-Z][a-zA-Z0-9+.\-]*):/.exec(url.replace(/[\u0000-\u0020]/g, ""));
    if (!scheme) return url;
    return SAFE_SCHEMES[scheme[1].toLowerCase() + ":"] ? url : null;
  };

  function append(el, children) {
    for (var i = 0; i < children.length; i++) {
      var child = children[i];
      if (child == null || child === false) continue;
      if (Array.isArray(child)) append(el, child);
      else if (typeof child === "object") el.appendChild(child);
      else el.appendChild(document.createTextNode(String(child)));
    }
  }
  T.append = function (el) { append(el, Array.prototype.slice.call(arguments, 1)); return el; };

  T.h = function (tag, props) {
    var el = document.createElement(tag);
    if (props) {
      for (var key in props) {
        var value = props[key];
        if (value == null || value === false) continue;
        if (key === "class") el.className = value;
        else if (key === "text") el.textContent = value;
        else if (key === "href") {
          var safe = T.safeHref(value);
          if (safe !== null) el.setAttribute("href", safe);
        } else if (key.slice(0, 2) === "on") el.addEventListener(key.slice(2), value);
        else if (key === "dataset") { for (var d in value) el.dataset[d] = value[d]; }
        else el.setAttribute(key, value === true ? "" : String(value));
      }
    }
    append(el, Array.prototype.slice.call(arguments, 2));
    return el;
  };

  /* Own keys only: ids from user data may be "constructor" or "__proto__". */
  T.has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
  T.index = function () { return Object.create(null); };

  T.clear = function (el) { while (el.firstChild) el.removeChild(el.firstChild); return el; };

  T.number = function (n) { return Number(n).toLocaleString("en-US"); };

  /* ---- search normalization: trilex.lang.normalize.match_key in JavaScript ---------------- */

  var DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g;
  var SPACES = /[\t\n\u000b\u000c\r\u001c-\u001f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
  var ZW = "\u200b\u200c\u200d\u2060\ufeff\u00ad";
  var SPACE_RUN = new RegExp("[ " + ZW + "]{2,}|[" + ZW + "]", "g");
  var CONTROLS = /[\u0000-\u0008\u000e-\u001b\u007f]/g;
  var NIKHAHIT = "\u0e4d", SARA_AA = "\u0e32", SARA_AM = "\u0e33", SARA_E = "\u0e40", SARA_AE = "\u0e41";
  var VOWEL_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47";
  var TOP_MARKS = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e";
  var MARKS = VOWEL_MARKS + TOP_MARKS;
  var FOLLOW = "\u0e30\u0e32\u0e33\u0e45";
  var M = "[" + MARKS + "]", FV = "[" + FOLLOW + "]";
  var THAI_UNIT = new RegExp(SARA_E + SARA_E + "|" + M + "+(?:" + FV + M + "*)?|" + FV + M + "+", "g");
  var AM_SPLIT = new RegExp(NIKHAHIT + SARA_AA, "g");
  var SPACED_WORD = /[\p{L}\p{N}]/u;

  /* Text that is already normal (the usual case): only printable ASCII, Thai and CJK, none of
     the Thai sequences the rules reorder, no double space (normalize.py's fast path). */
  var PLAIN_ONLY = /^[\u0020-\u007e\u0e01-\u0e3a\u0e3f-\u0e4c\u0e4e-\u0e5b\u4e00-\u9fff\u3001\u3002\u3008-\u3011\u3014-\u301b]*$/;
  var THAI_TROUBLE = [new RegExp("[" + TOP_MARKS + FOLLOW + "]" + M), new RegExp("[" + VOWEL_MARKS + "][" + VOWEL_MARKS + "]")];
  function alreadyNormal(text) {
    return PLAIN_ONLY.test(text) && text.indexOf("  ") < 0 && text.indexOf(SARA_E + SARA_E) < 0 &&
      !THAI_TROUBLE[0].test(text) && !THAI_TROUBLE[1].test(text);
  }

  function oneToOne(text) { return text.replace(DASHES, "-").replace(SPACES, " "); }

  function thaiUnit(unit) {
    if (unit === SARA_E + SARA_E) return SARA_AE;
    var marks = [], follow = "";
    for (var i = 0; i < unit.length; i++) {
      var ch = unit[i];
      if (MARKS.indexOf(ch) >= 0) marks.push(ch);
      else if (FOLLOW.indexOf(ch) >= 0) follow += ch;
    }
    if (marks.indexOf(NIKHAHIT) >= 0 && (follow === SARA_AA || follow === SARA_AM)) {
      marks = marks.filter(function (ch) { return ch !== NIKHAHIT; });
      follow = SARA_AM;
    }
    var vowels = marks.filter(function (ch) { return TOP_MARKS.indexOf(ch) < 0; });
    var tops = marks.filter(function (ch) { return TOP_MARKS.indexOf(ch) >= 0; });
    var ordered = vowels.concat(tops).join("").normalize("NFC");
    var out = "";
    for (var j = 0; j < ordered.length; j++) if (j === 0 || ordered[j - 1] !== ordered[j]) out += ordered[j];
    return out + follow;
  }

  function spaceRun(run) { return run.indexOf(" ") >= 0 ? " " : ""; }

  /* trilex.lang.normalize.normalize(text).text */
  T.normalize = function (text) {
    text = String(text);
    if (alreadyNormal(text)) return text;
    var current = oneToOne(text);
    for (var round = 0; round < 8; round++) {
      var before = current;
      current = oneToOne(current.normalize("NFKC").replace(AM_SPLIT, SARA_AM));
      current = current.replace(THAI_UNIT, thaiUnit);
      current = current.replace(SPACE_RUN, spaceRun);
      if (current === before) break;
    }
    return current;
  };

  function spacedWord(ch) {
    return ch !== undefined && ch < "\u2e80" && !(ch >= "\u0e00" && ch <= "\u0e7f") && SPACED_WORD.test(ch);
  }

  /* A space is kept only between two letters or digits of spaced scripts (Latin, digits…). */
  var ASCII = /^[\u0020-\u007e]*$/, ASCII_LOOSE = / (?![A-Za-z0-9])|(?<![A-Za-z0-9]) /g;
  T.dropLooseSpaces = function (text) {
    if (text.indexOf(" ") < 0) return text;
    if (ASCII.test(text)) return text.replace(ASCII_LOOSE, "");
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (ch === " " && !(spacedWord(text[i - 1]) && spacedWord(text[i + 1]))) continue;
      out += ch;
    }
    return out;
  };

  /* trilex.lang.normalize.match_key: the key terms are searched by. */
  T.fold = function (text) {
    // str.casefold: lower case, and the letters whose folded form is not their lower case
    var folded = T.normalize(String(text).replace(CONTROLS, "")).toLowerCase()
      .replace(/[\u00df\u1e9e]/g, "ss").replace(/\u03c2/g, "\u03c3");
    return T.dropLooseSpaces(folded.trim());
  };

  /* ---- text with marked spans, and lang on script runs ------------------------------------ */

  var RUNS = /([\u0e00-\u0e7f]+)|([\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud8bf][\udc00-\udfff])+/g;

  /* text as nodes, with its Thai runs in <span lang="th"> and Han runs in <span lang=zhLang>;
     inside an element of language inLang, runs of that language's own script stay plain text. */
  T.runs = function (text, zhLang, inLang) {
    var nodes = [], last = 0, match;
    var keepThai = /^th/.test(inLang || ""), keepHan = /^zh/.test(inLang || "");
    RUNS.lastIndex = 0;
    while ((match = RUNS.exec(text)) !== null) {
      if (match[1] ? keepThai : keepHan) continue;
      if (match.index > last) nodes.push(text.slice(last, match.index));
      nodes.push(T.h("span", { lang: match[1] ? "th" : (zhLang || "zh-Hans") }, match[0]));
      last = RUNS.lastIndex;
    }
    if (last < text.length) nodes.push(text.slice(last));
    return nodes;
  };

  var MARK = /\p{M}/u;
  /* Move a cut off combining marks so a Thai vowel or tone mark stays with its letter. */
  T.clusterCut = function (text, index) {
    while (index < text.length && index > 0 && (MARK.test(text[index]) ||
           (text.charCodeAt(index) >= 0xdc00 && text.charCodeAt(index) <= 0xdfff))) index++;
    return index;
  };

  /* text with spans = [[start, end, cls], ...] (UTF-16 offsets, sorted, not overlapping) in
     <mark class=cls>; texts longer than `limit` are cut around the first span. */
  T.marked = function (text, spans, lang, limit) {
    var box = T.h("span", { class: "text", lang: lang || null });
    spans = (spans || []).filter(function (s) { return s && s[0] >= 0 && s[1] <= text.length && s[0] <= s[1]; });
    var from = 0, to = text.length;
    limit = limit || 1200;
    if (text.length > limit) {
      var centre = spans.length ? spans[0][0] : 0;
      from = T.clusterCut(text, Math.max(0, centre - limit / 2));
      to = T.clusterCut(text, Math.min(text.length, from + limit));
      spans = spans.filter(function (s) { return s[0] >= from && s[1] <= to; });
    }
    if (from > 0) box.appendChild(T.h("span", { class: "elided", title: "text cut here" }, "…"));
    var at = from, zh = /^zh/.test(lang || "") ? lang : null;
    function plain(piece) { T.append(box, T.runs(piece, zh, lang)); }
    spans.forEach(function (s) {
      if (s[0] < at) return;
      if (s[0] > at) plain(text.slice(at, s[0]));
      var piece = text.slice(s[0], s[1]);
      box.appendChild(T.h("mark", { class: s[2] || null, title: s[3] || null },
                          piece === "" ? "\u2038" : T.runs(visibleSpaces(piece), zh, lang)));
      at = s[1];
    });
    if (at < to) plain(text.slice(at, to));
    if (to < text.length) box.appendChild(T.h("span", { class: "elided", title: "text cut here" }, "…"));
    return box;
  };

  /* A marked span of white space must show. */
  function visibleSpaces(piece) {
    if (/\S/.test(piece)) return piece;
    return piece.replace(/ /g, "\u2423").replace(/\t/g, "\u2192").replace(/\n/g, "\u21b5");
  }

  /* ---- paging, debouncing, the ready marker ----------------------------------------------- */

  T.debounce = function (fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  };

  /* Page controls: "Showing a–b of n", previous/next, page number. onPage(page) redraws. */
  T.pager = function (state, total, noun, onPage) {
    var pages = Math.max(1, Math.ceil(total / state.size));
    if (state.page >= pages) state.page = pages - 1;
    var first = total ? state.page * state.size + 1 : 0;
    var last = Math.min(total, (state.page + 1) * state.size);
    function go(page) { return function () { state.page = page; onPage(); }; }
    return T.h("nav", { class: "pager", "aria-label": "pages" },
      T.h("span", { class: "pager-count" },
        total ? "Showing " + T.number(first) + "\u2013" + T.number(last) + " of " + T.number(total) + " " + noun
              : "No " + noun),
      pages > 1 ? [
        T.h("button", { type: "button", class: "pager-first", disabled: state.page === 0, onclick: go(0) }, "\u00ab"),
        T.h("button", { type: "button", class: "pager-prev", disabled: state.page === 0, onclick: go(state.page - 1) }, "\u2039 Previous"),
        T.h("span", { class: "pager-page" }, "page " + T.number(state.page + 1) + " of " + T.number(pages)),
        T.h("button", { type: "button", class: "pager-next", disabled: state.page >= pages - 1, onclick: go(state.page + 1) }, "Next \u203a"),
        T.h("button", { type: "button", class: "pager-last", disabled: state.page >= pages - 1, onclick: go(pages - 1) }, "\u00bb")
      ] : null);
  };

  /* Each redraw after a search or filter says so (data-updates counts them; trilexLastUpdate
     is how long the last one took, ms), so tests and benchmarks can wait for it. */
  var updates = 0;
  T.updated = function (started) {
    window.trilexLastUpdate = performance.now() - started;
    document.documentElement.setAttribute("data-updates", String(++updates));
  };

  T.ready = function () {
    window.trilexReadyAt = performance.now();
    document.documentElement.setAttribute("data-ready", String(Math.round(window.trilexReadyAt)));
  };

  /* Run the page's main; an error is shown on the page (and logged), never a blank page. */
  T.start = function (main) {
    function run() {
      try {
        window.trilexStartAt = performance.now();
        var data = T.data();
        window.trilexParsedAt = performance.now();
        main(data, document.getElementById("app"));
      } catch (error) {
        console.error(error);
        T.append(document.getElementById("app"), T.h("p", { class: "page-error" }, "This page could not be shown: " + error));
      }
      T.ready();
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  };

  /* Hash parameters (#check=…&sev=…) for links that keep the page's filters. */
  T.readHash = function () {
    var params = {};
    new URLSearchParams(location.hash.replace(/^#/, "")).forEach(function (v, k) { params[k] = v; });
    return params;
  };
  T.writeHash = function (params) {
    var query = new URLSearchParams();
    for (var key in params) if (params[key] !== "" && params[key] != null) query.set(key, params[key]);
    var text = query.toString();
    try {
      history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
    } catch (error) {
      /* some browsers refuse history changes on file:// pages: the filters still work */
    }
  };

  return T;
})();
