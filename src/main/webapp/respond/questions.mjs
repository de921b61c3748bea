/**
 * One renderer per question type. Every control is a native one with a label (label-for, or a
 * fieldset with a legend for a set of controls); hints and errors are linked with
 * aria-describedby. Renderers report changes through env.set(path, value, commit): commit is false
 * while typing (the answer is kept and calculations run) and true when a change is complete (errors
 * may then be shown).
 */
import { h } from './dom.mjs';
import { focusAfterRankChange } from './rank.mjs';
import { searchNote } from './i18n.mjs';

const REGISTER_RESULTS = 20;

export function idOf(path) {
  return `q-${path.replaceAll('/', '-')}`;
}

/** Digits as typed on Arabic and Persian keyboards, and a decimal comma, read as a number. */
export function parseNumber(text, integer) {
  const latin = String(text).trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06F0))
    .replace(/^\u2212/, '-');
  const normalised = latin.includes('.') ? latin : latin.replace(',', '.');
  const pattern = integer ? /^-?\d+$/ : /^-?(\d+(\.\d*)?|\.\d+)$/;
  return pattern.test(normalised) ? Number(normalised) : null;
}

function requiredMark(item, t) {
  if (!item.required) return [];
  return [h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *'),
    h('span', { class: 'visually-hidden' }, ` (${t('requiredMark')})`)];
}

/** The parts every question has: label text, hint and error elements with their ids. */
function parts(question, env) {
  const { item, path } = question;
  const id = idOf(path);
  const hintText = env.text(item.hint);
  const hint = hintText ? h('p', { class: 'hint', id: `${id}-hint` }, hintText) : null;
  const error = h('p', { class: 'error', id: `${id}-error`, 'aria-live': 'polite' });
  const labelText = [env.text(item.label), ...requiredMark(item, env.t)];
  return { id, hint, error, labelText, describedBy: hint ? `${id}-hint` : null };
}

function wrapper(tag, question, attributes, children) {
  return h(tag, {
    class: `question question-${question.item.type}`,
    dataset: { question: question.item.name, path: question.path },
    ...attributes,
  }, children);
}

export function renderQuestion(question, env) {
  const renderer = RENDERERS[question.item.type];
  return renderer ? renderer(question, env) : renderNote(question, env);
}

function renderNote(question, env) {
  const { item } = question;
  const hint = env.text(item.hint);
  const element = wrapper('div', question, { class: 'question note' }, [
    h('p', { class: 'note-text' }, env.text(item.label)),
    hint ? h('p', { class: 'hint' }, hint) : null,
  ]);
  env.register(question, { wrapper: element, error: null, focus: null, invalid: [] });
  return element;
}

function renderCalculate(question, env) {
  const output = h('output', { hidden: true, dataset: { question: question.item.name, path: question.path } });
  env.register(question, {
    wrapper: output, error: null, focus: null, invalid: [],
    show: (value) => { output.value = value === undefined ? '' : String(value); },
  });
  return output;
}

function renderTextual(question, env) {
  const { item, path } = question;
  const p = parts(question, env);
  const value = env.get(path);
  const raw = env.raw(path);
  const attributes = { id: p.id, name: p.id, 'aria-describedby': p.describedBy, 'aria-required': item.required ? 'true' : null };
  let input;
  if (item.type === 'long_text') {
    input = h('textarea', { ...attributes, rows: 5, dir: 'auto', value: value ?? '' });
  } else if (item.type === 'date') {
    input = h('input', { ...attributes, type: 'date', min: item.min, max: item.max, value: value ?? '' });
  } else if (item.type === 'integer' || item.type === 'decimal') {
    input = h('input', {
      ...attributes,
      type: 'text',
      inputmode: item.type === 'integer' && !(typeof item.min === 'number' && item.min < 0) ? 'numeric' : 'decimal',
      autocomplete: 'off',
      value: raw ?? (typeof value === 'number' ? String(value) : ''),
    });
  } else {
    input = h('input', { ...attributes, type: 'text', dir: 'auto', value: value ?? '' });
  }
  const read = (commit) => {
    const text = input.value;
    if (item.type === 'integer' || item.type === 'decimal') {
      const number = text.trim() === '' ? undefined : parseNumber(text, item.type === 'integer');
      env.set(path, number ?? undefined, commit, number === null ? text : undefined);
    } else {
      env.set(path, text === '' ? undefined : text, commit);
    }
  };
  input.addEventListener('input', () => read(false));
  input.addEventListener('change', () => read(true));
  const element = wrapper('div', question, {}, [h('label', { for: p.id, class: 'label' }, p.labelText), p.hint, p.error, input]);
  env.register(question, { wrapper: element, error: p.error, focus: input, invalid: [input] });
  return element;
}

