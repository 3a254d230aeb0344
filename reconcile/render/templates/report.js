(function () {
  "use strict";
  // Findings are listed in display order in rc-data; the first `page` are already in the DOM,
  // the rest are pre-escaped HTML strings in rc-lazy, turned into nodes only when shown.
  var byId = function (id) { return document.getElementById(id); };
  var D = JSON.parse(byId("rc-data").textContent);
  var F = D.f, nodes = new Array(F.length), lazy = null, limit = D.step, pinned = -1;
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.group"));
  var lists = groups.map(function (g) { return g.querySelector(".cards"); });
  Array.prototype.forEach.call(document.querySelectorAll("article.finding"), function (el) {
    nodes[+el.getAttribute("data-i")] = el;
  });
  var sev = Array.prototype.slice.call(document.querySelectorAll("input[name=sev]"));
  var rule = byId("q-rule"), src = byId("q-src"), ent = byId("q-ent"), text = byId("q-text");
  var count = byId("q-count"), more = byId("q-more"), form = byId("q-form");

  // the filter bar sticks to the top of the window: a finding scrolled to must land below it
  function bar() { document.documentElement.style.setProperty("--bar", form.offsetHeight + "px"); }

  function node(i) {
    if (!nodes[i]) {
      if (!lazy) { lazy = JSON.parse(byId("rc-lazy").textContent); }
      var t = document.createElement("template");
      t.innerHTML = lazy[i - D.page];
      nodes[i] = t.content.firstElementChild;
    }
    return nodes[i];
  }

  function state() {
    var on = {};
    sev.forEach(function (b) { on[b.value] = b.checked; });
    return { sev: on, rule: rule.value, src: src.value, ent: ent.value,
             words: text.value.toLowerCase().split(/\s+/).filter(Boolean) };
  }

  function matches(f, s) {
    // f = [id, severity, rule index, [source indexes], group index, search text]
    if (!s.sev[f[1]]) { return false; }
    if (s.rule !== "" && f[2] !== +s.rule) { return false; }
    if (s.src !== "" && f[3].indexOf(+s.src) < 0) { return false; }
    if (s.ent !== "" && f[4] !== +s.ent) { return false; }
    for (var w = 0; w < s.words.length; w++) {
      if (f[5].indexOf(s.words[w]) < 0) { return false; }
    }
    return true;
  }

  var timelines = null;
  function drawTimeline(group) {
    // timelines of groups not on the first page wait in rc-tl until the group is shown
    var fig = group.querySelector("figure[data-tl]");
    if (!fig) { return; }
    if (!timelines) { timelines = JSON.parse(byId("rc-tl").textContent); }
    var t = document.createElement("template");
    t.innerHTML = timelines[fig.getAttribute("data-tl")] || "";
    fig.appendChild(t.content);
    fig.removeAttribute("data-tl");
  }

  function apply() {
    var s = state(), shown = 0, total = 0, prev = [], inGroup = [];
    for (var i = 0; i < F.length; i++) {
      var f = F[i], g = f[4], ok = matches(f, s), n = nodes[i];
      if (ok) { total++; }
      var show = (ok && shown < limit) || i === pinned;
      if (show) {
        if (ok) { shown++; }
        n = node(i);
        if (!n.isConnected) {
          var after = prev[g];
          lists[g].insertBefore(n, after ? after.nextSibling : lists[g].firstChild);
        }
        n.hidden = false;
        inGroup[g] = true;
      } else if (n) {
        n.hidden = true;
      }
      if (n && n.isConnected) { prev[g] = n; }
    }
    groups.forEach(function (el, k) {
      el.hidden = !inGroup[k];
      if (inGroup[k]) { drawTimeline(el); }
    });
    count.textContent = "Showing " + shown + " of " + total + " matching findings (" + F.length + " in all)";
    more.hidden = shown >= total;
  }

  function land(el) {
    // cards off screen are laid out at an estimated height (content-visibility) until drawn;
    // drawing the ones around el moves it, so for a few frames put it back where it landed
    el.scrollIntoView({ block: "start" });
    var want = el.getBoundingClientRect().top, frames = 8;
    (function hold() {
      requestAnimationFrame(function () {
        var drift = el.getBoundingClientRect().top - want;
        if (drift) { window.scrollBy(0, drift); }
        if (--frames) { hold(); }
      });
    })();
  }

  function reveal(hash) {
    // a place in a (collapsed) source text: open its <details> first, then scroll to it
    var el = byId(decodeURIComponent(hash.slice(1)));
    if (!el) { return; }
    var box = el.closest("details") || el.querySelector("details");
    if (box) { box.open = true; }
    el.scrollIntoView({ block: "center" });
  }

  function open(hash) {
    if (hash.slice(0, 4) === "#at-" || hash.slice(0, 5) === "#src-") { reveal(hash); return; }
    if (hash.slice(0, 3) !== "#f-") { return; }
    var id = decodeURIComponent(hash.slice(3));
    for (var i = 0; i < F.length; i++) {
      if (F[i][0] === id) {
        pinned = i;
        apply();
        land(nodes[i]);
        nodes[i].focus({ preventScroll: true });
        return;
      }
    }
  }

  function visible() {
    return Array.prototype.filter.call(document.querySelectorAll("article.finding"), function (el) {
      return !el.hidden && !el.closest("section.group").hidden;
    });
  }

  function step(d) {
    var list = visible();
    if (!list.length) { return; }
    var cur = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("article.finding") : null;
    var k = list.indexOf(cur);
    if (k < 0) {
      // start from the first finding below the top of the window
      k = d > 0 ? -1 : list.length;
      for (var j = 0; j < list.length; j++) {
        if (list[j].getBoundingClientRect().top > 60) { k = d > 0 ? j - 1 : j; break; }
      }
    }
    var next = list[Math.max(0, Math.min(list.length - 1, k + d))];
    next.focus({ preventScroll: true });
    land(next);
  }

  [rule, src, ent].concat(sev).forEach(function (el) {
    el.addEventListener("change", function () { limit = D.step; pinned = -1; apply(); });
  });
  var timer = 0;
  text.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { limit = D.step; pinned = -1; apply(); }, 120);
  });
  byId("q-form").addEventListener("submit", function (e) { e.preventDefault(); });
  more.addEventListener("click", function () { limit += D.step; apply(); });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var tag = e.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
      // leave the box and keep the search (a search box's own Escape would clear it)
      if (e.key === "Escape") { e.preventDefault(); e.target.blur(); }
      return;
    }
    if (e.key === "/") { e.preventDefault(); text.focus(); }
    else if (e.key === "j") { e.preventDefault(); step(1); }
    else if (e.key === "k") { e.preventDefault(); step(-1); }
  });
  window.addEventListener("hashchange", function () { open(location.hash); });
  window.addEventListener("resize", bar);
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
  bar();
  apply();
  if (location.hash) { open(location.hash); }
})();
