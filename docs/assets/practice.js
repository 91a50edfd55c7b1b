/* 练习 (practice/): draw a question within the chosen category, company, round and tag, preferring questions
 * never practised, practised long ago or rated low; show it with 考察点, 答题要点, 答题框架 and 示例 folded until
 * the reader opens each (and the opening, signals, pitfalls and follow-ups when the question has them); a countdown; a 1-5 self-rating saved with the time (HBStore, store.js); 下一题.
 *
 * Nothing proportional to the bank loads with the page: the compact question list (export/facets.json) loads
 * on the first draw, then the drawn question's own page, whose sections are taken by their ids. Opened from
 * file:// (the offline zip), where the browser blocks fetch, the same data comes as scripts that
 * scripts/offline.py writes: export/facets.js and practice/pages/<id>.js.
 */
(function () {
  "use strict";

  var DAY = 86400000;
  var NEVER = 10;
  var FILTERS = ["category", "company", "round", "tag"];
  var FOLDED = [
    ["intent", "考察点"], ["outline", "答题要点"], ["opening", "开场示范"], ["examples", "示例"], ["frameworks", "答题框架"],
    ["signals", "好回答与弱回答"], ["pitfalls", "常见失误"], ["followups", "可能的追问"]
  ];
  var RATINGS = { 1: "答不上来", 2: "勉强", 3: "一般", 4: "较好", 5: "答得很好" };
  var OFFLINE = location.protocol === "file:";

  /** How much to prefer a question, from its stored entry: never practised 10; otherwise (6 - rating) grows
   *  with the days since it was practised (x1 today, x2 after 3 days, up to x10); 已掌握 halves it, 需复习 doubles it. */
  function weight(entry, now) {
    entry = entry || {};
    var w = NEVER;
    if (entry.practised) {
      var days = Math.max(0, (now - Date.parse(entry.practised)) / DAY);
      w = (6 - (entry.rating || 3)) * Math.min(1 + days / 3, 10);
    }
    if (entry.status === "known") w /= 2;
    if (entry.status === "review") w *= 2;
    return w;
  }

  /** The item that r (0 <= r < 1) falls on when the items, heaviest first (ties in their order), share [0, 1)
   *  by weight: r near 0 takes the heaviest. */
  function pick(items, weights, r) {
    var order = items.map(function (item, i) { return i; });
    order.sort(function (a, b) { return weights[b] - weights[a] || a - b; });
    var total = weights.reduce(function (sum, w) { return sum + w; }, 0);
    var at = r * total;
    for (var k = 0; k < order.length; k++) {
      at -= weights[order[k]];
      if (at < 0) return items[order[k]];
    }
    return items[order[order.length - 1]];
  }

  /** Rows of facets.json ([id, title, category, tags, companies, rounds, frequency]) that pass every filter. */
  function matching(rows, chosen) {
    var columns = { category: 2, tag: 3, company: 4, round: 5 };
    return rows.filter(function (row) {
      return FILTERS.every(function (key) {
        var value = row[columns[key]];
        return !chosen[key] || (Array.isArray(value) ? value.indexOf(chosen[key]) >= 0 : value === chosen[key]);
      });
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { script.remove(); resolve(); };
      script.onerror = function () { script.remove(); reject(new Error("无法加载 " + src)); };
      document.head.append(script);
    });
  }

  function fetchText(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status + " " + url);
      return response.text();
    });
  }

  var facets = null;
  function loadFacets(root) {
    if (!facets) {
      var url = new URL(root.dataset.facets, location.href).href;
      facets = OFFLINE
        ? loadScript(url.replace(/\.json$/, ".js")).then(function () { return window.HBFacets; })
        : fetchText(url).then(JSON.parse);
      facets.catch(function () { facets = null; });
    }
    return facets;
  }

  var pages = {};
  window.HBPracticePage = function (id, html) { pages[id] = html; };

  /** The drawn question's page as a document, and the URL its links are relative to. */
  function loadQuestion(root, id) {
    var base = new URL(root.dataset.root, location.href);
    if (OFFLINE) {
      var url = new URL("questions/" + id + ".html", base).href;
      return loadScript(new URL("practice/pages/" + id + ".js", base).href).then(function () {
        return { doc: new DOMParser().parseFromString(pages[id], "text/html"), url: url };
      });
    }
    var page = new URL("questions/" + id + "/", base).href;
    return fetchText(page).then(function (text) {
      return { doc: new DOMParser().parseFromString(text, "text/html"), url: page };
    });
  }

  /** A section of the page: the nodes after its <h2 id> up to the next <h2> (or a block holding one, such as the
   *  answer after 考察点), without the page's own controls, links made absolute, ids dropped. */
  function section(doc, id, url) {
    var heading = doc.getElementById(id);
    if (!heading) return null;
    var box = document.createElement("div");
    for (var node = heading.nextElementSibling; node && node.tagName !== "H2" && !node.querySelector("h2"); node = node.nextElementSibling) {
      if (!node.matches(".hb-study, .hb-selftest")) box.append(document.importNode(node, true));
    }
    box.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    box.querySelectorAll("a[href]").forEach(function (a) { a.href = new URL(a.getAttribute("href"), url).href; });
    return box;
  }

  function element(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function timer(box) {
    var minutes = box.querySelector(".hb-timer__minutes");
    var clock = box.querySelector(".hb-timer__clock");
    var alert = box.querySelector(".hb-timer__alert");
    var start = box.querySelector(".hb-timer__start");
    var pause = box.querySelector(".hb-timer__pause");
    var left = 0;
    var end = 0;
    var ticking = null;

    function length() {
      var n = Math.round(Number(minutes.value));
      return (n >= 1 && n <= 60 ? n : 3) * 60;
    }

    function show() {
      var m = Math.floor(left / 60);
      var s = left % 60;
      clock.textContent = "剩余 " + m + ":" + (s < 10 ? "0" : "") + s;
      start.disabled = ticking !== null || left === 0;
      pause.disabled = ticking === null;
    }

    function stop() {
      clearInterval(ticking);
      ticking = null;
    }

    function tick() {
      left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      if (left === 0) {
        stop();
        alert.textContent = "时间到！";
      }
      show();
    }

    function reset() {
      stop();
      left = length();
      alert.textContent = "";
      show();
    }

    start.addEventListener("click", function () {
      end = Date.now() + left * 1000;
      alert.textContent = "";
      ticking = setInterval(tick, 250);
      show();
    });
    pause.addEventListener("click", function () {
      tick();
      stop();
      show();
    });
    box.querySelector(".hb-timer__reset").addEventListener("click", reset);
    minutes.addEventListener("change", function () { if (ticking === null) reset(); });
    reset();
    return { reset: reset };
  }

  function foldable(parts, name, content, n) {
    var id = "hb-p-part-" + n;
    var button = element("button", { type: "button", class: "md-button hb-practice__reveal", "aria-expanded": "false", "aria-controls": id }, "显示" + name);
    var region = element("div", { id: id, class: "hb-practice__part", role: "region", "aria-label": name, hidden: "" });
    region.append(element("h4", {}, name), content);
    button.addEventListener("click", function () {
      var open = region.hidden;
      region.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      button.textContent = (open ? "收起" : "显示") + name;
    });
    parts.append(button, region);
  }

  function lastTime(entry) {
    if (!entry.practised) return "还没练过这道题。";
    var when = new Date(entry.practised);
    var date = when.getFullYear() + "-" + (when.getMonth() + 1) + "-" + when.getDate();
    return "上次练习：" + date + (entry.rating ? "，自评 " + entry.rating + " 分" : "") + "。";
  }

  function start(root) {
    var form = root.querySelector(".hb-practice__filters");
    var status = root.querySelector(".hb-practice__status");
    var card = root.querySelector(".hb-practice__card");
    var question = root.querySelector(".hb-practice__question");
    var parts = root.querySelector(".hb-practice__parts");
    var saved = root.querySelector(".hb-rating__saved");
    var clock = timer(root.querySelector(".hb-timer"));
    var current = null;

    function chosen() {
      var values = {};
      FILTERS.forEach(function (key) { values[key] = form.elements[key].value; });
      return values;
    }

    function show(row, page) {
      var entry = window.HBStore.load().questions[row[0]] || {};
      question.textContent = "";
      var title = element("h3", { class: "hb-practice__title", tabindex: "-1" }, row[1]);
      var link = element("a", { href: page.url }, "打开题目页");
      var facts = element("p", { class: "hb-practice__facts" }, lastTime(entry) + " ");
      facts.append(link);
      question.append(title, facts);
      var background = section(page.doc, "background", page.url);
      if (background) question.append(background);
      parts.textContent = "";
      FOLDED.forEach(function (part, n) {
        var content = section(page.doc, part[0], page.url);
        if (content) foldable(parts, part[1], content, n);
      });
      root.querySelectorAll('input[name="hb-rating"]').forEach(function (input) { input.checked = false; });
      saved.textContent = "";
      clock.reset();
      current = row[0];
      card.dataset.id = current;
      card.hidden = false;
      title.focus();
    }

    function draw() {
      status.textContent = "正在抽题…";
      loadFacets(root)
        .then(function (data) {
          var rows = matching(data.questions, chosen());
          if (!rows.length) throw new Error("empty");
          var pool = rows.length > 1 ? rows.filter(function (row) { return row[0] !== current; }) : rows;
          var doc = window.HBStore.load();
          var now = Date.now();
          var weights = pool.map(function (row) { return weight(doc.questions[row[0]], now); });
          var row = pick(pool, weights, Math.random());
          var fresh = rows.filter(function (r) { return !(doc.questions[r[0]] || {}).practised; }).length;
          return loadQuestion(root, row[0]).then(function (page) {
            show(row, page);
            status.textContent = "范围内共 " + rows.length + " 道题，其中 " + fresh + " 道还没练过。";
          });
        })
        .catch(function (error) {
          status.textContent = error.message === "empty" ? "没有符合条件的题目，请放宽筛选。" : "题目加载失败，请重试。";
          if (error.message !== "empty") console.warn("练习：", error);
        });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      draw();
    });
    root.querySelector(".hb-practice__next").addEventListener("click", draw);
    root.querySelectorAll('input[name="hb-rating"]').forEach(function (input) {
      input.addEventListener("change", function () {
        var rating = Number(input.value);
        var id = current;
        var ok = window.HBStore.update(function (doc) {
          doc.questions[id] = Object.assign({}, doc.questions[id], { rating: rating, practised: new Date().toISOString() });
        });
        saved.textContent = ok ? "已记录自评 " + rating + " 分（" + RATINGS[rating] + "）。" : "浏览器不允许保存（可能是隐私模式），自评没有记下。";
      });
    });
    root.hidden = false;
  }

  window.HBPractice = { weight: weight, pick: pick, matching: matching };

  function init() {
    var root = document.getElementById("hb-practice");
    if (!root || !window.HBStore) return;
    document.querySelectorAll(".hb-nojs").forEach(function (node) { node.hidden = true; });
    start(root);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
