/**
 * Forms of the staff app: every input has its label, its hint and its error slot; the server's
 * problem+json errors land next to the field they name ({@code errors[].field} is a JSON pointer
 * or, for a register file, "line 3, email").
 */
import { h, clear, toggleReference } from '../respond/dom.mjs';
import { uid } from './ui.mjs';

/**
 * One labelled control. `pointer` is the JSON pointer the server names in its errors.
 * kind: text, email, password, date, number, search, file, select (options: [[value, label]]), checkbox.
 */
export function field({ pointer, label, kind = 'text', value, required, hint, options, autocomplete, name, accept, min }) {
  const id = uid('field');
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  let input;
  if (kind === 'select') {
    input = h('select', { id, name }, options.map(([optionValue, optionLabel]) =>
      h('option', { value: optionValue, selected: String(optionValue) === String(value ?? '') }, optionLabel)));
  } else if (kind === 'checkbox') {
    input = h('input', { id, name, type: 'checkbox', checked: Boolean(value) });
  } else {
    input = h('input', {
      id, name, type: kind, value: value ?? undefined, autocomplete, accept, min,
      required: required || undefined, 'aria-required': required ? 'true' : undefined,
    });
  }
  const describedBy = [hintId].filter(Boolean).join(' ');
  if (describedBy) input.setAttribute('aria-describedby', describedBy);
  const labelElement = h('label', { for: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null);
  const wrapper = kind === 'checkbox'
    ? h('div', { class: 'field checkbox', dataset: { field: pointer ?? '' } }, input, labelElement,
      hint ? h('p', { class: 'hint', id: hintId }, hint) : null, h('p', { class: 'error', id: errorId }))
    : h('div', { class: 'field', dataset: { field: pointer ?? '' } }, labelElement,
      hint ? h('p', { class: 'hint', id: hintId }, hint) : null, h('p', { class: 'error', id: errorId }), input);
  return { wrapper, input };
}

/** A group of checkboxes under one legend: [[value, label, checked]]. */
export function checkboxes({ pointer, legend, choices, name }) {
  const errorId = uid('group-error');
  const inputs = [];
  const set = h('fieldset', { class: 'field choices', dataset: { field: pointer ?? '' } },
    h('legend', {}, legend), h('p', { class: 'error', id: errorId }),
    choices.map(([value, label, checked]) => {
      const id = uid('choice');
      const input = h('input', { id, type: 'checkbox', name, value, checked: Boolean(checked) });
      inputs.push(input);
      return h('div', { class: 'choice' }, input, h('label', { for: id }, label));
    }));
  return { wrapper: set, inputs, values: () => inputs.filter((i) => i.checked).map((i) => i.value) };
}

/** A form with a summary box for errors that name no field; `submit` gets the form and returns nothing. */
export function form({ id, label, submitLabel, children, submit, kind = 'primary' }) {
  const summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true });
  const submitButton = h('button', { type: 'submit', class: kind }, submitLabel);
  const element = h('form', { id, class: 'form', novalidate: true, 'aria-label': label }, summary, children,
    h('div', { class: 'actions' }, submitButton));
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submitButton.disabled) return;
    submitButton.disabled = true;
    try {
      await submit(element);
    } finally {
      submitButton.disabled = false;
    }
  });
  return element;
}

export function clearErrors(formElement) {
  for (const wrapper of formElement.querySelectorAll('[data-field]')) {
    const error = wrapper.querySelector('.error');
    if (error) clear(error);
    for (const control of wrapper.querySelectorAll('input, select, textarea')) {
      control.removeAttribute('aria-invalid');
      if (error) toggleReference(control, 'aria-describedby', error.id, false);
    }
  }
  const summary = formElement.querySelector('.error-summary');
  if (summary) {
    clear(summary);
    summary.hidden = true;
  }
}

/** The wrapper whose pointer is the longest prefix of the error's field ("/languages/0" → "/languages"). */
function wrapperFor(formElement, fieldName) {
  let best = null;
  for (const wrapper of formElement.querySelectorAll('[data-field]')) {
    const pointer = wrapper.dataset.field;
    if (!pointer) continue;
    if ((fieldName === pointer || fieldName.startsWith(`${pointer}/`)) && (!best || pointer.length > best.dataset.field.length)) {
      best = wrapper;
    }
  }
  return best;
}

/**
 * Shows a refused request: each field error next to its field, the rest (and `text`, the
 * sentence for the whole problem) in the summary. Focus goes to the first field in error, else
 * to the summary. `extra` is more content for the summary (a table of a file's bad rows).
 */
export function showErrors(ctx, formElement, { text, errors = [], extra }) {
  clearErrors(formElement);
  const unplaced = [];
  let first = null;
  for (const error of errors) {
    const wrapper = error.field ? wrapperFor(formElement, error.field) : null;
    if (!wrapper) {
      unplaced.push(error);
      continue;
    }
    const slot = wrapper.querySelector('.error');
    slot.append(document.createTextNode(`${slot.textContent ? ' ' : ''}${error.message}`));
    for (const control of wrapper.querySelectorAll('input, select, textarea')) {
      control.setAttribute('aria-invalid', 'true');
      toggleReference(control, 'aria-describedby', slot.id, true);
      first ??= control;
    }
  }
  const summary = formElement.querySelector('.error-summary');
  if (text || unplaced.length || extra) {
    summary.append(h('p', { class: 'summary-title' }, text ?? ''));
    if (unplaced.length) {
      summary.append(h('ul', {}, unplaced.map((e) => h('li', {}, e.field ? `${e.field}: ` : '', e.message))));
    }
    if (extra) summary.append(extra);
    summary.hidden = false;
  }
  if (extra || !first) summary.focus();
  else first.focus();
  ctx.announce(text ?? ctx.t('fixFields'));
}

/** Puts a refused reply on a form, with a sentence for the statuses a person can act on. */
export function showProblem(ctx, formElement, reply) {
  const problem = reply.problem ?? {};
  showErrors(ctx, formElement, { text: ctx.problemText(reply), errors: problem.errors ?? [] });
}
