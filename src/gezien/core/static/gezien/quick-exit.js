// Quick exit: a click on the button, or Shift pressed three times (each press within five
// seconds of the one before), blanks the page at once and replaces it in the history with
// the exit address, so Back does not show it. Without JavaScript the button is a plain link.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) { return; }
  var status = document.getElementById("quick-exit-status");
  var lang = document.documentElement.lang === "en" ? "en" : "nl";
  var text = {
    nl: { two: "Druk nog 2 keer op Shift om snel weg te gaan.", one: "Druk nog 1 keer op Shift om snel weg te gaan." },
    en: { two: "Press Shift 2 more times to leave this site.", one: "Press Shift 1 more time to leave this site." }
  }[lang];
  var presses = 0;
  var lastPress = 0;
  var shiftUsedAsModifier = false;
  var resetTimer = null;

  function leave() {
    document.documentElement.classList.add("leaving");
    window.location.replace(link.href);
  }

  function reset() {
    presses = 0;
    if (status) { status.textContent = ""; }
  }

  link.addEventListener("click", function (event) {
    event.preventDefault();
    leave();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { shiftUsedAsModifier = false; }
      return;
    }
    // Shift held down with another key (typing a capital) is not a quick-exit press.
    if (event.shiftKey) { shiftUsedAsModifier = true; }
    reset();
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || shiftUsedAsModifier) { return; }
    var now = Date.now();
    if (now - lastPress > 5000) { presses = 0; }
    lastPress = now;
    presses += 1;
    if (presses >= 3) { leave(); return; }
    if (status) { status.textContent = presses === 1 ? text.two : text.one; }
    window.clearTimeout(resetTimer);
    resetTimer = window.setTimeout(reset, 5000);
  });

  // A page restored from the back/forward cache after leaving must not show content again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.documentElement.classList.contains("leaving")) {
      window.location.replace(link.href);
    }
  });
})();
