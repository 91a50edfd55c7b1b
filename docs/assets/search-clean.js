// The search index separates Chinese words with U+007F (handbook.search.WORD_BREAK; Material's own
// build uses zero-width spaces). Strip both from rendered results so that what is shown and copied is clean.
// When the index is in shards, Material lists the best 30 pages of a query (docs/assets/search-shards.js): its
// count then says how many matched in all (window.hbSearchTotal, from the worker's result, set by
// overrides/partials/javascripts/base.html).
(function () {
  "use strict";
  var BREAK = /[\u007f\u200b]/, BREAKS = /[\u007f\u200b]/g; // test() on a /g pattern would keep its lastIndex

  function clean(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      if (BREAK.test(node.nodeValue)) {
        node.nodeValue = node.nodeValue.replace(BREAKS, "");
      }
    }
  }

  var LISTED = /^(\d+) 个符合条件的结果$/; // Material's Chinese count of the pages listed

  function count(results) {
    var meta = results.querySelector(".md-search-result__meta");
    var listed = meta && LISTED.exec(meta.textContent.trim()), total = window.hbSearchTotal;
    if (listed && total > Number(listed[1])) meta.textContent = total + " 个符合条件的结果，列出最相关的 " + listed[1] + " 个";
  }

  function watch() {
    var results = document.querySelector(".md-search-result");
    if (!results) return;
    new MutationObserver(function () {
      clean(results);
      count(results);
    })
      .observe(results, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
