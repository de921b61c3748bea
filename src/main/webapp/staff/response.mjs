/**
 * Submitted responses of a wave and one response's answers, as the caller's role allows: leads get
 * a pseudonym where agents get the actor's name (the server decides; the page shows what it gets).
 */
import { h } from '../respond/dom.mjs';
import { get } from './api.mjs';
import { exportChoices } from './exports.mjs';
import { formatTime, message, pageHeading, section, table, typed } from './ui.mjs';
import { currentWave, waveChooser } from './study.mjs';

/** Who answered, as far as the caller may know. */
export function respondent(response) {
  return response.actorName ?? response.pseudonym ?? `#${response.actorId ?? response.id}`;
}

export async function showResponses(ctx, study) {
  const wave = currentWave(ctx, study);
  if (!wave) return section(ctx.t('tab_responses'), message(ctx.t('createWaveFirst')));
  const reply = await get(`studies/${study.id}/waves/${wave.id}/responses`);
  const content = [];
  if (!reply.ok) {
    content.push(message(ctx.problemText(reply), 'error'));
  } else if (!reply.data.length) {
    content.push(message(ctx.t('noResponses')));
  } else {
    content.push(h('p', { class: 'count', id: 'responses-count' }, ctx.t('responsesCount', { n: reply.data.length })),
      table(ctx.tb('responsesOf', { name: wave.name }), [ctx.t('respondent'), ctx.t('actorType'), ctx.t('submittedAt'), ctx.t('languageColumn'), ctx.t('questionnaire')],
        reply.data.map((r) => [
          h('a', { href: `#/responses/${r.id}`, dataset: { responseId: r.id } }, typed(respondent(r))),
          ctx.t(`type_${r.actorType}`), formatTime(ctx.language, r.submittedAt), r.language ?? '', `${r.templateId} v${r.templateVersion}`,
        ]), { captionHidden: true }));
  }
  return h('div', {}, waveChooser(ctx, study), section(ctx.tb('responsesOf', { name: wave.name }), content),
    exportChoices(ctx, study, wave));
}

/** Question name → label in the page's language, from the template version the response answered. */
function labels(content, language) {
  const found = new Map();
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      if (typeof node.name === 'string' && node.label) {
        const label = typeof node.label === 'string' ? node.label : node.label[language] ?? node.label.en ?? Object.values(node.label)[0];
        if (label && !found.has(node.name)) found.set(node.name, label);
      }
      Object.values(node).forEach(visit);
    }
  };
  visit(content);
  return found;
}

function valueOf(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.every((v) => typeof v !== 'object') ? value.join(', ') : JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export async function showResponse(ctx, responseId) {
  const reply = await get(`responses/${encodeURIComponent(responseId)}`);
  if (!reply.ok) {
    return h('div', {}, pageHeading(ctx.t('responseNotFound')), message(ctx.problemText(reply), 'error'), h('p', {}, h('a', { href: '#/' }, ctx.t('backToStudies'))));
  }
  const response = reply.data;
  const template = await get(`templates/${encodeURIComponent(response.templateId)}/versions/${response.templateVersion}`);
  const names = template.ok ? labels(template.data.content, ctx.language) : new Map();
  const answers = Object.entries(response.answers ?? {});
  return h('div', { class: 'response' },
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/studies/${response.studyId}/responses` }, ctx.t('backToResponses'))),
    pageHeading(ctx.tb('responseOf', { name: respondent(response) })),
    h('dl', { class: 'facts' },
      h('dt', {}, ctx.t('actorType')), h('dd', {}, ctx.t(`type_${response.actorType}`)),
      h('dt', {}, ctx.t('submittedAt')), h('dd', {}, formatTime(ctx.language, response.submittedAt)),
      h('dt', {}, ctx.t('questionnaire')), h('dd', {}, `${response.templateId} v${response.templateVersion}`),
      response.pseudonym ? [h('dt', {}, ctx.t('pseudonym')), h('dd', {}, typed(response.pseudonym))] : null),
    response.pseudonym && !response.actorName ? message(ctx.t('pseudonymised')) : null,
    section(ctx.t('answers'), answers.length
      ? h('dl', { class: 'answers' }, answers.map(([name, value]) => [
        h('dt', {}, names.has(name) ? typed(names.get(name)) : typed(name), names.has(name) ? h('span', { class: 'muted' }, ' (', typed(name), ')') : null),
        h('dd', {}, typed(valueOf(value)))]))
      : message(ctx.t('noAnswers'))));
}
