/** Pieces every staff page is built from. Anything a person typed is shown inside <bdi>. */
import { h } from '../respond/dom.mjs';

let sequence = 0;

/** A page-unique id for label/input pairs. */
export function uid(prefix) {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/** A name, an answer or any other text someone typed: isolated so bidi controls cannot reverse what surrounds it. */
export function typed(value) {
  return h('bdi', {}, value === null || value === undefined ? '' : String(value));
}

/** The page's heading: focused after every page change, so a screen reader starts there. */
export function pageHeading(text, ...extra) {
  return h('h1', { id: 'page-heading', tabindex: '-1' }, text, ...extra);
}

export function section(title, ...children) {
  const id = uid('section');
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** A table that becomes one block per row on a phone; each cell says its column there. */
export function table(caption, columns, rows, { captionHidden = false } = {}) {
  return h('table', { class: 'data' },
    h('caption', { class: captionHidden ? 'visually-hidden' : null }, caption),
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, rows.map((cells) => h('tr', {},
      cells.map((cell, i) => (i === 0
        ? h('th', { scope: 'row', 'data-label': columns[i] }, cell)
        : h('td', { 'data-label': columns[i] }, cell)))))));
}

export function button(label, onclick, { kind = 'secondary', ...attributes } = {}) {
  return h('button', { type: 'button', class: kind, onclick, ...attributes }, label);
}

export function message(text, kind = 'info') {
  return h('p', { class: `message ${kind}` }, text);
}

export function formatDate(language, isoDate) {
  if (!isoDate) return '';
  const date = new Date(String(isoDate).length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return String(isoDate);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatTime(language, isoInstant) {
  if (!isoInstant) return '';
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return String(isoInstant);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A link to share: shown in a read-only field (to select by hand where the clipboard is refused)
 * with a copy button that says in the live region whether it worked.
 */
export function copyableLink(ctx, label, link, { labelHidden = false } = {}) {
  const id = uid('link');
  const input = h('input', { id, type: 'text', readonly: true, value: link, class: 'link-field', dataset: { link: 'copy' } });
  input.addEventListener('focus', () => input.select());
  const copy = button(ctx.t('copy'), async () => {
    try {
      await navigator.clipboard.writeText(link);
      ctx.announce(ctx.t('copied'));
      copy.dataset.copied = 'true';
    } catch {
      input.focus();
      input.select();
      ctx.announce(ctx.t('copyByHand'));
    }
  }, { 'aria-describedby': id, dataset: { action: 'copy' } });
  return h('div', { class: 'copy-link' }, h('label', { for: id, class: labelHidden ? 'visually-hidden' : null }, label), h('div', { class: 'copy-row' }, input, copy));
}
