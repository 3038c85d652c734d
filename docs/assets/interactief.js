/* What the interactive parts of the policy share (reactieschema.js, zelftest.js): a button, and starting
   each part once on every page that has it. Loaded on every page before them; it stores and sends nothing. */
window.beleidInteractief = (function () {
  "use strict";

  function button(className, text, onClick) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "md-button " + className;
    element.textContent = text;
    element.addEventListener("click", onClick);
    return element;
  }

  // Material's instant navigation swaps the page without reloading the scripts: start again on each
  // new page, and never twice on the same element.
  function onEveryPage(selector, start) {
    function startAll() {
      Array.prototype.forEach.call(document.querySelectorAll(selector), function (root) {
        if (root.hasAttribute("data-actief")) return;
        root.setAttribute("data-actief", "");
        start(root);
      });
    }
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(startAll);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", startAll);
    } else {
      startAll();
    }
  }

  return { button: button, onEveryPage: onEveryPage };
})();
