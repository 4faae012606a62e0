// Small behaviours of our pages, kept out of the HTML so the Content-Security-Policy can forbid inline script.
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
}());
