// The Camunda apps never show their own sign-in form here: Spring Security signs users in at
// /login and hands the user to Camunda. After Camunda's sign-out (which ends the shared session)
// the app routes to #/login; send the browser to the project's page instead.
function toProjectSignIn() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace('/login?logout');
  }
}
window.addEventListener('hashchange', toProjectSignIn);
toProjectSignIn();
