/**
 * Theme counts as a chart: answers per theme in each category (actor type, sector or wave), an
 * SVG bar chart drawn with DOM calls and the same figures as a table, and the themes' answers in
 * common as a table. A cell the server suppressed (fewer than k respondents) has no number here
 * either: no bar, its words instead.
 */
import { h, clear } from '../respond/dom.mjs';
import { get, isMissing } from './api.mjs';
import { message, section, table, typed, uid } from './ui.mjs';

const SVG = 'http://www.w3.org/2000/svg';
export const DIMENSIONS = ['actorType', 'sector', 'wave'];

/** Geometry of the chart, in the chart's units. */
export const LAYOUT = { themeRow: 28, cellRow: 44, labelGap: 18, barHeight: 18, valueRoom: 64, minWidth: 240 };

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

/**
 * Rows of the chart: for each theme a heading row, then a row per category, with a bar as long
 * as its answers against the largest shown cell. A suppressed cell gets no bar, whatever it says.
 */
export function countsLayout(counts, width) {
  const barRoom = Math.max(1, width - LAYOUT.valueRoom);
  const shown = (cell) => !cell.suppressed && Number.isFinite(cell.answers);
  const most = Math.max(1, ...counts.themes.flatMap((t) => t.cells.filter(shown).map((c) => c.answers)));
  const rows = [];
  let y = 0;
  for (const theme of counts.themes) {
    rows.push({ kind: 'theme', y, themeId: theme.themeId, name: theme.name });
    y += LAYOUT.themeRow;
    for (const cell of theme.cells) {
      const bar = shown(cell)
        ? { x: 0, y: y + LAYOUT.labelGap, width: (cell.answers / most) * barRoom, height: LAYOUT.barHeight }
        : null;
      rows.push({ kind: 'cell', y, themeId: theme.themeId, cell, bar, valueX: bar ? bar.width + 6 : 0 });
      y += LAYOUT.cellRow;
    }
  }
  return { width, height: y + 4, rows };
}

/** A category's name: an actor type in the reader's language, a wave's name, a sector as registered. */
export function categoryName(ctx, by, category) {
  if (category.value === null || category.value === undefined || category.value === '') return ctx.t('countsNoCategory');
  if (by === 'actorType') return ctx.t(`type_${category.value}`);
  return category.label ?? category.value;
}

/** A count as read: the number, or that it is suppressed; never the number of a suppressed cell. */
export function countText(ctx, k, cell) {
  if (!cell || cell.suppressed || !Number.isFinite(cell.answers)) return ctx.t('countSuppressed', { k });
  return String(cell.answers);
}

export function countsChart(ctx, counts) {
  const width = Math.max(LAYOUT.minWidth, Math.min(576, (document.getElementById('app')?.clientWidth ?? 360) - 64));
  const layout = countsLayout(counts, width);
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const chart = svg('svg', {
    viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height, class: 'chart counts-chart',
    role: 'img', 'aria-labelledby': `${titleId} ${descId}`, focusable: 'false',
  },
  svg('title', { id: titleId }, ctx.t('countsChartTitle', { by: ctx.t(`countsBy_${counts.by}`) })),
  svg('desc', { id: descId }, ctx.t('countsChartDesc', { k: counts.k })));
  for (const row of layout.rows) {
    if (row.kind === 'theme') {
      chart.append(svg('text', { x: 0, y: row.y + 20, class: 'chart-label chart-theme' }, row.name));
      continue;
    }
    chart.append(svg('text', { x: 0, y: row.y + 14, class: 'chart-value' }, categoryName(ctx, counts.by, row.cell)));
    if (row.bar) {
      chart.append(svg('rect', { ...row.bar, class: 'bar theme-count' }));
      chart.append(svg('text', { x: row.valueX, y: row.bar.y + 15, class: 'chart-value' }, String(row.cell.answers)));
    } else {
      chart.append(svg('text', { x: 0, y: row.y + LAYOUT.labelGap + 15, class: 'chart-value chart-suppressed', 'data-suppressed': 'true' },
        ctx.t('countSuppressed', { k: counts.k })));
    }
  }
  return h('figure', { class: 'counts-figure' }, chart);
}

function countsTable(ctx, counts) {
  const columns = [ctx.t('themeName'), ...counts.categories.map((c) => categoryName(ctx, counts.by, c)), ctx.t('countsTotal')];
  const rows = counts.themes.map((theme) => [typed(theme.name),
    ...theme.cells.map((cell) => countText(ctx, counts.k, cell)), countText(ctx, counts.k, theme.total)]);
  return table(ctx.t('countsTableCaption', { by: ctx.t(`countsBy_${counts.by}`) }), columns, rows);
}

function cooccurrenceTable(ctx, counts) {
  if (!counts.cooccurrence?.length) return message(ctx.t('cooccurrenceNone'));
  return table(ctx.t('cooccurrenceCaption'), [ctx.t('cooccurrenceThemes'), ctx.t('cooccurrenceAnswers')],
    counts.cooccurrence.map((pair) => [typed((pair.names ?? pair.themes).join(' + ')), countText(ctx, counts.k, pair)]));
}

/** The section, and {@code reload} to read the counts again (after an answer was coded). */
export function themeCounts(ctx, study) {
  const state = { by: DIMENSIONS[0] };
  const body = h('div', { class: 'theme-counts', id: 'theme-counts', 'aria-busy': 'false' });
  const selectId = uid('counts-by');
  const select = h('select', { id: selectId, dataset: { field: 'counts-by' } },
    DIMENSIONS.map((by) => h('option', { value: by }, ctx.t(`countsBy_${by}`))));
  select.addEventListener('change', async () => {
    state.by = select.value;
    await reload();
    ctx.announce(ctx.t('countsShownBy', { by: ctx.t(`countsBy_${state.by}`) }));
  });

  async function reload() {
    body.setAttribute('aria-busy', 'true');
    const reply = await get(`studies/${study.id}/themes/counts?by=${encodeURIComponent(state.by)}`);
    clear(body);
    body.setAttribute('aria-busy', 'false');
    if (isMissing(reply)) {
      body.append(message(ctx.t('notYetOnServer')));
      return;
    }
    if (!reply.ok) {
      body.append(message(ctx.problemText(reply), 'error'));
      return;
    }
    const counts = reply.data;
    if (!counts.themes?.length) {
      body.append(message(ctx.t('noThemesYet')));
      return;
    }
    if (counts.complete === false) body.append(message(ctx.t('indexCatchingUp')));
    body.append(h('p', { class: 'muted' }, ctx.t('countsIntro', { k: counts.k })),
      countsChart(ctx, counts), countsTable(ctx, counts),
      h('h3', {}, ctx.t('cooccurrence')), cooccurrenceTable(ctx, counts));
  }

  reload();
  const element = section(ctx.t('themeCounts'),
    h('div', { class: 'field compact' }, h('label', { for: selectId }, ctx.t('countsBy')), select), body);
  return { element, reload };
}
