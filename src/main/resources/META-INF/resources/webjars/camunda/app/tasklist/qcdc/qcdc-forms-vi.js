// QCDC: Camunda Forms (form-js) in Tasklist.
//
// 1. They speak Vietnamese too. form-js has no translations: its empty-select text ("Select"), search
//    placeholder ("Search"), a dynamic list's "Add new" and validation messages ("Field is required.", ...)
//    are English literals. Tasklist picks its language from the browser's first language when it is one
//    of config.js's locales (vi, en), else Vietnamese; in Vietnamese this script rewrites those texts
//    wherever a form renders them.
// 2. Complete never sticks. Tasklist keeps Complete disabled while Object.keys(errors) of form-js's
//    "changed" state is not empty, and that state keeps keys that no longer mean anything: a field inside
//    a dynamic list records "no error" as errors[fieldId] = [undefined], and a required field that a
//    condition hides again keeps the error it had while shown (tick "Thụ lý", untick it, leave the refusal
//    ground empty, tick it again: Complete stayed disabled with nothing to fix). Camunda Forms leave that
//    live check out; completing still runs form-js's full validation of the visible fields, shows each
//    error next to its field and completes nothing.
// 3. Dates are Vietnamese. A form-js date field shows and reads dates in the format of the browser's default
//    locale (Intl.DateTimeFormat("default")), which on many machines is en-US: "05/12/2026" would be 12 May.
//    In Vietnamese the default becomes vi-VN: dd/mm/yyyy, whatever the browser's own locale; the date picker
//    (flatpickr, which form-js shares through window.flatpickr) gets Vietnamese month and day names and weeks
//    that start on Monday.
(function () {
  var navigatorLanguage = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  var english = navigatorLanguage.split('-')[0].toLowerCase() === 'en';

  if (!english && window.Intl && Intl.DateTimeFormat) {
    var BrowserDateTimeFormat = Intl.DateTimeFormat;
    var VietnameseDateTimeFormat = function (locales, options) {
      return new BrowserDateTimeFormat(locales === undefined || locales === 'default' ? 'vi-VN' : locales, options);
    };
    VietnameseDateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
    VietnameseDateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf;
    Intl.DateTimeFormat = VietnameseDateTimeFormat;
  }

  var MESSAGES = [
    [/^Field is required\.$/, function () { return 'Vui lòng nhập trường này.'; }],
    [/^Field must have minimum length of (\d+)\.$/, function (m) { return 'Cần ít nhất ' + m[1] + ' ký tự.'; }],
    [/^Field must have maximum length of (\d+)\.$/, function (m) { return 'Tối đa ' + m[1] + ' ký tự.'; }],
    [/^Field must have minimum value of (.+)\.$/, function (m) { return 'Giá trị nhỏ nhất là ' + m[1] + '.'; }],
    [/^Field must have maximum value of (.+)\.$/, function (m) { return 'Giá trị lớn nhất là ' + m[1] + '.'; }],
    [/^Field must match pattern (.+)\.$/, function () { return 'Giá trị không đúng định dạng.'; }],
    [/^Field must be a valid email\.$/, function () { return 'Địa chỉ thư điện tử không hợp lệ.'; }],
    [/^Field must be a valid\s+international phone number\..*$/, function () {
      return 'Số điện thoại không hợp lệ (dạng quốc tế, ví dụ +84912345678).';
    }]
  ];

  function translateError(text) {
    for (var i = 0; i < MESSAGES.length; i++) {
      var match = MESSAGES[i][0].exec(text);
      if (match) {
        return MESSAGES[i][1](match);
      }
    }
    return null;
  }

  // Text nodes are changed in place, never replaced: form-js (Preact) keeps updating the same nodes.
  function rewriteTexts(element, rewrite) {
    for (var node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) {
        var rewritten = rewrite(node.data.trim());
        if (rewritten && rewritten !== node.data) {
          node.data = rewritten;
        }
      }
    }
  }

  function translate(root) {
    var displays = root.querySelectorAll('.fjs-select-display');
    for (var i = 0; i < displays.length; i++) {
      rewriteTexts(displays[i], function (text) { return text === 'Select' ? 'Chọn…' : null; });
    }
    var searches = root.querySelectorAll('.fjs-form input[placeholder="Search"]');
    for (var j = 0; j < searches.length; j++) {
      searches[j].setAttribute('placeholder', 'Tìm…');
    }
    var errors = root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error *');
    for (var k = 0; k < errors.length; k++) {
      rewriteTexts(errors[k], translateError);
    }
    var adds = root.querySelectorAll('.fjs-repeat-render-add');
    for (var a = 0; a < adds.length; a++) {
      rewriteTexts(adds[a], function (text) { return text === 'Add new' ? 'Thêm dòng' : null; });
    }
  }

  var VIETNAMESE_CALENDAR = {
    weekdays: {
      shorthand: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
      longhand: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy']
    },
    months: {
      shorthand: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'],
      longhand: ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8', 'Tháng 9',
        'Tháng 10', 'Tháng 11', 'Tháng 12']
    },
    firstDayOfWeek: 1,
    rangeSeparator: ' đến ',
    weekAbbreviation: 'Tuần',
    scrollTitle: 'Cuộn để thay đổi',
    toggleTitle: 'Bấm để chuyển',
    time_24hr: true
  };
  var calendarLocalized = false;

  function localizeCalendar() {
    if (!calendarLocalized && window.flatpickr && window.flatpickr.localize) {
      window.flatpickr.localize(VIETNAMESE_CALENDAR);
      calendarLocalized = true;
    }
  }

  if (!english) {
    localizeCalendar();
  }

  function relaxLiveValidation(form) {
    var controller = window.angular && window.angular.element(form).controller('camTasklistForm');
    if (!controller || controller.qcdcLiveCheckRelaxed) {
      return;
    }
    var notify = controller.notifyFormValidated;
    controller.notifyFormValidated = function () {
      return notify.call(this, false);
    };
    controller.qcdcLiveCheckRelaxed = true;
    notify.call(controller, false);
  }

  function update(root) {
    var forms = root.querySelectorAll('.fjs-form');
    for (var i = 0; i < forms.length; i++) {
      relaxLiveValidation(forms[i]);
    }
    if (!english) {
      localizeCalendar();
      translate(root);
    }
  }

  var pending = false;
  new MutationObserver(function () {
    // one pass per frame, however many nodes form-js changed
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        update(document.body);
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
})();