/** A fieldset of radios or checkboxes, with the "Other" choice and its specify field when asked. */
function renderChoices(question, env, { multiple, options }) {
  const { item, path } = question;
  const p = parts(question, env);
  const value = env.get(path);
  const chosen = new Set(multiple ? (Array.isArray(value) ? value : []) : (value === undefined ? [] : [value]));
  const choices = [...options];
  if (item.other) choices.push({ value: 'other', label: env.t('other') });
  const inputs = [];
  const list = h('div', { class: `options${item.type === 'likert' ? ' options-scale' : ''}` });
  choices.forEach((choice, i) => {
    const input = h('input', {
      type: multiple ? 'checkbox' : 'radio', name: p.id, id: `${p.id}-${i}`, value: choice.value, checked: chosen.has(choice.value),
    });
    inputs.push(input);
    list.append(h('div', { class: 'option' }, input, h('label', { for: input.id }, choice.label)));
  });
  const otherId = `${p.id}-other`;
  const otherInput = h('input', { type: 'text', id: otherId, value: env.get(`${path}_other`) ?? '' });
  const otherBox = item.other ? h('div', { class: 'other-specify', hidden: !chosen.has('other') },
    h('label', { for: otherId }, env.t('otherSpecify')), otherInput) : null;
  const update = () => {
    const selected = inputs.filter((input) => input.checked).map((input) => input.value);
    if (otherBox) otherBox.hidden = !selected.includes('other');
    env.set(path, multiple ? (selected.length ? selected : undefined) : selected[0], true);
  };
  inputs.forEach((input) => input.addEventListener('change', update));
  otherInput.addEventListener('input', () => env.set(`${path}_other`, otherInput.value || undefined, false));
  otherInput.addEventListener('change', () => env.set(`${path}_other`, otherInput.value || undefined, true));
  const element = wrapper('fieldset', question, {
    role: multiple ? null : 'radiogroup',
    'aria-required': !multiple && item.required ? 'true' : null,
    'aria-describedby': p.describedBy,
  }, [h('legend', { class: 'label' }, p.labelText), p.hint, p.error, list, otherBox]);
  env.register(question, { wrapper: element, error: p.error, focus: inputs[0], invalid: inputs, describe: element });
  return element;
}

function choiceOptions(item, env) {
  return env.model.choices(item).map((choice) => ({ value: choice.value, label: env.text(choice.label) }));
}

const renderSelectOne = (question, env) => renderChoices(question, env, { multiple: false, options: choiceOptions(question.item, env) });
const renderSelectMultiple = (question, env) => renderChoices(question, env, { multiple: true, options: choiceOptions(question.item, env) });
const renderYesNo = (question, env) => renderChoices(question, env, {
  multiple: false, options: [{ value: 'yes', label: env.t('yes') }, { value: 'no', label: env.t('no') }],
});

/** A table on wide screens; each row becomes its own block on narrow ones (CSS). */
function renderMatrix(question, env) {
  const { item, path } = question;
  const p = parts(question, env);
  const value = env.get(path) ?? {};
  const scale = choiceOptions(item, env);
  const inputs = [];
  const head = h('thead', {}, h('tr', {}, h('td', {}), scale.map((choice) => h('th', { scope: 'col' }, choice.label))));
  const body = h('tbody');
  (item.rows ?? []).forEach((row, r) => {
    const rowLabel = env.text(row.label);
    const rowHeaderId = `${p.id}-row-${r}`;
    const cells = scale.map((choice, c) => {
      const input = h('input', { type: 'radio', name: `${p.id}-${row.name}`, id: `${p.id}-${r}-${c}`, value: choice.value, checked: value[row.name] === choice.value });
      input.addEventListener('change', () => {
        const next = { ...(env.get(path) ?? {}), [row.name]: choice.value };
        env.set(path, next, true);
      });
      inputs.push(input);
      return h('td', {}, h('label', { for: input.id, class: 'matrix-cell' }, input,
        h('span', { class: 'visually-hidden' }, `${rowLabel}: `), h('span', { class: 'scale-label' }, choice.label)));
    });
    body.append(h('tr', { dataset: { row: row.name } }, h('th', { scope: 'row', id: rowHeaderId }, rowLabel), cells));
  });
  const element = wrapper('fieldset', question, { 'aria-describedby': p.describedBy }, [
    h('legend', { class: 'label' }, p.labelText), p.hint, p.error,
    h('div', { class: 'matrix-wrap' }, h('table', { class: 'matrix' }, head, body)),
  ]);
  env.register(question, { wrapper: element, error: p.error, focus: inputs[0], invalid: inputs, describe: element });
  return element;
}

