// QCDC additions to the Camunda webapps (loaded through customScripts in each app's config.js).
//
// 1. The apps never show their own sign-in form: Spring Security signs users in at /login and hands
//    the user to Camunda. After Camunda's sign-out (which ends the shared session) an app routes to
//    #/login; send the browser to the project's page instead.
// 2. Tasklist lists tasks by due date, earliest first, unless the user picks another order.
var DUE_DATE_FIRST = encodeURIComponent(JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));

function qcdcRoute() {
  var hash = window.location.hash;
  if (hash.indexOf('#/login') === 0) {
    window.location.replace('/login?logout');
    return;
  }
  var inTasklist = window.location.pathname.indexOf('/app/tasklist/') >= 0;
  if (inTasklist && hash.indexOf('#/') === 0 && hash.indexOf('sorting=') < 0) {
    var separator = hash.indexOf('?') >= 0 ? '&' : '?';
    var target = hash === '#/' || hash === '#' ? '#/?sorting=' + DUE_DATE_FIRST : hash + separator + 'sorting=' + DUE_DATE_FIRST;
    window.location.replace(window.location.pathname + window.location.search + target);
  }
}
window.addEventListener('hashchange', qcdcRoute);
qcdcRoute();

// 3. Camunda's end-of-life banner ("time to move to Camunda 8") speaks to whoever runs the engine, not to
//    officers, who cannot act on it: hidden from the first paint, shown again only to users of the Admin app.
(function () {
  var hide = document.createElement('style');
  hide.textContent = '.ce-eol-banner { display: none !important; }';
  document.head.appendChild(hide);
  fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(function (answer) { return answer.ok ? answer.json() : null; })
    .then(function (user) {
      if (user && user.authorizedApps && user.authorizedApps.indexOf('admin') >= 0) {
        hide.remove();
      }
    })
    .catch(function () { /* stays hidden */ });
})();
