// Citizen portal: the unit search box, the browser-side attachment check and the double-submit guard.
// Without JavaScript the form still works: the unit code is typed, the server checks everything.
(function () {
  'use strict';

  function unitPicker() {
    var picker = document.getElementById('unit-picker');
    var search = document.getElementById('unitSearch');
    var code = document.getElementById('unitCode');
    var results = document.getElementById('unit-results');
    var chosen = document.getElementById('unit-chosen');
    var chosenName = document.getElementById('unit-chosen-name');
    if (!picker || !search || !code || !window.fetch) {
      return;
    }
    picker.hidden = false;
    document.getElementById('unit-code-box').hidden = true;
    code.type = 'hidden';

    var timer = null;
    var latest = 0;

    function clear() {
      results.replaceChildren();
    }

    function message(text) {
      var item = document.createElement('div');
      item.className = 'list-group-item small text-body-secondary';
      item.textContent = text;
      results.replaceChildren(item);
    }

    function choose(unit) {
      code.value = unit.code;
      search.value = unit.name;
      chosenName.textContent = unit.parentName ? unit.name + ' (' + unit.parentName + ')' : unit.name;
      chosen.classList.remove('d-none');
      search.classList.remove('is-invalid');
      clear();
    }

    function show(units) {
      if (units.length === 0) {
        message(picker.dataset.none);
        return;
      }
      var items = units.map(function (unit) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'list-group-item list-group-item-action unit-option';
        button.dataset.code = unit.code;
        var name = document.createElement('span');
        name.className = 'fw-semibold';
        name.textContent = unit.name;
        button.appendChild(name);
        if (unit.parentName) {
          var parent = document.createElement('span');
          parent.className = 'text-body-secondary ms-2 small';
          parent.textContent = unit.parentName;
          button.appendChild(parent);
        }
        button.addEventListener('click', function () {
          choose(unit);
          search.focus();
        });
        return button;
      });
      results.replaceChildren.apply(results, items);
    }

    function lookUp() {
      var q = search.value.trim();
      if (q.length < 2) {
        clear();
        return;
      }
      var mine = ++latest;
      fetch(picker.dataset.searchUrl + '?q=' + encodeURIComponent(q), {headers: {Accept: 'application/json'}})
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then(function (units) {
          if (mine === latest) {
            show(units);
          }
        })
        .catch(function () {
          if (mine === latest) {
            message(picker.dataset.failed);
            // fall back to typing the code
            code.type = 'text';
            document.getElementById('unit-code-box').hidden = false;
          }
        });
    }

    search.addEventListener('input', function () {
      // the name no longer matches the unit picked before
      code.value = '';
      chosen.classList.add('d-none');
      clearTimeout(timer);
      timer = setTimeout(lookUp, 250);
    });
    search.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        var first = results.querySelector('.unit-option');
        if (first) {
          first.click();
        }
      } else if (event.key === 'ArrowDown') {
        var option = results.querySelector('.unit-option');
        if (option) {
          event.preventDefault();
          option.focus();
        }
      }
    });
  }

  function attachmentCheck() {
    var input = document.getElementById('attachments');
    var error = document.getElementById('attachments-client-error');
    if (!input || !error) {
      return;
    }
    input.addEventListener('change', function () {
      var maxFiles = Number(input.dataset.maxFiles);
      var maxBytes = Number(input.dataset.maxBytes);
      var files = Array.prototype.slice.call(input.files);
      var problem = '';
      if (files.length > maxFiles) {
        problem = input.dataset.tooMany;
      } else {
        var large = files.filter(function (f) { return f.size > maxBytes; }).map(function (f) { return f.name; });
        if (large.length > 0) {
          problem = input.dataset.tooLarge + ' ' + large.join(', ');
        }
      }
      error.textContent = problem;
      input.setCustomValidity(problem);
      input.classList.toggle('is-invalid', problem !== '');
    });
  }

  function oneSubmit() {
    var form = document.getElementById('submit-form');
    var button = document.getElementById('submit-case');
    if (!form || !button) {
      return;
    }
    form.addEventListener('submit', function (event) {
      if (form.dataset.sent) {
        event.preventDefault();
        return;
      }
      form.dataset.sent = 'true';
      button.textContent = button.dataset.sending;
      button.setAttribute('aria-disabled', 'true');
      button.classList.add('disabled');
    });
    // coming back with the Back button shows the page as it was left: sendable again
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) {
        delete form.dataset.sent;
        button.removeAttribute('aria-disabled');
        button.classList.remove('disabled');
      }
    });
  }

  function problemsFirst() {
    var problems = document.getElementById('form-problems');
    if (problems) {
      problems.focus();
    }
  }

  unitPicker();
  attachmentCheck();
  oneSubmit();
  problemsFirst();
})();