/**
 * Ranking with buttons (no dragging): add to the ranking, move up or down, take out. While the
 * person is inside the question its changes are not yet complete: a "rank N items" error waits
 * until they leave it (or try to go on), instead of interrupting every press.
 */
function renderRank(question, env) {
  const { item, path } = question;
  const p = parts(question, env);
  const options = choiceOptions(item, env);
  const labelOf = new Map(options.map((o) => [o.value, o.label]));
  const limit = Math.min(item.rankCount ?? Infinity, options.length);
  const rankedList = h('ol', { class: 'rank-list', 'aria-labelledby': `${p.id}-ranked` });
  const unrankedList = h('ul', { class: 'rank-pool', 'aria-labelledby': `${p.id}-unranked` });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const element = wrapper('fieldset', question, { 'aria-describedby': p.describedBy }, [
    h('legend', { class: 'label' }, p.labelText), p.hint, p.error,
    h('h4', { id: `${p.id}-ranked`, class: 'sub-heading' }, env.t('ranked')), rankedList,
    h('h4', { id: `${p.id}-unranked`, class: 'sub-heading' }, env.t('unranked')), unrankedList, status,
  ]);
  const entry = { wrapper: element, error: p.error, focus: null, invalid: [], describe: element };
  element.addEventListener('focusin', () => env.hold(path, true));
  element.addEventListener('focusout', () => {
    // after the redraw that follows a press, the focus is back inside: only a real exit counts
    setTimeout(() => {
      if (element.isConnected && !element.contains(document.activeElement)) env.hold(path, false);
    });
  });

  const change = (next, kind, value, from) => {
    env.set(path, next.length ? next : undefined, false);
    const label = labelOf.get(value);
    status.textContent = kind === 'remove' ? env.t('rankRemoved', { label }) : env.t('rankMoved', { label, n: next.indexOf(value) + 1 });
    draw(focusAfterRankChange({ kind, value, from }, next));
  };

  const draw = (focus) => {
    const ranked = (env.get(path) ?? []).filter((v) => labelOf.has(v));
    rankedList.replaceChildren();
    unrankedList.replaceChildren();
    let toFocus = null;
    if (!ranked.length) rankedList.append(h('li', { class: 'empty' }, env.t('rankNone')));
    ranked.forEach((value, i) => {
      const label = labelOf.get(value);
      const move = (to) => {
        const next = [...ranked];
        next.splice(i, 1);
        next.splice(to, 0, value);
        change(next, to > i ? 'down' : 'up', value, i);
      };
      const controls = {
        up: h('button', { type: 'button', class: 'icon-button', 'aria-label': `${env.t('moveUp')}: ${label}`, disabled: i === 0, onclick: () => move(i - 1) }, '↑'),
        down: h('button', { type: 'button', class: 'icon-button', 'aria-label': `${env.t('moveDown')}: ${label}`, disabled: i === ranked.length - 1, onclick: () => move(i + 1) }, '↓'),
        remove: h('button', {
          type: 'button', class: 'icon-button', 'aria-label': `${env.t('rankRemove')}: ${label}`,
          onclick: () => change(ranked.filter((v) => v !== value), 'remove', value, i),
        }, '✕'),
      };
      rankedList.append(h('li', { dataset: { value } }, h('span', { class: 'rank-label' }, label),
        h('span', { class: 'rank-actions' }, controls.up, controls.down, controls.remove)));
      if (focus?.value === value) toFocus = controls[focus.control];
    });
    const full = ranked.length >= limit;
    options.filter((o) => !ranked.includes(o.value)).forEach((option) => {
      const add = h('button', {
        type: 'button', class: 'secondary', disabled: full,
        onclick: () => change([...ranked, option.value], 'add', option.value, -1),
      }, h('span', { 'aria-hidden': 'true' }, '+ '), h('span', { class: 'visually-hidden' }, `${env.t('rankAdd')}: `), option.label);
      unrankedList.append(h('li', { dataset: { value: option.value } }, add));
      if (focus?.value === option.value && focus.control === 'add') toFocus = add;
    });
    entry.focus = rankedList.querySelector('button:not([disabled])') ?? unrankedList.querySelector('button:not([disabled])');
    toFocus?.focus();
  };
  draw(null);
  env.register(question, entry);
  return element;
}

