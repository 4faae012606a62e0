// The targets' charts: each canvas with data-chart carries its figures as JSON (no inline script, so the
// pages keep a strict Content-Security-Policy).
(function () {
  'use strict';
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var c = JSON.parse(canvas.getAttribute('data-chart'));
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: c.labels,
        datasets: [
          {label: c.figureLabel, data: c.figures,
           backgroundColor: c.figures.map(function (f) { return c.colourByGoal && f >= c.goals[0] ? '#2e7d32' : '#a51c1c'; })},
          {label: c.goalLabel, data: c.goals, type: 'line', borderColor: '#555', pointRadius: 0}
        ]
      },
      options: {scales: {y: {min: 0, max: 100}}, animation: false}
    });
  });
}());
