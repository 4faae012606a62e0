// QCDC: Tasklist speaks Vietnamese by default, English on request; sign-in and sign-out go
// through the project's own /login page (one session for everything).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'QCDC'
  },
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  customScripts: ['qcdc/qcdc-webapps', 'qcdc/qcdc-forms-vi', 'qcdc/qcdc-tasklist'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'Nhận công việc đang chọn'},
    focusFilter: {key: 'ctrl+shift+f', description: 'Chuyển tới bộ lọc đầu tiên'},
    focusList: {key: 'ctrl+alt+l', description: 'Chuyển tới công việc đầu tiên trong danh sách'},
    focusForm: {key: 'ctrl+alt+f', description: 'Chuyển tới ô nhập đầu tiên của biểu mẫu'},
    startProcess: {key: 'ctrl+alt+p', description: 'Mở hộp thoại khởi tạo quy trình'}
  }
};
