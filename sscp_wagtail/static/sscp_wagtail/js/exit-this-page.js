/*
 * Exit this page (the GOV.UK Design System pattern).
 *
 * Without JavaScript the button is a plain link to a neutral site. With it,
 * the page is blanked at once and replaced in the history, so the Back button
 * does not bring it back, and pressing Shift three times within five seconds
 * does the same from anywhere on the page.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-exit-this-page]");
  if (!root) {
    return;
  }
  var button = root.querySelector("[data-exit-this-page-button]");
  var hint = root.querySelector("[data-exit-this-page-hint]");
  var status = root.querySelector("[data-exit-this-page-status]");
  var presses = 0;
  var timer = null;

  function exitPage(event) {
    if (event) {
      event.preventDefault();
    }
    document.title = "Loading";
    document.body.className += " exit-this-page--exiting";
    window.location.replace(button.href);
  }

  function resetPresses() {
    presses = 0;
    if (status) {
      status.textContent = "";
    }
  }

  button.addEventListener("click", exitPage);
  if (hint) {
    hint.hidden = false;
  }

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      resetPresses();
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    if (presses >= 3) {
      exitPage();
      return;
    }
    if (status) {
      status.textContent = "Shift, press " + (3 - presses) + " more " + (3 - presses === 1 ? "time" : "times") + " to exit.";
    }
    timer = window.setTimeout(resetPresses, 5000);
  });
})();
