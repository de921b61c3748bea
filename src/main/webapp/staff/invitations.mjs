/**
 * A wave's invitations: issue them for all or some actors, copy a link (only known right after
 * issuing or reissuing: the server keeps hashes), send emails, revoke, reissue, remind.
 */
import { h, clear } from '../respond/dom.mjs';
import { get, post, absolute } from './api.mjs';
import { field, checkboxes, form, showErrors, showProblem } from './forms.mjs';
import { button, copyableLink, formatTime, message, section, table, typed } from './ui.mjs';
import { currentWave, waveChooser } from './study.mjs';

function remember(ctx, invitations) {
  for (const invitation of invitations) {
    if (invitation.link) ctx.links.set(invitation.invitationId, invitation.link);
  }
}

function emailCell(ctx, invitation) {
  if (!invitation.emailStatus) return h('span', { class: 'muted' }, ctx.t('noEmail'));
  return [h('span', { class: `badge email-${invitation.emailStatus}` }, ctx.t(`email_${invitation.emailStatus}`)),
    invitation.lastSentAt ? h('span', { class: 'muted' }, ` ${formatTime(ctx.language, invitation.lastSentAt)}`) : null,
    invitation.emailError ? h('span', { class: 'error-text' }, ' ', typed(invitation.emailError)) : null];
}

export async function showInvitations(ctx, study) {
  const wave = currentWave(ctx, study);
  if (!wave) return section(ctx.t('tab_invitations'), message(ctx.t('createWaveFirst')));
  const runs = ctx.runs(study);
  const list = h('div', { id: 'invitation-list' });

  async function load(note) {
    const reply = await get(`studies/${study.id}/waves/${wave.id}/invitations`);
    clear(list);
    if (!reply.ok) {
      list.append(message(ctx.problemText(reply), 'error'));
      return;
    }
    if (note) {
      const shown = message(note, 'ok');
      list.append(shown);
      ctx.announce(shown.textContent);
    }
    if (!reply.data.length) {
      list.append(message(ctx.t('noInvitations')));
      return;
    }
    const act = (invitation, path, key, doneKey) => button(ctx.t(key), async () => {
      const answer = await post(`invitations/${invitation.invitationId}/${path}`);
      if (!answer.ok) {
        ctx.announce(ctx.problemText(answer));
        return;
      }
      remember(ctx, [answer.data]);
      await load(ctx.tb(doneKey, { name: answer.data.actorName }));
      list.querySelector(`[data-invitation="${invitation.invitationId}"] [data-action="copy"]`)?.focus();
    }, { 'aria-label': ctx.t(`${key}Named`, { name: invitation.actorName }), dataset: { action: path } });
    const columns = [ctx.t('actorName'), ctx.t('actorType'), ctx.t('status'), ctx.t('emailColumn'), ctx.t('linkColumn')];
    if (runs) columns.push(ctx.t('actions'));
    const rows = reply.data.map((invitation) => {
      const link = ctx.links.get(invitation.invitationId);
      const cells = [typed(invitation.actorName), ctx.t(`type_${invitation.actorType}`),
        h('span', { class: `badge status-${invitation.status}` }, ctx.t(`status_${invitation.status}`)),
        emailCell(ctx, invitation),
        link ? copyableLink(ctx, ctx.tb('linkFor', { name: invitation.actorName }), absolute(link), { labelHidden: true }) : h('span', { class: 'muted' }, ctx.t('linkHidden'))];
      if (runs) {
        const live = invitation.status !== 'revoked' && invitation.status !== 'submitted';
        cells.push(h('div', { class: 'row-actions' },
          live ? act(invitation, 'revocation', 'revoke', 'revoked') : null,
          invitation.status !== 'submitted' ? act(invitation, 'reissue', 'reissue', 'reissued') : null,
          live ? act(invitation, 'reminder', 'remind', 'reminded') : null));
      }
      return cells;
    });
    const built = table(ctx.tb('invitationsOf', { name: wave.name }), columns, rows, { captionHidden: true });
    built.querySelectorAll('tbody tr').forEach((row, i) => { row.dataset.invitation = reply.data[i].invitationId; });
    list.append(built);
  }

  let issuing = null;
  if (runs) {
    const actors = await get(`studies/${study.id}/actors`);
    const send = field({ pointer: '/send', label: ctx.t('sendEmails'), kind: 'checkbox', hint: ctx.t('sendEmailsHint') });
    const chosen = actors.ok && actors.data.length
      ? checkboxes({ pointer: '/actorIds', legend: ctx.t('chooseActors'), name: 'actor', choices: actors.data.map((a) => [String(a.id), typed(a.name), false]) })
      : null;
    const issue = async (element, actorIds) => {
      const reply = await post(`studies/${study.id}/waves/${wave.id}/invitations`, { actorIds, send: send.input.checked });
      if (!reply.ok) {
        showProblem(ctx, element, reply);
        return;
      }
      remember(ctx, reply.data);
      await load(ctx.t('issued', { n: reply.data.length }));
      list.querySelector('[data-action="copy"]')?.focus();
    };
    issuing = section(ctx.t('issueInvitations'),
      h('p', { class: 'muted' }, ctx.t('issueIntro')),
      send.wrapper,
      form({
        id: 'invite-all', label: ctx.t('inviteAll'), submitLabel: ctx.t('inviteAll'),
        children: [],
        submit: (element) => issue(element, undefined),
      }),
      chosen ? h('details', { class: 'edit' }, h('summary', {}, ctx.t('inviteSome')), form({
        id: 'invite-some', label: ctx.t('inviteSome'), submitLabel: ctx.t('inviteChosen'), kind: 'secondary',
        children: [chosen.wrapper],
        async submit(element) {
          const ids = chosen.values().map(Number);
          if (!ids.length) {
            showErrors(ctx, element, { errors: [{ field: '/actorIds', message: ctx.t('chooseOneActor') }] });
            return;
          }
          await issue(element, ids);
        },
      })) : null);
  }
  await load();
  return h('div', { class: 'invitations' }, waveChooser(ctx, study), issuing,
    section(ctx.tb('invitationsOf', { name: wave.name }), list));
}
