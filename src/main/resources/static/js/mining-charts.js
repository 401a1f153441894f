// 数据挖掘 charts (docs/adr/0096): draws each .mining-chart from its data-chart figures with ECharts. Every title,
// axis name and series name comes from the page (the message bundles); this script holds no label of its own.
(function () {
  'use strict';

  function option(spec) {
    var horizontal = spec.type === 'hbar';
    var series = spec.series.map(function (s) {
      var out = { name: s.name, data: s.data, connectNulls: false };
      if (s.kind === 'bar' || horizontal) {
        out.type = 'bar';
      } else {
        out.type = 'line';
        out.showSymbol = false;
        if (s.kind === 'dashed') { out.lineStyle = { type: 'dashed' }; }
        if (s.kind === 'band') { out.lineStyle = { type: 'dotted', opacity: 0.6 }; }
      }
      return out;
    });
    var category = { type: 'category', data: spec.categories, name: horizontal ? '' : spec.xName };
    var value = { type: 'value', name: horizontal ? spec.xName : spec.yName };
    if (horizontal) { category.inverse = true; category.axisLabel = { width: 140, overflow: 'truncate' }; }
    return {
      title: { text: spec.title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: horizontal ? 150 : 50, right: 20, top: 40, bottom: 50 },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series
    };
  }

  function draw() {
    if (typeof echarts === 'undefined') { return; }
    document.querySelectorAll('.mining-chart[data-chart]').forEach(function (el) {
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option(JSON.parse(el.getAttribute('data-chart'))));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