function renderGeopoint(question, env) {
  const { item, path } = question;
  const p = parts(question, env);
  const value = env.get(path) ?? {};
  const lat = h('input', { id: `${p.id}-lat`, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: value.lat ?? '' });
  const lon = h('input', { id: `${p.id}-lon`, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: value.lon ?? '' });
  const accuracy = h('p', { class: 'hint', 'aria-live': 'polite' }, typeof value.accuracy === 'number' ? env.t('accuracy', { n: Math.round(value.accuracy) }) : '');
  const read = (commit) => {
    const a = lat.value.trim() === '' ? undefined : parseNumber(lat.value, false);
    const b = lon.value.trim() === '' ? undefined : parseNumber(lon.value, false);
    if (a === undefined && b === undefined) {
      env.set(path, undefined, commit);
      return;
    }
    // An incomplete or invalid pair is kept as typed and reported, never silently dropped.
    const point = {};
    if (a !== undefined) point.lat = a ?? lat.value;
    if (b !== undefined) point.lon = b ?? lon.value;
    env.set(path, point, commit);
  };
  for (const input of [lat, lon]) {
    input.addEventListener('input', () => { accuracy.textContent = ''; read(false); });
    input.addEventListener('change', () => read(true));
  }
  let locate = null;
  if ('geolocation' in navigator) {
    locate = h('button', { type: 'button', class: 'secondary' }, env.t('useLocation'));
    locate.addEventListener('click', () => {
      locate.disabled = true;
      accuracy.textContent = env.t('locating');
      navigator.geolocation.getCurrentPosition((position) => {
        const { latitude, longitude, accuracy: metres } = position.coords;
        lat.value = String(Math.round(latitude * 1e6) / 1e6);
        lon.value = String(Math.round(longitude * 1e6) / 1e6);
        env.set(path, { lat: Number(lat.value), lon: Number(lon.value), accuracy: Math.round(metres) }, true);
        accuracy.textContent = `${env.t('locationFound')} ${env.t('accuracy', { n: Math.round(metres) })}`;
        locate.disabled = false;
      }, () => {
        accuracy.textContent = env.t('locationFailed');
        locate.disabled = false;
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
    });
  }
  const element = wrapper('fieldset', question, { 'aria-describedby': p.describedBy }, [
    h('legend', { class: 'label' }, p.labelText), p.hint, p.error,
    h('div', { class: 'geo-fields' },
      h('div', {}, h('label', { for: lat.id }, env.t('latitude')), lat),
      h('div', {}, h('label', { for: lon.id }, env.t('longitude')), lon)),
    locate, accuracy,
  ]);
  env.register(question, { wrapper: element, error: p.error, focus: lat, invalid: [lat, lon], describe: element });
  return element;
}

/** Picks actors from the study's register, then the relations with each. */
function renderLinkage(question, env) {
  const { item, path } = question;
  const p = parts(question, env);
  const relations = env.model.template.choiceLists?.[item.relations] ?? [];
  const types = Array.isArray(item.actorTypes) && item.actorTypes.length ? new Set(item.actorTypes) : null;
  const register = (env.registerList ?? []).filter((actor) => !types || types.has(actor.type));
  const byId = new Map(register.map((actor) => [actor.id, actor]));
  const search = h('input', { type: 'search', id: `${p.id}-search`, autocomplete: 'off', 'aria-controls': `${p.id}-results` });
  const results = h('ul', { class: 'register-results', id: `${p.id}-results` });
  const resultsNote = h('p', { class: 'hint', id: `${p.id}-found`, role: 'status' });
  let announceTimer = null;
  const picked = h('div', { class: 'linkage-picked' });
  const pickedCount = h('h4', { class: 'sub-heading' });
  const links = () => (Array.isArray(env.get(path)) ? env.get(path) : []);
  const describeActor = (actor) => [actor.type, actor.sector, actor.location].filter(Boolean).join(' · ');

  const drawResults = () => {
    const words = search.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const chosen = new Set(links().map((link) => link.actor));
    const matches = register.filter((actor) => !chosen.has(actor.id)
      && words.every((word) => [actor.name, actor.sector, actor.location, actor.type].some((f) => String(f ?? '').toLocaleLowerCase().includes(word))));
    results.replaceChildren();
    matches.slice(0, REGISTER_RESULTS).forEach((actor) => {
      // the name is the button's own text, so it says all that is seen: who, and the detail line
      results.append(h('li', {}, h('button', {
        type: 'button', class: 'register-pick',
        onclick: () => {
          env.set(path, [...links(), { actor: actor.id, relations: [] }], true);
          drawPicked(actor.id);
          drawResults();
        },
      }, h('span', { class: 'actor-name' }, h('span', { class: 'visually-hidden' }, `${env.t('addActor')}: `), actor.name),
      h('span', { class: 'actor-detail' }, describeActor(actor)))));
    });
    clearTimeout(announceTimer);
    const note = searchNote(env.language, { searched: words.length > 0, found: matches.length, shown: REGISTER_RESULTS });
    // the count is said once the person pauses, not at every letter
    announceTimer = setTimeout(() => { resultsNote.textContent = note; }, words.length ? 400 : 0);
  };

  const drawPicked = (focusActor) => {
    picked.replaceChildren();
    const current = links();
    pickedCount.textContent = env.t('chosenActors', { n: current.length });
    current.forEach((link, i) => {
      const actor = byId.get(link.actor) ?? { id: link.actor, name: String(link.actor) };
      const boxes = relations.map((relation, r) => {
        const box = h('input', { type: 'checkbox', id: `${p.id}-${i}-${r}`, value: relation.value, checked: (link.relations ?? []).includes(relation.value) });
        box.addEventListener('change', () => {
          const next = links().map((l) => (l.actor === link.actor
            ? { ...l, relations: relations.map((rel) => rel.value).filter((v) => (v === relation.value ? box.checked : (l.relations ?? []).includes(v))) }
            : l));
          env.set(path, next, true);
        });
        return h('div', { class: 'option' }, box, h('label', { for: box.id }, env.text(relation.label)));
      });
      const remove = h('button', {
        type: 'button', class: 'secondary', 'aria-label': env.t('removeActor', { name: actor.name }),
        onclick: () => {
          const next = links().filter((l) => l.actor !== link.actor);
          env.set(path, next.length ? next : undefined, true);
          drawPicked();
          drawResults();
          search.focus();
        },
      }, '✕ ', env.t('removeActor', { name: actor.name }));
      const block = h('fieldset', { class: 'linked-actor', dataset: { actor: String(actor.id) } },
        h('legend', {}, env.t('relationsWith', { name: actor.name })), h('div', { class: 'options' }, boxes), remove);
      picked.append(block);
      if (focusActor === link.actor) boxes[0]?.querySelector('input')?.focus();
    });
  };

  search.addEventListener('input', drawResults);
  const element = wrapper('fieldset', question, { 'aria-describedby': p.describedBy }, [
    h('legend', { class: 'label' }, p.labelText), p.hint, p.error,
    pickedCount, picked,
    h('label', { for: search.id }, env.t('searchRegister')), search, resultsNote, results,
  ]);
  drawPicked();
  drawResults();
  env.register(question, { wrapper: element, error: p.error, focus: search, invalid: [search], describe: element });
  return element;
}

const RENDERERS = {
  text: renderTextual,
  long_text: renderTextual,
  integer: renderTextual,
  decimal: renderTextual,
  date: renderTextual,
  yes_no: renderYesNo,
  select_one: renderSelectOne,
  likert: renderSelectOne,
  select_multiple: renderSelectMultiple,
  rank: renderRank,
  matrix: renderMatrix,
  note: renderNote,
  calculate: renderCalculate,
  geopoint: renderGeopoint,
  linkage: renderLinkage,
};
