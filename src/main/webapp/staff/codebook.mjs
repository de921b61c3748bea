/**
 * A study's codebook: its themes with how many answers each holds now, to add, rename and delete.
 * Every member edits it, leads too. A theme's answers follow its saved query as answers arrive.
 */
import { h } from '../respond/dom.mjs';
import { get, post, patch, remove, isMissing } from './api.mjs';
import { field, form, showProblem } from './forms.mjs';
import { button, message, section, table, typed } from './ui.mjs';

/** Parents in name order, each followed by its sub-themes: the order a codebook is read in. */
export function ordered(themes) {
  const byName = (a, b) => a.name.localeCompare(b.name);
  const known = new Set(themes.map((t) => t.id));
  const tops = themes.filter((t) => t.parentId === null || t.parentId === undefined || !known.has(t.parentId)).sort(byName);
  return tops.flatMap((top) => [{ theme: top, depth: 0 },
    ...themes.filter((t) => t.parentId === top.id).sort(byName).map((theme) => ({ theme, depth: 1 }))]);
}

function nameCell(theme, depth) {
  return depth ? h('span', { class: 'sub-theme' }, '↳ ', typed(theme.name)) : typed(theme.name);
}

function renameForm(ctx, study, theme) {
  const name = field({ pointer: '/name', label: ctx.t('themeNewName', { name: theme.name }), value: theme.name, required: true });
  name.wrapper.classList.add('compact');
  return form({
    id: `rename-theme-${theme.id}`, label: ctx.t('renameTheme', { name: theme.name }), submitLabel: ctx.t('rename'), kind: 'secondary',
    children: [name.wrapper],
    async submit(element) {
      const reply = await patch(`studies/${study.id}/themes/${theme.id}`, { name: name.input.value.trim(), version: theme.version });
      if (!reply.ok) {
        showProblem(ctx, element, reply);
        return;
      }
      ctx.announce(ctx.t('themeRenamed', { name: reply.data.name }));
      ctx.refresh();
    },
  });
}

function addForm(ctx, study) {
  const name = field({ pointer: '/name', label: ctx.t('themeName'), required: true });
  const query = field({ pointer: '/query', label: ctx.t('themeQuery'), hint: ctx.t('themeQueryHint') });
  return form({
    id: 'add-theme', label: ctx.t('addTheme'), submitLabel: ctx.t('addTheme'),
    children: [name.wrapper, query.wrapper],
    async submit(element) {
      const reply = await post(`studies/${study.id}/themes`, { name: name.input.value.trim(), query: query.input.value.trim() });
      if (!reply.ok) {
        showProblem(ctx, element, reply);
        return;
      }
      ctx.announce(ctx.t('themeAdded', { name: reply.data.name }));
      ctx.refresh();
    },
  });
}

/** {@code showAnswers}: shows a theme's answers in the search above. */
export async function showCodebook(ctx, study, showAnswers = null) {
  const reply = await get(`studies/${study.id}/themes`);
  if (isMissing(reply)) return section(ctx.t('codebook'), message(ctx.t('notYetOnServer')));
  if (!reply.ok) return section(ctx.t('codebook'), message(ctx.problemText(reply), 'error'));
  const columns = [ctx.t('themeName'), ctx.t('themeQuery'), ctx.t('themeAnswers'), ctx.t('actions')];
  const rows = ordered(reply.data).map(({ theme, depth }) => [
    nameCell(theme, depth),
    theme.query ? h('code', {}, typed(theme.query)) : h('span', { class: 'muted' }, ctx.t('themeByHandOnly')),
    ctx.t('themeAnswerCount', { n: theme.answerCount ?? 0 }),
    h('div', { class: 'theme-actions' },
      showAnswers ? button(ctx.t('themeShowAnswers'), () => showAnswers(theme),
        { 'aria-label': ctx.t('themeShowAnswersNamed', { name: theme.name }), dataset: { action: 'show-answers' } }) : null,
      renameForm(ctx, study, theme),
      button(ctx.t('deleteTheme'), async () => {
        const answer = await remove(`studies/${study.id}/themes/${theme.id}?version=${theme.version}`);
        ctx.announce(answer.ok ? ctx.t('themeDeleted', { name: theme.name }) : ctx.problemText(answer));
        if (answer.ok) ctx.refresh();
      }, { 'aria-label': ctx.t('deleteThemeNamed', { name: theme.name }), dataset: { action: 'delete-theme' } })),
  ]);
  const content = reply.data.length
    ? [table(ctx.t('codebook'), columns, rows, { captionHidden: true })]
    : [message(ctx.t('noThemesYet'))];
  content.push(h('h3', {}, ctx.t('addTheme')), addForm(ctx, study));
  return section(ctx.t('codebook'), h('div', { class: 'codebook', id: 'codebook' }, content));
}
