// Members: look one up by id or phone, see points, tier, lots, flow and referrals, and adjust, freeze or unfreeze.
import { call, get, post } from '../api.js';
import { t } from '../i18n.js';
import { field, h, num, okMessage, pagedTable, problemMessage, show, time } from '../ui.js';

const phonePattern = /^\+?[\d\s\-()]{8,20}$/;

export function render(container) {
  const query = h('input', { id: 'member-query', type: 'search', required: true, autocomplete: 'off' });
  const status = h('div', { id: 'member-status' });
  const detail = h('div', { id: 'member-detail' });
  const lookup = h('form', { className: 'inline', id: 'member-lookup', onsubmit: (e) => { e.preventDefault(); find(query.value.trim()); } },
    field(t('members.lookup'), query), h('button', { type: 'submit' }, t('common.look')));

  async function find(text) {
    show(status, null);
    try {
      let memberId = text;
      if (phonePattern.test(text) && /\d{8}/.test(text.replace(/\D/g, ''))) {
        const found = await get('members', { phone: text });
        if (!found.members.length) { show(status, h('div', { className: 'message error' }, t('members.notFound'))); return; }
        memberId = found.members[0].memberId;
      }
      await open(memberId);
    } catch (error) {
      show(status, problemMessage(error));
    }
  }

  async function open(memberId) {
    detail.replaceChildren(await memberView(memberId, () => open(memberId)));
    detail.scrollIntoView({ block: 'start' });
  }

  const filter = h('input', { id: 'member-filter', type: 'search', autocomplete: 'off' });
  const list = pagedTable([
    { label: t('col.member'), value: (m) => m.memberId },
    { label: t('col.name'), value: (m) => m.name || '' },
    { label: t('col.phone'), value: (m) => m.phoneMasked || '' },
    { label: t('col.tier'), value: (m) => m.tier || '' },
    { label: t('col.status'), value: (m) => m.status || '' },
    { label: t('col.registered'), value: (m) => time(m.registeredAt) },
  ], async (token) => {
    const page = await get('members', { q: filter.value.trim(), pageSize: 20, continuationToken: token });
    return { items: page.members, next: page.continuationToken };
  }, { onRow: (m) => open(m.memberId).catch((error) => show(status, problemMessage(error))) });

  container.replaceChildren(
    h('div', { className: 'card' }, h('h2', {}, t('nav.members')), lookup, status),
    detail,
    h('div', { className: 'card' }, h('h2', {}, t('members.browse')),
      h('form', { className: 'inline', onsubmit: (e) => { e.preventDefault(); list.reload(); } },
        field(t('members.filter'), filter), h('button', { type: 'submit', className: 'secondary' }, t('common.look'))),
      list.element));
}

function figure(label, value, id) {
  return h('div', { className: 'figure' }, h('div', { className: 'label' }, label), h('div', { className: 'value', id }, value));
}

