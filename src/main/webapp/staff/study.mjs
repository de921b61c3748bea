/**
 * A study's page: a heading, its sub-pages (#/studies/{id}/{tab}) and the overview: waves,
 * the questionnaire of each actor type, the open link and the study's settings.
 */
import { h } from '../respond/dom.mjs';
import { get, post, put, isMissing, absolute, apiAddress } from './api.mjs';
import { field, form, showErrors, showProblem } from './forms.mjs';
import { button, copyableLink, formatDate, message, pageHeading, section, table, typed } from './ui.mjs';
import { showRegister } from './register.mjs';
import { showInvitations } from './invitations.mjs';
import { showProgress } from './chart.mjs';
import { showResponses } from './response.mjs';
import { showMembers } from './members.mjs';
import { showThemes } from './themes.mjs';

export const ACTOR_TYPES = ['firm', 'institution', 'other'];
const TABS = ['overview', 'register', 'invitations', 'progress', 'responses', 'themes', 'members'];
/** Who was invited and who answered is fieldwork: leads have no invitations tab (the server refuses it too). */
const FIELDWORK_TABS = ['invitations'];

function tabsOf(ctx, study) {
  return ctx.runs(study) ? TABS : TABS.filter((tab) => !FIELDWORK_TABS.includes(tab));
}

/** The wave the sub-pages show: the one chosen last on this page, else the latest. */
export function currentWave(ctx, study) {
  const chosen = ctx.waves.get(study.id);
  return study.waves.find((w) => w.id === chosen) ?? study.waves[study.waves.length - 1] ?? null;
}

/** A wave chooser for the sub-pages that are about one wave. */
export function waveChooser(ctx, study) {
  if (study.waves.length < 2) return null;
  const wave = currentWave(ctx, study);
  const chooser = field({
    label: ctx.t('wave'), kind: 'select', value: wave?.id,
    options: study.waves.map((w) => [w.id, w.name]),
  });
  chooser.input.id = 'wave-choice';
  chooser.wrapper.querySelector('label').htmlFor = 'wave-choice';
  chooser.input.addEventListener('change', () => {
    ctx.waves.set(study.id, Number(chooser.input.value));
    ctx.refresh();
  });
  chooser.wrapper.classList.add('wave-chooser');
  return chooser.wrapper;
}

function tabs(ctx, study, current) {
  return h('nav', { class: 'tabs', 'aria-label': ctx.t('studyNavigation') },
    h('ul', {}, tabsOf(ctx, study).map((tab) => h('li', {},
      h('a', { href: `#/studies/${study.id}/${tab}`, 'aria-current': tab === current ? 'page' : null, dataset: { tab } }, ctx.t(`tab_${tab}`))))));
}

function datesForm(ctx, study, wave) {
  const opens = field({ pointer: '/opensOn', label: ctx.t('opensOn'), kind: 'date', value: wave.opensOn, required: true });
  const closes = field({ pointer: '/closesOn', label: ctx.t('closesOn'), kind: 'date', value: wave.closesOn, required: true });
  return form({
    id: `wave-dates-${wave.id}`,
    label: ctx.t('moveDatesOf', { name: wave.name }),
    submitLabel: ctx.t('saveDates'),
    kind: 'secondary',
    children: [h('div', { class: 'two' }, opens.wrapper, closes.wrapper)],
    async submit(element) {
      const reply = await put(`studies/${study.id}/waves/${wave.id}`, { opensOn: opens.input.value || null, closesOn: closes.input.value || null });
      if (!reply.ok) {
        showProblem(ctx, element, reply);
        return;
      }
      ctx.announce(ctx.t('datesSaved', { name: wave.name }));
      ctx.refresh();
    },
  });
}

