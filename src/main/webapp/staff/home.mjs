/** Home: the caller's studies with their waves and progress at a glance, and a new study form. */
import { h } from '../respond/dom.mjs';
import { get, post } from './api.mjs';
import { field, checkboxes, form, showErrors, showProblem } from './forms.mjs';
import { formatDate, message, pageHeading, section, typed } from './ui.mjs';
import { LANGUAGES } from './text.mjs';

/** A wave's counts over every actor type (the server's "all", else their sum). */
export function totals(progress) {
  if (progress?.all) return progress.all;
  const sum = { invited: 0, notOpened: 0, opened: 0, inProgress: 0, submitted: 0, revoked: 0 };
  for (const counts of Object.values(progress ?? {})) {
    for (const key of Object.keys(sum)) sum[key] += counts[key] ?? 0;
  }
  return sum;
}

function waveLine(ctx, study, wave, progress) {
  const sum = totals(progress);
  const share = sum.invited ? Math.round((100 * sum.submitted) / sum.invited) : 0;
  return h('li', { class: 'wave-line' },
    h('span', { class: 'wave-name' }, typed(wave.name)),
    h('span', { class: `badge ${wave.collecting}` }, ctx.t(`collecting_${wave.collecting}`)),
    h('span', { class: 'muted' }, ctx.t('waveDates', { from: formatDate(ctx.language, wave.opensOn), to: formatDate(ctx.language, wave.closesOn) })),
    progress
      ? h('span', { class: 'glance' },
        h('progress', { max: Math.max(1, sum.invited), value: sum.submitted, 'aria-label': ctx.t('submittedOf', { n: sum.submitted, total: sum.invited }) }),
        h('span', { dataset: { progress: `${study.id}-${wave.id}` } }, ctx.t('submittedOfShare', { n: sum.submitted, total: sum.invited, share })))
      : null);
}

function studyCard(ctx, study, progressByWave) {
  return h('li', { class: 'study-card', dataset: { studyId: study.id } },
    h('h3', {}, h('a', { href: `#/studies/${study.id}` }, typed(study.name))),
    h('p', { class: 'muted' },
      [study.product, study.place].filter(Boolean).length ? typed([study.product, study.place].filter(Boolean).join(' · ')) : null,
      study.myRole ? h('span', { class: 'role' }, `${study.product || study.place ? ' · ' : ''}${ctx.t(`role_${study.myRole}`)}`) : null),
    study.waves.length
      ? h('ul', { class: 'waves-glance', 'aria-label': ctx.t('wavesOf', { name: study.name }) },
        study.waves.map((wave) => waveLine(ctx, study, wave, progressByWave.get(wave.id))))
      : h('p', { class: 'muted' }, ctx.t('noWavesYet')));
}

function newStudyForm(ctx) {
  const name = field({ pointer: '/name', label: ctx.t('studyName'), required: true });
  const product = field({ pointer: '/product', label: ctx.t('studyProduct'), hint: ctx.t('studyProductHint') });
  const place = field({ pointer: '/place', label: ctx.t('studyPlace') });
  const languages = checkboxes({
    pointer: '/languages', legend: ctx.t('studyLanguages'), name: 'languages',
    choices: LANGUAGES.map((code) => [code, ctx.t(`language_${code}`), code === ctx.language]),
  });
  const defaultLanguage = field({
    pointer: '/defaultLanguage', label: ctx.t('studyDefaultLanguage'), kind: 'select', value: ctx.language,
    options: LANGUAGES.map((code) => [code, ctx.t(`language_${code}`)]),
  });
  const k = field({ pointer: '/k', label: ctx.t('studyK'), kind: 'number', value: 5, min: 1, hint: ctx.t('studyKHint') });
  return form({
    id: 'new-study',
    label: ctx.t('newStudy'),
    submitLabel: ctx.t('createStudy'),
    children: [name.wrapper, product.wrapper, place.wrapper, languages.wrapper, defaultLanguage.wrapper, k.wrapper],
    async submit(element) {
      if (!name.input.value.trim()) {
        showErrors(ctx, element, { errors: [{ field: '/name', message: ctx.t('enterStudyName') }] });
        return;
      }
      const reply = await post('studies', {
        name: name.input.value.trim(),
        product: product.input.value.trim() || null,
        place: place.input.value.trim() || null,
        languages: languages.values(),
        defaultLanguage: defaultLanguage.input.value,
        k: k.input.value === '' ? null : Number(k.input.value),
      });
      if (!reply.ok) {
        showProblem(ctx, element, reply);
        return;
      }
      ctx.announce(ctx.t('studyCreated', { name: reply.data.name }));
      ctx.go(`#/studies/${reply.data.id}`);
    },
  });
}

export async function showHome(ctx) {
  const reply = await get('studies');
  const content = [pageHeading(ctx.t('myStudies'))];
  if (!reply.ok) {
    content.push(message(ctx.problemText(reply), 'error'));
  } else if (!reply.data.length) {
    content.push(message(ctx.t('noStudies')));
  } else {
    const progressByWave = new Map();
    await Promise.all(reply.data.flatMap((study) => study.waves.map(async (wave) => {
      const progress = await get(`studies/${study.id}/waves/${wave.id}/progress`);
      if (progress.ok) progressByWave.set(wave.id, progress.data);
    })));
    content.push(h('ul', { class: 'studies' }, reply.data.map((study) => studyCard(ctx, study, progressByWave))));
  }
  if (ctx.me.roles.some((r) => r === 'agent' || r === 'admin')) {
    content.push(section(ctx.t('newStudy'), newStudyForm(ctx)));
  }
  return h('div', { class: 'home' }, content);
}
