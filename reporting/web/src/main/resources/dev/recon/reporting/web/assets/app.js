// Page behaviour lives here, never inline, so the Content-Security-Policy can forbid inline script.
(function () {
  'use strict';

  // Charts: <div class="chart" data-chart='{"title":..,"labels":[..],"values":[..]}'> as bars, or
  // {"title":..,"x":[epoch seconds..],"series":[{"label":..,"values":[..]}]} as lines.
  function drawCharts() {
    if (typeof uPlot === 'undefined') { return; }
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      var spec;
      try { spec = JSON.parse(el.getAttribute('data-chart')); } catch (e) { return; }
      var width = Math.max(300, el.clientWidth || 600);
      if (spec.x) {
        var data = [spec.x].concat(spec.series.map(function (s) { return s.values; }));
        var colors = ['#1f6feb', '#d1242f', '#2f7d32', '#8250df', '#bc4c00', '#0a7ea4'];
        var series = [{}].concat(spec.series.map(function (s, i) {
          return { label: s.label, stroke: colors[i % colors.length], width: 2 };
        }));
        new uPlot({ title: spec.title, width: width, height: 260, series: series }, data, el);
      } else if (spec.labels && spec.labels.length) {
        var xs = spec.labels.map(function (_, i) { return i; });
        var bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 60] }) : null;
        new uPlot({
          title: spec.title, width: width, height: 260,
          scales: { x: { time: false } },
          axes: [{ values: function (u, splits) { return splits.map(function (i) { return spec.labels[i] || ''; }); } }, {}],
          series: [{}, { label: 'value', stroke: '#1f6feb', fill: 'rgba(31,111,235,0.35)', paths: bars }]
        }, [xs, spec.values], el);
      }
    });
  }

  // "Select all" for bulk actions on the exception queue.
  function bulkSelect() {
    var all = document.getElementById('select-all');
    if (!all) { return; }
    all.addEventListener('change', function () {
      document.querySelectorAll('input[name="exceptionId"]').forEach(function (box) { box.checked = all.checked; });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { drawCharts(); bulkSelect(); });
}());