function wavesPanel(ctx, study) {
  const runs = ctx.runs(study);
  const rows = study.waves.map((wave) => [
    typed(wave.name),
    formatDate(ctx.language, wave.opensOn),
    formatDate(ctx.language, wave.closesOn),
    h('span', { class: `badge ${wave.collecting}` }, ctx.t(`collecting_${wave.collecting}`)),
  ]);
  const content = [];
  content.push(study.waves.length
    ? table(ctx.t('waves'), [ctx.t('waveName'), ctx.t('opensOn'), ctx.t('closesOn'), ctx.t('collecting')], rows, { captionHidden: true })
    : message(ctx.t('noWavesYet')));
  if (runs) {
    for (const wave of study.waves) {
      content.push(h('details', { class: 'edit' }, h('summary', {}, ctx.tb('moveDatesOf', { name: wave.name })), datesForm(ctx, study, wave)));
    }
    const name = field({ pointer: '/name', label: ctx.t('waveName'), required: true });
    const opens = field({ pointer: '/opensOn', label: ctx.t('opensOn'), kind: 'date', required: true });
    const closes = field({ pointer: '/closesOn', label: ctx.t('closesOn'), kind: 'date', required: true });
    content.push(h('h3', {}, ctx.t('newWave')), form({
      id: 'new-wave',
      label: ctx.t('newWave'),
      submitLabel: ctx.t('createWave'),
      children: [name.wrapper, h('div', { class: 'two' }, opens.wrapper, closes.wrapper)],
      async submit(element) {
        const reply = await post(`studies/${study.id}/waves`, { name: name.input.value.trim(), opensOn: opens.input.value || null, closesOn: closes.input.value || null });
        if (!reply.ok) {
          showProblem(ctx, element, reply);
          return;
        }
        ctx.waves.set(study.id, reply.data.id);
        ctx.announce(ctx.t('waveCreated', { name: reply.data.name }));
        ctx.refresh();
      },
    }));
  }
  return section(ctx.t('waves'), content);
}

function templatesPanel(ctx, study, templates) {
  const runs = ctx.runs(study);
  const published = (templates ?? []).filter((t) => t.status === 'published');
  const items = ACTOR_TYPES.map((type) => {
    const assigned = study.templates.find((t) => t.actorType === type);
    const current = assigned
      ? h('p', {}, typed(assigned.title), h('span', { class: 'muted' }, ` (${assigned.templateId}, ${ctx.t('version', { n: assigned.version })})`))
      : h('p', { class: 'muted' }, ctx.t('noTemplate'));
    if (!runs || !published.length) return h('li', {}, h('h3', {}, ctx.t(`type_${type}`)), current);
    const choice = field({
      pointer: '/templateId', label: ctx.t('templateFor', { type: ctx.t(`type_${type}`) }), kind: 'select',
      value: assigned ? `${assigned.templateId}@${assigned.version}` : '',
      options: [['', ctx.t('chooseTemplate')], ...published.map((t) => [`${t.id}@${t.version}`, `${t.title} (${t.id}, v${t.version})`])],
    });
    choice.input.dataset.actorType = type;
    return h('li', {}, h('h3', {}, ctx.t(`type_${type}`)), current, form({
      id: `template-${type}`,
      label: ctx.t('templateFor', { type: ctx.t(`type_${type}`) }),
      submitLabel: ctx.t('useTemplate'),
      kind: 'secondary',
      children: [choice.wrapper],
      async submit(element) {
        if (!choice.input.value) {
          showErrors(ctx, element, { errors: [{ field: '/templateId', message: ctx.t('chooseTemplateFirst') }] });
          return;
        }
        const [templateId, version] = choice.input.value.split('@');
        const reply = await put(`studies/${study.id}/templates/${type}`, { templateId, version: Number(version) });
        if (!reply.ok) {
          showProblem(ctx, element, reply);
          return;
        }
        ctx.announce(ctx.t('templateAssigned', { type: ctx.t(`type_${type}`) }));
        ctx.refresh();
      },
    }));
  });
  return section(ctx.t('questionnaires'), h('p', { class: 'muted' }, ctx.t('questionnairesIntro')), h('ul', { class: 'plain templates' }, items));
}

function openLinkPanel(ctx, study) {
  const link = ctx.openLinks.get(study.id);
  const content = [h('p', {}, study.openLink.enabled
    ? ctx.t('openLinkOn', { type: ctx.t(`type_${study.openLink.actorType}`) })
    : ctx.t('openLinkOff'))];
  const turnOn = async (actorType) => {
    const reply = await put(`studies/${study.id}/open-link`, { enabled: true, actorType });
    if (!reply.ok) return reply;
    ctx.openLinks.set(study.id, reply.data.link);
    ctx.announce(ctx.t('openLinkTurnedOn'));
    ctx.refresh();
    return reply;
  };
  if (study.openLink.enabled && link) {
    const token = link.slice(link.lastIndexOf('/') + 1);
    content.push(copyableLink(ctx, ctx.t('openLinkAddress'), absolute(link)),
      h('figure', { class: 'qr' },
        h('img', { src: apiAddress(`studies/${study.id}/open-link/qr.svg?token=${encodeURIComponent(token)}`), alt: ctx.t('qrAlt'), width: 240, height: 240, id: 'open-link-qr' }),
        h('figcaption', {}, ctx.t('qrCaption'))));
  } else if (study.openLink.enabled) {
    content.push(message(ctx.t('openLinkUnknown')));
  }
  if (!ctx.runs(study)) return section(ctx.t('openLink'), content);
  if (study.openLink.enabled) {
    content.push(h('div', { class: 'actions' },
      button(ctx.t('newOpenLink'), async (event) => {
        const reply = await turnOn(study.openLink.actorType);
        if (!reply.ok) ctx.announce(ctx.problemText(reply));
      }, { dataset: { action: 'new-open-link' } }),
      button(ctx.t('turnOffOpenLink'), async () => {
        const reply = await put(`studies/${study.id}/open-link`, { enabled: false });
        if (!reply.ok) {
          ctx.announce(ctx.problemText(reply));
          return;
        }
        ctx.openLinks.delete(study.id);
        ctx.announce(ctx.t('openLinkTurnedOff'));
        ctx.refresh();
      }, { dataset: { action: 'open-link-off' } })));
  } else {
    const type = field({ pointer: '/actorType', label: ctx.t('openLinkType'), kind: 'select', value: 'firm', options: ACTOR_TYPES.map((t) => [t, ctx.t(`type_${t}`)]) });
    content.push(form({
      id: 'open-link-on', label: ctx.t('turnOnOpenLink'), submitLabel: ctx.t('turnOnOpenLink'), kind: 'secondary',
      children: [type.wrapper],
      async submit(element) {
        const reply = await turnOn(type.input.value);
        if (!reply.ok) showProblem(ctx, element, reply);
      },
    }));
  }
  content.unshift(h('p', { class: 'muted' }, ctx.t('openLinkIntro')));
  return section(ctx.t('openLink'), content);
}

