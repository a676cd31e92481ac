// cm135 report charts: draws window.cm135Charts (ReportChart records) into the page's .chart boxes with
// Apache ECharts, as SVG so that a printed page keeps them sharp. Bars on the left axis, lines on the axis
// their series names (0 left, 1 right); a month without a value is a gap.
(function () {
  var charts = window.cm135Charts || [];
  var drawn = [];
  function axes(chart) {
    var units = [null, null];
    chart.series.forEach(function (s) { if (!units[s.axis]) { units[s.axis] = s.unit; } });
    return units.filter(function (u, i) { return u || i === 0; }).map(function (unit, i) {
      return { type: 'value', name: unit || '', position: i === 0 ? 'left' : 'right', scale: unit !== '条',
               splitLine: { show: i === 0 }, axisLabel: { formatter: unit === '%' ? '{value}%' : '{value}' } };
    });
  }
  document.querySelectorAll('.chart[data-chart]').forEach(function (box) {
    var chart = charts[Number(box.getAttribute('data-chart'))];
    if (!chart || !window.echarts) { return; }
    var view = echarts.init(box, null, { renderer: 'svg' });
    view.setOption({
      animation: false,
      title: { text: chart.title, subtext: chart.subtitle || '', left: 'center', textStyle: { fontSize: 13 },
               subtextStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      grid: { top: chart.subtitle ? 58 : 40, bottom: 48, left: 56, right: 56 },
      xAxis: { type: 'category', data: chart.months, axisLabel: { fontSize: 10 } },
      yAxis: axes(chart),
      series: chart.series.map(function (s) {
        return { name: s.name, type: s.kind, yAxisIndex: s.axis, data: s.values, connectNulls: false,
                 showSymbol: true, barMaxWidth: 24 };
      })
    });
    drawn.push(view);
  });
  window.addEventListener('resize', function () { drawn.forEach(function (v) { v.resize(); }); });
  window.addEventListener('beforeprint', function () { drawn.forEach(function (v) { v.resize(); }); });
})();
