/**
 * The respondent form at /respond/{token}: loads the invitation, shows one section per page, keeps
 * the draft (sync.mjs), submits once, and shows the receipt.
 */
import { h, toggleReference } from './dom.mjs';
import { translate, isRightToLeft, languageName } from './i18n.mjs';
import { FormModel, pathOfPointer, isEmpty } from './model.mjs';
import { renderQuestion } from './questions.mjs';
import { DraftSync, newSubmissionId } from './sync.mjs';
import { apiPath } from './paths.mjs';
import { showRegistration, LANGUAGE_KEY } from './register.mjs';

const main = document.getElementById('app');
const announcer = document.getElementById('announcer');

const state = {
  token: null,
  data: null,
  model: null,
  language: 'en',
  answers: {},
  raws: new Map(),
  touched: new Set(),
  holding: new Set(),
  checkedSections: new Set(),
  serverErrors: new Map(),
  generalErrors: [],
  page: null,
  computed: null,
  registry: new Map(),
  containers: new Map(),
  renderedCounts: new Map(),
  conflict: null,
  sending: false,
  sync: null,
  status: { name: 'saved', savedAt: null },
};

const t = (key, parameters) => translate(state.language, key, parameters);
const text = (value) => state.model.text(value, state.language);

function announce(message) {
  announcer.textContent = '';
  // A new text node after a tick is announced even when the message repeats.
  setTimeout(() => { announcer.textContent = message; }, 50);
}

function setDocumentLanguage(language) {
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
}

function formatTime(iso, withDate = true) {
  if (!iso) return t('unknownTime');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const options = withDate ? { dateStyle: 'long', timeStyle: 'short' } : { timeStyle: 'short' };
  return new Intl.DateTimeFormat(state.language, options).format(date);
}

// ---------------------------------------------------------------------------------------------
// Answers by path: "q" at the top level, "repeat/0/q" inside a repeat entry, "outer/0/inner/1/q"
// inside a repeat within a repeat; a repeat's own path ("repeat", "outer/0/inner") holds its entries

function getAnswer(path, answers = state.answers) {
  return path.split('/').reduce((holder, key) => holder?.[key], answers);
}

function setAnswer(path, value) {
  const parts = path.split('/');
  let holder = state.answers;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (!Array.isArray(holder[parts[i]])) holder[parts[i]] = [];
    const entries = holder[parts[i]];
    while (entries.length <= Number(parts[i + 1])) entries.push({});
    holder = entries[Number(parts[i + 1])];
  }
  const key = parts[parts.length - 1];
  if (value === undefined) delete holder[key];
  else holder[key] = value;
}

/** An element id for a path: ids keep to letters, digits, - and _. */
function idOf(path) {
  return path.replaceAll('/', '-');
}

function questionPath(path) {
  if (state.registry.has(path)) return path;
  return path.endsWith('_other') && state.registry.has(path.slice(0, -6)) ? path.slice(0, -6) : path;
}

