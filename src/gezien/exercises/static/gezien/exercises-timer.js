// The optional timer for tensing and relaxing muscles: it walks through the steps and
// says what to do and for how long. Without JavaScript the steps are plain text.
(function () {
  "use strict";
  var box = document.querySelector("[data-timer]");
  if (!box) { return; }
  var button = box.querySelector("[data-timer-button]");
  var status = box.querySelector("[data-timer-status]");
  var steps = Array.prototype.slice.call(document.querySelectorAll(".exercise-steps li"));
  var text = box.dataset;
  var timer = null;
  box.hidden = false;

  function mark(current) {
    steps.forEach(function (step) { step.removeAttribute("aria-current"); });
    if (current) { current.setAttribute("aria-current", "step"); }
  }

  function stop(message) {
    window.clearTimeout(timer);
    timer = null;
    mark(null);
    button.textContent = text.start;
    if (message) { status.textContent = message; }
  }

  function say(index, phase) {
    var step = steps[index];
    var prefix = text.step + " " + (index + 1) + " " + text.of + " " + steps.length + ". ";
    mark(step);
    if (phase === "tense" && step.dataset.tense) {
      status.textContent = prefix + text.tense + " (" + step.dataset.tense + " " + text.seconds + ")";
      timer = window.setTimeout(function () { say(index, "relax"); }, step.dataset.tense * 1000);
    } else if (step.dataset.relax) {
      status.textContent = prefix + text.relax + " (" + step.dataset.relax + " " + text.seconds + ")";
      timer = window.setTimeout(function () { next(index); }, step.dataset.relax * 1000);
    } else {
      next(index);
    }
  }

  function next(index) {
    if (index + 1 < steps.length && steps[index + 1].dataset.tense) {
      say(index + 1, "tense");
    } else {
      stop(text.done);
      if (steps[index + 1]) { mark(steps[index + 1]); }
    }
  }

  button.addEventListener("click", function () {
    if (timer) { stop(""); return; }
    button.textContent = text.stop;
    say(0, "tense");
  });
})();
