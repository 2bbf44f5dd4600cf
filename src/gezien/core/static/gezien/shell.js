// Small improvements to the page shell; every page works without them.
(function () {
  "use strict";

  // The sticky top bar is one line; should it wrap (long words, large text), the space kept
  // free above what has focus (scroll-padding-top) grows with it.
  var bar = document.querySelector(".top-bar");
  if (bar && window.ResizeObserver) {
    new ResizeObserver(function () {
      document.documentElement.style.setProperty("--top-bar-offset", bar.offsetHeight + "px");
    }).observe(bar);
  }

  // The menu is a <details>: Escape closes it and puts focus back on its button.
  document.querySelectorAll("[data-menu]").forEach(function (menu) {
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  });

  // Print buttons need JavaScript, so they are hidden until it runs. Before printing, every
  // disclosure opens, so the paper holds what the screen keeps folded away.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("main details:not([open])").forEach(function (details) {
      details.open = true;
      details.dataset.printOpened = "";
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("main details[data-print-opened]").forEach(function (details) {
      details.open = false;
      delete details.dataset.printOpened;
    });
  });

  // Copy buttons: `data-copy` names the field to copy; the result is said in the element
  // named by `data-copy-status` (a role=status region on the page from the start).
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.dataset.copy);
    var status = document.getElementById(button.dataset.copyStatus);
    if (!field || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        status.textContent = button.dataset.copied;
      }, function () {
        field.focus();
        field.select();
        status.textContent = button.dataset.notCopied;
      });
    });
  });
})();
