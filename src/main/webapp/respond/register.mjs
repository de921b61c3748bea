/**
 * The open-link page at /respond/open/{openToken}: a visitor says who they are, the server makes
 * an actor and an invitation, and the visitor continues at /respond/{token} as an invited
 * respondent would. The registration page is replaced in the history, so Back never registers
 * twice.
 */
import { h, toggleReference } from './dom.mjs';
import { translate, isRightToLeft, languageName } from './i18n.mjs';
import { apiPath, formPath } from './paths.mjs';

const FIELDS = ['name', 'type', 'sector', 'location', 'email'];
const TYPES = ['firm', 'institution', 'other'];
/** The language chosen here, for the questionnaire that follows. */
export const LANGUAGE_KEY = 'clusterlens.respond.language';

export async function showRegistration(main, announce, openToken, preferredLanguage) {
  const page = {
    study: null,
    actorType: 'firm',
    language: preferredLanguage(['en', 'fr', 'ar'], 'en'),
    values: { type: null },
    errors: new Map(),
    general: [],
    sending: false,
  };
  const t = (key, parameters) => translate(page.language, key, parameters);
  const setLanguage = (language) => {
    page.language = language;
    document.documentElement.lang = language;
    document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  };
  const message = (text) => main.replaceChildren(h('div', { class: 'message', role: 'alert' }, h('p', {}, text)));

  setLanguage(page.language);
  main.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('loading')));
  let response;
  try {
    response = await fetch(apiPath(`respond/open/${encodeURIComponent(openToken)}`), { headers: { Accept: 'application/json' }, credentials: 'omit' });
  } catch {
    message(t('loadFailed'));
    return;
  }
  if (response.status === 404 || response.status === 410) return message(t('linkInvalid'));
  if (!response.ok) return message(t('loadFailed'));
  const info = await response.json();
  page.study = info.study ?? {};
  page.actorType = TYPES.includes(info.actorType) ? info.actorType : 'firm';
  page.values.type = page.actorType;
  const languages = Array.isArray(page.study.languages) && page.study.languages.length ? page.study.languages : ['en'];
  setLanguage(preferredLanguage(languages, languages.includes(page.study.defaultLanguage) ? page.study.defaultLanguage : languages[0]));
  // No wave takes answers today: say so before anybody types their details in vain.
  if (info.collecting === false) return message(t('registerClosed'));

  const controls = new Map();

  function readValues() {
    for (const [name, control] of controls) page.values[name] = control.value;
  }

  function field(name, control, { required = false, hint = null } = {}) {
    const id = `reg-${name}`;
    control.id = id;
    control.name = name;
    controls.set(name, control);
    const error = h('p', { class: 'error', id: `${id}-error`, 'aria-live': 'polite' });
    const hintElement = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
    if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
    if (required) control.setAttribute('aria-required', 'true');
    const wrapper = h('div', { class: `question question-${control.tagName === 'SELECT' ? 'select' : 'text'}`, dataset: { question: name, path: name } },
      h('label', { for: id, class: 'label' }, t(`field_${name}`),
        required ? [h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *'), h('span', { class: 'visually-hidden' }, ` (${t('requiredMark')})`)] : null),
      hintElement, error, control);
    const problem = page.errors.get(name);
    if (problem) {
      error.replaceChildren(h('span', { 'aria-hidden': 'true', class: 'error-icon' }, '⚠ '), h('span', { class: 'visually-hidden' }, `${t('errorPrefix')} `), problem);
      wrapper.classList.add('has-error');
      control.setAttribute('aria-invalid', 'true');
      toggleReference(control, 'aria-describedby', error.id, true);
    }
    return wrapper;
  }

  function text(name, attributes = {}) {
    return h('input', { type: 'text', dir: 'auto', maxlength: 200, value: page.values[name] ?? '', ...attributes });
  }

  function render({ focus } = {}) {
    controls.clear();
    document.title = `${t('registerTitle')} – ${page.study.name ?? 'ClusterLens'}`;
    const select = h('select', { id: 'language', dataset: { action: 'language' } },
      languages.map((code) => h('option', { value: code, lang: code }, languageName(code))));
    select.value = page.language;
    select.addEventListener('change', () => {
      readValues();
      setLanguage(select.value);
      render({ focus: 'language' });
    });
    const header = h('header', { class: 'form-header' },
      h('div', { class: 'header-row' },
        h('p', { class: 'study' }, page.study.name ?? ''),
        languages.length > 1 ? h('div', { class: 'language' }, h('label', { for: 'language' }, t('language')), select) : null),
      h('h1', { id: 'register-heading', tabindex: '-1' }, t('registerTitle')));
    const type = h('select', {}, TYPES.filter((value) => value === page.actorType).map((value) => h('option', { value }, t(`type_${value}`))));
    type.value = page.values.type ?? page.actorType;
    const button = h('button', { type: 'submit', class: 'primary', dataset: { action: 'register' }, disabled: page.sending },
      page.sending ? t('registering') : t('registerButton'));
    const form = h('form', { novalidate: true, 'aria-labelledby': 'register-heading' },
      field('name', text('name', { autocomplete: 'organization' }), { required: true }),
      field('type', type),
      field('sector', text('sector')),
      field('location', text('location', { autocomplete: 'address-level2' })),
      field('email', h('input', { type: 'email', inputmode: 'email', autocomplete: 'email', maxlength: 200, value: page.values.email ?? '' }), { hint: t('field_email_hint') }),
      button);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    const summary = page.general.length
      ? h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', id: 'error-summary' }, h('ul', {}, page.general.map((m) => h('li', {}, m))))
      : null;
    main.replaceChildren(h('div', { class: 'registration' }, header,
      h('p', {}, t('registerIntro')), h('p', { class: 'required-note' }, t('requiredNote')), summary, form));
    if (focus === 'language') document.getElementById('language')?.focus();
    else if (focus === 'summary') document.getElementById('error-summary')?.focus();
    else if (focus) controls.get(focus)?.focus();
  }

  function showErrors() {
    const first = FIELDS.find((name) => page.errors.has(name));
    render({ focus: page.general.length ? 'summary' : first });
    announce(t('pageErrors', { n: page.errors.size + page.general.length }));
  }

  async function submit() {
    if (page.sending) return;
    readValues();
    page.errors.clear();
    page.general = [];
    if (!page.values.name?.trim()) {
      page.errors.set('name', t('regErr_name'));
      showErrors();
      return;
    }
    const body = {};
    for (const name of FIELDS) {
      const value = page.values[name]?.trim();
      if (value) body[name] = value;
    }
    page.sending = true;
    // The button only: redrawing the form now would take the focus away while the person waits.
    const button = main.querySelector('[data-action="register"]');
    if (button) {
      button.disabled = true;
      button.textContent = t('registering');
    }
    announce(t('registering'));
    let reply;
    try {
      reply = await fetch(apiPath(`respond/open/${encodeURIComponent(openToken)}/registration`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
      });
    } catch {
      reply = null;
    }
    if (reply?.status === 201) {
      const { token } = await reply.json();
      try {
        sessionStorage.setItem(LANGUAGE_KEY, page.language);
      } catch {
        // storage unavailable: the questionnaire picks a language itself
      }
      location.replace(formPath(token));
      return;
    }
    page.sending = false;
    if (reply?.status === 404 || reply?.status === 410) {
      message(t('linkInvalid'));
      return;
    }
    const problem = reply ? await reply.json().catch(() => ({})) : {};
    if (reply?.status === 400) {
      for (const error of problem.errors ?? []) {
        const name = String(error.field ?? '').replace(/^\//, '');
        // The server's reasons are in English; the fields it names have messages in every language here.
        if (FIELDS.includes(name)) page.errors.set(name, t(`regErr_${name}`));
        else page.general.push(error.message ?? problem.detail);
      }
      if (!page.errors.size && !page.general.length) page.general.push(problem.detail ?? t('registerFailed'));
    } else if (reply?.status === 429) {
      const seconds = Number.parseInt(reply.headers.get('Retry-After') ?? '', 10);
      page.general.push(t('tooManyAttempts', { n: Number.isFinite(seconds) && seconds > 0 ? seconds : 10 }));
    } else if (reply?.status === 409) {
      page.general.push(t('registerClosed'));
    } else {
      page.general.push(t('registerFailed'));
    }
    showErrors();
  }

  render();
}
