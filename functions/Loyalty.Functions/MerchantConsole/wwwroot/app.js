// The console's shell: sign-in, navigation between pages, language switch. A page is a module under pages/ with
// render(container) — pages/index.js lists them, so a new page (the report pages, say) is one module and one line.
import { call, onUnauthorized, session } from './api.js';
import { language, languages, setLanguage, t } from './i18n.js';
import { pages } from './pages/index.js';
import { h, problemMessage, show } from './ui.js';

const root = document.getElementById('app');
let notice = null;

function currentPage() {
  const id = location.hash.replace(/^#\/?/, '');
  return pages.find((p) => p.id === id) || pages[0];
}

function toggleLanguage() {
  const next = languages[(languages.indexOf(language()) + 1) % languages.length];
  setLanguage(next);
  render();
}

function renderLogin() {
  const apiKey = h('input', { type: 'password', id: 'api-key', name: 'apiKey', autocomplete: 'off', required: true, spellcheck: false });
  const functionKey = h('input', { type: 'password', id: 'function-key', name: 'functionKey', autocomplete: 'off', spellcheck: false });
  const status = h('div', { id: 'login-status' });
  if (notice) show(status, notice);
  const form = h('form', { className: 'card login', id: 'login', onsubmit: signIn },
    h('h1', {}, t('login.title')),
    h('p', { className: 'muted' }, t('login.hint')),
    h('div', { className: 'field' }, h('label', { htmlFor: 'api-key' }, t('login.apiKey')), apiKey),
    h('div', { className: 'field' }, h('label', { htmlFor: 'function-key' }, t('login.functionKey')), functionKey),
    status,
    h('button', { type: 'submit', id: 'sign-in' }, t('login.submit')),
    ' ',
    h('button', { type: 'button', className: 'secondary', onclick: toggleLanguage }, t('app.language')));

  async function signIn(event) {
    event.preventDefault();
    session.signIn(apiKey.value.trim(), functionKey.value.trim());
    try {
      // Any valid key may read the program: a cheap way to learn whether the key is accepted at all.
      await call('GET', 'program', { signIn: true });
      notice = null;
      render();
    } catch (error) {
      session.signOut();
      const words = error.status === 401 ? t('login.rejected', { detail: error.problem.detail || error.message }) : null;
      show(status, words ? h('div', { className: 'message error', role: 'alert', id: 'login-error' }, words) : problemMessage(error));
    }
  }

  root.replaceChildren(h('main', {}, form));
  apiKey.focus();
}

function renderShell() {
  const page = currentPage();
  const container = h('section', { id: `page-${page.id}`, className: 'page' });
  root.replaceChildren(
    h('header', { className: 'topbar' },
      h('h1', {}, t('app.title')),
      h('nav', { className: 'pages' }, pages.map((p) => h('a', { href: `#/${p.id}`, id: `nav-${p.id}`, 'aria-current': p === page ? 'page' : false }, t(p.title)))),
      h('span', { className: 'spacer' }),
      h('button', { type: 'button', id: 'language', onclick: toggleLanguage }, t('app.language')),
      h('button', { type: 'button', id: 'sign-out', onclick: () => { session.signOut(); render(); } }, t('app.signOut'))),
    h('main', {}, container));
  document.title = `${t(page.title)} · ${t('app.title')}`;
  page.render(container);
}

function render() {
  document.documentElement.lang = language();
  if (session.hasKey) renderShell();
  else renderLogin();
}

onUnauthorized(() => {
  session.signOut();
  notice = h('div', { className: 'message error', role: 'alert', id: 'login-error' }, t('login.expired'));
  render();
});
window.addEventListener('hashchange', render);
render();
