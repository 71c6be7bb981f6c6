// Horde's web UI: start a test, watch it (pushed every second over server-sent events), steer it,
// stop it, read its verdict, browse the history. Plain JavaScript modules, nothing from elsewhere.
import { Charts } from './charts.js';
import { History } from './history.js';

const $ = id => document.getElementById(id);

/** The token cookie the server set after a visit with ?token= (only when it was started with one). */
export function authHeaders() {
  const name = `horde_token_${location.port || 80}=`;
  const c = document.cookie.split(';').map(s => s.trim()).find(s => s.startsWith(name));
  return c ? { Authorization: `Bearer ${c.slice(name.length)}` } : {};
}

export async function post(path, body, type = 'application/json') {
  const r = await fetch(path, {
    method: 'POST', headers: { 'Content-Type': type, ...authHeaders() },
    body: type === 'application/json' ? JSON.stringify(body ?? {}) : body,
  });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { ok: r.ok, status: r.status, json };
}

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

export function num(v, digits = 0) {
  if (v == null) return '–';
  return v.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function ms(v) {
  if (v == null) return '–';
  return v >= 100 ? num(v, 0) : num(v, 1);
}

function clock(s) {
  s = Math.round(s || 0);
  const m = Math.floor(s / 60);
  return m ? `${m}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

const ui = {
  charts: new Charts($('charts')),
  test: null,
  frame: { state: 'idle' },
  shown: null,
  checked: null,
  checkTimer: null,
  expanded: new Set(),
};

// ---- tabs and theme ----
function showTab(name) {
  for (const t of ['test', 'history']) {
    $(`tab-${t}`).setAttribute('aria-selected', String(t === name));
    $(t).hidden = t !== name;
  }
  if (name === 'history') runs.load();
  else ui.charts.resize();
}
$('tab-test').addEventListener('click', () => showTab('test'));
$('tab-history').addEventListener('click', () => showTab('history'));

function applyTheme(theme) {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}
applyTheme(localStorage.getItem('horde-theme'));
$('theme').addEventListener('click', () => {
  const dark = getComputedStyle(document.documentElement).colorScheme.includes('dark');
  const next = dark ? 'light' : 'dark';
  localStorage.setItem('horde-theme', next);
  applyTheme(next);
  ui.charts.build();
});

// ---- the start form ----
function mode() {
  return document.querySelector('input[name=mode]:checked').value;
}

function showModeFields() {
  for (const label of document.querySelectorAll('[data-mode]')) label.hidden = !label.dataset.mode.split(' ').includes(mode());
}

function form() {
  const f = { scenario: $('scenario').value, mode: mode(), host: $('host').value || null, run_time: $('run_time').value || null };
  if (f.mode === 'users') {
    f.users = Number($('users').value);
    f.spawn_rate = Number($('spawn_rate').value);
  }
  if (f.mode === 'rate') f.rate = Number($('rate').value);
  const boxes = [...document.querySelectorAll('#classes input')];
  const chosen = boxes.filter(b => b.checked).map(b => b.value);
  if (chosen.length && chosen.length < boxes.length) f.user_classes = chosen;
  return f;
}

function checkSoon() {
  $('start-button').disabled = true;
  clearTimeout(ui.checkTimer);
  ui.checkTimer = setTimeout(check, 250);
}

async function check() {
  if (!$('scenario').value) return;
  const r = await post('/api/live/check', form());
  showCheck(r.json);
}

function showCheck(c) {
  ui.checked = c;
  const box = $('check');
  box.replaceChildren();
  if (!c) return;
  if (!c.ok) {
    box.append(el('ul', { class: 'problems', 'aria-label': 'Problems in the scenario' },
      ...(c.problems || []).map(p => el('li', {}, p.text || p.message))));
  } else {
    const s = c.scenario;
    box.append(el('p', { class: 'summary' }, el('b', {}, s.name), ` → ${s.target} · ${s.load.join('; ')}`,
      ` · ${s.criteria} ${s.criteria === 1 ? 'criterion' : 'criteria'}`));
    classes(s.user_classes);
  }
  for (const n of c.notes || []) box.append(el('p', { class: 'muted' }, n));
  $('start-button').disabled = !c.ok;
}

function classes(list) {
  const box = $('classes');
  const key = list.map(c => c.name).join(',');
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  box.replaceChildren(...list.map(c => el('label', {}, el('input', { type: 'checkbox', value: c.name, checked: '' }),
    ` ${c.name} (weight ${c.weight}) `)));
  $('classes-box').hidden = list.length < 2;
}

async function loadScenarios() {
  const r = await fetch('/api/live/scenarios', { headers: authHeaders() });
  const j = await r.json();
  const select = $('scenario');
  const keep = select.value;
  select.replaceChildren(...j.scenarios.map(s => new Option(s, s)));
  if (!j.scenarios.length) select.add(new Option(`no scenario under ${j.root}: upload one`, ''));
  select.value = keep && j.scenarios.includes(keep) ? keep : (j.default || j.scenarios[0] || '');
  checkSoon();
}

$('start').addEventListener('input', e => {
  if (e.target.id === 'upload') return;
  showModeFields();
  checkSoon();
});
$('upload').addEventListener('change', async () => {
  const file = $('upload').files[0];
  if (!file) return;
  const r = await post(`/api/live/upload?name=${encodeURIComponent(file.name)}`, await file.text(), 'text/plain');
  if (!r.json || r.json.error) {
    $('start-error').textContent = r.json ? r.json.error : `upload failed (${r.status})`;
    return;
  }
  await loadScenarios();
  $('scenario').value = r.json.name;
  showCheck(r.json);
});
$('start').addEventListener('submit', async e => {
  e.preventDefault();
  $('start-error').textContent = '';
  $('start-button').disabled = true;
  const r = await post('/api/live/start', form());
  if (r.status === 400 && r.json && 'ok' in r.json) showCheck(r.json);
  else if (!r.ok) $('start-error').textContent = r.json ? r.json.error : `failed (${r.status})`;
  else render(r.json);
});

// ---- watching ----
function connect() {
  const source = new EventSource('/api/live/events');
  source.onmessage = e => receive(JSON.parse(e.data));
  source.onerror = () => $('state').textContent = 'reconnecting…';
}

async function receive(m) {
  const f = m.frame;
  if (m.series) {
    const s = m.series;
    if (m.test !== ui.test || s.from === 0) {
      ui.test = m.test;
      ui.charts.replace(s, f.streaming, f.model === 'rate');
    } else if (s.from === ui.charts.size()) {
      ui.charts.append(s, f.streaming);
    } else { // a gap (a message dropped): fetch what is missing
      const r = await fetch(`/api/live/series?from=${ui.charts.size()}`, { headers: authHeaders() });
      if (r.ok) {
        const part = await r.json();
        if (part.from === ui.charts.size()) ui.charts.append(part, f.streaming);
      }
    }
  }
  render(f);
}

function render(f) {
  ui.frame = f;
  const state = f.state;
  const badge = $('state');
  badge.textContent = state === 'idle' ? 'no test' : state;
  badge.className = `badge ${state}`;
  const active = ['starting', 'running', 'stopping'].includes(state);
  const over = state === 'done' || state === 'failed';
  if (ui.shown !== state) {
    $('start').hidden = active || over;
    $('live').hidden = !(active || over);
    $('after').hidden = !over;
    if (state === 'idle' || (!active && !over)) loadScenarios();
    ui.shown = state;
    if (active || over) requestAnimationFrame(() => ui.charts.resize());
  }
  if (state === 'idle') return;
  facts(f);
  steer(f, active);
  table(f);
  findings(f);
  generator(f);
  if (over) after(f);
}

function facts(f) {
  $('live-scenario').textContent = f.scenario;
  $('live-target').textContent = f.target;
  $('live-phase').textContent = f.phase ? `phase ${f.phase}` : '';
  $('elapsed').textContent = clock(f.elapsed_s);
  const cols = ui.charts.cols;
  const last = (cols.users || []).length - 1;
  $('users-now').textContent = last >= 0 ? num(cols.users[last]) : '0';
  $('rps-now').textContent = f.total && f.total.now ? num(f.total.now.rps, 1) : '0';
  $('fail-now').textContent = f.total ? num(f.total.failures) : '0';
  const from = f.measured_from_s;
  $('measured').textContent = f.total ? `Totals and percentiles are measured ${from > 0 ? `from ${clock(from)} on (warm-up or reset before it)` : 'since the start'}; "now" covers the last 10 seconds.` : '';
}

function steer(f, active) {
  const rate = f.model === 'rate';
  $('steer-label').textContent = rate ? 'Iterations /s' : 'Users';
  const value = $('steer-value');
  if (document.activeElement !== value && f.control && f.control.current != null && !value.dataset.touched) {
    value.value = Math.round(f.control.current * 10) / 10;
  }
  $('pause').textContent = f.control && f.control.paused ? 'Resume' : 'Pause';
  const fixed = f.control && f.control.steerable === false; // a cluster's workers follow the scenario
  for (const b of document.querySelectorAll('#steer button, #steer input')) {
    b.disabled = !active || f.state === 'stopping' || (fixed && b.id !== 'reset' && b.id !== 'stop');
    b.title = fixed && b.disabled ? 'a run across a cluster follows its scenario: stop and reset work' : '';
  }
}

$('steer-value').addEventListener('input', () => $('steer-value').dataset.touched = '1');
$('steer').addEventListener('submit', async e => {
  e.preventDefault();
  const body = { ramp: $('steer-ramp').value ? Number($('steer-ramp').value) : undefined };
  body[ui.frame.model === 'rate' ? 'rate' : 'users'] = Number($('steer-value').value);
  const r = await post('/api/live/steer', body);
  delete $('steer-value').dataset.touched;
  if (r.ok) render(r.json);
});
$('pause').addEventListener('click', async () => {
  const r = await post(ui.frame.control && ui.frame.control.paused ? '/api/live/resume' : '/api/live/pause');
  if (r.ok) render(r.json);
});
$('reset').addEventListener('click', async () => { const r = await post('/api/live/reset'); if (r.ok) render(r.json); });
$('stop').addEventListener('click', async () => { const r = await post('/api/live/stop'); if (r.ok) render(r.json); });
$('new-test').addEventListener('click', () => {
  ui.shown = 'new';
  $('after').hidden = true;
  $('live').hidden = true;
  $('start').hidden = false;
  loadScenarios();
});

function table(f) {
  const body = document.querySelector('#endpoints tbody');
  if (!f.endpoints) return;
  const rows = [];
  for (const e of f.endpoints) rows.push(...endpointRows(e, false));
  if (f.total) rows.push(...endpointRows(f.total, true));
  body.replaceChildren(...rows);
}

function endpointRows(e, total) {
  const key = `${e.method} ${e.name}`;
  const now = e.now || {};
  const name = el('td', { class: 'name' });
  if (!total && e.method) name.append(el('span', { class: 'method' }, e.group ? 'group' : e.method));
  name.append(e.name);
  const extra = (e.reasons && e.reasons.length) || Object.keys(e.statuses || {}).length > 1;
  if (!total && extra) {
    const open = ui.expanded.has(key);
    name.append(el('button', { type: 'button', class: 'more', 'aria-expanded': String(open), 'aria-label': `Failures and statuses of ${key}`,
      onclick: () => { open ? ui.expanded.delete(key) : ui.expanded.add(key); table(ui.frame); } }, open ? 'less' : 'more'));
  }
  const statuses = Object.entries(e.statuses || {}).map(([c, n]) => `${c}: ${num(n)}`).join('  ');
  const row = el('tr', { class: total ? 'total' : '' }, name,
    el('td', {}, num(e.requests)), el('td', {}, num(e.failures)), el('td', {}, num(e.error_pct, 2)),
    el('td', {}, num(now.rps, 1)), el('td', {}, ms(now.p50)), el('td', {}, ms(now.p95)), el('td', {}, ms(now.p99)),
    el('td', {}, ms(e.p50)), el('td', {}, ms(e.p95)), el('td', {}, ms(e.p99)), el('td', {}, ms(e.max)),
    el('td', { class: 'name' }, total ? '' : statuses));
  if (total || !ui.expanded.has(key)) return [row];
  const reasons = el('ul', {}, ...(e.reasons || []).map(r => el('li', {}, `${r.reason}: ${num(r.count)}`,
    r.sample ? el('div', { class: 'sample' }, r.sample) : null)));
  return [row, el('tr', { class: 'details' }, el('td', { colspan: '13' },
    (e.reasons || []).length ? reasons : el('span', { class: 'muted' }, 'no failures'), el('div', {}, `Statuses: ${statuses}`)))];
}

function findings(f) {
  const list = $('findings');
  const items = (f.findings || []).map(x => el('li', { class: `${x.level}-level` }, x.level === 'warning' ? '⚠ ' : '', x.text));
  list.replaceChildren(...(items.length ? items : [el('li', { class: 'muted' }, 'none yet')]));
}

function generator(f) {
  const box = $('generator-warning');
  const problems = f.generator || [];
  box.hidden = problems.length === 0;
  if (problems.length) {
    const recent = problems.some(p => f.elapsed_s - p.last_s < 10);
    box.textContent = (recent ? 'Horde itself is the bottleneck now. ' : '') + problems.map(p => p.text).join(' ');
  }
}

function after(f) {
  const r = f.result;
  const verdict = $('verdict');
  if (f.state === 'failed') {
    verdict.textContent = 'not run';
    verdict.className = 'verdict fail';
    $('after-notes').textContent = f.error || '';
    document.querySelector('#criteria tbody').replaceChildren();
    $('after-history').textContent = '';
    document.querySelector('.downloads').hidden = true;
    return;
  }
  document.querySelector('.downloads').hidden = false;
  if (!r) return;
  const v = String(r.verdict || '').toLowerCase();
  verdict.textContent = (v || '?').toUpperCase() + (r.aborted ? ' (stopped early)' : '');
  verdict.className = `verdict ${v}`;
  $('after-notes').textContent = (r.notes || []).join(' ');
  document.querySelector('#criteria tbody').replaceChildren(...(r.criteria || []).map(c => el('tr', {},
    el('td', { class: 'name' }, c.endpoint ? `${c.endpoint}: ${c.expression}` : c.expression),
    el('td', {}, c.actual == null ? 'no data' : num(c.actual, 3) + (c.interval ? ` (95% interval ${num(c.interval[0], 1)} to ${num(c.interval[1], 1)})` : '')),
    el('td', {}, c.level),
    el('td', { class: c.passed ? 'pass' : 'fail' }, c.passed ? 'yes' : 'no'))));
  const h = $('after-history');
  h.replaceChildren();
  if (r.history_id != null) {
    h.append('Recorded in the history as run ', el('a', { href: `/api/runs/${r.history_id}/report.html`, target: '_blank', rel: 'noopener' },
      String(r.history_id)), ' — ', el('a', { href: '#history', onclick: e => { e.preventDefault(); showTab('history'); } }, 'open the history'));
  }
}

const runs = new History();
showModeFields();
connect();
