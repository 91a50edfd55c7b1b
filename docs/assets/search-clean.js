// The search index separates Chinese words with U+007F (handbook.search.WORD_BREAK; Material's own
// build uses zero-width spaces). Strip both from rendered results so that what is shown and copied is clean.
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

  function watch() {
    var results = document.querySelector(".md-search-result");
    if (!results) return;
    new MutationObserver(function () { clean(results); })
      .observe(results, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