function settingsPanel(ctx, study) {
  if (!('leadsSeeIdentities' in study) || !ctx.runs(study)) return null;
  const leads = field({ pointer: '/leadsSeeIdentities', label: ctx.t('leadsSeeIdentities'), kind: 'checkbox', value: study.leadsSeeIdentities, hint: ctx.t('leadsSeeIdentitiesHint') });
  const strangers = field({ pointer: '/strangersSeeRegister', label: ctx.t('strangersSeeRegister'), kind: 'checkbox', value: study.strangersSeeRegister, hint: ctx.t('strangersSeeRegisterHint') });
  return section(ctx.t('settings'), form({
    id: 'settings', label: ctx.t('settings'), submitLabel: ctx.t('saveSettings'), kind: 'secondary',
    children: [leads.wrapper, strangers.wrapper],
    async submit(element) {
      const reply = await put(`studies/${study.id}/settings`, { leadsSeeIdentities: leads.input.checked, strangersSeeRegister: strangers.input.checked });
      if (!reply.ok) {
        showErrors(ctx, element, { text: isMissing(reply) ? ctx.t('notYetOnServer') : ctx.problemText(reply), errors: reply.problem?.errors ?? [] });
        return;
      }
      ctx.announce(ctx.t('settingsSaved'));
      ctx.refresh();
    },
  }));
}

async function overview(ctx, study) {
  const templates = ctx.runs(study) ? await get('templates') : { ok: false };
  return [wavesPanel(ctx, study), templatesPanel(ctx, study, templates.ok ? templates.data : []), openLinkPanel(ctx, study), settingsPanel(ctx, study)];
}

export async function showStudy(ctx, studyId, tab) {
  const reply = await get(`studies/${encodeURIComponent(studyId)}`);
  if (!reply.ok) {
    return h('div', {}, pageHeading(ctx.t('studyNotFound')), message(reply.status === 404 ? ctx.t('studyNotFoundDetail') : ctx.problemText(reply), 'error'),
      h('p', {}, h('a', { href: '#/' }, ctx.t('backToStudies'))));
  }
  const study = reply.data;
  const current = tabsOf(ctx, study).includes(tab) ? tab : 'overview';
  let body;
  if (current === 'register') body = await showRegister(ctx, study);
  else if (current === 'invitations') body = await showInvitations(ctx, study);
  else if (current === 'progress') body = await showProgress(ctx, study);
  else if (current === 'responses') body = await showResponses(ctx, study);
  else if (current === 'themes') body = await showThemes(ctx, study);
  else if (current === 'members') body = await showMembers(ctx, study);
  else body = await overview(ctx, study);
  const facts = [study.product, study.place].filter(Boolean).join(' · ');
  return h('div', { class: 'study', dataset: { studyId: study.id } },
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, ctx.t('navStudies'))),
    pageHeading(typed(study.name), h('span', { class: 'visually-hidden' }, ` – ${ctx.t(`tab_${current}`)}`)),
    h('p', { class: 'muted' }, facts ? typed(facts) : null, facts && study.myRole ? ' · ' : null,
      study.myRole ? ctx.t('yourRole', { role: ctx.t(`role_${study.myRole}`) }) : null),
    tabs(ctx, study, current),
    body);
}