async function memberView(memberId, reopen) {
  const path = `members/${encodeURIComponent(memberId)}`;
  const [member, lots] = await Promise.all([get(path), get(`${path}/lots`)]);
  const tier = member.tierStatus || {};
  const progress = tier.nextTier
    ? h('div', {}, h('progress', { max: tier.qualifying + tier.toNextTier, value: tier.qualifying }),
      h('p', { className: 'muted' }, t('members.toNext', { points: num(tier.toNextTier), tier: tier.nextTier })))
    : h('p', { className: 'muted' }, t('members.topTier'));

  const card = h('div', { className: 'card', dataset: { memberId } },
    h('h2', {}, `${member.name || member.memberId} · ${member.memberId} `,
      h('span', { className: member.frozen ? 'badge bad' : 'badge', id: 'member-state' }, member.frozen ? t('members.frozen') : t('members.active'))),
    h('p', { className: 'muted' }, member.phoneMasked || '', ' · ', t('members.lifetime', { earned: num(member.lifetimeEarned), spent: num(member.lifetimeSpent), expired: num(member.lifetimeExpired) })),
    h('div', { className: 'figures' },
      figure(t('members.balance'), num(member.balance), 'member-balance'),
      figure(t('members.available'), num(member.available), 'member-available'),
      figure(t('members.pending'), num(member.pending), 'member-pending'),
      figure(t('members.debt'), num(member.debt), 'member-debt'),
      figure(t('members.tier'), member.tier, 'member-tier'),
      figure(t('members.nextExpiry'), member.nextExpiryAt ? `${num(member.nextExpiryPoints)} · ${time(member.nextExpiryAt)}` : '—', 'member-next-expiry')),
    h('h3', {}, t('members.tier')), progress,
    actions(member, path, reopen),
    h('h3', {}, t('members.lots')),
    h('div', { className: 'table-wrap' }, h('table', { id: 'member-lots' },
      h('thead', {}, h('tr', {}, [t('col.points'), t('col.remaining'), t('col.earned'), t('col.availableAt'), t('col.expiresAt'), t('col.source')].map((c, i) => h('th', { className: i < 2 ? 'num' : '' }, c)))),
      h('tbody', {}, lots.lots.map((lot) => h('tr', {},
        h('td', { className: 'num' }, num(lot.points)), h('td', { className: 'num' }, num(lot.remaining)),
        h('td', {}, time(lot.earnedAt)), h('td', {}, time(lot.availableAt)), h('td', {}, time(lot.expiresAt)),
        h('td', {}, [lot.source, lot.reference].filter(Boolean).join(' · '))))))),
    lots.lots.length ? null : h('p', { className: 'muted' }, t('common.none')),
    h('h3', {}, t('members.ledger')),
    pagedTable([
      { label: t('col.at'), value: (e) => time(e.at) },
      { label: t('col.type'), value: (e) => e.type },
      { label: t('col.delta'), value: (e) => (e.delta > 0 ? `+${num(e.delta)}` : num(e.delta)), num: true },
      { label: t('col.after'), value: (e) => num(e.balanceAfter), num: true },
      { label: t('col.reason'), value: (e) => e.reason || '' },
      { label: t('col.reference'), value: (e) => e.reference || '' },
    ], async (token) => {
      const page = await get(`${path}/ledger`, { pageSize: 20, continuationToken: token });
      return { items: page.entries, next: page.continuationToken };
    }).element,
    h('h3', {}, t('members.referrals')),
    referrals(path));
  return card;
}

function referrals(path) {
  const totals = h('p', { className: 'muted' });
  const table = pagedTable([
    { label: t('col.referee'), value: (r) => r.refereeId },
    { label: t('col.status'), value: (r) => [r.status, r.reason].filter(Boolean).join(': ') },
    { label: t('col.referred'), value: (r) => time(r.referredAt) },
    { label: t('col.points'), value: (r) => (r.status === 'rewarded' ? num(r.referrerPoints) : ''), num: true },
  ], async (token) => {
    const page = await get(`${path}/referrals`, { pageSize: 20, continuationToken: token });
    totals.textContent = t('members.referralTotals', { rewarded: num(page.rewarded), points: num(page.pointsEarned) });
    return { items: page.referrals, next: page.continuationToken };
  });
  return h('div', {}, totals, table.element);
}

function actions(member, path, reopen) {
  const status = h('div', { id: 'action-status' });
  const delta = h('input', { id: 'adjust-delta', type: 'number', step: 1, required: true });
  const reason = h('input', { id: 'adjust-reason', maxLength: 200, required: true });
  const adjust = h('form', { className: 'inline', id: 'adjust', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const outcome = await post(`${path}/adjustments`, { delta: Number(delta.value), reason: reason.value.trim() });
      await reopen();
      document.getElementById('action-status')?.replaceChildren(okMessage(t('members.adjusted', { balance: num(outcome.balance.balance) })));
    } catch (error) {
      show(status, problemMessage(error));
    }
  } }, field(t('members.delta'), delta, 'delta'), field(t('common.reason'), reason, 'reason'), h('button', { type: 'submit' }, t('members.adjust')));

  const freezeReason = h('input', { id: 'freeze-reason', maxLength: 200, required: true });
  const verb = member.frozen ? 'unfreeze' : 'freeze';
  const freeze = h('form', { className: 'inline', id: 'freeze', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await call('POST', `${path}/${verb}`, { body: { reason: freezeReason.value.trim() } });
      await reopen();
      document.getElementById('action-status')?.replaceChildren(okMessage(t(member.frozen ? 'members.unfrozenDone' : 'members.frozenDone')));
    } catch (error) {
      show(status, problemMessage(error));
    }
  } }, field(t('common.reason'), freezeReason, 'reason'), h('button', { type: 'submit', className: 'secondary' }, t(`members.${verb}`)));

  return h('div', {}, h('h3', {}, t('members.adjust')), adjust, h('h3', {}, t(`members.${verb}`)), freeze, status);
}
