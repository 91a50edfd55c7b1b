/* Question browser on 题目总览 (questions/).
 *
 * The page carries the filter controls (written at build time with their
 * counts, so they take their place from the first paint) inside
 * #question-browser; without JavaScript a <noscript> style hides them.
 *
 * Small bank (the page lists every question): the page is a plain list grouped
 * by category, and this script hides the list items (li[data-id]) that do not
 * match. The keyword filter also searches 考察点 and tag synonyms: their data,
 * export/handbook.json (path relative to the page, so it works under a prefix
 * such as /REPO/), loads when the reader turns to the keyword box, not with
 * the page.
 *
 * Large bank (data-facets): the page lists categories only. Nothing proportional
 * to the bank loads with the page: the compact export/facets.json is fetched when
 * the reader asks for the filters (or opens a link that carries filters), and
 * the matching questions are drawn as a list, a hundred at a time.
 *
 * The filter state lives in the URL query, so a link restores it. The text
 * filter uses ?text= because Material opens its search dialog for ?q=.
 */
(function () {
  "use strict";

  var KINDS = [
    { key: "category", list: "categories", label: "分类", all: "全部分类" },
    { key: "company", list: "companies", label: "公司", all: "全部公司" },
    { key: "round", list: "rounds", label: "轮次", all: "全部轮次" },
    { key: "tag", list: "tags", label: "标签", all: "全部标签" },
  ];
  var TEXT = "text";
  var SORT = "sort";
  /** Occurrences without a company carry this facet value (hubs.UNKNOWN_COMPANY_ID). */
  var UNKNOWN_COMPANY = { id: "unknown", name: "未知公司" };

  function normalise(value) {
    return (value || "").normalize("NFKC").toLowerCase();
  }

  /** The facet values of one list item for a filter kind. */
  function facets(item, key) {
    var value = key === "tag" ? item.dataset.tags : item.dataset[key];
    return value ? value.split(" ") : [];
  }

  /** Per question id: title, intent, tag names and tag synonyms, normalised. */
  function haystacks(data) {
    var tags = {};
    data.tags.forEach(function (t) {
      tags[t.id] = [t.name].concat(t.synonyms || []).join(" ");
    });
    var result = {};
    data.questions.forEach(function (q) {
      var words = [q.title, q.intent].concat(q.tags.map(function (t) { return tags[t] || ""; }));
      result[q.id] = normalise(words.join(" "));
    });
    return result;
  }

  function element(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function label(name, count) {
    return name + "（" + count + "）";
  }

  /** Each option's count under the other active filters (results: what passes() said of each item);
   *  options no question would match are disabled (the selected one stays selectable, so it can be seen and changed). */
  function recount(ui, items, current, results) {
    var counts = {};
    KINDS.forEach(function (kind) { counts[kind.key] = {}; });
    items.forEach(function (item, i) {
      var failed = results[i];
      if (failed === false) return; // the text filter or two kinds already rule it out
      KINDS.forEach(function (kind) {
        if (failed !== null && failed !== kind.key) return;
        facets(item, kind.key).forEach(function (v) { counts[kind.key][v] = (counts[kind.key][v] || 0) + 1; });
      });
    });
    KINDS.forEach(function (kind) {
      Array.prototype.forEach.call(ui.selects[kind.key].options, function (option) {
        if (!option.value) return;
        var n = counts[kind.key][option.value] || 0;
        var text = label(option.dataset.name, n);
        if (option.textContent !== text) option.textContent = text; // untouched options cost no layout
        option.disabled = n === 0 && option.value !== current[kind.key];
      });
    });
  }

  /** The controls the page carries (hubs._browser in the generator). */
  function bind(root) {
    var selects = {};
    KINDS.forEach(function (kind) { selects[kind.key] = root.querySelector("#hb-qb-" + kind.key); });
    return {
      root: root,
      form: root.querySelector(".hb-qb__form"),
      text: root.querySelector("#hb-qb-text"),
      selects: selects,
      sort: root.querySelector("#hb-qb-sort"),
      clear: root.querySelector(".hb-qb__clear"),
      count: root.querySelector(".hb-qb__count"),
      empty: root.querySelector(".hb-qb__empty"),
      ignored: root.querySelector(".hb-qb__ignored"),
    };
  }

  /** Category sections: each list with its heading and table-of-contents entries (Material draws the TOC twice). */
  function sections(items) {
    var lists = [];
    items.forEach(function (item) {
      if (lists.indexOf(item.parentElement) < 0) lists.push(item.parentElement);
    });
    return lists.map(function (list) {
      var heading = list.previousElementSibling;
      heading = heading && /^H[1-6]$/.test(heading.tagName) ? heading : null;
      var links = heading && heading.id ? document.querySelectorAll('.md-nav--secondary a[href="#' + CSS.escape(heading.id) + '"]') : [];
      var toc = Array.prototype.map.call(links, function (a) { return a.closest("li"); });
      return { nodes: [list, heading].concat(toc).filter(Boolean), list: list };
    });
  }

  /** Shows the matches of a small bank in place: hides the rest, or moves them into one ranked list. */
  function inPlaceView(items) {
    var groups = sections(items);
    var ranked = null;
    // Where each item lives in the grouped list, so sorting by frequency can move it and put it back.
    var homes = items.map(function (item) { return { item: item, parent: item.parentElement }; });
    var byFrequency = items.slice().sort(function (a, b) {
      return (Number(b.dataset.asked) || 0) - (Number(a.dataset.asked) || 0) || items.indexOf(a) - items.indexOf(b);
    });

    function arrange(wanted) {
      if (wanted === !ranked.hidden) return;
      if (wanted) byFrequency.forEach(function (item) { ranked.append(item); });
      else homes.forEach(function (home) { home.parent.append(home.item); });
      ranked.hidden = !wanted;
    }

    return {
      mount: function (ui) {
        ranked = element("ol", { class: "hb-qb__ranked", hidden: "" });
        ui.root.append(ranked);
      },
      show: function (matched, current) {
        arrange(current[SORT] === "asked");
        var keep = new Set(matched);
        items.forEach(function (item) { item.hidden = !keep.has(item); });
        groups.forEach(function (g) {
          var shown = g.list.querySelectorAll("li[data-id]:not([hidden])").length;
          var hide = !ranked.hidden || !shown;
          g.nodes.forEach(function (node) {
            node.hidden = hide;
            retitle(node, shown);
          });
        });
      },
    };
  }

  /** A category heading (or its table-of-contents entry) says how many of its questions are shown: 数据与实验（3）. */
  function retitle(node, shown) {
    if (node.tagName === "OL" || node.tagName === "UL") return;
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (var t = walker.nextNode(); t; t = walker.nextNode()) {
      if (/（\d+）\s*$/.test(t.nodeValue)) {
        var value = t.nodeValue.replace(/（\d+）(\s*)$/, "（" + shown + "）$1");
        if (value !== t.nodeValue) t.nodeValue = value;
        return;
      }
    }
  }

  var BATCH = 100;

  /** Draws the matches of a large bank as a list, BATCH at a time. */
  function resultsView(data, rootUrl) {
    var names = {};
    data.categories.forEach(function (c) { names[c.id] = c.name; });
    var tagNames = {};
    data.tags.forEach(function (t) { tagNames[t.id] = t.name; });
    var list = null;
    var more = null;
    var pending = [];

    function entry(item) {
      var q = item.row;
      var li = element("li", { "data-id": q[0] });
      var link = element("a", { href: rootUrl + "questions/" + q[0] + "/" }, q[1]);
      var facts = [names[q[2]] || q[2]];
      if (q[6]) facts.push("被问过 " + q[6] + " 次");
      facts.push("标签：" + q[3].map(function (t) { return tagNames[t] || t; }).join("、"));
      li.append(link, element("br"), element("small", {}, facts.join(" · ")));
      return li;
    }

    function next() {
      pending.splice(0, BATCH).forEach(function (item) { list.append(entry(item)); });
      if (window.HBProgress) window.HBProgress.markLists(); // the reader's 已掌握 / 需复习 marks (progress.js)
      more.hidden = pending.length === 0;
      more.textContent = "再显示 " + Math.min(BATCH, pending.length) + " 道（还有 " + pending.length + " 道）";
    }

    return {
      mount: function (ui) {
        list = element("ol", { class: "hb-qb__results" });
        more = element("button", { type: "button", class: "hb-qb__more", hidden: "" });
        more.addEventListener("click", next);
        ui.root.append(list, more);
      },
      show: function (matched, current) {
        pending = matched.slice();
        if (current[SORT] === "asked") {
          pending.sort(function (a, b) { return b.row[6] - a.row[6] || a.order - b.order; });
        }
        list.textContent = "";
        next();
      },
    };
  }

  /** Wires the controls to the items. words(): a promise of the keyword filter's haystacks, asked for the first
   *  time the reader turns to the keyword box (or a link carries a keyword). */
  function start(root, items, view, words) {
    var ui = bind(root);
    view.mount(ui);
    var text = null;
    var loading = null;
    var typing = false;

    function needWords() {
      if (loading) return;
      loading = words()
        .catch(function (error) {
          // Titles and tag names still match (the items' own text); 考察点 and synonyms do not.
          console.warn("关键词筛选数据加载失败，只按标题和标签名筛选：", error);
          return {};
        })
        .then(function (map) {
          text = map;
          if (state()[TEXT]) apply();
        });
    }

    function state() {
      var result = {};
      KINDS.forEach(function (kind) { result[kind.key] = ui.selects[kind.key].value; });
      result[TEXT] = ui.text.value.trim();
      result[SORT] = ui.sort.value;
      return result;
    }

    /** null if the item matches every filter, the key of the one filter kind it fails, or false. */
    function passes(current, terms) {
      return function (item) {
        var hay = (text && text[item.dataset.id]) || normalise(item.textContent || "");
        if (!terms.every(function (t) { return hay.indexOf(t) >= 0; })) return false;
        var failed = null;
        for (var i = 0; i < KINDS.length; i++) {
          var key = KINDS[i].key;
          if (current[key] && facets(item, key).indexOf(current[key]) < 0) {
            if (failed !== null) return false;
            failed = key;
          }
        }
        return failed;
      };
    }

    function apply() {
      var current = state();
      var terms = normalise(current[TEXT]).split(/\s+/).filter(Boolean);
      if (terms.length && !text) {
        needWords(); // apply() runs again when the words are there
        ui.count.textContent = "正在加载关键词筛选…";
        return;
      }
      var results = items.map(passes(current, terms));
      var matched = items.filter(function (item, i) { return results[i] === null; });
      var shown = matched.length;
      recount(ui, items, current, results);
      view.show(matched, current);
      ui.count.textContent = "显示 " + shown + " / " + items.length + " 道题";
      ui.empty.hidden = shown > 0;
      ui.clear.disabled = !Object.keys(current).some(function (k) { return k !== SORT && current[k]; });
    }

    /** Read the filters from the URL. A value that is not one of the options (a mistyped or outdated link,
     *  or a company or round no question has) is said and ignored rather than silently showing everything. */
    function readUrl() {
      var params = new URLSearchParams(location.search);
      var unknown = [];
      KINDS.forEach(function (kind) {
        var node = ui.selects[kind.key];
        var wanted = params.get(kind.key) || "";
        var known = !wanted || node.querySelector('option[value="' + CSS.escape(wanted) + '"]');
        if (!known) unknown.push(kind.label + "“" + wanted + "”");
        node.value = known ? wanted : "";
      });
      ui.ignored.textContent = unknown.length
        ? "链接里的筛选条件" + unknown.join("、") + "没有对应的题目，已忽略；下面是不加这个条件的结果。"
        : "";
      ui.ignored.hidden = !unknown.length;
      ui.text.value = params.get(TEXT) || "";
      ui.sort.value = params.get(SORT) === "asked" ? "asked" : "";
    }

    /** Put the state in the URL: a new history entry per step, one per typing burst. */
    function writeUrl(push) {
      var url = new URL(location.href);
      var current = state();
      Object.keys(current).forEach(function (k) {
        if (current[k]) url.searchParams.set(k, current[k]);
        else url.searchParams.delete(k);
      });
      if (url.href !== location.href) history[push ? "pushState" : "replaceState"](null, "", url.href);
    }

    KINDS.map(function (kind) { return ui.selects[kind.key]; }).concat([ui.sort]).forEach(function (node) {
      node.addEventListener("change", function () {
        typing = false;
        apply();
        writeUrl(true);
      });
    });
    ui.text.addEventListener("input", function () {
      apply();
      writeUrl(!typing);
      typing = true;
    });
    ui.text.addEventListener("focus", needWords);
    ui.form.addEventListener("submit", function (event) { event.preventDefault(); });
    ui.clear.addEventListener("click", function () {
      var sort = ui.sort.value;
      ui.form.reset();
      ui.sort.value = sort;
      typing = false;
      apply();
      writeUrl(true);
      ui.text.focus();
    });
    window.addEventListener("popstate", function () {
      typing = false;
      readUrl();
      apply();
    });

    readUrl();
    apply();
  }

  function load(url) {
    return fetch(new URL(url, location.href)).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  /** Rows of facets.json as items shaped like the list items of a small bank (a dataset per item). */
  function rowItems(data) {
    return data.questions.map(function (q, order) {
      return {
        row: q,
        order: order,
        dataset: { id: q[0], category: q[2], tags: q[3].join(" "), company: q[4].join(" "), round: q[5].join(" "), asked: String(q[6]) },
      };
    });
  }

  function initLarge(root) {
    var params = new URLSearchParams(location.search);
    var asked = KINDS.some(function (k) { return params.get(k.key); }) || params.get(TEXT) || params.get(SORT);
    var button = root.querySelector(".hb-qb__load");
    function open() {
      button.disabled = true;
      button.textContent = "正在加载题目…";
      load(root.dataset.facets)
        .then(function (data) {
          var items = rowItems(data);
          var words = haystacks({ tags: data.tags, questions: data.questions.map(function (q) { return { id: q[0], title: q[1], intent: "", tags: q[3] }; }) });
          button.parentElement.remove();
          root.querySelector(".hb-qb__panel").hidden = false;
          start(root, items, resultsView(data, root.dataset.root), function () { return Promise.resolve(words); });
        })
        .catch(function (error) {
          button.disabled = false;
          button.textContent = "加载失败，点此重试";
          console.warn("题目筛选加载失败：", error);
        });
    }
    button.addEventListener("click", open);
    if (asked) open();
  }

  function init() {
    var root = document.getElementById("question-browser");
    if (!root) return;
    if (root.dataset.facets) {
      initLarge(root);
      return;
    }
    var items = Array.prototype.slice.call(document.querySelectorAll("li[data-id]"));
    start(root, items, inPlaceView(items), function () {
      return load(root.dataset.export).then(haystacks);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
