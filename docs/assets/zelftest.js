/* Test jezelf: a "Controleer" button per question, feedback in a live region, the score at the end.
   Without JavaScript every question keeps its answers and the right answer behind "Bekijk het juiste
   antwoord", so nothing here is needed to use the test. Nothing is stored or sent: no cookies, no
   local storage, no requests. */
(function () {
  "use strict";

  var shared = window.beleidInteractief;

  function button(text, onClick) {
    return shared.button("zt-knop", text, onClick);
  }

  function start(root) {
    var questions = Array.prototype.slice.call(root.querySelectorAll("[data-zt-vraag]"));
    var score = root.querySelector("[data-zt-score]");
    var results = {};   // question id -> true (right) or false, for the first answer checked

    function radios(question) {
      return Array.prototype.slice.call(question.querySelectorAll("input[type=radio]"));
    }

    function finish() {
      var answered = Object.keys(results).length;
      if (answered < questions.length) {
        score.textContent = "";
        return;
      }
      var right = Object.keys(results).filter(function (key) { return results[key]; }).length;
      score.innerHTML = "";
      var line = document.createElement("p");
      line.className = "zt-uitslag";
      line.textContent = "Je score: " + right + " van de " + questions.length + " vragen goed. " +
        (right === questions.length ? "Knap gedaan!" : "Lees de uitleg bij de andere vragen nog eens na.");
      score.appendChild(line);
      score.appendChild(button("Opnieuw beginnen", restart));
    }

    function restart() {
      results = {};
      questions.forEach(function (question) {
        radios(question).forEach(function (radio) { radio.checked = false; radio.disabled = false; });
        question.querySelector("[data-zt-feedback]").innerHTML = "";
        question.classList.remove("zt-goed", "zt-fout");
      });
      score.textContent = "";
      var first = radios(questions[0])[0];
      if (first) first.focus();
    }

    questions.forEach(function (question) {
      var feedback = question.querySelector("[data-zt-feedback]");
      var explanation = question.querySelector("[data-zt-uitleg]");
      var check = button("Controleer", function () {
        var chosen = radios(question).filter(function (radio) { return radio.checked; })[0];
        feedback.innerHTML = "";
        if (!chosen) {
          var ask = document.createElement("p");
          ask.textContent = "Kies eerst een antwoord.";
          feedback.appendChild(ask);
          return;
        }
        var right = chosen.hasAttribute("data-juist");
        if (!(question.id in results)) results[question.id] = right;
        radios(question).forEach(function (radio) { radio.disabled = radio !== chosen; });
        question.classList.add(right ? "zt-goed" : "zt-fout");
        var verdict = document.createElement("p");
        verdict.className = "zt-oordeel";
        verdict.textContent = right ? "Juist!" : "Niet juist.";
        feedback.appendChild(verdict);
        Array.prototype.forEach.call(explanation.querySelectorAll("p"), function (p) {
          if (right && p.classList.contains("zt-juist")) return;   // "Juist is B" adds nothing then
          feedback.appendChild(p.cloneNode(true));
        });
        finish();
      });
      question.insertBefore(check, feedback);
    });
    root.classList.add("zt-actief");
  }

  shared.onEveryPage("[data-zelftest]", start);
})();
