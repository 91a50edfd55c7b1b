/* Self-test on question pages: "先自己答" folds the answer outline and the examples
 * (div.hb-answer) behind a "显示参考答案" button, so a reader can answer first and
 * then compare. The choice is remembered on this device (localStorage) for every
 * question page; the answer is open by default and without JavaScript.
 */
(function () {
  "use strict";

  var KEY = "hb-selftest";

  function stored() {
    try {
      return window.localStorage.getItem(KEY) === "1";
    } catch (error) {
      return false; // storage blocked (private mode, file://): the switch works for this page only
    }
  }

  function store(on) {
    try {
      window.localStorage.setItem(KEY, on ? "1" : "0");
    } catch (error) {
      /* not remembered */
    }
  }

  function setUp() {
    var box = document.querySelector(".hb-selftest");
    var answer = document.getElementById("answer");
    if (!box || !answer) return;
    var mode = box.querySelector(".hb-selftest-mode");
    var reveal = box.querySelector(".hb-reveal");

    function fold(hidden) {
      answer.hidden = hidden;
      reveal.hidden = !hidden;
      reveal.setAttribute("aria-expanded", hidden ? "false" : "true");
    }

    // A link to a section inside the answer (#outline, #examples; the table of contents) opens it.
    function linkedInto() {
      var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
      return Boolean(target && answer.contains(target));
    }

    mode.checked = stored();
    fold(mode.checked && !linkedInto());
    box.hidden = false;
    window.addEventListener("hashchange", function () {
      if (answer.hidden && linkedInto()) {
        fold(false);
        document.getElementById(decodeURIComponent(window.location.hash.slice(1))).scrollIntoView({ block: "start" });
      }
    });

    mode.addEventListener("change", function () {
      store(mode.checked);
      fold(mode.checked);
    });
    reveal.addEventListener("click", function () {
      fold(false);
      answer.querySelector("h2").scrollIntoView({ block: "start" });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
