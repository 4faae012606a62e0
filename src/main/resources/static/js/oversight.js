// The supervisors' board: the on-time chart from the canvas's data (no inline script: strict CSP).
(function () {
  'use strict';
  var canvas = document.getElementById('on-time-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var c = JSON.parse(canvas.getAttribute('data-on-time'));
  var palette = ['#0d47a1', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#5d4037', '#455a64'];
  var datasets = [{label: canvas.getAttribute('data-total-label'), data: c.total, borderColor: '#a51c1c',
                   borderWidth: 3, spanGaps: true}];
  c.units.slice(0, 8).forEach(function (u, i) {
    datasets.push({label: u.unitName, data: u.percents, borderColor: palette[i % palette.length], borderWidth: 1,
                   spanGaps: true});
  });
  new Chart(canvas, {type: 'line', data: {labels: c.months, datasets: datasets},
                     options: {scales: {y: {min: 0, max: 100}}, animation: false}});
}());
