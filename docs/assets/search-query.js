// Chinese queries, cut into the index's words and ANDed.
//
// Material's search worker cuts a Chinese query itself, greedily against the words of the index
// but never with the run's last character, and ORs the pieces with trailing wildcards: 碰一碰
// becomes 碰* 一*, which finds 轮次：一面 on its 一 (and 一个, 一些, …). This file rewrites the query on its way to
// the worker (Worker.prototype.postMessage; the page posts it after Material's bundle has made
// the worker, and the index before it): it cuts each Chinese run into words the index holds
// (the most probable cut by the words' counts in the index, as jieba cut the index), makes the
// query's words required when at least one section holds them all, and falls back to OR
// otherwise. Single characters and question words (怎么, 什么, …) stay optional: they rank, never
// select. Queries written in Lunr's own syntax (+term, -term, term*, field:term) go unchanged.
(function () {
  "use strict";
  if (typeof Worker === "undefined") return;

  var SETUP = 0, QUERY = 2; // Material's SearchMessageType
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

  var index = null; // the index as posted to the worker
  var words = null; // term -> { count, docs: sections holding it, titles: sections whose title holds it }
  var total = 0, separator = null;

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === SETUP && message.data && message.data.docs) {
      index = message.data;
      words = null;
      setTimeout(function () { if (!words) learn(); }); // while the worker builds its index
    } else if (message && message.type === QUERY && typeof message.data === "string" && index) {
      args[0] = { type: QUERY, data: rewrite(message.data) };
    }
    return post.apply(this, args);
  };

  function learn() {
    separator = new RegExp(index.config.separator);
    words = new Map();
    total = 0;
    index.docs.forEach(function (doc, n) {
      [doc.title, doc.text].concat(doc.tags || []).forEach(function (field, f) {
        if (!field) return;
        field.replace(/<[^>]*>/g, " ").toLowerCase().split(separator).forEach(function (term) {
          if (!term) return;
          var word = words.get(term);
          if (!word) words.set(term, (word = { count: 0, docs: new Set(), titles: new Set() }));
          word.count++;
          word.docs.add(n);
          if (f === 0) word.titles.add(n);
          total++;
        });
      });
    });
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

  // Sections holding ``term``, or a word it begins (a Latin word being typed, a character the index lacks).
  function sections(term) {
    var word = words.get(term);
    if (word) return word.docs;
    var found = new Set();
    words.forEach(function (w, t) {
      if (t.lastIndexOf(term, 0) === 0) w.docs.forEach(function (d) { found.add(d); });
    });
    return found;
  }

  // The most of ``terms`` (indexed words) that one section holds together (in its title when ``field``
  // is "titles"), the rarer words when several sets tie.
  function together(terms, field) {
    var best = [], bestRarity = -Infinity;
    var holders = terms.map(function (t) { return words.get(t)[field]; });
    var rarities = terms.map(function (t) { return -Math.log(words.get(t).docs.size); });
    index.docs.forEach(function (_, n) {
      var held = terms.map(function (_, i) { return holders[i].has(n); });
      var chosen = terms.filter(function (_, i) { return held[i]; });
      if (!chosen.length || chosen.length < best.length) return;
      var rarity = rarities.reduce(function (sum, r, i) { return held[i] ? sum + r : sum; }, 0);
      if (chosen.length > best.length || rarity > bestRarity) {
        best = chosen;
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

  function rewrite(query) {
    if (!query.trim() || SYNTAX.test(query)) return query;
    if (!words) learn();
    var terms = [], parts = [];
    query.toLowerCase().split(separator).forEach(function (piece) {
      if (!piece) return;
      (HAN.test(piece) && !words.has(piece) ? cut(piece) : [piece]).forEach(function (t) {
        if (terms.indexOf(t) < 0) terms.push(t);
      });
    });
    var main = terms.filter(function (t) {
      return words.has(t) && !ASKING.has(t) && !(t.length === 1 && HAN.test(t));
    });
    var must = required(main);
    // A long word (为什么做产品经理, taught to jieba as a tag's synonym) also ranks by the words it is made
    // of, as titles hold them: optional.
    main.forEach(function (t) {
      if (t.length > 2 && HAN.test(t)) {
        cut(t, t).forEach(function (part) {
          if (part.length > 1 && words.has(part) && terms.indexOf(part) < 0 && parts.indexOf(part) < 0) parts.push(part);
        });
      }
    });
    return terms.concat(parts).map(function (t) {
      var known = words.has(t);
      if (!known && !sections(t).size) return "";
      if (main.length && t.length === 1 && HAN.test(t) && sections(t).size > COMMON * index.docs.length) return ""; // 的, 你
      var kept = t.length > 1 && HAN.test(t) ? t + KEEP : t;
      if (must.indexOf(t) >= 0) return "+" + kept;
      return known && main.length ? kept + "^1" : kept + "*"; // single characters alone: as typed so far
    }).filter(Boolean).join(" ") || query;
  }
})();
