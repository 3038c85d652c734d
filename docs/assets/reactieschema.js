/* Reactieschema: shows the response scheme one step at a time, with "Terug" and "Opnieuw beginnen".
   Without JavaScript every step stays visible and every answer is a link to the next step, so nothing
   here is needed to read the scheme. Needs interactief.js before it; no requests. */
(function () {
  "use strict";

  var shared = window.beleidInteractief;

  function button(text, onClick) {
    return shared.button("rs-knop", text, onClick);
  }

  function start(root) {
    var steps = Array.prototype.slice.call(root.querySelectorAll(".rs-stap"));
    var byKey = {};
    steps.forEach(function (step) { byKey[step.getAttribute("data-stap")] = step; });
    var trail = [];           // the steps behind the current one, with the answer chosen there
    var current = null;

    var path = document.createElement("p");
    path.className = "rs-pad";
    var back = button("Terug", function () { var last = trail.pop(); show(last.step, true); });
    var again = button("Opnieuw beginnen", function () { trail = []; show(steps[0], true); });
    var bar = document.createElement("div");
    bar.className = "rs-knoppen";
    bar.appendChild(back);
    bar.appendChild(again);
    root.insertBefore(path, root.firstChild);
    root.appendChild(bar);

    function show(step, focus) {
      steps.forEach(function (other) { other.hidden = other !== step; });
      current = step;
      back.disabled = trail.length === 0;
      again.hidden = trail.length === 0;
      path.textContent = trail.length ? "Je koos: " + trail.map(function (t) { return t.answer; }).join(" › ") : "";
      path.hidden = trail.length === 0;
      if (focus) step.querySelector("h3").focus();
    }

    root.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-naar], a[data-opnieuw]");
      if (!link || !root.contains(link)) return;
      event.preventDefault();
      if (link.hasAttribute("data-opnieuw")) {
        trail = [];
        show(steps[0], true);
        return;
      }
      var answer = link.cloneNode(true);
      Array.prototype.forEach.call(answer.querySelectorAll(".rs-naar"), function (n) { n.remove(); });
      trail.push({ step: current, answer: answer.textContent.trim() });
      show(byKey[link.getAttribute("data-naar")], true);
    });

    root.classList.add("rs-actief");
    // A link to one step (reactieschema/#rs-...) opens at that step.
    var wanted = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    show(wanted && steps.indexOf(wanted) >= 0 ? wanted : steps[0], false);
  }

  shared.onEveryPage("[data-reactieschema]", start);
})();
