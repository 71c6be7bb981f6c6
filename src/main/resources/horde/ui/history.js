// The run history: the REST API's runs and baselines, reports opened from it, comparisons of two
// runs or of a run with a baseline (horde compare's verdict table and overlaid curves).
import { authHeaders, post, el, num } from './app.js';

const $ = id => document.getElementById(id);

/** A capacity search as the history keeps it: "search: knee 40 users (50 failed), 7 steps". */
function search(s) {
  const label = v => s.kind === 'users' ? `${num(v, 2)} users` : `${num(v, 2)}/s`;
  const knee = s.knee == null ? 'no knee' : `knee ${label(s.knee)}`;
  const failed = s.first_failed == null ? 'none failed' : `${label(s.first_failed)} failed`;
  return `search: ${knee} (${failed}), ${s.steps} step${s.steps === 1 ? '' : 's'}`;
}

export class History {
  constructor() {
    this.selected = [];
    $('history-filter').addEventListener('submit', e => { e.preventDefault(); this.load(); });
    $('compare-two').addEventListener('click', () => {
      const [a, b] = this.selected;
      this.open(`/api/compare?run=${b}&against=${a}&format=html`);
    });
    $('compare-baseline').addEventListener('click', () =>
      this.open(`/api/compare?run=${this.selected[0]}&baseline=${encodeURIComponent($('baseline-pick').value)}&format=html`));
    $('mark-baseline').addEventListener('click', () => this.mark());
    $('baseline-name').addEventListener('input', () => this.buttons());
  }

  async load() {
    const q = new URLSearchParams({ limit: '200' });
    if ($('filter-scenario').value) q.set('scenario', $('filter-scenario').value);
    if ($('filter-tag').value) q.append('tag', $('filter-tag').value);
    const [runs, baselines] = await Promise.all([this.get(`/api/runs?${q}`), this.get('/api/baselines')]);
    if (!runs) return;
    this.selected = [];
    document.querySelector('#runs tbody').replaceChildren(...runs.runs.map(r => this.row(r)));
    if (!runs.runs.length) this.say('No runs match.');
    const pick = $('baseline-pick');
    pick.replaceChildren(...(baselines ? baselines.baselines : []).map(b => new Option(`${b.name} (${b.runs.length} run${b.runs.length === 1 ? '' : 's'})`, b.name)));
    this.buttons();
  }

  async get(path) {
    const r = await fetch(path, { headers: authHeaders() });
    const j = await r.json().catch(() => null);
    if (!r.ok) {
      this.say(j && j.error ? j.error : `failed (${r.status})`);
      return null;
    }
    return j;
  }

  row(r) {
    const box = el('input', { type: 'checkbox', 'aria-label': `Select run ${r.id}` });
    box.addEventListener('change', () => {
      this.selected = box.checked ? [...this.selected, r.id] : this.selected.filter(id => id !== r.id);
      this.selected.sort((a, b) => a - b);
      this.buttons();
    });
    const tags = Object.entries(r.tags || {}).map(([k, v]) => `${k}=${v}`).join(' ');
    return el('tr', {}, el('td', {}, box), el('td', {}, String(r.id)), el('td', { class: 'name' }, r.started_at.replace('T', ' ').replace(/\..*|Z$/, '')),
      el('td', { class: 'name' }, r.scenario, r.search ? el('div', { class: 'muted search' }, search(r.search)) : null), el('td', { class: 'name' }, tags), el('td', { class: `verdict ${String(r.verdict).toLowerCase()}` }, String(r.verdict).toUpperCase()),
      el('td', {}, num(r.rps, 1)), el('td', {}, num(r.p95_ms, 1)), el('td', {}, num(r.error_rate * 100, 2)),
      el('td', { class: 'name' }, el('a', { href: `/api/runs/${r.id}/report.html`, target: '_blank', rel: 'noopener', class: 'report' }, 'report')));
  }

  buttons() {
    const n = this.selected.length;
    $('compare-two').disabled = n !== 2;
    $('compare-baseline').disabled = n !== 1 || !$('baseline-pick').value;
    $('mark-baseline').disabled = n < 1 || !$('baseline-name').value.trim();
  }

  async mark() {
    const name = $('baseline-name').value.trim();
    const r = await post('/api/baselines', { name, runs: this.selected });
    this.say(r.ok ? `Baseline ${name}: run${this.selected.length === 1 ? '' : 's'} ${this.selected.join(', ')}.` : (r.json ? r.json.error : `failed (${r.status})`));
    if (r.ok) await this.load();
  }

  open(url) {
    window.open(url, '_blank', 'noopener');
  }

  say(text) {
    $('history-message').textContent = text;
  }
}
