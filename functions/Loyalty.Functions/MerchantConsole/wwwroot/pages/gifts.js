// Gifts: the catalog with stock, stock changes and code pools for a chosen gift, and a redemption awaiting
// shipment looked up by id and marked shipped (the API has no list of redemptions).
import { get, post } from '../api.js';
import { t } from '../i18n.js';
import { field, h, num, okMessage, pagedTable, problemMessage, show } from '../ui.js';

export function render(container) {
  const editor = h('div', { id: 'gift-editor' }, h('p', { className: 'muted' }, t('gifts.selectHint')));
  const catalog = pagedTable([
    { label: t('col.gift'), value: (g) => g.giftId },
    { label: t('col.name'), value: (g) => g.name },
    { label: t('col.kind'), value: (g) => g.kind },
    { label: t('col.price'), value: (g) => num(g.pointsPrice), num: true },
    { label: t('col.stock'), value: (g) => num(g.stock), num: true },
    { label: t('col.active'), value: (g) => (g.active ? '✓' : '—') },
  ], async (token) => {
    const page = await get('gifts', { pageSize: 20, continuationToken: token });
    return { items: page.gifts, next: page.continuationToken };
  }, { onRow: (gift) => editor.replaceChildren(giftEditor(gift, () => catalog.reload())) });

  container.replaceChildren(
    h('div', { className: 'card' }, h('h2', {}, t('gifts.catalog')), catalog.element),
    h('div', { className: 'card' }, editor),
    h('div', { className: 'card' }, shipment()));
}

function giftEditor(gift, refresh) {
  const status = h('div', { id: 'gift-status' });
  const delta = h('input', { id: 'stock-delta', type: 'number', step: 1, required: true });
  const stock = h('form', { className: 'inline', id: 'stock', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const updated = await post(`gifts/${encodeURIComponent(gift.giftId)}/stock`, { delta: Number(delta.value) });
      show(status, okMessage(t('gifts.stockDone', { gift: updated.name, stock: num(updated.stock) })));
      refresh();
    } catch (error) {
      show(status, problemMessage(error));
    }
  } }, field(t('gifts.delta'), delta, 'delta'), h('button', { type: 'submit' }, t('gifts.stock')));

  const codes = h('textarea', { id: 'gift-codes', rows: 4, spellcheck: false });
  const load = h('form', { id: 'codes', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const list = codes.value.split(/\r?\n/).map((c) => c.trim()).filter(Boolean);
      const loaded = await post(`gifts/${encodeURIComponent(gift.giftId)}/codes`, { codes: list });
      show(status, okMessage(t('gifts.codesDone', { added: num(loaded.added), stock: num(loaded.stock) })));
      codes.value = '';
      refresh();
    } catch (error) {
      show(status, problemMessage(error));
    }
  } }, field(t('gifts.codes'), codes, 'codes'), h('button', { type: 'submit', className: 'secondary' }, t('common.save')));

  return h('div', {}, h('h2', {}, t('gifts.selected', { gift: `${gift.name} (${gift.giftId})` })), stock,
    gift.kind === 'physical' ? null : load, status);
}

function shipment() {
  const id = h('input', { id: 'redemption-id', required: true, autocomplete: 'off' });
  const result = h('div', { id: 'redemption-result' });

  async function lookUp(e) {
    e.preventDefault();
    try {
      result.replaceChildren(redemptionView(await get(`redemptions/${encodeURIComponent(id.value.trim())}`), result));
    } catch (error) {
      show(result, problemMessage(error));
    }
  }

  return h('div', {}, h('h2', {}, t('gifts.redemption')), h('p', { className: 'muted' }, t('gifts.redemptionHint')),
    h('form', { className: 'inline', onsubmit: lookUp }, field(t('gifts.redemptionId'), id), h('button', { type: 'submit' }, t('common.look'))),
    result);
}

function redemptionView(redemption, area) {
  const shipTo = redemption.fulfilment?.shipment?.shipTo;
  const carrier = h('input', { id: 'ship-carrier', required: true, maxLength: 64 });
  const tracking = h('input', { id: 'ship-tracking', required: true, maxLength: 64 });
  const status = h('div');
  const ship = h('form', { className: 'inline', id: 'ship', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const updated = await post(`redemptions/${encodeURIComponent(redemption.redemptionId)}/shipment`, { carrier: carrier.value.trim(), trackingNumber: tracking.value.trim() });
      area.replaceChildren(redemptionView(updated, area));
      area.append(okMessage(t('gifts.shipped', { status: updated.status })));
    } catch (error) {
      show(status, problemMessage(error));
    }
  } }, field(t('gifts.carrier'), carrier, 'carrier'), field(t('gifts.tracking'), tracking, 'trackingNumber'), h('button', { type: 'submit' }, t('gifts.ship')));

  return h('div', {},
    h('p', {}, h('strong', {}, `${redemption.giftName} · ${num(redemption.points)} `), h('span', { className: 'badge' }, redemption.status), ` · ${redemption.memberId}`),
    shipTo ? h('p', { className: 'muted' }, t('gifts.shipTo', { name: shipTo.name, address: shipTo.address })) : null,
    redemption.status === 'awaitingShipment' ? ship : null,
    status);
}
