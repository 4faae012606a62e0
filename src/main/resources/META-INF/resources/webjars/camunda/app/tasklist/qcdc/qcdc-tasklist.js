// QCDC: Tasklist additions that ask the server (an ES module, loaded through config.js's customScripts before
// Tasklist starts; /api/tasklist/settings answers first, so the first paint is already right).
//
// 1. Dates in Vietnamese time. Tasklist shows dates in the browser's zone and names it in the footer; an officer's
//    deadlines are Vietnamese days wherever the browser runs. Tasklist's date filter (camDate) gets each date as
//    the wall-clock time of the system's zone (qcdc.time-zone), and the footer names that zone.
// 2. "Tạo công việc" (a free-standing task) only for users the engine lets create one (admins); the engine refuses
//    it to everyone else on every door.
// 3. Each task of the list states its statutory deadline in working days, in words ("còn 3 ngày làm việc",
//    "hạn hôm nay", "quá hạn 2 ngày làm việc"), counted by the server's working-day calendar when the list is shown:
//    one request for the visible tasks, answered only for the tasks the user may read.
// 4. In English, our own texts in Tasklist (the shared filters' names and descriptions, the card's label, the
//    keyboard shortcuts' descriptions) are shown in English.
var navigatorLanguage = (navigator.languages && navigator.languages[0]) || navigator.language || '';
// Tasklist's own choice of language (config.js's locales, first browser language, else Vietnamese)
var locale = navigatorLanguage.split('-')[0].toLowerCase() === 'en' ? 'en' : 'vi';

var settings = {zone: null, mayCreateTasks: false, texts: {}, shortcuts: {}};
try {
  var answer = await fetch('/api/tasklist/settings?locale=' + locale,
    {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (answer.ok) {
    settings = await answer.json();
  }
} catch (e) {
  // Tasklist works as before: browser zone, no deadline words
}

// 2. hidden from the first paint
if (!settings.mayCreateTasks) {
  var hideCreate = document.createElement('style');
  hideCreate.textContent = '.create-task-action { display: none !important; }';
  document.head.appendChild(hideCreate);
}

// 1. the wall-clock time of the zone as an ISO text without offset, which Tasklist's moment reads as local time
function wallClock(value, zone) {
  if (typeof value === 'string' && !/(Z|[+-]\d\d:?\d\d)$/.test(value)) {
    // a day or a time without a zone is shown as it is
    return value;
  }
  var date = value instanceof Date ? value : typeof value === 'number' ? new Date(value)
    : new Date(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (isNaN(date.getTime())) {
    return value;
  }
  var parts = {};
  new Intl.DateTimeFormat('en-GB', {timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'}).formatToParts(date)
    .forEach(function (part) { parts[part.type] = part.value; });
  return parts.year + '-' + parts.month + '-' + parts.day + 'T' + parts.hour + ':' + parts.minute + ':' + parts.second;
}

if (settings.zone && window.angular) {
  var zone = settings.zone;
  // Tasklist's own module: its configuration runs once every module it needs has registered its parts
  window.angular.module('cam.tasklist').config(['$provide', function ($provide) {
    $provide.decorator('camDateFilter', ['$delegate', function (camDate) {
      return function (value, format) {
        return value ? camDate(wallClock(value, zone), format) : camDate(value, format);
      };
    }]);
    $provide.decorator('camWidgetFooterDirective', ['$delegate', function (directives) {
      var footer = directives[0];
      var link = footer.link;
      footer.compile = function () {
        return function (scope) {
          link.apply(this, arguments);
          scope.timezoneName = zone;
        };
      };
      return directives;
    }]);
  }]);
}

// 4. Tasklist loads the fallback language's file (vi) beside English, and whichever arrives last sets moment's
//    language: relative dates ("10 ngày trước") were Vietnamese in the English Tasklist. The user's language wins.
if (window.angular) {
  window.angular.module('cam.tasklist').run(['$rootScope', 'amMoment', function ($rootScope, amMoment) {
    function keep() {
      amMoment.changeLocale(locale);
    }
    $rootScope.$on('$translateLoadingSuccess', keep);
    $rootScope.$on('$translateChangeSuccess', keep);
  }]);
}

// 4. our texts in English: the shortcut help reads config.js's descriptions when it opens
if (locale !== 'vi' && window.camTasklistConf && window.camTasklistConf.shortcuts) {
  Object.keys(settings.shortcuts || {}).forEach(function (name) {
    if (window.camTasklistConf.shortcuts[name]) {
      window.camTasklistConf.shortcuts[name].description = settings.shortcuts[name];
    }
  });
}
var texts = settings.texts || {};
function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    var text = node.data.trim();
    // the card's variable label is shown as "Hồ sơ:"
    var bare = text.replace(/:$/, '');
    var translated = texts[text] || (texts[bare] && texts[bare] + ':');
    if (translated) {
      node.data = node.data.replace(text, translated);
    }
  } else if (node.nodeType === Node.ELEMENT_NODE) {
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (var t = walker.nextNode(); t; t = walker.nextNode()) {
      translateNode(t);
    }
  }
}
if (Object.keys(texts).length > 0) {
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      if (record.type === 'characterData') {
        translateNode(record.target);
      } else {
        record.addedNodes.forEach(translateNode);
      }
    });
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}

// 3. the visible cards' deadlines, asked together
var waiting = {};
var asking = null;
function askDeadlines() {
  asking = null;
  var asked = waiting;
  waiting = {};
  var ids = Object.keys(asked);
  for (var i = 0; i < ids.length; i += 100) {
    var batch = ids.slice(i, i + 100);
    fetch('/api/tasklist/deadlines?locale=' + locale + '&ids=' + batch.map(encodeURIComponent).join(','),
      {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(function (answer) { return answer.ok ? answer.json() : {}; })
      .then(function (deadlines) {
        Object.keys(deadlines).forEach(function (id) {
          var deadline = deadlines[id];
          (asked[id] || []).forEach(function (node) {
            node.textContent = deadline.text;
            node.title = deadline.title;
            node.className = 'qcdc-deadline qcdc-deadline-' + deadline.state;
            // on the card's first line, beside Tasklist's due date (the plugin's own place is folded away)
            var dates = node.closest('li.task') && node.closest('li.task').querySelector('.dates');
            if (dates) {
              dates.insertBefore(node, dates.firstChild);
            }
          });
        });
      })
      .catch(function () { /* the card shows Tasklist's own due date */ });
  }
}

var style = document.createElement('style');
style.textContent = '.qcdc-deadline { display: inline-block; font-weight: 600; padding: 0 0.4em; margin-right: 0.5em;'
  + ' border-radius: 3px; } .qcdc-deadline-ok { color: #2e7d32; } .qcdc-deadline-soon { color: #8a5a00;'
  + ' background: #fff4d6; } .qcdc-deadline-today { color: #fff; background: #e65100; }'
  + ' .qcdc-deadline-overdue { color: #fff; background: #c62828; }';
document.head.appendChild(style);

export default [{
  id: 'qcdc-deadline-words',
  pluginPoint: 'tasklist.card',
  priority: 10,
  render: function (node, vars) {
    if (!vars || !vars.taskId) {
      return;
    }
    var span = document.createElement('span');
    span.className = 'qcdc-deadline';
    node.appendChild(span);
    (waiting[vars.taskId] = waiting[vars.taskId] || []).push(span);
    if (!asking) {
      // every card of a list renders in the same turn: one request for all of them
      asking = setTimeout(askDeadlines, 0);
    }
  }
}];