const env = {
  get model() { return state.model; },
  get language() { return state.language; },
  get registerList() { return state.data.register ?? []; },
  t: (key, parameters) => t(key, parameters),
  text: (value) => text(value),
  get: (path) => getAnswer(path),
  raw: (path) => state.raws.get(path),
  set(path, value, commit, raw) {
    setAnswer(path, value);
    if (raw === undefined) state.raws.delete(path);
    else state.raws.set(path, raw);
    const owner = questionPath(path);
    state.serverErrors.delete(owner);
    if (commit) state.touched.add(owner);
    state.sync?.changed();
    refresh();
  },
  register(question, entry) {
    state.registry.set(question.path, { ...entry, question });
  },
  /**
   * A question the person is still working in (a ranking): no new error appears there until
   * they leave it, which counts as completing the answer.
   */
  hold(path, holding) {
    if (holding) {
      state.holding.add(path);
    } else if (state.holding.delete(path)) {
      state.touched.add(path);
      refresh();
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Loading

async function start() {
  const open = /\/respond\/open\/([^/]+)\/?$/.exec(location.pathname);
  if (open) {
    showRegistration(main, announce, decodeURIComponent(open[1]), preferredLanguage);
    return;
  }
  const match = /\/respond\/([^/]+)\/?$/.exec(location.pathname);
  state.token = match ? decodeURIComponent(match[1]) : null;
  setDocumentLanguage(preferredLanguage(['en', 'fr', 'ar'], 'en'));
  if (!state.token || state.token === 'index.html') {
    showMessage(t('linkInvalid'));
    return;
  }
  main.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('loading')));
  let response;
  try {
    response = await fetch(apiPath(`respond/${encodeURIComponent(state.token)}`), { headers: { Accept: 'application/json' }, credentials: 'omit' });
  } catch {
    showMessage(t('loadFailed'), true);
    return;
  }
  if (response.status === 410) return showMessage(t('linkGone'));
  if (response.status === 404) return showMessage(t('linkInvalid'));
  if (!response.ok) return showMessage(t('loadFailed'), true);
  state.data = await response.json();
  begin();
}

function preferredLanguage(available, fallback) {
  for (const wanted of navigator.languages ?? [navigator.language]) {
    const primary = String(wanted).split('-')[0];
    if (available.includes(primary)) return primary;
  }
  return fallback;
}

/** The language a visitor chose on the open-link page just before arriving here. */
function registeredLanguage() {
  try {
    return sessionStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

function showMessage(message, canRetry = false) {
  main.replaceChildren(h('div', { class: 'message', role: 'alert' }, h('p', {}, message),
    canRetry ? h('button', { type: 'button', onclick: () => location.reload() }, t('retry')) : null));
}

function languages() {
  const study = state.data.study ?? {};
  const list = Array.isArray(study.languages) && study.languages.length ? study.languages : state.data.template.languages;
  return list;
}

function begin() {
  const { data } = state;
  state.model = new FormModel(data.template, undefined, () => state.language);
  state.model.register = data.register ?? [];
  const available = languages();
  const draft = data.draft;
  const defaultLanguage = available.includes(data.study?.defaultLanguage) ? data.study.defaultLanguage : data.template.defaultLanguage;
  state.language = draft?.language && available.includes(draft.language) ? draft.language
    : available.includes(registeredLanguage()) ? registeredLanguage() : preferredLanguage(available, defaultLanguage);
  setDocumentLanguage(state.language);

  if (data.status === 'submitted' || data.receipt) {
    showReceipt(data.receipt, null);
    return;
  }
  // Outside the wave's dates the server takes nothing; answers kept on this device stay there.
  if (data.wave?.collecting === 'closed') return showMessage(t('waveClosed', { date: formatDate(data.wave.closesOn) }));
  if (data.wave?.collecting === 'not_yet') return showMessage(t('waveNotYet', { date: formatDate(data.wave.opensOn) }));
  state.answers = structuredClone(draft?.answers ?? {});
  const serverRevision = draft?.revision ?? 0;
  state.sync = new DraftSync({
    token: state.token,
    revision: serverRevision,
    snapshot: () => ({ answers: state.answers, language: state.language }),
    onStatus: (name, detail) => setStatus(name, detail),
    onConflict: (current) => { state.conflict = { current, local: false }; renderPage({ focus: 'conflict' }); },
    onRefused: () => location.reload(),
  });
  state.status = { name: 'saved', savedAt: draft?.savedAt ?? null };

  const local = state.sync.local();
  if (local && JSON.stringify(local.answers) !== JSON.stringify(state.answers)) {
    if (local.baseRevision === serverRevision) {
      // Nobody saved since this device's changes: they are simply the newest.
      state.answers = structuredClone(local.answers);
      if (local.language && available.includes(local.language)) state.language = local.language;
      setDocumentLanguage(state.language);
      state.sync.resumeLocal(serverRevision);
    } else {
      state.conflict = { current: { answers: draft?.answers ?? {}, revision: serverRevision, savedAt: draft?.savedAt }, local: true, localAt: local.changedAt, localAnswers: local.answers };
      state.answers = structuredClone(local.answers);
      state.sync.conflict = state.conflict.current;
      state.status = { name: 'conflict' };
    }
  } else if (local) {
    state.sync.forgetLocal();
  }
  state.page = visibleSections()[0]?.name ?? data.template.sections[0].name;
  renderPage({ focus: state.conflict ? 'conflict' : undefined });
}

// ---------------------------------------------------------------------------------------------
// Pages

function visibleSections() {
  const computed = state.model.compute(state.answers);
  return state.model.template.sections.filter((section) => computed.sections.get(section.name) !== false);
}

function renderPage({ focus } = {}) {
  const activeId = document.activeElement?.id;
  state.registry.clear();
  state.containers.clear();
  state.renderedCounts.clear();
  state.computed = state.model.compute(state.answers);
  const template = state.model.template;
  const pages = visibleSections();
  let section = pages.find((s) => s.name === state.page);
  if (!section) {
    section = pages[0];
    state.page = section.name;
  }
  const position = pages.indexOf(section) + 1;
  document.title = `${text(section.title)} – ${text(template.title)}`;

  const header = h('header', { class: 'form-header' },
    h('div', { class: 'header-row' },
      h('p', { class: 'study' }, [state.data.study?.name, state.data.wave?.name].filter(Boolean).join(' · ')),
      languageSwitch()),
    h('h1', {}, text(template.title)),
    state.data.actor?.name ? h('p', { class: 'actor' }, state.data.actor.name) : null,
    state.data.wave?.closesOn ? h('p', { class: 'closes' }, t('closesOn', { date: formatDate(state.data.wave.closesOn) })) : null,
    statusIndicator());

  const progressLabel = t('pageOf', { n: position, total: pages.length });
  const progress = h('div', { class: 'progress' },
    h('p', { id: 'progress-label' }, progressLabel),
    h('progress', { max: pages.length, value: position, 'aria-labelledby': 'progress-label' }));

  const heading = h('h2', { tabindex: '-1', id: 'section-heading' }, text(section.title));
  const body = h('div', { class: 'section-body' });
  renderItems(section.items, null, body);
  const hasRequired = state.computed.questions.some((q) => q.section === section && q.item.required);

  const isLast = position === pages.length;
  const nav = h('nav', { class: 'page-nav', 'aria-label': progressLabel },
    position > 1 ? h('button', { type: 'button', class: 'secondary', dataset: { action: 'previous' }, onclick: previous }, t('previous')) : h('span'),
    isLast
      ? h('button', { type: 'button', class: 'primary', dataset: { action: 'submit' }, onclick: submit, disabled: state.sending }, state.sending ? t('submitting') : t('submit'))
      : h('button', { type: 'button', class: 'primary', dataset: { action: 'next' }, onclick: next }, t('next')));

  const general = state.generalErrors.length
    ? h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', id: 'error-summary' }, h('ul', {}, state.generalErrors.map((m) => h('li', {}, m))))
    : null;

  main.replaceChildren(...[header, conflictPanel(), progress,
    h('section', { class: 'page', 'aria-labelledby': 'section-heading', dataset: { section: section.name } },
      heading,
      section.description ? h('p', { class: 'section-description' }, text(section.description)) : null,
      hasRequired ? h('p', { class: 'required-note' }, t('requiredNote')) : null,
      general, body),
    nav].filter(Boolean));
  refresh({ structural: false });
  if (focus === 'heading') heading.focus();
  else if (focus instanceof HTMLElement) focus.focus();
  else if (focus === 'conflict') document.getElementById('conflict-heading')?.focus();
  else if (activeId) document.getElementById(activeId)?.focus();
}

function formatDate(iso) {
  const date = new Date(`${iso}T12:00:00`);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(state.language, { dateStyle: 'long' }).format(date);
}

function languageSwitch() {
  const available = languages();
  if (available.length < 2) return null;
  const select = h('select', { id: 'language', dataset: { action: 'language' } },
    available.map((code) => h('option', { value: code, lang: code, selected: code === state.language }, languageName(code))));
  select.value = state.language;
  select.addEventListener('change', () => {
    state.language = select.value;
    setDocumentLanguage(state.language);
    state.sync?.changed();
    renderPage();
  });
  return h('div', { class: 'language' }, h('label', { for: 'language' }, t('language')), select);
}

function statusIndicator() {
  const element = h('p', { class: 'save-status', id: 'save-status', role: 'status' });
  updateStatus(element);
  return element;
}

function setStatus(name, detail = {}) {
  // The indicator is a live region: saying "Saving…" again at every keystroke would only be noise.
  if (name === 'saving' && state.status.name === 'saving') return;
  state.status = { name, savedAt: detail.savedAt ?? (name === 'saved' ? new Date().toISOString() : state.status.savedAt) };
  const element = document.getElementById('save-status');
  if (element) updateStatus(element);
}

function updateStatus(element) {
  const { name, savedAt } = state.status;
  element.dataset.status = name;
  const icon = { saved: '✓', saving: '…', offline: '⚠', conflict: '⚠' }[name] ?? '';
  const message = name === 'saved' ? (savedAt ? t('status_savedAt', { time: formatTime(savedAt, false) }) : t('status_idle')) : t(`status_${name}`);
  element.replaceChildren(h('span', { class: 'status-icon', 'aria-hidden': 'true' }, icon), ' ', message);
}

function conflictPanel() {
  if (!state.conflict) return null;
  const { current, local, localAt } = state.conflict;
  const message = local
    ? t('localNewerBody', { time: formatTime(localAt), serverTime: formatTime(current.savedAt) })
    : t('conflictBody', { time: formatTime(current.savedAt) });
  return h('section', { class: 'conflict', 'aria-labelledby': 'conflict-heading', role: 'alert' },
    h('h2', { id: 'conflict-heading', tabindex: '-1' }, t('conflictTitle')),
    h('p', {}, message),
    h('div', { class: 'conflict-actions' },
      h('button', { type: 'button', class: 'primary', dataset: { action: 'keep-mine' }, onclick: () => resolveConflict(true) }, t('keepMine')),
      h('button', { type: 'button', class: 'secondary', dataset: { action: 'load-newer' }, onclick: () => resolveConflict(false) }, t('loadNewer'))));
}

function resolveConflict(keepMine) {
  const { current } = state.conflict;
  state.conflict = null;
  if (keepMine) {
    state.sync.keepMine(current);
  } else {
    state.answers = structuredClone(current.answers ?? {});
    state.raws.clear();
    state.sync.loadNewer(current);
  }
  renderPage({ focus: 'heading' });
}

/** `entryPath`: the repeat entry the items are in ("sites/0", "sites/0/machines/1"); null at the top level. */
function renderItems(items, entryPath, parent) {
  for (const item of items ?? []) {
    const path = entryPath ? `${entryPath}/${item.name}` : item.name;
    if (item.type === 'group') {
      const label = text(item.label);
      const group = label
        ? h('fieldset', { class: 'group', dataset: { group: item.name } }, h('legend', { class: 'group-label' }, label))
        : h('div', { class: 'group', dataset: { group: item.name } });
      state.containers.set(path, group);
      renderItems(item.items, entryPath, group);
      parent.append(group);
    } else if (item.type === 'repeat') {
      parent.append(renderRepeat(item, path));
    } else {
      parent.append(renderQuestion({ path, item }, env));
    }
  }
}

function renderRepeat(item, path) {
  const label = text(item.label);
  const count = state.computed.entryCounts.get(path) ?? 0;
  state.renderedCounts.set(path, count);
  const open = state.model.isOpenRepeat(item);
  const headingId = `repeat-${idOf(path)}`;
  const container = h('section', { class: 'repeat', dataset: { repeat: item.name }, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, label));
  state.containers.set(path, container);
  if (count === 0) container.append(h('p', { class: 'hint' }, t('noEntries')));
  for (let index = 0; index < count; index++) {
    const legendId = `${headingId}-${index}`;
    const entry = h('fieldset', { class: 'entry', dataset: { entry: String(index) } },
      h('legend', { id: legendId, tabindex: '-1' }, t('entryTitle', { label, n: index + 1 })));
    renderItems(item.items, `${path}/${index}`, entry);
    if (open) {
      entry.append(h('button', {
        type: 'button', class: 'secondary remove-entry', dataset: { action: 'remove-entry' },
        onclick: () => removeEntry(item, path, index),
      }, t('removeEntry', { label, n: index + 1 })));
    }
    container.append(entry);
  }
  const max = Number.isInteger(item.maxCount) ? item.maxCount : Infinity;
  if (open && count < max) {
    container.append(h('button', {
      type: 'button', class: 'secondary add-entry', id: `add-${idOf(path)}`, dataset: { action: 'add-entry' },
      onclick: () => addEntry(item, path),
    }, `+ ${t('addEntry', { label })}`));
  }
  return container;
}

function addEntry(item, path) {
  const stored = getAnswer(path);
  const entries = Array.isArray(stored) ? stored : [];
  const count = state.computed.entryCounts.get(path) ?? 0;
  setAnswer(path, [...entries.slice(0, count), {}]);
  state.sync?.changed();
  renderPage();
  document.getElementById(`repeat-${idOf(path)}-${count}`)?.focus();
  announce(t('entryAdded', { label: text(item.label), n: count + 1 }));
}

function removeEntry(item, path, index) {
  const entries = [...(getAnswer(path) ?? [])];
  entries.splice(index, 1);
  setAnswer(path, entries.length ? entries : undefined);
  // Errors and typed text are per position; positions after the removed entry moved.
  for (const map of [state.serverErrors, state.raws]) {
    for (const key of [...map.keys()]) if (key.startsWith(`${path}/`)) map.delete(key);
  }
  state.sync?.changed();
  renderPage();
  const id = `repeat-${idOf(path)}`;
  const previousEntry = document.getElementById(`${id}-${index - 1}`) ?? document.getElementById(`${id}-${index}`);
  (previousEntry ?? document.getElementById(`add-${idOf(path)}`))?.focus();
  announce(t('entryRemoved'));
}

/** Applies relevance, calculations and error messages to the page as rendered. */
function refresh({ structural = true } = {}) {
  if (!state.model || !main.querySelector('.page')) return;
  state.computed = state.model.compute(state.answers);
  if (structural) {
    for (const [name, count] of state.renderedCounts) {
      if (state.computed.entryCounts.get(name) !== count) {
        renderPage();
        return;
      }
    }
    const pages = visibleSections();
    const position = pages.findIndex((s) => s.name === state.page) + 1;
    const label = document.getElementById('progress-label');
    const isLastRendered = Boolean(main.querySelector('[data-action="submit"]'));
    if (position === 0 || isLastRendered !== (position === pages.length)
      || label?.textContent !== t('pageOf', { n: position, total: pages.length })) {
      renderPage();
      return;
    }
  }
  for (const [path, container] of state.containers) container.hidden = state.computed.relevant.get(path) === false;
  for (const [path, entry] of state.registry) {
    const relevant = state.computed.relevant.get(path) !== false;
    if (entry.show) {
      entry.show(getAnswer(path, state.computed.effective));
      continue;
    }
    entry.wrapper.hidden = !relevant;
    if (entry.error) showError(entry, relevant ? messageFor(path) : null);
  }
}

function problemOf(path) {
  const entry = state.registry.get(path);
  const question = entry?.question ?? state.computed.questions.find((q) => q.path === path);
  if (!question || question.item.type === 'note' || question.item.type === 'calculate') return null;
  const problem = state.model.problem(question, getAnswer(path), state.raws.get(path), state.computed.effective, state.language);
  if (!problem) return null;
  return problem.text ?? t(problem.key, problem.params);
}

function messageFor(path) {
  if (state.serverErrors.has(path)) return state.serverErrors.get(path);
  const section = state.registry.get(path)?.question;
  const sectionName = section ? state.model.items.get(section.item.name)?.section.name : null;
  if (!state.touched.has(path) && !state.checkedSections.has(sectionName)) return null;
  if (state.holding.has(path) && !state.registry.get(path)?.error?.dataset.message) return null;
  return problemOf(path);
}

function showError(entry, message) {
  const current = entry.error.dataset.message ?? '';
  const wanted = message ?? '';
  if (current === wanted) return;
  entry.error.dataset.message = wanted;
  entry.error.replaceChildren(...(message
    ? [h('span', { 'aria-hidden': 'true', class: 'error-icon' }, '⚠ '), h('span', { class: 'visually-hidden' }, `${t('errorPrefix')} `), message]
    : []));
  entry.wrapper.classList.toggle('has-error', Boolean(message));
  const targets = entry.describe ? [entry.describe, ...entry.invalid] : entry.invalid;
  for (const target of targets) toggleReference(target, 'aria-describedby', entry.error.id, Boolean(message));
  for (const input of entry.invalid) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

/** Paths of the relevant questions of a section that have a problem, in page order. */
function problemsIn(section) {
  const computed = state.model.compute(state.answers);
  state.computed = computed;
  return computed.questions
    .filter((q) => q.section === section && computed.relevant.get(q.path) !== false)
    .filter((q) => state.serverErrors.has(q.path) || problemOf(q.path) !== null)
    .map((q) => q.path);
}

function focusFirstError(paths) {
  const entry = state.registry.get(paths[0]);
  (entry?.focus ?? entry?.wrapper)?.focus();
  entry?.wrapper.scrollIntoView({ block: 'center' });
}

function next() {
  // going on ends any answer in progress: its errors show now
  state.holding.clear();
  const pages = visibleSections();
  const section = pages.find((s) => s.name === state.page);
  const problems = problemsIn(section);
  state.checkedSections.add(section.name);
  if (problems.length) {
    refresh();
    announce(t('pageErrors', { n: problems.length }));
    focusFirstError(problems);
    return;
  }
  const following = visibleSections();
  state.page = following[following.indexOf(section) + 1]?.name ?? state.page;
  state.generalErrors = [];
  renderPage({ focus: 'heading' });
  window.scrollTo(0, 0);
}

function previous() {
  const pages = visibleSections();
  const index = pages.findIndex((s) => s.name === state.page);
  state.page = pages[Math.max(0, index - 1)].name;
  renderPage({ focus: 'heading' });
  window.scrollTo(0, 0);
}

// ---------------------------------------------------------------------------------------------
// Submission

function submissionKey() {
  return `clusterlens.submission.${state.token}`;
}

async function submit() {
  if (state.sending) return;
  state.holding.clear();
  const pages = visibleSections();
  for (const section of pages) {
    const problems = problemsIn(section);
    if (problems.length) {
      pages.forEach((s) => state.checkedSections.add(s.name));
      state.page = section.name;
      renderPage();
      announce(`${t('submitErrors')} ${t('pageErrors', { n: problems.length })}`);
      focusFirstError(problems);
      return;
    }
  }
  let submissionId = sessionStorage.getItem(submissionKey());
  if (!submissionId) {
    submissionId = newSubmissionId();
    sessionStorage.setItem(submissionKey(), submissionId);
  }
  const answers = state.model.compute(state.answers).effective;
  state.sending = true;
  state.generalErrors = [];
  setSubmitButton(true);
  let response;
  try {
    response = await fetch(apiPath(`respond/${encodeURIComponent(state.token)}/submission`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ submissionId, answers, language: state.language }),
      credentials: 'omit',
    });
  } catch {
    response = null;
  }
  state.sending = false;
  if (response && (response.status === 200 || response.status === 201)) {
    const receipt = await response.json().catch(() => ({ submissionId }));
    sessionStorage.removeItem(submissionKey());
    state.sync.stop();
    state.sync.forgetLocal();
    showReceipt(receipt, answers);
    return;
  }
  if (response?.status === 400) {
    const problem = await response.json().catch(() => ({}));
    applyServerErrors(problem);
    return;
  }
  if (response?.status === 409) {
    // Submitted already (another tab or device): the receipt is what the server has.
    sessionStorage.removeItem(submissionKey());
    location.reload();
    return;
  }
  if (response && (response.status === 404 || response.status === 410)) {
    showMessage(t(response.status === 410 ? 'linkGone' : 'linkInvalid'));
    return;
  }
  setSubmitButton(false);
  state.generalErrors = [t('sendFailed')];
  renderPage();
  document.getElementById('error-summary')?.focus();
}

function setSubmitButton(sending) {
  const button = main.querySelector('[data-action="submit"]');
  if (!button) return;
  button.disabled = sending;
  button.textContent = sending ? t('submitting') : t('submit');
  if (sending) announce(t('submitting'));
}

function applyServerErrors(problem) {
  state.serverErrors.clear();
  state.generalErrors = [];
  const known = new Set(state.model.compute(state.answers).questions.map((q) => q.path));
  for (const error of problem.errors ?? []) {
    let path = pathOfPointer(error.field ?? '');
    // "/answers/q_other" belongs to q; "/answers/matrix/row" or "/answers/links/0" to their question.
    while (path && !known.has(path) && path.includes('/')) path = path.slice(0, path.lastIndexOf('/'));
    if (path && !known.has(path) && path.endsWith('_other')) path = path.slice(0, -6);
    if (path && known.has(path)) state.serverErrors.set(path, error.message ?? t('errConstraint'));
    else state.generalErrors.push(error.message ?? problem.detail ?? problem.title);
  }
  if (!state.serverErrors.size && !state.generalErrors.length) state.generalErrors.push(problem.detail ?? problem.title ?? t('submitErrors'));
  const computed = state.model.compute(state.answers);
  const first = computed.questions.find((q) => state.serverErrors.has(q.path));
  if (first) state.page = first.section.name;
  renderPage();
  announce(t('submitErrors'));
  if (first) focusFirstError([first.path]);
  else document.getElementById('error-summary')?.focus();
}

// ---------------------------------------------------------------------------------------------
// Receipt

async function showReceipt(receipt, answers) {
  let shownAnswers = answers;
  let shownReceipt = receipt ?? {};
  if (!shownAnswers) {
    try {
      const response = await fetch(apiPath(`respond/${encodeURIComponent(state.token)}/receipt`), { headers: { Accept: 'application/json' }, credentials: 'omit' });
      if (response.ok) {
        const body = await response.json();
        shownAnswers = body.answers ?? body.response?.answers ?? {};
        shownReceipt = { ...shownReceipt, ...(body.receipt ?? {}), ...(body.submittedAt ? { submittedAt: body.submittedAt } : {}), ...(body.submissionId ? { submissionId: body.submissionId } : {}) };
      }
    } catch {
      shownAnswers = null;
    }
  }
  const template = state.model.template;
  document.title = `${t('receiptTitle')} – ${text(template.title)}`;
  const receiptElement = h('section', { id: 'receipt', 'aria-labelledby': 'receipt-heading' },
    h('h1', { id: 'receipt-heading', tabindex: '-1' }, t('receiptTitle')),
    h('p', { class: 'study' }, [state.data.study?.name, state.data.wave?.name, state.data.actor?.name].filter(Boolean).map((name) => `\u2068${name}\u2069`).join(' · ')),
    h('p', { class: 'receipt-time' }, t('receiptTime', { time: formatTime(shownReceipt.submittedAt) })),
    shownReceipt.submissionId ? h('p', { class: 'receipt-reference' }, t('receiptReference', { id: shownReceipt.submissionId })) : null,
    h('button', { type: 'button', class: 'secondary no-print', onclick: () => window.print() }, t('print')),
    shownAnswers ? answersView(shownAnswers) : null);
  main.replaceChildren(h('header', { class: 'form-header no-print' }, languageSwitchForReceipt(receipt, answers)), receiptElement);
  document.getElementById('receipt-heading').focus();
}

function languageSwitchForReceipt(receipt, answers) {
  const available = languages();
  if (available.length < 2) return null;
  const select = h('select', { id: 'language', dataset: { action: 'language' } },
    available.map((code) => h('option', { value: code, lang: code }, languageName(code))));
  select.value = state.language;
  select.addEventListener('change', () => {
    state.language = select.value;
    setDocumentLanguage(state.language);
    showReceipt(receipt, answers).then(() => document.getElementById('language')?.focus());
  });
  return h('div', { class: 'language' }, h('label', { for: 'language' }, t('language')), select);
}

function answersView(answers) {
  const model = state.model;
  const computed = model.compute(answers);
  const container = h('div', { class: 'answers' }, h('h2', {}, t('yourAnswers')));
  for (const section of model.template.sections) {
    if (computed.sections.get(section.name) === false) continue;
    const list = h('dl');
    for (const question of computed.questions.filter((q) => q.section === section)) {
      const { item } = question;
      if (item.type === 'note' || item.type === 'calculate' || computed.relevant.get(question.path) === false) continue;
      const value = getAnswer(question.path, answers);
      const entryLabel = entriesOf(question.path)
        .map(([repeat, index]) => `${model.text(model.items.get(repeat).item.label, state.language)} ${index + 1} – `).join('');
      list.append(h('dt', {}, entryLabel + model.text(item.label, state.language)),
        h('dd', { class: isEmpty(item, value) ? 'unanswered' : null }, displayValue(question, value, answers)));
    }
    if (list.childElementCount) container.append(h('h3', {}, text(section.title)), list);
  }
  return container;
}

/** The repeat entries a path lies in, outermost first: "a/0/b/1/q" → [["a", 0], ["b", 1]]. */
function entriesOf(path) {
  const parts = path.split('/');
  const entries = [];
  for (let i = 0; i + 2 < parts.length; i += 2) entries.push([parts[i], Number(parts[i + 1])]);
  return entries;
}

function displayValue(question, value, answers) {
  const { item } = question;
  if (isEmpty(item, value)) return t('notAnswered');
  const model = state.model;
  const label = (v) => {
    if (v === 'other') {
      const other = getAnswer(`${question.path}_other`, answers);
      return other ? `${t('other')}: ${other}` : t('other');
    }
    const choice = model.choices(item).find((c) => c.value === v);
    return choice ? model.text(choice.label, state.language) : String(v);
  };
  switch (item.type) {
    case 'yes_no': return value === 'yes' ? t('yes') : value === 'no' ? t('no') : String(value);
    case 'select_one': case 'likert': return label(value);
    case 'select_multiple': return value.map(label).join('; ');
    case 'rank': return value.map((v, i) => `${i + 1}. ${label(v)}`).join('  ');
    case 'matrix': return h('ul', {}, (item.rows ?? []).map((row) => h('li', {}, `${model.text(row.label, state.language)}: ${value[row.name] ? label(value[row.name]) : t('notAnswered')}`)));
    case 'geopoint': return `${value.lat}, ${value.lon}`;
    case 'linkage': {
      const register = new Map((state.data.register ?? []).map((a) => [a.id, a]));
      const relations = model.template.choiceLists?.[item.relations] ?? [];
      return h('ul', {}, value.map((link) => h('li', {}, `\u2068${register.get(link.actor)?.name ?? link.actor}\u2069: ${(link.relations ?? [])
        .map((r) => model.text(relations.find((c) => c.value === r)?.label, state.language) || r).join('; ')}`)));
    }
    default: return String(value);
  }
}

window.addEventListener('pagehide', () => state.sync?.flush());
start();

