// Material's Chinese search index separates words with zero-width spaces.
// Strip them from rendered results so that copied text is clean.
(function () {
  "use strict";
  var ZWSP = /\u200b/g;

  function clean(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      if (node.nodeValue.indexOf("\u200b") !== -1) {
        node.nodeValue = node.nodeValue.replace(ZWSP, "");
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
