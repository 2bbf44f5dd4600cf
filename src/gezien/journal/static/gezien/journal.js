// The mood meter, a little easier with JavaScript (it works without):
// - ArrowUp and ArrowDown move a row up or down in the grid, not to the previous or next
//   square, as they do in any group of radio buttons;
// - a line under the grid says which square is chosen;
// - the grid and its text version do not contradict each other: a square chosen in the grid
//   clears the text version (which would count instead), and both questions answered in
//   words check the matching square.
(function () {
  "use strict";
  var COLUMNS = 5;
  document.querySelectorAll(".gz-mood").forEach(function (meter) {
    var grid = meter.querySelector("[data-mood-grid]");
    if (!grid) { return; }
    var cells = Array.prototype.slice.call(grid.querySelectorAll("input[type=radio]"));
    var status = meter.querySelector("[data-mood-status]");
    var text = meter.parentNode.querySelector(".gz-mood-text");
    var questions = text ? Array.prototype.slice.call(text.querySelectorAll("[data-mood-question]")) : [];

    function options(question) {
      return Array.prototype.slice.call(question.querySelectorAll("input[type=radio]"));
    }

    function say() {
      var chosen = cells.filter(function (cell) { return cell.checked; })[0];
      if (!chosen) { status.hidden = true; status.textContent = ""; return; }
      var name = chosen.parentNode.querySelector("[data-mood-name]").textContent;
      status.textContent = status.dataset.label + " " + name;
      status.hidden = false;
    }

    grid.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowUp" && event.key !== "ArrowDown") { return; }
      var index = cells.indexOf(document.activeElement);
      if (index < 0) { return; }
      var next = index + (event.key === "ArrowUp" ? -COLUMNS : COLUMNS);
      event.preventDefault();
      if (next < 0 || next >= cells.length) { return; }
      cells[next].checked = true;
      cells[next].focus();
      cells[next].dispatchEvent(new Event("change", { bubbles: true }));
    });

    meter.addEventListener("change", function () {
      questions.forEach(function (question) {
        options(question).forEach(function (option) { option.checked = false; });
      });
      say();
    });

    // Both questions answered in words: the grid shows the same square.
    if (text) {
      text.addEventListener("change", function () {
        var levels = questions.map(function (question) {
          return options(question).map(function (o) { return o.checked; }).indexOf(true);
        });
        if (levels[0] < 0 || levels[1] < 0) { return; }
        var cell = cells[(COLUMNS - 1 - levels[1]) * COLUMNS + levels[0]];
        cell.checked = true;
        say();
      });
    }
    say();
  });
})();
