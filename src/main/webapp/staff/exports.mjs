/**
 * The export choices of a wave: which file, choice values or their wording (and in which language),
 * multiple choice as one 0/1 column per choice or one column. The link is the download itself: the
 * server streams the file, so it starts at once whatever the size.
 */
import { h } from '../respond/dom.mjs';
import { apiAddress } from './api.mjs';
import { field } from './forms.mjs';
import { section } from './ui.mjs';

export function exportAddress(study, wave, { format, choices, language, multiple }) {
  const query = new URLSearchParams({ choices, multiple });
  if (choices === 'labels' && language) query.set('lang', language);
  return apiAddress(`studies/${study.id}/waves/${wave.id}/export.${format}?${query}`);
}

export function exportChoices(ctx, study, wave) {
  const format = field({
    label: ctx.t('exportFormat'), kind: 'select', value: 'xlsx', name: 'format', hint: ctx.t('exportFormatHint'),
    options: [['xlsx', ctx.t('exportXlsx')], ['csv', ctx.t('exportCsv')], ['zip', ctx.t('exportZip')]],
  });
  const choices = field({
    label: ctx.t('exportChoices'), kind: 'select', value: 'values', name: 'choices',
    options: [['values', ctx.t('exportValues')], ['labels', ctx.t('exportLabels')]],
  });
  const languages = study.languages?.length ? study.languages : [ctx.language];
  const language = field({
    label: ctx.t('exportLanguage'), kind: 'select', name: 'lang',
    value: languages.includes(ctx.language) ? ctx.language : languages[0],
    options: languages.map((code) => [code, ctx.t(`language_${code}`)]),
  });
  const multiple = field({
    label: ctx.t('exportMultiple'), kind: 'select', value: 'columns', name: 'multiple',
    options: [['columns', ctx.t('exportColumns')], ['joined', ctx.t('exportJoined')]],
  });
  const link = h('a', { id: 'export-download', class: 'download', download: '' }, ctx.t('exportDownload'));
  const update = () => {
    language.wrapper.hidden = choices.input.value !== 'labels';
    link.href = exportAddress(study, wave, {
      format: format.input.value, choices: choices.input.value, language: language.input.value, multiple: multiple.input.value,
    });
  };
  [format, choices, language, multiple].forEach((f) => f.input.addEventListener('change', update));
  update();
  return section(ctx.tb('exportOf', { name: wave.name }),
    h('div', { class: 'form export-choices', id: 'export-choices' }, format.wrapper, choices.wrapper, language.wrapper,
      multiple.wrapper, h('p', { class: 'hint' }, ctx.t(study.myRole === 'lead' && !study.leadsSeeIdentities ? 'exportPseudonymised' : 'exportIdentified')),
      h('p', {}, link)));
}
