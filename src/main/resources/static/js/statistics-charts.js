// Draws every chart of a statistics page with ECharts from the figures in its data-chart attribute (the JSON the
// server wrote: titles, series names and units already in the reader's language — no label is made here).
(function () {
  'use strict';

  function plainSeries(chart) {
    return chart.series.filter(function (s) { return s.role === 'PLAIN'; });
  }

  function bandSeries(chart) {
    var low = chart.series.find(function (s) { return s.role === 'BAND_LOW'; });
    var high = chart.series.find(function (s) { return s.role === 'BAND_HIGH'; });
    if (!low || !high) {
      return [];
    }
    var width = high.values.map(function (v, i) {
      return v === null || low.values[i] === null ? null : v - low.values[i];
    });
    return [
      { name: low.label, type: 'line', data: low.values, stack: 'band', symbol: 'none',
        lineStyle: { opacity: 0 }, areaStyle: { opacity: 0 } },
      { name: high.label, type: 'line', data: width, stack: 'band', symbol: 'none',
        lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.2 }, tooltip: { show: false } }
    ];
  }

  function option(chart) {
    var names = chart.categories.map(function (c) { return c.label; });
    if (chart.kind === 'PIE') {
      var first = chart.series[0] || { values: [] };
      return {
        tooltip: { trigger: 'item' },
        legend: { type: 'scroll', bottom: 0 },
        series: [{ name: chart.title, type: 'pie', radius: ['30%', '60%'],
          data: names.map(function (n, i) { return { name: n, value: first.values[i] }; }) }]
      };
    }
    var type = chart.kind === 'LINE' ? 'line' : 'bar';
    var series = plainSeries(chart).map(function (s) {
      var one = { name: s.label, type: type, data: s.values };
      if (chart.kind === 'STACKED') {
        one.stack = 'total';
      }
      return one;
    }).concat(bandSeries(chart));
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', name: chart.categoryLabel, nameLocation: 'middle', nameGap: 28, data: names },
      yAxis: { type: 'value', name: chart.unit },
      series: series
    };
  }

  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    var drawn = [];
    document.querySelectorAll('.stat-chart[data-chart]').forEach(function (el) {
      var chart = JSON.parse(el.getAttribute('data-chart'));
      el.style.width = '100%';
      el.style.height = chart.kind === 'PIE' ? '300px' : '320px';
      var instance = echarts.init(el);
      instance.setOption(option(chart));
      drawn.push(instance);
    });
    window.addEventListener('resize', function () {
      drawn.forEach(function (i) { i.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
