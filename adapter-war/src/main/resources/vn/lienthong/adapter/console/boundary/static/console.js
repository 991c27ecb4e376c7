// The console's only script (no inline script: the Content-Security-Policy forbids it). Draws the dashboard's
// charts (daily delivery and feedback; completeness per counterpart) from the canvases' data attributes with
// Chart.js (served from the WebJar in the WAR).
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  function numbersOf(canvas, name) {
    var s = canvas.getAttribute(name) || '';
    return s === '' ? [] : s.split(',').map(Number);
  }
  var completeness = document.getElementById('completeness-chart');
  if (completeness) {
    var colours = { full: '#2da44e', partial: '#d4a72c', only01: '#fb8f44', nothing: '#cf222e' };
    // One bar per counterpart: the box grows with their number (a CSSOM property, which the CSP allows).
    var bars = (completeness.getAttribute('data-labels') || '').split(',').length;
    completeness.parentNode.style.height = (70 + 34 * bars) + 'px';
    new Chart(completeness, {
      type: 'bar',
      data: {
        labels: (completeness.getAttribute('data-labels') || '').split(','),
        datasets: ['full', 'partial', 'only01', 'nothing'].map(function (k) {
          return { label: completeness.getAttribute('data-label-' + k), data: numbersOf(completeness, 'data-' + k),
            backgroundColor: colours[k] };
        })
      },
      options: { indexAxis: 'y', animation: false, maintainAspectRatio: false,
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } }
    });
    completeness.setAttribute('data-drawn', 'true');
  }
  var canvas = document.getElementById('daily-chart');
  if (!canvas) {
    return;
  }
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: (canvas.getAttribute('data-labels') || '').split(','),
      datasets: [
        { label: canvas.getAttribute('data-label-delivered'), data: numbersOf(canvas, 'data-delivered'), backgroundColor: '#1f6feb' },
        { label: canvas.getAttribute('data-label-feedback'), data: numbersOf(canvas, 'data-feedback'), backgroundColor: '#2da44e' }
      ]
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  canvas.setAttribute('data-drawn', 'true');
}());
