/** A wave's progress by actor type: an SVG bar chart drawn with DOM calls, and the same numbers as a table. */
import { h } from '../respond/dom.mjs';
import { get } from './api.mjs';
import { button, message, section, table } from './ui.mjs';
import { currentWave, waveChooser } from './study.mjs';
import { totals } from './home.mjs';

const SVG = 'http://www.w3.org/2000/svg';
const STAGES = ['submitted', 'inProgress', 'opened', 'notOpened'];

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

/**
 * One stacked bar per actor type, as long as its invitations, with the type's name above it so
 * that a phone does not cut it. The table after it is what screen readers get.
 */
export function progressChart(ctx, progress) {
  const types = Object.keys(progress).filter((type) => type !== 'all' && progress[type].invited + progress[type].revoked > 0);
  const most = Math.max(1, ...types.map((type) => progress[type].invited));
  // drawn at the size it is shown (the page's width, at most 36rem), so that its text stays the page's size
  const width = Math.max(240, Math.min(576, (document.getElementById('app')?.clientWidth ?? 360) - 64));
  const barWidth = width - 70;
  const rowHeight = 50;
  const height = types.length * rowHeight + 4;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'chart', 'aria-hidden': 'true', focusable: 'false' });
  types.forEach((type, row) => {
    const y = row * rowHeight;
    const counts = progress[type];
    chart.append(svg('text', { x: 0, y: y + 16, class: 'chart-label' }, ctx.t(`type_${type}`)));
    let x = 0;
    for (const stage of STAGES) {
      const length = (counts[stage] / most) * barWidth;
      if (length > 0) chart.append(svg('rect', { x, y: y + 22, width: length, height: 22, class: `bar ${stage}` }));
      x += length;
    }
    chart.append(svg('text', { x: x + 8, y: y + 39, class: 'chart-value' }, `${counts.submitted}/${counts.invited}`));
  });
  const legend = h('ul', { class: 'legend', 'aria-hidden': 'true' },
    STAGES.map((stage) => h('li', {}, h('span', { class: `swatch ${stage}` }), ctx.t(`stage_${stage}`))));
  return h('figure', { class: 'progress-chart' }, chart, legend);
}

export async function showProgress(ctx, study) {
  const wave = currentWave(ctx, study);
  if (!wave) return section(ctx.t('tab_progress'), message(ctx.t('createWaveFirst')));
  const reply = await get(`studies/${study.id}/waves/${wave.id}/progress`);
  const content = [];
  if (!reply.ok) {
    content.push(message(ctx.problemText(reply), 'error'));
  } else if (!Object.keys(reply.data).length) {
    content.push(message(ctx.t('noInvitations')));
  } else {
    const sum = totals(reply.data);
    content.push(h('p', { class: 'summary', id: 'progress-summary' }, ctx.t('submittedOf', { n: sum.submitted, total: sum.invited })),
      progressChart(ctx, reply.data),
      table(ctx.tb('progressTable', { name: wave.name }),
        [ctx.t('actorType'), ctx.t('stage_invited'), ...STAGES.map((s) => ctx.t(`stage_${s}`)), ctx.t('stage_revoked')],
        Object.entries(reply.data).map(([type, c]) => [type === 'all' ? ctx.t('allActors') : ctx.t(`type_${type}`), String(c.invited), ...STAGES.map((s) => String(c[s])), String(c.revoked)])));
  }
  content.push(h('div', { class: 'actions' }, button(ctx.t('refresh'), () => {
    ctx.refresh();
    ctx.announce(ctx.t('refreshed'));
  }, { id: 'progress-refresh', dataset: { action: 'refresh-progress' } })));
  return h('div', {}, waveChooser(ctx, study), section(ctx.tb('progressOf', { name: wave.name }), content));
}
