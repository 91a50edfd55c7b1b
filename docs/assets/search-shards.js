// The search index in shards (scripts/handbook/searchshards.py writes them for large banks).
//
// Loaded by docs/assets/search-query.js into the search worker when search_index.json says where the shards
// are instead of holding the entries. For each query it
// 1. reads the vocabulary (meta.json, once) and the postings of the query's words (p<k>.txt, a shard per first
//    character), and rewrites the query as search-query.js does with the whole index;
// 2. finds the entries Lunr would return for the rewritten query over the whole index and scores them as Lunr
//    and Material would (BM25 with b = 0, field and entry boosts, Material's bonus for pages and for query words
//    found), from the postings alone;
// 3. fetches the best CAP pages (d<n>.json, ranked by their best entry, as Material lists them); Material's
//    worker indexes just those, with the term weights of the whole index (patched lunr.idf) and the whole index's
//    words present, so that it cuts the query the same way: it ranks them as it would have ranked them in the
//    whole index, and shows and highlights them.
(function () {
  "use strict";

  var CAP = 30; // pages handed to Material for one query: three screens of its results (each a request)
  var KEEP_PAGES = 2000; // pages kept for later queries (a few megabytes)
  var K1 = 1.2; // Lunr's BM25 k1; Material sets b = 0, so the length of a field does not count
  var FIELDS = ["title", "text", "tags"];
  var HAN_RUN = /\p{sc=Han}+/gu; // what Material's worker cuts into words

  // ``root``: the site's address; ``setup``: Material's SETUP data, whose config says where the shards are.
  self.hbShards = function (setup, root, query, lunr) {
    return new Shards(setup, root, query, lunr);
  };

  function Shards(setup, root, query, lunr) {
    this.setup = setup;
    this.root = root;
    this.base = new URL(setup.config.shards.path, root).href;
    this.query = query;
    this.lunr = lunr;
    this.current = null; // what Lunr's next build patches in
    this.files = new Map(); // name -> promise of its parsed content, forgotten if it fails (the next query retries)
    this.pagesKept = 0;
    patch(this);
  }

  Shards.prototype.once = function (name, read) {
    var files = this.files, known = files.get(name);
    if (!known) {
      known = this.fetch(name).then(read);
      var self_ = this;
      known.catch(function () {
        if (files.get(name) !== known) return;
        files.delete(name);
        if (name.charAt(0) === "d") self_.pagesKept--;
      });
      files.set(name, known);
      if (name.charAt(0) === "d" && ++this.pagesKept > KEEP_PAGES) { // the pages fetched longest ago go
        for (var key of files.keys()) {
          if (key.charAt(0) === "d") {
            files.delete(key);
            this.pagesKept--;
            break;
          }
        }
      }
    }
    return known;
  };

  // The vocabulary, fetched as the reader turns to search, before the first query.
  Shards.prototype.prepare = function () {
    var self_ = this;
    return this.once("meta.json", function (r) { return r.json().then(function (meta) { self_.use(meta); }); });
  };

  Shards.prototype.fetch = function (name) {
    return fetch(this.base + name).then(function (response) {
      if (!response.ok) {
        var error = new Error(name + ": " + response.status);
        error.missing = response.status === 404;
        throw error;
      }
      return response;
    });
  };

  Shards.prototype.use = function (meta) {
    var words = new Map(), total = 0;
    meta.words.split("\n").forEach(function (line) {
      if (!line) return;
      var f = line.split("\t"), count = parseInt(f[1], 36);
      words.set(f[0], {
        count: count, df: parseInt(f[2], 36), fdf: parseInt(f[3], 36), docs: null, titles: null, tf: null
      });
      total += count;
    });
    var starts = [], at = 0;
    meta.starts.split(" ").forEach(function (gap) { starts.push((at += parseInt(gap, 36))); });
    this.words = words;
    this.tokens = null; // the vocabulary as Lunr's token set (expand())
    this.count = meta.docs;
    this.shards = meta.shards;
    this.fields = meta.fields;
    this.boosts = meta.boosts;
    this.starts = starts;
    this.isStart = new Set(starts);
    this.query.use(words, total, meta.docs, new RegExp(this.setup.config.separator));
  };

  // Lunr's idf of a term over the whole index: fdf is the number of (entry, field) pairs holding it.
  Shards.prototype.idf = function (term) {
    var word = this.words.get(term), held = word ? word.fdf : 0;
    return Math.log(1 + Math.abs((this.count - held + 0.5) / (held + 0.5)));
  };

  Shards.prototype.shardOf = function (term) {
    return (Math.imul(term.codePointAt(0), 2654435761) >>> 0) % this.shards;
  };

  // The postings of every word beginning with the first characters of ``terms``.
  Shards.prototype.load = function (terms) {
    var self_ = this, wanted = new Set();
    terms.forEach(function (t) { wanted.add(self_.shardOf(t)); });
    return Promise.all(Array.from(wanted).map(function (k) {
      return self_.once("p" + k + ".txt", function (r) {
        return r.text().then(function (text) { self_.postings(text); });
      });
    }));
  };

  // p<k>.txt: a term per line, then its entries: the gap from the previous entry, then (when not once in the
  // text only) its counts in text, title and tags, base 36, dot-separated, trailing zeros left out.
  Shards.prototype.postings = function (text) {
    var words = this.words;
    text.split("\n").forEach(function (line) {
      if (!line) return;
      var tab = line.indexOf("\t"), word = words.get(line.slice(0, tab));
      if (!word) return;
      var entries = line.slice(tab + 1).split(" ");
      var docs = new Int32Array(entries.length), tf = new Uint16Array(entries.length * 3), titles = [], at = 0;
      entries.forEach(function (entry, i) {
        var f = entry.split(".");
        docs[i] = (at += parseInt(f[0], 36));
        // Kept in FIELDS' order: title, text, tags.
        tf[3 * i] = f.length > 2 ? parseInt(f[2], 36) : 0;
        tf[3 * i + 1] = f.length > 1 ? parseInt(f[1], 36) : 1;
        tf[3 * i + 2] = f.length > 3 ? parseInt(f[3], 36) : 0;
        if (tf[3 * i]) titles.push(docs[i]);
      });
      word.docs = docs;
      word.tf = tf;
      word.titles = Int32Array.from(titles);
    });
  };

  // The query as Material's worker will run it: Chinese runs cut against the index's words (its
  // segment()), Material's query transform, then Lunr's own parser.
  Shards.prototype.clauses = function (query) {
    var words = this.words, lunr = this.lunr;
    var cut = query.replace(HAN_RUN, function (run) { return segment(run, words).join("* "); });
    var parsed = new lunr.Query(FIELDS);
    new lunr.QueryParser(transform(cut), parsed).parse();
    return parsed.clauses;
  };

  // The vocabulary's words a clause matches, found as Lunr's index finds them (its token set intersected with the
  // clause's: the term itself, its wildcards' expansions or the words within its edit distance). They may begin with
  // any character (*控, 风控~1): their shards are known from this list alone.
  Shards.prototype.expand = function (clause) {
    var lunr = this.lunr;
    if (!this.tokens) this.tokens = lunr.TokenSet.fromArray(Array.from(this.words.keys()).sort());
    return this.tokens.intersect(lunr.TokenSet.fromClause(clause)).toArray();
  };

  // A page opened before a newer build was published asks for shards that are gone (their folder is named by
  // their hash): it reads where the new ones are and starts over with them, once.
  Shards.prototype.search = function (query) {
    var self_ = this;
    return this.searchHere(query).catch(function (error) {
      if (!error.missing) throw error;
      return fetch(new URL("search/search_index.json", self_.root).href, { cache: "no-cache" }).then(function (r) {
        return r.json();
      }).then(function (index) {
        var base = index.config && index.config.shards && new URL(index.config.shards.path, self_.root).href;
        if (!base || base === self_.base) throw error;
        self_.base = base;
        self_.setup = { config: index.config, docs: [], options: self_.setup.options };
        self_.files = new Map();
        self_.pagesKept = 0;
        return self_.searchHere(query);
      });
    });
  };

  // The best CAP pages for ``query`` and everything Material's worker needs to rank them as in the whole index:
  // the words of the query first (rewrite() looks them up; a query in Lunr's syntax is not rewritten), then those of
  // the query as Material's worker will run it.
  Shards.prototype.searchHere = function (query) {
    var self_ = this;
    return this.prepare().then(function () {
      return self_.load(self_.query.syntax(query) ? [] : self_.query.terms(query));
    }).then(function () {
      var rewritten = self_.query.rewrite(query);
      var clauses = self_.clauses(rewritten);
      var expanded = clauses.map(function (clause) { return self_.expand(clause); });
      return self_.load([].concat.apply([], expanded)).then(function () {
        return self_.best(rewritten, clauses, expanded);
      });
    });
  };

  // ``expanded``: each clause's words (expand()), their postings loaded.
  Shards.prototype.best = function (rewritten, clauses, expanded) {
    var self_ = this, lunr = this.lunr;
    var scores = new Map(), found = new Map(), excluded = new Set(), required = null;
    clauses.forEach(function (clause, c) {
      var fields = clause.fields || FIELDS;
      var prohibited = clause.presence === lunr.Query.presence.PROHIBITED;
      var matches = new Set();
      expanded[c].forEach(function (term) {
        var word = self_.words.get(term), idf = self_.idf(term);
        for (var i = 0; i < word.docs.length; i++) {
          var doc = word.docs[i], score = 0, held = false;
          for (var f = 0; f < FIELDS.length; f++) {
            var tf = word.tf[3 * i + f];
            if (!tf || fields.indexOf(FIELDS[f]) < 0) continue;
            held = true;
            var boost = (self_.fields[FIELDS[f]] || 1) * (self_.boosts[doc] || 1);
            score += Math.round(idf * (K1 + 1) * tf / (K1 + tf) * boost * 1000) / 1000;
          }
          if (!held) continue;
          matches.add(doc);
          if (prohibited) continue;
          scores.set(doc, (scores.get(doc) || 0) + score * clause.boost);
          var terms = found.get(doc);
          if (!terms) found.set(doc, (terms = new Set()));
          terms.add(term);
        }
      });
      if (prohibited) matches.forEach(function (d) { excluded.add(d); });
      else if (clause.presence === lunr.Query.presence.REQUIRED) {
        required = required ? new Set(Array.from(required).filter(function (d) { return matches.has(d); })) : matches;
      }
    });
    // Material's bonus: pages over their sections, and entries holding more of the query's words.
    var named = [];
    clauses.forEach(function (clause) {
      if (clause.presence === lunr.Query.presence.PROHIBITED) return;
      var term = clause.term.replace(/^\*/, "").replace(/\*$/, "");
      if (named.indexOf(term) < 0) named.push(term);
    });
    var ranked = [];
    scores.forEach(function (score, doc) {
      if (excluded.has(doc) || (required && !required.has(doc))) return;
      var terms = Array.from(found.get(doc)), counted = 0, hit = 0;
      named.forEach(function (term) {
        var matched = terms.some(function (t) { return t.lastIndexOf(term, 0) === 0; });
        if (matched) hit++;
        if (matched || lunr.stopWordFilter(term)) counted++;
      });
      var bonus = +self_.isStart.has(doc) + hit / counted;
      ranked.push({ doc: doc, score: score * (1 + bonus * bonus) });
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    // Material lists pages in the order of their best entry: the first CAP pages, each with all its entries.
    var pages = new Set(), matched = new Set();
    ranked.forEach(function (r) {
      var page = self_.pageOf(r.doc);
      matched.add(page);
      if (pages.size < CAP) pages.add(page);
    });
    return Promise.all(Array.from(pages).sort(function (a, b) { return a - b; }).map(function (n) {
      return self_.once("d" + n + ".json", function (r) { return r.json(); });
    })).then(function (entries) {
      return {
        query: rewritten,
        docs: [].concat.apply([], entries),
        pages: matched.size,
        witnesses: self_.witnesses(rewritten)
      };
    });
  };

  Shards.prototype.pageOf = function (doc) {
    var lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= doc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // Every indexed word inside the query's Chinese runs: Material's worker cuts those runs against the words of its
  // index, which must then be those of the whole index.
  Shards.prototype.witnesses = function (query) {
    var words = this.words, out = new Set();
    (query.match(HAN_RUN) || []).forEach(function (run) {
      for (var i = 0; i < run.length; i++) {
        for (var j = i + 1; j <= run.length; j++) {
          if (words.has(run.slice(i, j))) out.add(run.slice(i, j));
        }
      }
    });
    return Array.from(out);
  };

  // What Material's worker gets for one query: its SETUP message's data.
  Shards.prototype.setupFor = function (found) {
    var data = {};
    for (var key in this.setup) data[key] = this.setup[key];
    data.docs = found.docs;
    this.current = found;
    return data;
  };

  // Lunr's build, while Material's worker indexes one query's entries: the whole index's words are present
  // (without entries) and every term weighs what it weighs in the whole index.
  function patch(shards) {
    var lunr = shards.lunr, build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      var found = shards.current, builder = this;
      if (!found) return build.call(this);
      shards.current = null;
      found.witnesses.forEach(function (term) {
        if (term in builder.invertedIndex) return;
        var posting = Object.create(null);
        posting._index = builder.termIndex++;
        Object.keys(builder._fields).forEach(function (field) { posting[field] = Object.create(null); });
        builder.invertedIndex[term] = posting;
      });
      var names = new Map();
      Object.keys(builder.invertedIndex).forEach(function (term) { names.set(builder.invertedIndex[term], term); });
      var idf = lunr.idf;
      lunr.idf = function (posting) { return shards.idf(names.get(posting)); };
      try {
        return build.call(this);
      } finally {
        lunr.idf = idf;
      }
    };
  }

  // Material's worker's segment(): a Chinese run cut greedily into the index's words, never using the run's last
  // character, overlapping pieces kept (the same cuts, written again here to find the same entries).
  function segment(run, words) {
    var longest = new Uint16Array(run.length), pieces = new Set();
    for (var i = 0; i < run.length; i++) {
      for (var j = i + 1; j < run.length; j++) {
        if (words.has(run.slice(i, j))) longest[i] = j - i;
      }
    }
    var stack = [0];
    while (stack.length) {
      var p = stack.pop();
      for (var q = 1; q < longest[p]; q++) {
        if (longest[p + q] > longest[p] - q) {
          pieces.add(run.slice(p, p + q));
          stack.push(p + q);
        }
      }
      var end = p + longest[p];
      if (longest[end] && end < run.length - 1) stack.push(end);
      pieces.add(run.slice(p, end));
    }
    return pieces.has("") ? [run] : Array.from(pieces);
  }

  // Material's query transform: quoted phrases required word by word, stray operators dropped, and a trailing
  // wildcard on every word that is neither required nor excluded nor boosted.
  function transform(query) {
    return query.trim()
      .split(/"([^"]+)"/g)
      .map(function (part, i) { return i & 1 ? part.replace(/^\b|^(?![^\x00-\x7F]|$)|\s+/g, " +") : part; })
      .join("")
      .replace(/"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)/g, "")
      .split(/\s+/g)
      .map(function (t) { return /([~^]$)/.test(t) ? t + "1" : t; })
      .map(function (t) { return /(^[+-]|[~^]\d+$)/.test(t) ? t : t + "*"; })
      .join(" ");
  }
})();
