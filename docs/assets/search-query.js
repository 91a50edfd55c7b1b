// Chinese queries, cut into the index's words and ANDed.
//
// Material's search worker cuts a Chinese query itself, greedily against the words of the index
// but never with the run's last character, and ORs the pieces with trailing wildcards: 碰一碰
// becomes 碰* 一*, which finds 轮次：一面 on its 一 (and 一个, 一些, …). This file rewrites the query on its way to
// that worker: it cuts each Chinese run into words the index holds (the most probable cut by the
// words' counts in the index, as jieba cut the index), makes the query's words required when at
// least one section holds them all, and falls back to OR otherwise. Single characters and question
// words (怎么, 什么, …) stay optional: they rank, never select. Queries written in Lunr's own syntax
// (+term, -term, term*, field:term) go unchanged.
//
// Where it runs. Learning the index's words reads the whole index: about a second at 10,000
// questions, and tens of megabytes of word lists, too much for the page's main thread. So the file plays three parts:
// - the search worker: overrides/partials/javascripts/base.html makes Material's bundle start this
//   file (?material=<Material's worker>) instead of Material's worker, which it then loads
//   (importScripts). Queries stop here on their way to Material's code, go to a learner and come
//   back rewritten, in order.
// - the learner (?learn), a worker of the search worker's own: it gets a copy of the index, learns
//   its words while Material's worker builds its Lunr index (in parallel, on another core), and
//   rewrites queries. Where workers cannot start workers, the search worker learns itself.
// - the page (a deferred script of every page): nothing, unless the page could not hand the search
//   worker over (file://, the offline site's iframe worker); then it rewrites the queries Material
//   posts (Worker.prototype.postMessage), learning on the main thread as before.
// With the index in shards (large banks; search_index.json's config.shards), there is no learner: the search
// worker loads docs/assets/search-shards.js, which reads the words from the shards' vocabulary (self.hbQuery
// below) and gives Material's worker, for each query, the entries that query needs.
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's SearchMessageType
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var SYNTAX = /(^|\s)[+-]|[*^~:"]/;
  var LONGEST = 12; // characters in the longest word looked up
  var COMMON = 0.25; // a character in more sections than this share ranks nothing, and its highlights hide the words
  // Said in questions, not searched for: optional, like single characters.
  var ASKING = new Set(("怎么 怎么样 怎样 如何 什么 为啥 啥 哪些 哪个 哪里 是否 有没有 一下 说说 谈谈 讲讲 聊聊 " +
    "怎么办 介绍 请 你们 我们 他们 自己 一个 一些 这个 那个 可以 需要 应该 觉得 认为 知道 还是 以及 或者 吗 呢 吧").split(" "));
  // Material cuts each Chinese run of the query once more, and drops the run's last character: a
  // Han character the separator removes again (U+3007) keeps a word whole.
  var KEEP = "\u3007";

  var words = null; // term -> { count, docs: sections holding it, titles: sections whose title holds it (ascending) }
  var total = 0, sectionCount = 0, separator = null;

  if (typeof document !== "undefined") page();
  else if (/[?&]learn\b/.test(location.search)) learner();
  else searchWorker(new URLSearchParams(location.search).get("material"));

  // The page's part: rewrite here only when the search worker is Material's own.
  function page() {
    if (typeof Worker === "undefined" || window.hbSearchWorker) return;
    var index = null;
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === SETUP && message.data && message.data.docs) {
        index = message.data;
        words = null;
        setTimeout(function () { if (!words) learn(index); }); // while the worker builds its index
      } else if (message && message.type === QUERY && typeof message.data === "string" && index) {
        if (!words) learn(index);
        args[0] = { type: QUERY, data: rewrite(message.data) };
      }
      return post.apply(this, args);
    };
  }

  // The learner's part: the index first, then queries, each answered with its rewrite.
  function learner() {
    addEventListener("message", function (event) {
      var reply = answer(event.data);
      if (reply !== undefined) postMessage(reply);
    });
  }

  function answer(data) {
    if (typeof data !== "string") return learn(data);
    try {
      return words ? rewrite(data) : data;
    } catch (e) {
      return data; // as typed, rather than no results
    }
  }

  // The search worker's part: Material's worker, with queries detoured through the learner.
  function searchWorker(material) {
    var learning = null, waiting = [], ours = new WeakSet(), shards = null;
    var load = self.importScripts, loaded = new Set();
    // Material's worker loads Lunr's languages relative to its own address, on every SETUP: once is enough
    // (the shards set it up for each query; Lunr warns of every language loaded again).
    self.importScripts = function () {
      var urls = Array.prototype.map.call(arguments, function (url) { return new URL(url, material).href; });
      urls = urls.filter(function (url) { return !loaded.has(url); });
      load.apply(self, urls);
      urls.forEach(function (url) { loaded.add(url); });
    };
    addEventListener("message", function (event) {
      var message = event.data;
      if (ours.has(event)) return;
      if (message && message.type === SETUP && message.data && message.data.config && message.data.config.shards) {
        // The index in shards (search-shards.js): Material's worker starts with no entries and gets, for each
        // query, the entries that query needs.
        learning = null;
        self.importScripts(new URL("search-shards.js", location.href).href);
        var root = new URL("../", location.href).href; // this file is in assets/
        var index = self.hbShards(message.data, root, self.hbQuery, self.lunr);
        index.prepare().catch(function () { /* the first query tries again */ });
        shards = sharded(index);
      } else if (message && message.type === SETUP && message.data && message.data.docs) {
        shards = null;
        learning = start();
        learning.onmessage = function (reply) {
          waiting.shift();
          pass(reply.data);
        };
        learning.onerror = function () { // no learner after all: the queries go on as typed
          learning = null;
          waiting.splice(0).forEach(pass);
        };
        learning.postMessage(message.data);
      } else if (message && message.type === QUERY && typeof message.data === "string" && shards) {
        event.stopImmediatePropagation();
        shards.ask(message.data);
      } else if (message && message.type === QUERY && typeof message.data === "string" && learning) {
        event.stopImmediatePropagation(); // Material's code gets it back rewritten
        waiting.push(message.data);
        learning.postMessage(message.data);
      }
    });
    function pass(query) {
      var rewritten = new MessageEvent("message", { data: { type: QUERY, data: query } });
      ours.add(rewritten);
      dispatchEvent(rewritten);
    }

    // Queries over the shards, one at a time (while one is answered, only the latest typed waits, and the one
    // being answered is dropped): the query's entries go to Material's worker as an index of their own (its READY
    // is not passed on), then the query.
    // Material's results for a query over the shards also say how many pages matched in all (hbTotal: it lists the
    // first CAP of them; docs/assets/search-clean.js shows the total).
    var post = self.postMessage, ready = null, total = null;
    self.postMessage = function (message) {
      if (message && message.type === READY && ready) {
        var done = ready;
        ready = null;
        return done();
      }
      if (message && message.type === RESULT && message.data && total !== null) {
        message.data.hbTotal = total;
        total = null;
      }
      return post.apply(self, arguments);
    };
    function sharded(index) {
      var next = null, busy = false;
      function run() {
        if (busy || next === null) return;
        var query = next;
        next = null;
        if (!query.trim()) return pass(query); // nothing to look up: Material answers it with no results
        busy = true;
        index.search(query).catch(function (error) {
          console.warn("search shards:", error); // a shard that did not arrive: no results rather than stale ones
          return { query: query, docs: [], witnesses: [], pages: 0 };
        }).then(function (found) {
          if (next !== null) return; // typed on meanwhile: its results would only flash before the newer ones
          return new Promise(function (resolve) {
            ready = resolve;
            var setup = new MessageEvent("message", { data: { type: SETUP, data: index.setupFor(found) } });
            ours.add(setup);
            dispatchEvent(setup);
          }).then(function () {
            total = found.pages;
            pass(found.query);
          });
        }).then(function () {
          busy = false;
          run();
        });
      }
      return { ask: function (query) { next = query; run(); } };
    }
    importScripts(material);
  }

  // A learner: a worker of its own, or (where workers cannot start workers) this worker answering later.
  function start() {
    if (typeof Worker !== "undefined") {
      try { return new Worker(location.pathname + "?learn"); } catch (e) { /* learn here */ }
    }
    var here = {
      postMessage: function (data) {
        var reply = answer(data);
        if (reply !== undefined) setTimeout(function () { here.onmessage({ data: reply }); });
      }
    };
    return here;
  }

  function learn(index) {
    var began = Date.now();
    separator = new RegExp(index.config.separator);
    words = new Map();
    total = 0;
    sectionCount = index.docs.length;
    index.docs.forEach(function (doc, n) {
      [doc.title, doc.text].concat(doc.tags || []).forEach(function (field, f) {
        if (!field) return;
        var terms = field.replace(/<[^>]*>/g, " ").toLowerCase().split(separator);
        for (var i = 0; i < terms.length; i++) {
          var term = terms[i];
          if (!term) continue;
          var word = words.get(term);
          if (!word) words.set(term, (word = { count: 0, df: 0, docs: [], titles: [] }));
          word.count++;
          if (word.docs[word.docs.length - 1] !== n) word.docs.push(n);
          if (f === 0 && word.titles[word.titles.length - 1] !== n) word.titles.push(n);
          total++;
        }
      });
    });
    var none = new Int32Array(0);
    words.forEach(function (word) { // a third of the memory as typed arrays
      word.df = word.docs.length;
      word.docs = Int32Array.from(word.docs);
      word.titles = word.titles.length ? Int32Array.from(word.titles) : none;
    });
    if (typeof performance !== "undefined" && performance.measure) {
      try { performance.measure("hb-search:learn", { start: performance.now() - (Date.now() - began) }); } catch (e) { /* old browsers */ }
    }
  }

  // The most probable cut of a Chinese run into indexed words (never into ``whole`` itself, when given);
  // characters the index lacks stay single.
  function cut(run, whole) {
    var best = [0], from = [0], unknown = Math.log(0.01 / total);
    for (var i = 1; i <= run.length; i++) {
      best[i] = -Infinity;
      for (var j = Math.max(0, i - LONGEST); j < i; j++) {
        var piece = run.slice(j, i), word = piece === whole ? null : words.get(piece);
        var score = word ? Math.log(word.count / total) : i - j === 1 ? unknown : -Infinity;
        if (best[j] + score > best[i]) {
          best[i] = best[j] + score;
          from[i] = j;
        }
      }
    }
    var out = [];
    for (var k = run.length; k > 0; k = from[k]) out.unshift(run.slice(from[k], k));
    return out;
  }

  // How many sections hold ``term``, or a word it begins (a Latin word being typed, a character the index lacks).
  function sections(term) {
    var word = words.get(term);
    if (word) return word.df;
    var found = new Set();
    words.forEach(function (w, t) {
      if (t.lastIndexOf(term, 0) === 0) w.docs.forEach(function (d) { found.add(d); });
    });
    return found.size;
  }

  // The most of ``terms`` (indexed words) that one section holds together (in its title when ``field``
  // is "titles"), the rarer words when several sets tie.
  function together(terms, field) {
    var best = [], bestRarity = -Infinity;
    var rarities = terms.map(function (t) { return -Math.log(words.get(t).df); });
    var held = new Map(); // section -> indexes of the terms it holds: only sections holding one are visited
    terms.forEach(function (t, i) {
      words.get(t)[field].forEach(function (n) {
        var has = held.get(n);
        if (has) has.push(i);
        else held.set(n, [i]);
      });
    });
    Array.from(held.keys()).sort(function (a, b) { return a - b; }).forEach(function (n) {
      var has = held.get(n);
      if (has.length < best.length) return;
      var rarity = has.reduce(function (sum, i) { return sum + rarities[i]; }, 0);
      if (has.length > best.length || rarity > bestRarity) {
        best = has.map(function (i) { return terms[i]; });
        bestRarity = rarity;
      }
    });
    return best;
  }

  // The words a query requires: all of them when one section holds them all; otherwise the most that
  // one section holds together, a title's words winning a tie (the reader said 区别 where the question
  // says 优缺点: 区别 is left optional); none (OR) when no two words meet.
  function required(main) {
    var inText = together(main, "docs");
    if (inText.length === main.length) return inText;
    var inTitle = together(main, "titles");
    var chosen = inTitle.length >= inText.length ? inTitle : inText;
    return chosen.length > 1 ? chosen : [];
  }

  // The words of a query as the index holds them (a Chinese run not in the index cut into its words), and the
  // parts of its long words: what rewrite() looks up.
  function terms(query) {
    var found = [], parts = [];
    query.toLowerCase().split(separator).forEach(function (piece) {
      if (!piece) return;
      (HAN.test(piece) && !words.has(piece) ? cut(piece) : [piece]).forEach(function (t) {
        if (found.indexOf(t) < 0) found.push(t);
      });
    });
    // A long word (为什么做产品经理, taught to jieba as a tag's synonym) also ranks by the words it is made
    // of, as titles hold them: optional.
    found.forEach(function (t) {
      if (t.length > 2 && HAN.test(t) && words.has(t) && !ASKING.has(t)) {
        cut(t, t).forEach(function (part) {
          if (part.length > 1 && words.has(part) && found.indexOf(part) < 0 && parts.indexOf(part) < 0) parts.push(part);
        });
      }
    });
    return { terms: found, parts: parts };
  }

  function rewrite(query) {
    if (!query.trim() || SYNTAX.test(query)) return query;
    var cutting = terms(query), all = cutting.terms;
    var main = all.filter(function (t) {
      return words.has(t) && !ASKING.has(t) && !(t.length === 1 && HAN.test(t));
    });
    var must = required(main);
    return all.concat(cutting.parts).map(function (t) {
      var known = words.has(t);
      if (!known && !sections(t)) return "";
      if (main.length && t.length === 1 && HAN.test(t) && sections(t) > COMMON * sectionCount) return ""; // 的, 你
      var kept = t.length > 1 && HAN.test(t) ? t + KEEP : t;
      if (must.indexOf(t) >= 0) return "+" + kept;
      return known && main.length ? kept + "^1" : kept + "*"; // single characters alone: as typed so far
    }).filter(Boolean).join(" ") || query;
  }

  // For docs/assets/search-shards.js, in the same worker: the words come from the shards' vocabulary.
  if (typeof document === "undefined") {
    self.hbQuery = {
      use: function (vocabulary, count, sectionsInIndex, pattern) {
        words = vocabulary;
        total = count;
        sectionCount = sectionsInIndex;
        separator = pattern;
      },
      terms: function (query) {
        var cutting = terms(query);
        return cutting.terms.concat(cutting.parts);
      },
      rewrite: rewrite,
      syntax: function (query) { return SYNTAX.test(query); }
    };
  }
})();
