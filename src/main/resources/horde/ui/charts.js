// The live charts: one uPlot per figure, fed from the server's per-second columns. The whole
// series comes first (a reload gets every second back), then a second at a time. A monitored
// target's series (monitor:) get a chart each, on the same time axis, kept as columns "target.NAME".

/** The most target series charted; the rest are in the result and the API. */
const TARGET_CHARTS = 24;
const PERCENTILES = [['p50', 'p50'], ['p75', 'p75'], ['p90', 'p90'], ['p95', 'p95'], ['p99', 'p99'], ['p999', 'p99.9'], ['max', 'max']];

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function clock(seconds) {
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}:${String(Math.floor(s % 3600 / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The target's series of a part of the server's series as columns "target.NAME", and its failed scrapes. */
function targetColumns(part) {
  const out = {};
  for (const [name, v] of Object.entries(part.target || {})) out[`target.${name}`] = v;
  if (part.scrape_failures) out.scrape_failures = part.scrape_failures;
  return out;
}

export class Charts {
  constructor(container) {
    this.container = container;
    this.cols = {};
    this.plots = [];
    this.picked = ['p50', 'p95'];
    this.streaming = false;
    this.open = false;
    window.addEventListener('resize', () => this.resize());
  }

  /** A new test, or a reload: every second so far ({@code part}: the server's from, columns, target). */
  replace(part, streaming, open) {
    this.cols = {};
    for (const [k, v] of Object.entries(part.columns)) this.cols[k] = v.slice();
    for (const [k, v] of Object.entries(targetColumns(part))) this.cols[k] = v.slice();
    this.streaming = streaming;
    this.open = open;
    this.build();
  }

  /** The seconds after those held. */
  append(part, streaming) {
    const before = this.size();
    let added = false;
    for (const [k, v] of Object.entries(part.columns)) (this.cols[k] ||= []).push(...v);
    for (const [k, v] of Object.entries(targetColumns(part))) {
      if (!this.cols[k]) { // a series first seen now: no value before
        this.cols[k] = new Array(before).fill(null);
        added = true;
      }
      this.cols[k].push(...v);
    }
    const failing = !this.failing && (this.cols.scrape_failures || []).some(v => v > 0);
    if ((streaming && !this.streaming) || added || failing) {
      this.streaming ||= streaming;
      this.build();
      return;
    }
    this.redraw();
  }

  /** The target's series names, in the server's order. */
  targetNames() {
    return Object.keys(this.cols).filter(k => k.startsWith('target.')).map(k => k.slice('target.'.length));
  }

  size() {
    return (this.cols.t || []).length;
  }

  definitions() {
    const [a, b] = this.picked;
    const label = k => PERCENTILES.find(p => p[0] === k)[1];
    const defs = [
      { id: 'throughput', title: 'Requests per second', series: [['rps', 'requests/s', '--c1'], ['fps', 'failures/s', '--c2']] },
      { id: 'latency', title: 'Response time (ms)', pick: true, series: [[a, label(a), '--c1'], [b, label(b), '--c2']] },
      { id: 'users', title: this.open ? 'Users in an iteration' : 'Users', series: [['users', 'users', '--c3'], ['dropped', 'dropped/s', '--c2']] },
    ];
    if (this.streaming) {
      defs.push({ id: 'tokens-time', title: 'Time to first token, inter-token latency (ms)',
        series: [['ttft_p50', 'TTFT p50', '--c1'], ['ttft_p95', 'TTFT p95', '--c4'], ['itl_p50', 'ITL p50', '--c3'], ['itl_p95', 'ITL p95', '--c2']] });
      defs.push({ id: 'tokens', title: 'Output tokens per second, cache hits (%)',
        series: [['tokens_per_s', 'tokens/s', '--c1'], ['cache_hit', 'cache hit %', '--c3', 'pct']] });
    }
    defs.push(...this.targetDefinitions());
    defs.push({ id: 'generator', title: "Horde's own health", series: [['lag_ms', 'loop lag p99 (ms)', '--c4'], ['cpu', 'CPU %', '--c2', 'pct']] });
    return defs;
  }

  /** A chart per monitored series, in the unit scraped; failed scrapes once there are any. */
  targetDefinitions() {
    const defs = this.targetNames().slice(0, TARGET_CHARTS).map(name => ({ id: `target-${name}`, title: `Target: ${name}`,
      exact: true, series: [[`target.${name}`, name, '--c3']] }));
    this.failing = (this.cols.scrape_failures || []).some(v => v > 0);
    if (this.failing) defs.push({ id: 'target-scrapes', title: "Target's scrapes that failed", series: [['scrape_failures', 'failed/s', '--c2']] });
    return defs;
  }

  build() {
    this.plots.forEach(p => p.plot.destroy());
    this.plots = [];
    this.container.replaceChildren();
    for (const def of this.definitions()) {
      const figure = document.createElement('figure');
      figure.dataset.chart = def.id;
      const caption = document.createElement('figcaption');
      caption.textContent = def.title;
      if (def.pick) this.pickers(caption);
      figure.append(caption);
      if (def.exact) figure.classList.add('target');
      this.container.append(figure);
      const plot = new uPlot(this.options(def, figure), this.data(def), figure);
      this.plots.push({ def, plot, figure });
    }
    const more = this.targetNames().length - TARGET_CHARTS;
    if (more > 0) this.container.append(Object.assign(document.createElement('p'), { className: 'muted',
      textContent: `${more} more target series are not charted here: they are in the result and in /api/live/series.` }));
    document.body.dataset.charts = String(this.plots.length);
    document.body.dataset.seconds = String(this.size());
  }

  pickers(caption) {
    this.picked.forEach((value, i) => {
      const select = document.createElement('select');
      select.setAttribute('aria-label', i === 0 ? 'First percentile' : 'Second percentile');
      select.id = `percentile-${i + 1}`;
      for (const [k, text] of PERCENTILES) select.add(new Option(text, k, false, k === value));
      select.addEventListener('change', () => {
        this.picked[i] = select.value;
        this.build();
      });
      caption.append(select);
    });
  }

  options(def, figure) {
    const grid = { stroke: css('--grid'), width: 1 };
    const axis = { stroke: css('--muted'), grid, ticks: grid };
    const scales = { x: { time: false }, y: { range: (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } };
    const seconds = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400];
    const axes = [{ ...axis, incrs: seconds, values: (u, ticks) => ticks.map(clock) }, { ...axis, size: 56 }];
    if (def.series.some(s => s[3] === 'pct')) {
      scales.pct = { range: [0, 100] };
      axes.push({ ...axis, scale: 'pct', side: 1, grid: { show: false }, size: 44 });
    }
    return {
      width: this.width(figure), height: 190, scales, axes,
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      series: [{ label: 'time', value: (u, v) => v == null ? '' : clock(v) },
        ...def.series.map(([col, label, color, scale]) => ({
          label, stroke: css(color), width: 1.6, scale: scale || 'y', spanGaps: false,
          value: (u, v) => v == null ? '–' : (def.exact ? Number(v.toPrecision(4)) : Math.round(v * 10) / 10).toLocaleString(),
        }))],
    };
  }

  data(def) {
    const t = this.cols.t || [];
    return [t, ...def.series.map(([col]) => this.cols[col] || new Array(t.length).fill(null))];
  }

  width(figure) {
    return Math.max(300, (figure.clientWidth || this.container.clientWidth || 600) - 16);
  }

  redraw() {
    for (const p of this.plots) p.plot.setData(this.data(p.def));
    document.body.dataset.seconds = String(this.size());
  }

  resize() {
    for (const p of this.plots) p.plot.setSize({ width: this.width(p.figure), height: 190 });
  }
}
