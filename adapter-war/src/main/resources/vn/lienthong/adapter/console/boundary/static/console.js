// The console's only script (no inline script: the Content-Security-Policy forbids it). Draws the dashboard's
// daily chart from the canvas's data attributes with Chart.js (served from the WebJar in the WAR).
(function () {
  'use strict';
  var canvas = document.getElementById('daily-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  function numbers(name) {
    var s = canvas.getAttribute(name) || '';
    return s === '' ? [] : s.split(',').map(Number);
  }
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: (canvas.getAttribute('data-labels') || '').split(','),
      datasets: [
        { label: canvas.getAttribute('data-label-delivered'), data: numbers('data-delivered'), backgroundColor: '#1f6feb' },
        { label: canvas.getAttribute('data-label-feedback'), data: numbers('data-feedback'), backgroundColor: '#2da44e' }
      ]
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  canvas.setAttribute('data-drawn', 'true');
}());
