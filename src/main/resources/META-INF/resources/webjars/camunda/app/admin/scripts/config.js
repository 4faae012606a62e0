// QCDC: sign-in and sign-out through the project's own /login page (one session for everything).
export default {
  customScripts: ['../tasklist/qcdc/qcdc-webapps']
};
