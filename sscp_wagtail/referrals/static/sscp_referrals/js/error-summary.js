/*
 * The GOV.UK error-summary behaviour: the summary (or a notice) takes focus when
 * the page loads, so screen readers announce it first; each of its links moves
 * focus to its field and brings the field's label or legend into view.
 * Without JavaScript the links still jump to the fields.
 */
(function () {
  "use strict";

  function labelFor(input) {
    var fieldset = input.closest("fieldset");
    if (fieldset) {
      return fieldset.querySelector("legend");
    }
    return document.querySelector('label[for="' + CSS.escape(input.id) + '"]') || input;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var first = document.querySelector("[data-focus-on-load]");
    if (first) {
      first.focus();
    }
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) {
      return;
    }
    summary.addEventListener("click", function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link) {
        return;
      }
      var input = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!input) {
        return;
      }
      event.preventDefault();
      labelFor(input).scrollIntoView();
      input.focus({ preventScroll: true });
    });
  });
})();
