/**
 * The staff web app at "/": signs in, then routes by the address's #/… part to a page. Every page
 * is built by one module with DOM calls; after each page change the focus goes to its heading.
 */
import { h, clear } from '../respond/dom.mjs';
import { isRightToLeft, languageName } from '../respond/i18n.mjs';
import { call, get, useSession } from './api.mjs';
import { say, sayIsolated, LANGUAGES } from './text.mjs';
import { typed } from './ui.mjs';
import { showSignIn } from './signin.mjs';
import { showHome } from './home.mjs';
import { showStudy } from './study.mjs';
import { showResponse } from './response.mjs';
import { showUsers } from './users.mjs';
import { showAccount } from './account.mjs';

const LANGUAGE_KEY = 'clusterlens.staff.language';
const main = document.getElementById('app');
const top = document.getElementById('top');
const announcer = document.getElementById('announcer');

function preferredLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(LANGUAGE_KEY);
  } catch {
    stored = null;
  }
  const wanted = [stored, ...(navigator.languages ?? []), navigator.language].filter(Boolean)
    .map((l) => String(l).split('-')[0]);
  return wanted.find((l) => LANGUAGES.includes(l)) ?? 'en';
}

const ctx = {
  language: preferredLanguage(),
  me: null,
  /** Invitation and open links known to this page: the server keeps only their hashes. */
  links: new Map(),
  openLinks: new Map(),
  waves: new Map(),
  t: (key, parameters) => say(ctx.language, key, parameters),
  tb: (key, parameters) => sayIsolated(ctx.language, key, parameters),
  announce(text) {
    announcer.textContent = '';
    // a new text node after a tick is announced even when the message repeats
    setTimeout(() => { announcer.textContent = text; }, 50);
  },
  go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  refresh: () => route({ keepFocus: true }),
  isAdmin: () => Boolean(ctx.me?.roles?.includes('admin')),
  /** Whether the caller runs fieldwork in this study (agents and admins); the server decides anyway. */
  runs(study) {
    if (study?.myRole) return study.myRole === 'agent' || study.myRole === 'admin';
    return Boolean(ctx.me?.roles?.some((r) => r === 'admin' || r === 'agent'));
  },
  problemText(reply) {
    if (reply.status === 0) return ctx.t('offline');
    if (reply.status === 401) return ctx.t('signedOut');
    if (reply.status === 403) return ctx.t('forbidden');
    if (reply.status === 429) return ctx.t('tooManyTries', { n: reply.retryAfter ?? '?' });
    if (reply.status >= 500) return ctx.t('serverError', { id: reply.problem?.incidentId ?? '' });
    return reply.problem?.detail ?? ctx.t('refused', { status: reply.status });
  },
};

function setDocumentLanguage() {
  document.documentElement.lang = ctx.language;
  document.documentElement.dir = isRightToLeft(ctx.language) ? 'rtl' : 'ltr';
  document.title = ctx.t('appName');
  document.getElementById('skip-link').textContent = ctx.t('skipToContent');
}

function languageSwitch() {
  const select = h('select', { id: 'language', dataset: { action: 'language' } },
    LANGUAGES.map((code) => h('option', { value: code, lang: code, selected: code === ctx.language }, languageName(code))));
  select.value = ctx.language;
  select.addEventListener('change', () => {
    ctx.language = select.value;
    try {
      localStorage.setItem(LANGUAGE_KEY, ctx.language);
    } catch {
      // a private window without storage keeps the choice for this page only
    }
    route({ keepFocus: true }).then(() => document.getElementById('language')?.focus());
  });
  return h('div', { class: 'language' }, h('label', { for: 'language' }, ctx.t('language')), select);
}

function renderHeader(current) {
  clear(top);
  const link = (hash, key, name) => h('li', {}, h('a', { href: hash, 'aria-current': current === name ? 'page' : null }, ctx.t(key)));
  const bar = h('div', { class: 'top-bar' }, h('a', { class: 'brand', href: '#/' }, ctx.t('appName')), languageSwitch());
  top.append(bar);
  if (!ctx.me) return;
  top.append(h('nav', { 'aria-label': ctx.t('mainNavigation'), class: 'main-nav' },
    h('ul', {},
      link('#/', 'navStudies', 'home'),
      ctx.isAdmin() ? link('#/users', 'navUsers', 'users') : null,
      link('#/account', 'navAccount', 'account'),
      h('li', { class: 'who' }, h('span', { class: 'visually-hidden' }, ctx.t('signedInAs')), typed(ctx.me.displayName || ctx.me.email)),
      h('li', {}, h('button', { type: 'button', class: 'link-button', dataset: { action: 'sign-out' }, onclick: signOut }, ctx.t('signOut'))))));
}

async function signOut() {
  await call('DELETE', 'session');
  ctx.me = null;
  useSession(null);
  ctx.links.clear();
  ctx.openLinks.clear();
  ctx.announce(ctx.t('signedOutDone'));
  ctx.go('#/');
}

function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'studies' && parts[1]) return { name: 'study', studyId: parts[1], tab: parts[2] ?? 'overview' };
  if (parts[0] === 'responses' && parts[1]) return { name: 'response', responseId: parts[1] };
  if (parts[0] === 'users') return { name: 'users' };
  if (parts[0] === 'account') return { name: 'account' };
  return { name: 'home' };
}

let rendering = 0;

async function route({ keepFocus = false } = {}) {
  const ticket = ++rendering;
  setDocumentLanguage();
  const where = parseRoute();
  // after a change on the same page the person stays where they were: on the same element, else
  // on the same form (ids of fields are made afresh), else on the heading
  const active = keepFocus ? document.activeElement : null;
  const focused = active?.id || null;
  const inForm = active?.closest?.('form[id]')?.id ?? null;
  let view;
  if (!ctx.me) {
    renderHeader(null);
    view = showSignIn(ctx, signedIn);
  } else {
    renderHeader(where.name === 'study' || where.name === 'response' ? 'home' : where.name);
    main.setAttribute('aria-busy', 'true');
    if (where.name === 'study') view = await showStudy(ctx, where.studyId, where.tab);
    else if (where.name === 'response') view = await showResponse(ctx, where.responseId);
    else if (where.name === 'users') view = ctx.isAdmin() ? await showUsers(ctx) : await showHome(ctx);
    else if (where.name === 'account') view = await showAccount(ctx);
    else view = await showHome(ctx);
    main.removeAttribute('aria-busy');
  }
  if (ticket !== rendering) return;
  clear(main).append(view);
  const again = (focused && !/^(field|choice|link)-\d+$/.test(focused) ? document.getElementById(focused) : null)
    ?? (inForm ? document.getElementById(inForm)?.querySelector('button[type=submit]') : null);
  const closed = again?.closest('details:not([open])');
  if (closed) closed.querySelector('summary').focus();
  else if (again) again.focus();
  else document.getElementById('page-heading')?.focus();
}

function signedIn(me) {
  ctx.me = me;
  useSession(me.csrfToken, expired);
  ctx.announce(ctx.t('welcome', { name: me.displayName || me.email }));
  route();
}

function expired() {
  if (!ctx.me) return;
  ctx.me = null;
  useSession(null);
  route().then(() => ctx.announce(ctx.t('signedOut')));
}

async function start() {
  const session = await get('session');
  if (session.ok && session.data?.csrfToken) {
    ctx.me = session.data;
    useSession(session.data.csrfToken, expired);
  }
  window.addEventListener('hashchange', () => route());
  await route();
}

start();
