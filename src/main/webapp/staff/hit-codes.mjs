/**
 * An answer's codes, editable: the codebook themes a search hit is in, as the server says, and a
 * checkbox per theme of the codebook to code it into one by hand or out of one.
 */
import { h, clear } from '../respond/dom.mjs';
import { put, remove } from './api.mjs';
import { typed, uid } from './ui.mjs';

/** The hit's themes after the server coded it into ({@code codedIn}) or out of a theme, in codebook order. */
export function themesAfterCoding(codebook, themes, themeId, codedIn) {
  const inTheme = new Set((themes ?? []).map((t) => t.id));
  if (codedIn) inTheme.add(themeId);
  else inTheme.delete(themeId);
  return codebook.filter((t) => inTheme.has(t.id)).map((t) => ({ id: t.id, name: t.name }));
}

/** The names of the themes, or null for none: what the disclosure's summary says. */
export function codeNames(themes) {
  return themes?.length ? themes.map((t) => t.name).join(', ') : null;
}

function codePath(study, theme, hit) {
  return `studies/${study.id}/themes/${theme.id}/answers/${encodeURIComponent(hit.answerKey)}`;
}

/**
 * {@code codebook}: the study's themes; {@code onCoded}: after a change (the codebook's counts
 * change with it). The summary and the boxes show what the server answered, never a guess.
 */
export function hitCodes(ctx, study, hit, codebook, onCoded = () => {}) {
  let themes = hit.themes ?? [];
  const summary = h('summary', {});
  const status = h('p', { class: 'muted hit-codes-status' });
  function showSummary() {
    const names = codeNames(themes);
    clear(summary).append(ctx.t('hitCodes'), ': ', names ? typed(names) : ctx.t('hitCodesNone'));
  }
  const boxes = codebook.map((theme) => {
    const id = uid('code');
    const box = h('input', { type: 'checkbox', id, checked: themes.some((t) => t.id === theme.id), dataset: { themeId: String(theme.id) } });
    box.addEventListener('change', async () => {
      const codedIn = box.checked;
      box.disabled = true;
      const reply = codedIn ? await put(codePath(study, theme, hit)) : await remove(codePath(study, theme, hit));
      box.disabled = false;
      if (!reply.ok) {
        box.checked = !codedIn;
        status.textContent = ctx.problemText(reply);
        ctx.announce(ctx.problemText(reply));
        box.focus();
        return;
      }
      const nowIn = reply.data?.code ? reply.data.code === 'in' : codedIn;
      themes = themesAfterCoding(codebook, themes, theme.id, nowIn);
      hit.themes = themes;
      box.checked = nowIn;
      showSummary();
      const said = ctx.t(nowIn ? 'hitCodedIn' : 'hitCodedOut', { name: theme.name });
      status.textContent = said;
      ctx.announce(said);
      box.focus();
      await onCoded();
    });
    return h('li', {}, box, ' ', h('label', { for: id }, typed(theme.name)));
  });
  showSummary();
  return h('details', { class: 'hit-codes', dataset: { answerKey: hit.answerKey } }, summary,
    codebook.length
      ? h('fieldset', {},
        h('legend', {}, ctx.t('hitCodesLegend')),
        h('ul', { class: 'hit-codes-list' }, boxes), status)
      : h('p', { class: 'muted' }, ctx.t('hitCodesNoCodebook')));
}
