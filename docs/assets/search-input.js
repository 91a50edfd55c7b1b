// Material's search runs on key presses (keyup). Text that arrives without one -
// pasted with the mouse, the end of an IME composition, voice input, autofill -
// would start no search: pass every change of the box on as a keyup.
(function () {
  "use strict";

  function watch() {
    var input = document.querySelector(".md-search__input");
    if (!input) return;
    var seen = input.value;

    function searchIfChanged() {
      if (input.value === seen) return;
      seen = input.value;
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }

    input.addEventListener("input", function (event) {
      if (!event.isComposing) searchIfChanged(); // mid-composition text is not the query yet
    });
    input.addEventListener("compositionend", searchIfChanged);
    input.addEventListener("keyup", function () { seen = input.value; });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
