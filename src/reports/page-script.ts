// The script of both report pages (issue 16): it reads the ReportData embedded as JSON
// (report-data.ts) and draws only what is on screen. The index shows a page of rows at a time ("show
// more" adds the next); a view's details, and in the apply report its diff, are drawn when the view
// is opened; the legend when it is opened. Filters, search and grouping run over the data, not the
// DOM, so they cost the same at 10,000 views as at 100.
//
// Plain browser JavaScript in a String.raw template (the page has no build step and must work from
// file:// with no network): no backquotes in it, and a dollar-brace only for CHUNK_VIEWS.

/** Views per chunk: opening a view unpacks its chunk's 25 records (a few ms), and 25 compress well together. */
export const CHUNK_VIEWS = 25;

export const PAGE_SCRIPT = String.raw`
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var views = data.views;
  var PAGE = 100;
  var GROUP_PAGE = 50;
  var statusLabel = {};
  data.statuses.forEach(function (s) { statusLabel[s[0]] = s[1]; });

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;";
    });
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function href(loc) { return data.links[loc[0]].split("{line}").join(String(loc[1])); }
  function where(loc) { return data.files[loc[0]] + ":" + loc[1]; }
  function link(loc, text) {
    if (!loc) return text === undefined ? "" : esc(text);
    return '<a class="loc" href="' + esc(href(loc)) + '">' + esc(text === undefined ? where(loc) : text) + "</a>";
  }
  var lines = {};
  function codeLine(loc) {
    var line = loc && lines[loc[0] + ":" + loc[1]];
    return line === undefined || line === null ? "" : '<pre class="line">' + esc(line) + "</pre>";
  }
  function code(c) {
    var info = data.codes[c] || {};
    return '<button type="button" class="rc" data-code="' + esc(c) + '" title="' + esc(info.short ? info.short + " (show the views with it)" : "show the views with it") + '">' + esc(c) + "</button>";
  }
  function badge(kind, value) { return '<span class="badge ' + kind + "-" + esc(value) + '">' + esc(value) + "</span>"; }

  // What the filters and the search look at, per view, computed once (each view's record holds the facts).
  var meta = views.map(function (v) {
    var set = function (list) { var o = {}; list.forEach(function (x) { o[x] = 1; }); return o; };
    var c = v.counts;
    return {
      search: (v.id + " " + (v.route || "") + " " + v.words + " " + v.codes.join(" ")).toLowerCase(),
      classes: { ui: c[0] > 0, form: c[1] > 0, shared: c[2] > 0 },
      confs: set(v.confidences), codes: set(v.codes), markers: set(v.markerCodes)
    };
  });
  // A view's full record: its chunk (report-page.ts packChunks) unpacked once, when a view of it is first opened.
  var CHUNK = ${CHUNK_VIEWS};
  var unpacked = {};
  function unpack(id) {
    if (!unpacked[id]) {
      var text = atob(document.getElementById(id).textContent);
      var bytes = new Uint8Array(text.length);
      for (var n = 0; n < text.length; n++) bytes[n] = text.charCodeAt(n);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      unpacked[id] = new Response(stream).text().then(JSON.parse);
    }
    return unpacked[id];
  }
  function detail(i) { return unpack("chunk-" + Math.floor(i / CHUNK)).then(function (list) { return list[i % CHUNK]; }); }

  var $ = function (id) { return document.getElementById(id); };
  var controls = { q: $("f-q"), cls: $("f-class"), conf: $("f-conf"), status: $("f-status"), code: $("f-code"), group: $("f-group") };
  var rows = $("rows");
  var more = $("more");
  var matches = [];
  var limit = PAGE;
  var openGroups = {};
  var groupLimits = {};
  var detailCache = {};

  // The code filter lists every code with the number of views it is on.
  (function fillCodes() {
    var counts = {};
    meta.forEach(function (m) { for (var c in m.codes) counts[c] = (counts[c] || 0) + 1; });
    Object.keys(counts).sort().forEach(function (c) {
      var option = document.createElement("option");
      option.value = c;
      option.textContent = c + " (" + counts[c] + ")";
      controls.code.appendChild(option);
    });
    data.statuses.forEach(function (s) {
      var option = document.createElement("option");
      option.value = s[0];
      option.textContent = s[1];
      controls.status.appendChild(option);
    });
  })();

  function filters() {
    return { q: controls.q.value.trim().toLowerCase(), cls: controls.cls.value, conf: controls.conf.value, status: controls.status.value, code: controls.code.value };
  }

  function filter() {
    var f = filters();
    var terms = f.q ? f.q.split(/\s+/) : [];
    matches = [];
    for (var i = 0; i < views.length; i++) {
      var m = meta[i];
      if (f.cls && !m.classes[f.cls]) continue;
      if (f.conf && !m.confs[f.conf]) continue;
      if (f.status && views[i].status !== f.status) continue;
      if (f.code && !m.codes[f.code]) continue;
      var ok = true;
      for (var t = 0; t < terms.length && ok; t++) ok = m.search.indexOf(terms[t]) !== -1;
      if (ok) matches.push(i);
    }
  }

  function rowHtml(i) {
    var v = views[i];
    var c = v.counts;
    var num = function (n) { return '<td class="num' + (n === 0 ? " zero" : "") + '">' + n + "</td>"; };
    return '<tr class="view-row" data-i="' + i + '" tabindex="0" aria-expanded="false"><td class="id"><span class="tw"></span>' + esc(v.id) + (v.route ? ' <span class="route">' + esc(v.route) + "</span>" : "") + "</td><td>" + esc(v.kind) + "</td>" +
      num(c[0]) + num(c[1]) + num(c[2]) + num(c[3]) + num(c[4]) + num(c[5]) + num(c[6]) +
      '<td><span class="st st-' + esc(v.status) + '">' + esc(statusLabel[v.status] || v.status) + "</span></td></tr>";
  }

  function groupKeys(i, by) {
    var m = meta[i];
    var keys = by === "status" ? [views[i].status] : Object.keys(by === "marker" ? m.markers : m.codes);
    return keys.length ? keys : [""];
  }

  function render() {
    filter();
    var f = filters();
    var active = f.q || f.cls || f.conf || f.status || f.code;
    $("count").textContent = active ? matches.length + " of " + plural(views.length, "view") : plural(views.length, "view");
    renderProgress();
    var by = controls.group.value;
    var html = [];
    if (!by) {
      for (var n = 0; n < matches.length && n < limit; n++) html.push(rowHtml(matches[n]));
      if (matches.length === 0) html.push('<tr><td colspan="10" class="empty">No view matches the filters.</td></tr>');
      rows.innerHTML = html.join("");
      more.hidden = matches.length <= limit;
      more.textContent = "Show " + Math.min(PAGE * 2, matches.length - limit) + " more (" + (matches.length - limit) + " not shown)";
    } else {
      var groups = {};
      matches.forEach(function (i) { groupKeys(i, by).forEach(function (k) { (groups[k] = groups[k] || []).push(i); }); });
      // largest group first; the views with no code last
      var keys = Object.keys(groups).sort(function (a, b) { return (a === "") - (b === "") || groups[b].length - groups[a].length || (a < b ? -1 : 1); });
      keys.forEach(function (k) {
        var members = groups[k];
        var info = data.codes[k] || {};
        var label = by === "status" ? statusLabel[k] || k : k === "" ? (by === "marker" ? "no marker" : "no reason code") : k;
        var open = !!openGroups[by + ":" + k];
        html.push('<tr class="group" data-group="' + esc(by + ":" + k) + '" tabindex="0" aria-expanded="' + open + '"><td colspan="10"><span class="tw"></span><strong>' + esc(label) + "</strong> " +
          (by !== "status" && info.short ? '<span class="why">' + esc(info.short) + "</span> " : "") + '<span class="n">' + plural(members.length, "view") + "</span></td></tr>");
        if (!open) return;
        var shown = groupLimits[by + ":" + k] || GROUP_PAGE;
        for (var n = 0; n < members.length && n < shown; n++) html.push(rowHtml(members[n]));
        if (members.length > shown) html.push('<tr class="group-more" data-group="' + esc(by + ":" + k) + '"><td colspan="10"><button type="button">Show ' + Math.min(GROUP_PAGE * 2, members.length - shown) + " more of " + esc(label) + " (" + (members.length - shown) + " not shown)</button></td></tr>");
      });
      if (keys.length === 0) html.push('<tr><td colspan="10" class="empty">No view matches the filters.</td></tr>');
      rows.innerHTML = html.join("");
      more.hidden = true;
    }
  }

  function renderProgress() {
    var box = $("progress");
    if (!box) return;
    var counts = {};
    var whys = {};
    matches.forEach(function (i) {
      var v = views[i];
      counts[v.status] = (counts[v.status] || 0) + 1;
      if (v.statusWhy) whys[v.statusWhy] = (whys[v.statusWhy] || 0) + 1;
    });
    var total = matches.length || 1;
    var parts = data.statuses.map(function (s) { return (counts[s[0]] || 0) + " " + s[1]; });
    box.querySelector("summary .line").textContent = parts.join(" · ") + (matches.length === views.length ? "" : " (of the " + matches.length + " views shown)");
    var bar = data.statuses.filter(function (s) { return counts[s[0]]; }).map(function (s) {
      return '<span class="st-bar st-' + esc(s[0]) + '" title="' + esc(counts[s[0]] + " " + s[1]) + '" style="width:' + (100 * counts[s[0]] / total).toFixed(2) + '%"></span>';
    }).join("");
    var list = data.statuses.map(function (s) {
      return '<li><button type="button" class="link" data-status="' + esc(s[0]) + '"><span class="st st-' + esc(s[0]) + '">' + esc(s[1]) + "</span></button> " + (counts[s[0]] || 0) + "</li>";
    }).join("");
    var why = Object.keys(whys).sort(function (a, b) { return whys[b] - whys[a]; }).slice(0, 10).map(function (w) { return "<li>" + whys[w] + " × " + esc(w) + "</li>"; }).join("");
    box.querySelector(".body").innerHTML = '<div class="progress-bar" role="img" aria-label="' + esc(parts.join(", ")) + '">' + bar + '</div><ul class="statuses">' + list + "</ul>" + (why ? "<h4>Why not migrated</h4><ul>" + why + "</ul>" : "");
  }

  function reasonsHtml(reasons) {
    if (!reasons.length) return '<div class="reason loc">no reason recorded</div>';
    var first = reasons[0];
    var rest = reasons.slice(1);
    return '<div class="reason"><strong>' + esc(first[1]) + "</strong> " + code(first[0]) + " " + link(first[2]) + codeLine(first[2]) + "</div>" +
      (rest.length ? "<details><summary>" + plural(rest.length, "more reason") + "</summary>" + rest.map(function (r) { return '<div class="reason">' + esc(r[1]) + " " + code(r[0]) + " " + link(r[2]) + "</div>"; }).join("") + "</details>" : "");
  }
  function names(list) { return list.length ? list.map(function (x) { return '<span class="code">' + esc(x) + "</span>"; }).join(", ") : '<span class="loc">none</span>'; }

  function detailHtml(i) {
    if (!detailCache[i]) detailCache[i] = detail(i).then(viewHtml);
    return detailCache[i];
  }
  function viewHtml(v) {
    lines = v.lines;
    var out = [];
    out.push('<div class="sub">' + link(v.at, where(v.at || [v.file, 1])) + " · " + esc(v.api) + (v.route ? " · route <span class=\"code\">" + esc(v.route) + "</span>" : "") +
      " · " + esc(statusLabel[v.status] || v.status) + (v.statusWhy ? " (" + esc(v.statusWhy) + ")" : "") + "</div>");
    if (v.component && v.component.length) out.push('<div class="sub">generated: ' + names(v.component) + "</div>");
    if (v.notes && v.notes.length) out.push("<h4>What apply did</h4><ul class=\"notes\">" + v.notes.map(function (n) { return "<li>" + esc(n) + "</li>"; }).join("") + "</ul>");
    if (v.checks && v.checks.length) out.push('<h4>Checks that rolled it back</h4><ul class="bad">' + v.checks.map(function (n) { return "<li>" + esc(n) + "</li>"; }).join("") + "</ul>");
    if (v.markers.length) {
      out.push("<h4>Markers (" + v.markers.length + ")</h4>" + v.markers.map(function (m) {
        return '<div class="marker"><span class="code">@migrate-todo(</span>' + code(m.code) + '<span class="code">)</span> ' + esc(m.message) + " " + link(m.at) + codeLine(m.at) + "</div>";
      }).join(""));
    }
    if (v.keys.length) {
      out.push("<h4>State (" + v.keys.length + ")</h4><table class=\"inner\"><thead><tr><th>Key</th><th>Class</th><th>Confidence</th><th>Becomes</th><th>Why (evidence)</th></tr></thead><tbody>" + v.keys.map(function (k) {
        var writes = k.writes.map(function (w) { return '<div class="ev"><span class="code">' + esc(w[0]) + "</span> ← " + esc(w[1] || "unknown") + " " + link(w[2]) + codeLine(w[2]) + "</div>"; }).join("");
        var reads = k.reads.map(function (r) { return '<span class="code">' + esc(r[0]) + "</span> " + link(r[1]); }).join(" · ");
        return '<tr><td class="code">' + esc(k.key) + (k.temporary ? ' <span class="loc">(temporary)</span>' : "") + "</td><td>" + badge("c", k.class) + '</td><td class="conf-' + esc(k.confidence) + '">' + esc(k.confidence) + "</td><td>" +
          k.becomes.map(function (b) { return '<div class="becomes">' + esc(b) + "</div>"; }).join("") + "</td><td>" +
          (k.override ? '<div class="marker">' + esc(k.override) + "</div>" : "") + reasonsHtml(k.reasons) +
          (writes ? "<details><summary>" + plural(k.writes.length, "write") + "</summary>" + writes + "</details>" : "") +
          (reads ? "<details><summary>" + plural(k.reads.length, "read") + '</summary><div class="ev">' + reads + "</div></details>" : "") + "</td></tr>";
      }).join("") + "</tbody></table>");
    } else out.push("<h4>State</h4><p>No state keys assigned.</p>");
    if (v.events.length) {
      out.push("<h4>Events (" + v.events.length + ")</h4><table class=\"inner\"><thead><tr><th>Event</th><th>Placement</th><th>Confidence</th><th>Keys</th><th>Why (evidence)</th></tr></thead><tbody>" + v.events.map(function (e) {
        return '<tr><td class="code">' + esc(e.name) + "<div>" + link(e.at) + "</div></td><td>" + badge("p", e.placement) + (e.override ? '<div class="loc">' + esc(e.override) + "</div>" : "") + '</td><td class="conf-' + esc(e.confidence) + '">' + esc(e.confidence) + "</td><td>reads " + names(e.reads) + "<br>writes " + names(e.writes) + "<br>bindings " + names(e.bindings) + "</td><td>" + reasonsHtml(e.reasons) + "</td></tr>";
      }).join("") + "</tbody></table>");
    } else out.push("<h4>Events</h4><p>No events handled.</p>");
    if (v.infos.length) {
      out.push("<h4>Infos (" + v.infos.length + ")</h4><table class=\"inner\"><thead><tr><th>Info</th><th>Sent by</th><th>Writes</th><th>Where</th></tr></thead><tbody>" + v.infos.map(function (x) {
        return '<tr><td class="code">' + esc(x.name) + '</td><td class="code">' + esc(x.origin) + "</td><td>" + names(x.writes) + "</td><td>" + link(x.at) + codeLine(x.at) + "</td></tr>";
      }).join("") + "</tbody></table>");
    }
    if (v.template) out.push("<details><summary>Template facts</summary><div class=\"ev\">render reads: " + names(v.template.reads) + "</div><div class=\"ev\">bindings: " + names(v.template.bindings) + "</div><div class=\"ev\">helpers: " + names(v.template.helpers) + "</div></details>");
    if (v.diffs) out.push("<h4>Changes (" + plural(v.diffs.length, "file") + ")</h4>" + (v.diffs.length ? v.diffs.map(diffHtml).join("") : '<p class="loc">No file changed for this view.</p>'));
    return out.join("");
  }

  // A file's diff, drawn when its view is opened (diff2html when the page has it, else the patch as text).
  function diffHtml(d) {
    if (window.Diff2Html) return '<div class="diff">' + window.Diff2Html.html(d.patch, { outputFormat: d.isNew ? "line-by-line" : "side-by-side", drawFileList: false, matching: "lines", diffStyle: "word" }) + "</div>";
    var head = '<div class="file-head">' + esc(d.file) + (d.isNew ? " (new)" : "") + ' <span class="add">+' + d.added + '</span> <span class="del">−' + d.removed + "</span></div>";
    return '<div class="diff">' + head + '<pre class="patch">' + esc(d.patch) + "</pre></div>";
  }

  function toggleView(row) {
    var i = Number(row.getAttribute("data-i"));
    var next = row.nextElementSibling;
    if (next && next.classList.contains("detail")) {
      next.remove();
      row.setAttribute("aria-expanded", "false");
      return;
    }
    var box = document.createElement("tr");
    box.className = "detail";
    box.setAttribute("data-i", String(i));
    box.innerHTML = '<td colspan="10" class="loc">Loading…</td>';
    row.after(box);
    row.setAttribute("aria-expanded", "true");
    detailHtml(i).then(function (html) { box.firstChild.className = ""; box.firstChild.innerHTML = html; box.setAttribute("data-drawn", "1"); },
      function (error) { box.firstChild.textContent = "This view's record could not be read: " + error; });
  }

  rows.addEventListener("click", function (event) {
    var target = event.target;
    var codeButton = target.closest("button.rc");
    if (codeButton) { setCode(codeButton.getAttribute("data-code")); return; }
    if (target.closest("a, details, .detail")) return;
    var row = target.closest("tr.view-row");
    if (row) { toggleView(row); return; }
    var group = target.closest("tr.group");
    if (group) { var g = group.getAttribute("data-group"); openGroups[g] = !openGroups[g]; render(); return; }
    var groupMore = target.closest("tr.group-more");
    if (groupMore) { var k = groupMore.getAttribute("data-group"); groupLimits[k] = (groupLimits[k] || GROUP_PAGE) + GROUP_PAGE * 2; render(); }
  });
  rows.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches("tr.view-row, tr.group")) { event.preventDefault(); event.target.click(); }
  });
  more.addEventListener("click", function () {
    var from = limit;
    limit += PAGE * 2;
    var html = [];
    for (var n = from; n < matches.length && n < limit; n++) html.push(rowHtml(matches[n]));
    rows.insertAdjacentHTML("beforeend", html.join(""));
    more.hidden = matches.length <= limit;
    more.textContent = "Show " + Math.min(PAGE * 2, matches.length - limit) + " more (" + (matches.length - limit) + " not shown)";
  });

  function setCode(c) {
    controls.code.value = c;
    limit = PAGE;
    render();
    $("views").scrollIntoView();
  }

  var timer = 0;
  controls.q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { limit = PAGE; render(); }, 60); });
  ["cls", "conf", "status", "code", "group"].forEach(function (name) { controls[name].addEventListener("change", function () { limit = PAGE; render(); }); });
  $("f-clear").addEventListener("click", function () {
    controls.q.value = ""; controls.cls.value = ""; controls.conf.value = ""; controls.status.value = ""; controls.code.value = "";
    limit = PAGE;
    render();
  });
  var progress = $("progress");
  if (progress) progress.addEventListener("click", function (event) {
    var b = event.target.closest("button[data-status]");
    if (b) { controls.status.value = b.getAttribute("data-status"); limit = PAGE; render(); }
  });

  // Errors and the legend are small, but drawn only when there is something to draw or it is opened.
  (function renderErrors() {
    var box = $("errors");
    if (!box || !data.errors.length) return;
    box.hidden = false;
    box.querySelector("h2").textContent = "Errors (" + data.errors.length + ")";
    box.querySelector("tbody").innerHTML = data.errors.map(function (e) {
      return "<tr><td>" + link([e.file, 1], data.files[e.file]) + '</td><td class="code-col code' + (e.failed ? "" : " gap") + '">' + esc(e.code) + "</td><td>" + esc(e.message) + (e.failed ? "" : ' <span class="loc">(analyzed, with a gap: see the view\'s markers)</span>') + "</td></tr>";
    }).join("");
  })();
  var wiring = $("wiring");
  if (wiring) wiring.addEventListener("toggle", function () {
    if (!wiring.open || wiring.getAttribute("data-drawn")) return;
    wiring.setAttribute("data-drawn", "1");
    unpack("wiring-data").then(function (diffs) { var body = wiring.querySelector(".body"); body.className = "body"; body.innerHTML = diffs.map(diffHtml).join(""); });
  });
  var legend = $("legend");
  if (legend) legend.addEventListener("toggle", function () {
    if (!legend.open || legend.getAttribute("data-drawn")) return;
    legend.setAttribute("data-drawn", "1");
    legend.querySelector("tbody").innerHTML = Object.keys(data.codes).sort().map(function (c) {
      var info = data.codes[c];
      return '<tr id="code-' + esc(c) + '"><td>' + code(c) + "</td><td>" + (info.class ? badge("c", info.class) : "") + "</td><td>" + esc(info.short ? info.short + ": " + (info.long || "") : "a marker: apply left the view on LiveViewJS here") + "</td></tr>";
    }).join("");
  });
  legend && legend.addEventListener("click", function (event) { var b = event.target.closest("button.rc"); if (b) setCode(b.getAttribute("data-code")); });

  render();
  // for the benchmark and the tests: when the first view was drawn, in ms since navigation start
  document.body.setAttribute("data-ready", String(Math.round(performance.now())));
})();
`;
