"use strict";
// The dashboard's charts (Apache ECharts, /static/echarts/echarts.min.js): each .chart[data-table] draws the table of
// that id from /api/dashboard (same query as the page, so the same place, year and language). The page's HTML
// tables hold the same figures and are read without this script.
(function () {
  const holders = Array.from(document.querySelectorAll(".chart[data-table]"));
  if (holders.length === 0) return;
  if (typeof echarts === "undefined") { console.error("dashboard: echarts did not load"); return; }
  const palette = ["#b8312f", "#2f6fb0", "#e39b2d", "#4f9a6a", "#8a63b5", "#7a7a7a", "#d46a9f", "#3aa6b9"];
  const numberFormat = new Intl.NumberFormat(document.documentElement.lang || "zh-CN", { maximumFractionDigits: 2 });
  const fmt = v => (v === null || v === undefined) ? "—" : numberFormat.format(v);
  const pct = v => (v === null || v === undefined) ? "—" : numberFormat.format(v) + "%";

  fetch("/api/dashboard" + location.search, { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then(r => r.ok ? r.json() : Promise.reject(new Error("/api/dashboard answered " + r.status)))
    .then(draw)
    .catch(e => console.error("dashboard: " + e.message));

  function draw(view) {
    const charts = [];
    for (const el of holders) {
      const table = view.tables.find(t => t.id === el.dataset.table);
      if (!table || table.rows.length === 0) continue;
      // The chart's own title names the place too: a chart saved or shared alone still says what it shows.
      const heading = view.placeName + " · " + (el.dataset.title || table.title);
      const option = (el.dataset.kind === "band" ? band : (specs[table.id] || (() => null)))(table, heading);
      if (!option) continue;
      el.hidden = false;
      if (option.height) el.style.height = option.height + "px";
      const chart = echarts.init(el, null, { renderer: "canvas" });
      // Tooltips drawn on the canvas (richText): ECharts' HTML tooltip sets a style attribute, which the
      // Content-Security-Policy (style-src 'self') refuses.
      if (option.chart.tooltip) option.chart.tooltip.renderMode = "richText";
      chart.setOption(Object.assign({ color: palette, aria: { enabled: true }, animation: false }, option.chart));
      charts.push(chart);
    }
    document.body.classList.add("charts-drawn");
    window.addEventListener("resize", () => charts.forEach(c => c.resize()));
  }

  // A table's column by id: its values, words and unit.
  function column(table, id) {
    const i = table.columns.findIndex(c => c.id === id);
    if (i < 0) throw new Error("no column " + id + " in " + table.id);
    const c = table.columns[i];
    return { id: id, label: c.label, unit: c.unit, values: table.rows.map(r => r.cells[i]) };
  }

  function title(text, subtext) {
    return { text: text, subtext: subtext || "", left: 0, top: 0, textStyle: { fontSize: 15, fontWeight: 600 }, subtextStyle: { fontSize: 12 } };
  }

  // Figures by year: years along x, one or two value axes named by their unit.
  function byYear(table, series, options, text) {
    options = options || {};
    const year = column(table, "year");
    const axes = [];
    const units = [];
    const out = series.map(s => {
      const c = column(table, s.id);
      let axis = units.indexOf(c.unit);
      if (axis < 0) { units.push(c.unit); axis = units.length - 1; }
      return Object.assign({ name: s.name || c.label, type: s.type || "bar", data: c.values, yAxisIndex: axis,
        tooltip: { valueFormatter: c.unit === "%" ? pct : fmt }, barMaxWidth: 48 }, s.extra || {});
    });
    // Counts of applications and reports are whole: no 2.5 on their axes; fees (万元) and shares may be fractions.
    units.forEach((u, i) => axes.push({ type: "value", name: u, position: i === 0 ? "left" : "right", max: options.max,
      minInterval: series.some(s => s.whole && column(table, s.id).unit === u) ? 1 : 0,
      nameTextStyle: { align: i === 0 ? "left" : "right" }, axisLabel: { formatter: u === "%" ? "{value}%" : v => fmt(v) },
      splitLine: { show: i === 0 } }));
    return { chart: {
      title: title(text),
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 26, left: 0, type: "scroll" },
      grid: { top: 84, left: 8, right: 16, bottom: 28, containLabel: true },
      xAxis: { type: "category", name: year.label, nameLocation: "middle", nameGap: 30, data: year.values.map(String) },
      yAxis: axes,
      series: out,
    } };
  }

  const results = ["upheld", "corrected", "other", "pending"];
  const outcomes = ["granted", "partial", "withheld", "unavailable", "not_processed", "other_handling"];
  const specs = {
    years: (t, h) => byYear(t, [{ id: "received", whole: true }, { id: "reports", whole: true, type: "line", extra: { symbolSize: 8 } }], {}, h),
    outcomes: (t, h) => byYear(t, outcomes.map(o => ({ id: o + "_share", extra: { stack: "share" } })), { max: 100 }, h),
    appeals: (t, h) => byYear(t, ["review", "litigation"].flatMap(a => results.map(r => ({ id: a + "_" + r, whole: true, extra: { stack: a } }))), {}, h),
    fees: (t, h) => byYear(t, [{ id: "fees" }, { id: "unpaid_fee_closures", whole: true }], {}, h),
    rules: (t, h) => byYear(t, [{ id: "late_share", type: "line", extra: { symbolSize: 8 } }, { id: "inconsistent_share", type: "line", extra: { symbolSize: 8 } }], { max: 100 }, h),
    ranking: (t, h) => {
      const place = column(t, "place"), received = column(t, "received");
      return { height: Math.max(260, 26 * t.rows.length + 90), chart: {
        title: title(h),
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: fmt },
        grid: { top: 44, left: 8, right: 48, bottom: 8, containLabel: true },
        xAxis: { type: "value", name: received.unit, axisLabel: { formatter: v => fmt(v) } },
        yAxis: { type: "category", inverse: true, data: place.values },
        series: [{ name: received.label, type: "bar", data: received.values, barMaxWidth: 20, label: { show: true, position: "right", formatter: p => fmt(p.value) } }],
      } };
    },
  };

  // The ranking's spread: per place, a band from P10 to P90 of its reports' values and a dot at the median.
  function band(t, text) {
    const place = column(t, "place"), p10 = column(t, "p10"), median = column(t, "median"), p90 = column(t, "p90");
    return { height: Math.max(260, 26 * t.rows.length + 90), chart: {
      title: title(text),
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, formatter: ps => {
        const i = ps[0].dataIndex;
        return place.values[i] + "\n" + p10.label + " " + fmt(p10.values[i]) + " · " + median.label + " " + fmt(median.values[i]) + " · " + p90.label + " " + fmt(p90.values[i]);
      } },
      legend: { top: 26, left: 0, data: [p10.label + "–" + p90.label, median.label] },
      grid: { top: 60, left: 8, right: 48, bottom: 8, containLabel: true },
      xAxis: { type: "value", name: p10.unit, axisLabel: { formatter: v => fmt(v) } },
      yAxis: { type: "category", inverse: true, data: place.values },
      series: [
        { name: "base", type: "bar", stack: "band", data: p10.values, itemStyle: { color: "transparent" }, emphasis: { disabled: true }, barMaxWidth: 16, tooltip: { show: false } },
        { name: p10.label + "–" + p90.label, type: "bar", stack: "band", barMaxWidth: 16, itemStyle: { color: "#2f6fb0", opacity: 0.35 },
          data: p90.values.map((v, i) => (v === null || p10.values[i] === null) ? null : v - p10.values[i]) },
        { name: median.label, type: "scatter", data: median.values, symbolSize: 10, itemStyle: { color: "#b8312f" } },
      ],
    } };
  }
})();
