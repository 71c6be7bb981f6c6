/* Horde HTML report: draws the charts that the JSON in #horde-data describes, with uPlot.
   The chart definitions come from Java (horde.report.TimeCharts); this file knows no metric,
   only units. Nothing here loads anything: the page's Content-Security-Policy forbids it. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("horde-data").textContent);
  var drawn = [];
  var HEIGHT = 240;

  function trim(s) { return s.indexOf(".") < 0 ? s : s.replace(/\.?0+$/, ""); }
  var units = {
    ms: function (v) {
      if (v == null) return "–";
      if (v >= 10000) return (v / 1000).toFixed(1) + " s";
      if (v >= 1000) return (v / 1000).toFixed(2) + " s";
      if (v >= 100) return v.toFixed(0) + " ms";
      if (v >= 10) return v.toFixed(1) + " ms";
      return v.toFixed(2) + " ms";
    },
    rate: function (v) { return v == null ? "–" : (v >= 100 ? v.toFixed(0) : v.toFixed(1)) + "/s"; },
    count: function (v) { return v == null ? "–" : String(Math.round(v)); },
    percent: function (v) { return v == null ? "–" : v.toFixed(1) + "%"; },
    number: function (v) { return v == null ? "–" : Math.abs(v) >= 1000 || v === Math.round(v) ? String(Math.round(v)) : String(+v.toPrecision(3)); }
  };
  /* Axis labels; uPlot passes null for ticks it leaves unlabelled (log scales). */
  var ticks = {
    ms: function (v) { return v == null ? "" : v >= 1000 ? trim((v / 1000).toFixed(2)) + "s" : trim(v.toFixed(v < 1 ? 3 : v < 10 ? 1 : 0)) + "ms"; },
    rate: function (v) { return v == null ? "" : trim(v.toFixed(1)); },
    count: function (v) { return v == null ? "" : String(Math.round(v)); },
    percent: function (v) { return v == null || v > 100 ? "" : trim(v.toFixed(1)) + "%"; },
    number: function (v) { return v == null ? "" : Math.abs(v) >= 1000 ? String(Math.round(v)) : String(+v.toPrecision(3)); }
  };

  function elapsed(t) {
    t = Math.round(t);
    var h = Math.floor(t / 3600), m = Math.floor(t % 3600 / 60), s = t % 60;
    return (h ? h + ":" + (m < 10 ? "0" : "") : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  /* Shaded bands (warm-up) under the grid; phase boundaries (solid, named at the top) and findings
     (dashed, named below them) over the series. A name that would run into the next is left out. */
  function overlays() {
    function clampX(u, t) { return Math.min(u.bbox.left + u.bbox.width, Math.max(u.bbox.left, u.valToPos(t, "x", true))); }
    function line(ctx, u, x, dash) {
      ctx.setLineDash(dash);
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
    }
    /* A label on a light box so that it reads over lines; returns where it ends, or x when it did not fit before end. */
    function label(ctx, text, x, y, end, color, r) {
      var w = ctx.measureText(text).width;
      if (x + w + 9 * r > end) return x;
      ctx.fillStyle = "rgba(255,255,255,0.75)";
      ctx.fillRect(x + 4 * r, y - 10 * r, w + 4 * r, 13 * r);
      ctx.fillStyle = color;
      ctx.fillText(text, x + 6 * r, y);
      return x + w + 9 * r;
    }
    return { hooks: {
      drawClear: [function (u) {
        var ctx = u.ctx, r = window.devicePixelRatio || 1;
        ctx.save();
        ctx.font = (11 * r) + "px system-ui, sans-serif";
        (data.bands || []).forEach(function (b) {
          var x0 = clampX(u, b.from), x1 = clampX(u, b.to);
          ctx.fillStyle = "rgba(107,114,128,0.14)";
          ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
          if (x0 + ctx.measureText(b.label).width + 8 * r < x1) {
            ctx.fillStyle = "#6b7280";
            ctx.fillText(b.label, x0 + 4 * r, u.bbox.top + u.bbox.height - 5 * r);
          }
        });
        ctx.restore();
      }],
      draw: [function (u) {
        var ctx = u.ctx, r = window.devicePixelRatio || 1, phases = data.phases || [], right = u.bbox.left + u.bbox.width;
        ctx.save();
        ctx.lineWidth = r;
        ctx.font = "600 " + (11 * r) + "px system-ui, sans-serif";
        phases.forEach(function (p, i) {
          var x = Math.round(clampX(u, p.t));
          ctx.strokeStyle = "#4b5563";
          if (i > 0) line(ctx, u, x, []);
          label(ctx, p.label, x, u.bbox.top + 12 * r, i + 1 < phases.length ? clampX(u, phases[i + 1].t) : right, "#1f2937", r);
        });
        ctx.font = (11 * r) + "px system-ui, sans-serif";
        /* Names go in up to three rows: each in the first row where it does not run into the one before. */
        var free = [-Infinity, -Infinity, -Infinity], y = u.bbox.top + (phases.length ? 27 : 12) * r;
        (data.markers || []).slice().sort(function (a, b) { return a.t - b.t; }).forEach(function (m) {
          var x = Math.round(clampX(u, m.t));
          ctx.strokeStyle = m.color;
          line(ctx, u, x, [4 * r, 3 * r]);
          for (var row = 0; row < free.length; row++) {
            if (x < free[row]) continue;
            var end = label(ctx, m.label, x, y + row * 14 * r, right, m.color, r);
            if (end > x) { free[row] = end; break; }
          }
        });
        ctx.restore();
      }]
    } };
  }

  /* Room above the highest value for the names of phases and findings along the top. */
  var headroom = ((data.phases || []).length ? 1.3 : 1.08) + Math.min(3, (data.markers || []).length) * 0.07;

  function timeChart(def, el) {
    var unit = def.unit;
    var series = [{ label: "t", value: function (u, v) { return v == null ? "–" : elapsed(v); } }];
    var columns = [data.t];
    def.series.forEach(function (s) {
      series.push({ label: s.label, stroke: s.color, width: 1.5, fill: s.fill ? s.color + "22" : undefined,
        dash: s.dash ? [6, 4] : undefined, points: { show: false }, value: function (u, v) { return units[unit](v); } });
      columns.push(data.series[s.key]);
    });
    return new uPlot({
      width: el.clientWidth, height: HEIGHT, series: series, plugins: [overlays()],
      cursor: { sync: { key: "horde-time" } },
      scales: { x: { time: false }, y: { range: function (u, min, max) { return [0, max > 0 ? max * headroom : 1]; } } },
      axes: [
        { incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400],
          values: function (u, splits) { return splits.map(elapsed); } },
        /* No tick labels in the headroom above the data, where the names of phases and findings sit. */
        { size: 64, values: function (u, splits) {
          var top = u.scales.y.max / headroom * 1.0001;
          return splits.map(function (v) { return v > top ? "" : ticks[unit](v); });
        } }
      ]
    }, columns, el);
  }

  /* The percentile curve: x is 1/(1-q) on a log scale, so 90%, 99%, 99.9% are evenly spaced. */
  function percentileLabel(v, precise) {
    var q = (1 - 1 / v) * 100;
    if (v <= 1) return "0%";
    var digits = precise ? Math.max(1, Math.ceil(Math.log10(v)) - 1) : Math.max(0, Math.round(Math.log10(v)) - 2);
    return trim(q.toFixed(digits)) + "%";
  }

  function distributionChart(d, el) {
    var series = [{ label: "percentile", value: function (u, v) { return v == null ? "–" : percentileLabel(v, true); } }];
    var columns = [d.x];
    d.series.forEach(function (s) {
      series.push({ label: s.label, stroke: s.color, width: s.width || 1.5, dash: s.dash ? [6, 4] : undefined,
        points: { show: false }, value: function (u, v) { return units.ms(v); } });
      columns.push(s.values);
    });
    return new uPlot({
      width: el.clientWidth, height: 320, series: series,
      scales: { x: { time: false, distr: 3, log: 10 }, y: { distr: 3, log: 10 } },
      axes: [
        { splits: function (u, i, min, max) { var out = []; for (var p = 1; p <= max * 1.0001; p *= 10) out.push(p); return out; },
          values: function (u, splits) { return splits.map(function (v) { return percentileLabel(v, false); }); } },
        { size: 64, values: function (u, splits) { return splits.map(ticks.ms); } }
      ]
    }, columns, el);
  }

  /* Counts of requests per range of response time, as bars; refusals (400 and above) stacked on top. */
  function barsChart(d, el) {
    var served = d.served || [], refused = d.refused || [];
    var stacked = served.map(function (v, i) { return v + (refused[i] || 0); });
    var bars = uPlot.paths.bars({ size: [0.9, 40] });
    return new uPlot({
      width: el.clientWidth, height: 320,
      series: [
        { label: "up to", value: function (u, v) { return units.ms(v); } },
        { label: "refused (400+)", stroke: "#dc2626", fill: "#dc262699", paths: bars, points: { show: false },
          value: function (u, v, si, i) { return i == null ? "–" : String(refused[i] || 0); } },
        { label: "served", stroke: "#2563eb", fill: "#2563eb99", paths: bars, points: { show: false },
          value: function (u, v) { return units.count(v); } }
      ],
      scales: { x: { time: false, distr: 3, log: 10 } },
      axes: [{ values: function (u, splits) { return splits.map(ticks.ms); } }, { size: 64 }]
    }, [d.x || [], stacked, served], el);
  }

  /* A capacity search: latency (left axis) and throughput (right axis) against each level tried; the knee dashed. */
  function searchChart(d, el) {
    var knee = d.knee;
    return new uPlot({
      width: el.clientWidth, height: 320,
      series: [
        { label: d.label, value: function (u, v) { return v == null ? "–" : String(v); } },
        { label: "p50", stroke: "#16a34a", width: 1.5, scale: "ms", value: function (u, v) { return units.ms(v); } },
        { label: "p95", stroke: "#d97706", width: 1.5, scale: "ms", value: function (u, v) { return units.ms(v); } },
        { label: "p99", stroke: "#7c3aed", width: 1.5, dash: [6, 4], scale: "ms", value: function (u, v) { return units.ms(v); } },
        { label: "requests/s", stroke: "#2563eb", width: 2, scale: "rate", value: function (u, v) { return units.rate(v); } }
      ],
      scales: { x: { time: false }, ms: { range: function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; } },
        rate: { range: function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; } } },
      axes: [{}, { scale: "ms", size: 64, values: function (u, splits) { return splits.map(ticks.ms); } },
        { scale: "rate", side: 1, size: 56, grid: { show: false }, values: function (u, splits) { return splits.map(ticks.rate); } }],
      hooks: { draw: [function (u) {
        if (knee == null) return;
        var ctx = u.ctx, r = window.devicePixelRatio || 1, x = Math.round(u.valToPos(knee, "x", true));
        ctx.save();
        ctx.strokeStyle = "#b45309";
        ctx.setLineDash([4 * r, 3 * r]);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.fillStyle = "#b45309";
        ctx.font = (11 * r) + "px system-ui, sans-serif";
        ctx.fillText("knee", x + 4 * r, u.bbox.top + 12 * r);
        ctx.restore();
      }] }
    }, [d.x, d.p50, d.p95, d.p99, d.rps], el);
  }

  var defs = {};
  (data.charts || []).forEach(function (c) { defs[c.id] = c; });
  function draw(fig) {
    var id = fig.getAttribute("data-chart"), el = fig.querySelector(".plot");
    if (id === "distribution") drawn.push({ el: el, plot: distributionChart(data.distribution, el) });
    else if (id === "bars") drawn.push({ el: el, plot: barsChart(data.bars, el) });
    else if (id === "search") drawn.push({ el: el, plot: searchChart(data.search, el) });
    else drawn.push({ el: el, plot: timeChart(defs[id], el) });
  }
  document.querySelectorAll("[data-chart]").forEach(function (fig) {
    /* A chart in a closed <details> has no width yet: it is drawn the first time its block opens. */
    var folded = fig.closest("details");
    if (!folded || folded.open) { draw(fig); return; }
    if (folded.hasAttribute("data-pending")) return;
    folded.setAttribute("data-pending", "");
    folded.addEventListener("toggle", function once() {
      if (!folded.open) return;
      folded.removeEventListener("toggle", once);
      folded.querySelectorAll("[data-chart]").forEach(draw);
      document.body.setAttribute("data-charts-drawn", String(drawn.length));
    });
  });

  var pending = 0;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () {
      drawn.forEach(function (c) { c.plot.setSize({ width: c.el.clientWidth, height: c.plot.height }); });
    });
  });
  document.body.setAttribute("data-charts-drawn", String(drawn.length));
})();
