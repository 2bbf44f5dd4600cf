// Never lose words: saves a form's fields as an encrypted draft on the server, a few
// seconds after a change and when the page is hidden or closed. Nothing is kept in
// browser storage. Without JavaScript the "Save draft" button does the same job.
(function () {
  "use strict";
  var SAVE_AFTER = 3000;
  var RETRY_AFTER = 10000;
  var POLL_EVERY = 10000;

  document.querySelectorAll("[data-draft-status]").forEach(function (status) {
    var form = status.closest("form");
    if (form) { setup(form, status); }
  });

  function payload(form) {
    return new URLSearchParams(new FormData(form));
  }

  // What the person typed, without the parts that change with every save.
  function fingerprint(form) {
    var params = payload(form);
    params.delete("draft_version");
    params.delete("csrfmiddlewaretoken");
    return params.toString();
  }

  function setup(form, status) {
    var text = status.dataset;
    var version = form.querySelector("input[name=draft_version]");
    var saved = fingerprint(form);
    var state = "ok"; // ok | expired | conflict | done
    var busy = false;
    var again = false;
    var timer = null;
    var poller = null;
    var alertBox = null;

    function show(message) {
      if (status.textContent !== message) { status.textContent = message; }
    }

    function changed() {
      return state === "ok" && fingerprint(form) !== saved;
    }

    function later(delay) {
      if (!timer) {
        timer = window.setTimeout(function () { timer = null; save(false); }, delay);
      }
    }

    function save(keepalive) {
      if (!changed()) { return; }
      if (busy) { again = true; return; }
      busy = true;
      var sent = fingerprint(form);
      if (!keepalive) { show(text.saving); }
      fetch(text.saveUrl, {
        method: "POST",
        body: payload(form),
        credentials: "same-origin",
        keepalive: keepalive,
        headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
      }).then(function (response) {
        return response.json().then(function (data) { handle(data, sent); });
      }).catch(function () {
        if (!keepalive) { show(text.offline); later(RETRY_AFTER); }
      }).then(function () {
        busy = false;
        if (again) { again = false; save(false); }
      });
    }

    function handle(data, sent) {
      if (data.status === "saved") {
        version.value = data.version;
        saved = sent;
        show(data.message);
        // Typing is activity: lets the session timer know the person is still here.
        document.dispatchEvent(new CustomEvent("gezien:activity"));
      } else if (data.status === "expired") {
        state = "expired";
        show(data.message);
        warn(data.message, data.login_url, data.login_label);
        poll();
      } else if (data.status === "conflict") {
        state = "conflict";
        show(data.message);
        showConflict(data.panel);
      } else if (data.status === "submitted") {
        state = "done";
        show(data.message);
      } else {
        show(data.message || text.failed);
      }
    }

    function warn(message, href, label) {
      clearAlert();
      alertBox = document.createElement("div");
      alertBox.className = "notice draft-alert";
      alertBox.setAttribute("role", "alert");
      var p = document.createElement("p");
      p.textContent = message;
      alertBox.appendChild(p);
      if (href) {
        var link = document.createElement("a");
        link.href = href;
        link.target = "_blank";
        link.textContent = label;
        alertBox.appendChild(link);
      }
      status.parentNode.insertBefore(alertBox, status.nextSibling);
    }

    function clearAlert() {
      if (alertBox) { alertBox.remove(); alertBox = null; }
    }

    // After a session ended: check now and then whether the person logged in again
    // (in another tab), take the new form token and carry on saving.
    function poll() {
      if (poller) { return; }
      poller = window.setInterval(check, POLL_EVERY);
    }

    function check() {
      if (state !== "expired") { return; }
      fetch(text.statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (!data.logged_in || state !== "expired") { return; }
          document.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach(function (input) {
            input.value = data.csrf;
          });
          window.clearInterval(poller);
          poller = null;
          state = "ok";
          clearAlert();
          show(text.back);
          save(false);
        })
        .catch(function () { /* still offline: the next check tries again */ });
    }

    // Two versions: the server sends a panel to choose; before it is sent, it takes
    // what is on the page at that moment (the person may have typed on).
    function showConflict(html) {
      var old = document.querySelector(".draft-conflict");
      if (old) { old.remove(); }
      form.insertAdjacentHTML("beforebegin", html);
      var panel = form.previousElementSibling;
      var choose = panel.querySelector("form[data-draft-resolve]");
      choose.addEventListener("submit", function () {
        var names = (form.querySelector("input[name=draft_fields]").value || "").split(" ");
        var current = new FormData(form);
        names.forEach(function (name) {
          if (!name) { return; }
          choose.querySelectorAll("input[name='mine:" + name + "']").forEach(function (input) { input.remove(); });
          current.getAll(name).forEach(function (value) {
            var input = document.createElement("input");
            input.type = "hidden";
            input.name = "mine:" + name;
            input.value = value;
            choose.appendChild(input);
          });
        });
      });
      var heading = panel.querySelector("h2");
      if (heading) { heading.focus(); }
    }

    form.addEventListener("input", function () { later(SAVE_AFTER); });
    form.addEventListener("change", function () { later(SAVE_AFTER); });

    // The "Save draft" button: save now, without leaving the page.
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[name=draft_action]");
      if (!button) { return; }
      event.preventDefault();
      if (state === "ok" && !changed()) { show(status.textContent || text.saving); }
      save(false);
    });

    // The real submit: ignore a second click within a second, and pause saving drafts
    // meanwhile. (A draft save that arrives after the entry was stored is refused by the
    // server, because the form's submit token is used.)
    form.addEventListener("submit", function (event) {
      if (form.dataset.submitting) { event.preventDefault(); return; }
      form.dataset.submitting = "1";
      var before = state;
      state = "done";
      window.clearTimeout(timer);
      timer = null;
      window.setTimeout(function () {
        delete form.dataset.submitting;
        if (state === "done") { state = before; }
      }, 1000);
    });

    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { save(true); } else { check(); }
    });
    window.addEventListener("pagehide", function () { save(true); });
    window.addEventListener("focus", check);
  }
})();
