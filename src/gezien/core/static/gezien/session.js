// Two minutes before an idle session ends, offer to stay logged in (WCAG 2.2.1). Without
// JavaScript the session simply ends; drafts are saved on the server, so nothing is lost.
(function () {
  "use strict";
  var box = document.getElementById("session-warning");
  if (!box) { return; }
  var idle = parseInt(box.getAttribute("data-idle-seconds"), 10) * 1000;
  var form = box.querySelector("form");
  var warnTimer = null;
  var endTimer = null;

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    box.hidden = true;
    warnTimer = window.setTimeout(function () { box.hidden = false; }, Math.max(idle - 120000, 0));
    endTimer = window.setTimeout(function () {
      window.location.replace("/account/inloggen/?verlopen=1");
    }, idle + 1000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (response) {
      if (response.ok) { schedule(); } else { form.submit(); }
    }, function () { form.submit(); });
  });
  // An autosave keeps the session alive on the server, so it restarts the clock here too.
  document.addEventListener("gezien:activity", schedule);
  schedule();
})();
