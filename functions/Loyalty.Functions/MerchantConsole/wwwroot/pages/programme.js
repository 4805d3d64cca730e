// Programme: the rules as a form for the main fields and as JSON for all of them (the JSON is what is saved), the
// validator's field errors shown at the field, a basket previewed under the edited rules, and the member terms.
import { call, get, post } from '../api.js';
import { language, t } from '../i18n.js';
import { clearFieldErrors, field, h, num, okMessage, problemMessage, show, showFieldErrors, time } from '../ui.js';

// The main fields: API field name (the validator's), label, and the kind of input.
const mainFields = [
  { path: 'name', label: 'programme.name', type: 'text' },
  { path: 'timeZone', label: 'programme.timeZone', type: 'text' },
  { path: 'currency', label: 'programme.currency', type: 'text' },
  { path: 'earning.baseRatePoints', label: 'programme.baseRatePoints', type: 'number' },
  { path: 'earning.baseRatePer', label: 'programme.baseRatePer', type: 'number' },
  { path: 'earning.returnWindowDays', label: 'programme.returnWindowDays', type: 'number' },
  { path: 'expiry.mode', label: 'programme.expiryMode', type: 'select', options: ['rolling', 'fixedAnnual', 'never'] },
  { path: 'expiry.months', label: 'programme.expiryMonths', type: 'number' },
];

const read = (object, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), object);

function write(object, path, value) {
  const keys = path.split('.');
  let target = object;
  for (const key of keys.slice(0, -1)) target = target[key] ??= {};
  target[keys.at(-1)] = value;
}

export function render(container) {
  const heading = h('p', { className: 'muted', id: 'programme-version' }, t('common.loading'));
  const status = h('div', { id: 'programme-status' });
  const json = h('textarea', { className: 'json', id: 'programme-json', spellcheck: false, dataset: { field: '' } });
  const jsonErrors = h('div', { id: 'programme-json-errors' });
  const inputs = new Map();
  let etag = '*';

  const form = h('form', { id: 'programme-form', onsubmit: (e) => { e.preventDefault(); save(); } },
    h('div', { className: 'grid' }, mainFields.map((f) => {
      const input = f.type === 'select'
        ? h('select', { id: `rule-${f.path.replace('.', '-')}` }, f.options.map((o) => h('option', { value: o }, t(`programme.${o}`))))
        : h('input', { id: `rule-${f.path.replace('.', '-')}`, type: f.type, step: f.type === 'number' ? 'any' : undefined });
      input.addEventListener('change', () => fromForm(f, input));
      inputs.set(f.path, input);
      return field(t(f.label), input, f.path);
    })),
    h('button', { type: 'submit', id: 'programme-save' }, t('common.save')));

  function rules() {
    try {
      const parsed = JSON.parse(json.value);
      show(jsonErrors, null);
      json.removeAttribute('aria-invalid');
      return parsed;
    } catch (error) {
      json.setAttribute('aria-invalid', 'true');
      show(jsonErrors, h('div', { className: 'message error', role: 'alert' }, t('programme.jsonInvalid', { message: error.message })));
      return null;
    }
  }

  function fromForm(f, input) {
    const current = rules();
    if (!current) return;
    write(current, f.path, f.type === 'number' ? (input.value === '' ? undefined : Number(input.value)) : input.value);
    json.value = JSON.stringify(current, null, 2);
  }

  function toForm() {
    const current = rules();
    if (!current) return;
    for (const f of mainFields) inputs.get(f.path).value = read(current, f.path) ?? '';
  }

  json.addEventListener('change', toForm);

  function showVersion(program) {
    heading.textContent = program.version
      ? t('programme.version', { version: program.version, at: time(program.updatedAt), by: program.updatedBy || '' })
      : t('programme.unsaved');
  }

  async function load() {
    try {
      const response = await call('GET', 'program');
      etag = response.headers.get('ETag') || '*';
      showVersion(response.body);
      json.value = JSON.stringify(response.body.rules, null, 2);
      toForm();
    } catch (error) {
      show(status, problemMessage(error));
    }
  }

  async function save() {
    clearFieldErrors(form);
    show(status, null);
    const current = rules();
    if (!current) return;
    try {
      const response = await call('PUT', 'program', { body: current, headers: { 'If-Match': etag } });
      etag = response.headers.get('ETag') || etag;
      showVersion(response.body);
      show(status, okMessage(t('programme.saved', { version: response.body.version })));
    } catch (error) {
      const elsewhere = showFieldErrors(form, error.fieldErrors);
      show(status, h('div', {}, h('div', { className: 'message error', role: 'alert' }, t('programme.invalid')),
        elsewhere.length || !error.fieldErrors.length ? problemMessage({ ...error, fieldErrors: elsewhere, problem: error.problem, status: error.status, message: error.message }) : null));
    }
  }

  container.replaceChildren(
    h('div', { className: 'card' }, h('h2', {}, t('nav.programme')), heading, status,
      h('h3', {}, t('programme.form')), form,
      h('h3', {}, t('programme.json')), json, jsonErrors),
    preview(rules),
    terms());
  load();
}

function preview(rules) {
  const inputs = {
    sku: h('input', { id: 'preview-sku', value: 'tea', required: true }),
    category: h('input', { id: 'preview-category', value: 'drinks', required: true }),
    quantity: h('input', { id: 'preview-quantity', type: 'number', value: 2, min: 1, required: true }),
    unitPrice: h('input', { id: 'preview-price', type: 'number', value: 38, step: '0.01', min: 0, required: true }),
    tier: h('input', { id: 'preview-tier', value: '' }),
  };
  const result = h('div', { id: 'preview-result' });
  const form = h('form', { className: 'inline', id: 'preview', onsubmit: async (e) => {
    e.preventDefault();
    const proposed = rules();
    if (!proposed) return;
    const quantity = Number(inputs.quantity.value);
    const unitPrice = Number(inputs.unitPrice.value);
    try {
      const outcome = await post('program/preview', {
        basket: { lines: [{ sku: inputs.sku.value.trim(), category: inputs.category.value.trim(), quantity, unitPrice }], cashPaid: Math.round(quantity * unitPrice * 100) / 100 },
        tier: inputs.tier.value.trim() || undefined,
        rules: proposed,
      });
      show(result, h('div', {}, okMessage(t('programme.previewResult', { points: num(outcome.points) })),
        h('p', { className: 'muted' }, outcome.explanation || ''),
        h('ul', {}, (outcome.lines || []).map((line) => h('li', {}, `${line.sku}: ${line.explanation}`)))));
    } catch (error) {
      show(result, problemMessage(error));
    }
  } },
  field(t('programme.sku'), inputs.sku), field(t('programme.category'), inputs.category),
  field(t('programme.quantity'), inputs.quantity), field(t('programme.unitPrice'), inputs.unitPrice),
  field(t('programme.tier'), inputs.tier), h('button', { type: 'submit' }, t('programme.run')));
  return h('div', { className: 'card' }, h('h2', {}, t('programme.preview')), form, result);
}

function terms() {
  const body = h('div', { id: 'programme-terms', className: 'terms' }, t('common.loading'));
  get('program/terms', { lang: language() }).then((document) => {
    body.replaceChildren(h('p', { className: 'muted' }, `${document.programName} · v${document.version}`),
      ...document.sections.map((section) => h('section', {}, h('h3', {}, section.title), h('ul', {}, section.lines.map((line) => h('li', {}, line))))));
  }).catch((error) => body.replaceChildren(problemMessage(error)));
  return h('div', { className: 'card' }, h('h2', {}, t('programme.terms')), body);
}
