// Clearing: the points expiring per month ahead as a chart, and clearing runs started or shown by date with progress.
import * as echarts from '../vendor/echarts/echarts.esm.min.js';
import { get, call } from '../api.js';
import { t } from '../i18n.js';
import { field, h, num, problemMessage, show } from '../ui.js';

const done = new Set(['completed', 'failed']);

export function render(container) {
  const chart = h('div', { className: 'chart', id: 'forecast-chart' });
  const total = h('p', { className: 'muted', id: 'forecast-total' }, t('common.loading'));
  const table = h('tbody');
  container.replaceChildren(
    h('div', { className: 'card' }, h('h2', {}, t('clearing.forecast')), total, chart,
      h('div', { className: 'table-wrap' }, h('table', { id: 'forecast-table' },
        h('thead', {}, h('tr', {}, h('th', {}, t('col.period')), h('th', { className: 'num' }, t('col.points')), h('th', { className: 'num' }, t('col.members')))),
        table))),
    h('div', { className: 'card' }, runs()));
  forecast(chart, total, table);
}

async function forecast(element, total, table) {
  try {
    const data = await get('admin/expiry-forecast', { by: 'month', days: 366 });
    total.textContent = t('clearing.total', { points: num(data.totalPoints) });
    table.replaceChildren(...data.periods.map((p) => h('tr', {}, h('td', {}, p.period), h('td', { className: 'num' }, num(p.points)), h('td', { className: 'num' }, num(p.members)))));
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    instance.setOption({
      animation: false,
      grid: { left: 56, right: 16, top: 24, bottom: 32 },
      // Drawn in the canvas: an HTML tooltip would need inline styles, which the console's CSP forbids.
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'category', data: data.periods.map((p) => p.period) },
      yAxis: { type: 'value', name: t('col.points') },
      series: [{ type: 'bar', barMaxWidth: 56, name: t('col.points'), data: data.periods.map((p) => p.points), itemStyle: { color: '#c2410c' } }],
    });
    new ResizeObserver(() => instance.resize()).observe(element);
    element.dataset.drawn = 'true';
  } catch (error) {
    show(total, problemMessage(error));
  }
}

function runs() {
  const date = h('input', { id: 'run-date', type: 'date', required: true });
  date.valueAsDate = new Date(Date.now() - 86400000);
  const result = h('div', { id: 'run-result' });
  let timer = null;

  function progress(run) {
    const total = run.membersTotal ?? 0;
    result.replaceChildren(h('div', { dataset: { status: run.status } },
      h('p', {}, h('strong', {}, run.runId), ' ', h('span', { className: 'badge' }, run.status)),
      h('progress', { max: Math.max(total, 1), value: done.has(run.status) && !total ? 1 : run.membersDone }),
      h('p', { className: 'muted' }, t('clearing.progress', { done: num(run.membersDone), total: num(total), points: num(run.pointsExpired), failures: num(run.failures), status: run.status }))));
    clearTimeout(timer);
    if (!done.has(run.status)) {
      timer = setTimeout(() => get(`admin/clearing-runs/${run.runId}`).then(progress).catch((error) => show(result, problemMessage(error))), 1000);
    }
  }

  async function start(e) {
    e.preventDefault();
    try {
      progress((await call('POST', 'admin/clearing-runs', { body: { date: date.value } })).body);
    } catch (error) {
      show(result, problemMessage(error));
    }
  }

  async function showRun() {
    try {
      progress(await get(`admin/clearing-runs/${date.value}`));
    } catch (error) {
      show(result, problemMessage(error));
    }
  }

  return h('div', {}, h('h2', {}, t('clearing.runs')), h('p', { className: 'muted' }, t('clearing.runsHint')),
    h('form', { className: 'inline', id: 'run', onsubmit: start }, field(t('clearing.date'), date, 'date'),
      h('button', { type: 'submit' }, t('clearing.start')),
      h('button', { type: 'button', className: 'secondary', onclick: showRun }, t('clearing.show'))),
    result);
}
