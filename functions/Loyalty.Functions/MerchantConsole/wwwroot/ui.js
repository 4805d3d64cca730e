// Small DOM helpers: elements built with properties (never HTML strings), problem+json in words, paging.
import { t, formatNumber, formatTime } from './i18n.js';

/** An element: h('td', { className: 'num' }, 42) — attributes through properties, children appended as text or nodes. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name in element && name !== 'list') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A labelled input; its error line is found by the field's API name (data-error-for). */
export function field(label, input, apiField) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  if (apiField) input.dataset.field = apiField;
  return h('div', { className: 'field' },
    h('label', { htmlFor: id }, label),
    input,
    apiField ? h('p', { className: 'field-error', dataset: { errorFor: apiField }, hidden: true }) : null);
}

/** The sentence for an API error: its detail, the code and status, and every field with its rule. */
export function problemMessage(error) {
  const problem = error.problem || {};
  if (error.status === 0) return h('div', { className: 'message error', role: 'alert' }, t('common.network'));
  return h('div', { className: 'message error', role: 'alert', dataset: { code: problem.code || '' } },
    h('strong', {}, error.status === 403
      ? t('login.scope', { detail: problem.detail || problem.code || '' })
      : problem.detail || problem.title || error.message),
    ' ',
    h('span', { className: 'muted' }, t('common.problem', { title: problem.title || '', status: error.status, code: problem.code || '' })),
    error.fieldErrors.length
      ? h('ul', {}, error.fieldErrors.map((e) => h('li', {}, t('common.fieldError', { field: e.field, message: e.message }), ' ', h('span', { className: 'muted' }, `(${e.rule})`))))
      : null);
}

export function okMessage(text) {
  return h('div', { className: 'message ok', role: 'status' }, text);
}

/** Shows each field error beside its input inside root; returns the errors no input took. */
export function showFieldErrors(root, errors) {
  clearFieldErrors(root);
  const rest = [];
  for (const error of errors) {
    const line = root.querySelector(`[data-error-for="${CSS.escape(error.field)}"]`);
    if (!line) { rest.push(error); continue; }
    line.textContent = `${error.message} (${error.rule})`;
    line.hidden = false;
    root.querySelector(`[data-field="${CSS.escape(error.field)}"]`)?.setAttribute('aria-invalid', 'true');
  }
  return rest;
}

export function clearFieldErrors(root) {
  root.querySelectorAll('[data-error-for]').forEach((line) => { line.hidden = true; line.textContent = ''; });
  root.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

/** Replaces the content of a status area with one node (or clears it). */
export function show(area, node) {
  area.replaceChildren(...(node ? [node] : []));
}

/**
 * A table of columns [{ label, value(row), num }] over a paged API list: load(token) resolves to
 * { items, next }. "Next page" follows the continuation token, "First page" starts over.
 */
export function pagedTable(columns, load, { onRow } = {}) {
  const body = h('tbody');
  const status = h('div');
  const pageLabel = h('span', { className: 'muted' });
  const first = h('button', { type: 'button', className: 'secondary', onclick: () => go(null, 1) }, t('common.first'));
  const next = h('button', { type: 'button', className: 'secondary', onclick: () => go(nextToken, page + 1) }, t('common.next'));
  let nextToken = null;
  let page = 1;

  async function go(token, number) {
    show(status, h('p', { className: 'muted' }, t('common.loading')));
    try {
      const { items, next: following } = await load(token);
      nextToken = following || null;
      page = number;
      body.replaceChildren(...items.map((row) => h('tr', onRow ? { className: 'clickable', onclick: () => onRow(row) } : {},
        columns.map((c) => h('td', { className: c.num ? 'num' : '' }, c.value(row))))));
      show(status, items.length ? null : h('p', { className: 'muted' }, t('common.none')));
    } catch (error) {
      show(status, problemMessage(error));
    }
    pageLabel.textContent = t('common.page', { n: page });
    first.disabled = page === 1;
    next.disabled = !nextToken;
  }

  const element = h('div', {},
    h('div', { className: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { className: c.num ? 'num' : '' }, c.label)))),
      body)),
    status,
    h('div', { className: 'pager' }, first, next, pageLabel));
  go(null, 1);
  return { element, reload: () => go(null, 1) };
}

export const num = (value) => formatNumber(value);
export const time = (value) => formatTime(value);
