// QCDC: the Welcome app in Vietnamese by default; sign-in through the project's /login page.
export default {
  app: {
    name: 'Welcome',
    vendor: 'QCDC'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  customScripts: ['../tasklist/qcdc/qcdc-webapps'],
  links: [
    {label: 'QCDC', href: '/', description: 'Trang chủ hệ thống Quy chế dân chủ ở cơ sở'}
  ]
};
