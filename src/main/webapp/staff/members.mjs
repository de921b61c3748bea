/** A study's members: who is an agent or a lead of it; its agents and admins change that. */
import { h } from '../respond/dom.mjs';
import { get, post, put, remove, isMissing } from './api.mjs';
import { field, form, showProblem } from './forms.mjs';
import { button, message, section, table, typed } from './ui.mjs';

const ROLES = ['agent', 'lead'];

export async function showMembers(ctx, study) {
  const reply = await get(`studies/${study.id}/members`);
  if (isMissing(reply)) return section(ctx.t('tab_members'), message(ctx.t('membersNotYet')));
  if (!reply.ok) return section(ctx.t('tab_members'), message(ctx.problemText(reply), 'error'));
  const runs = ctx.runs(study);
  const columns = [ctx.t('userName'), ctx.t('email'), ctx.t('roleColumn')];
  if (runs) columns.push(ctx.t('actions'));
  const rows = reply.data.map((member) => {
    const cells = [typed(member.displayName), typed(member.email)];
    if (!runs) return [...cells, ctx.t(`role_${member.role}`)];
    const role = field({ label: ctx.tb('roleOf', { name: member.displayName }), kind: 'select', value: member.role, options: ROLES.map((r) => [r, ctx.t(`role_${r}`)]) });
    role.wrapper.classList.add('compact');
    const change = form({
      id: `member-${member.userId}`, label: ctx.t('roleOf', { name: member.displayName }), submitLabel: ctx.t('saveRole'), kind: 'secondary',
      children: [role.wrapper],
      async submit(element) {
        const answer = await put(`studies/${study.id}/members/${member.userId}`, { role: role.input.value });
        if (!answer.ok) {
          showProblem(ctx, element, answer);
          return;
        }
        ctx.announce(ctx.t('roleSaved', { name: member.displayName }));
        ctx.refresh();
      },
    });
    return [...cells, change, button(ctx.t('removeMember'), async () => {
      const answer = await remove(`studies/${study.id}/members/${member.userId}`);
      ctx.announce(answer.ok ? ctx.t('memberRemoved', { name: member.displayName }) : ctx.problemText(answer));
      if (answer.ok) ctx.refresh();
    }, { 'aria-label': ctx.t('removeMemberNamed', { name: member.displayName }) })];
  });
  const content = [table(ctx.t('tab_members'), columns, rows, { captionHidden: true })];
  if (runs) {
    const email = field({ pointer: '/email', label: ctx.t('email'), kind: 'email', required: true });
    const role = field({ pointer: '/role', label: ctx.t('roleColumn'), kind: 'select', value: 'lead', options: ROLES.map((r) => [r, ctx.t(`role_${r}`)]) });
    content.push(h('h3', {}, ctx.t('addMember')), form({
      id: 'add-member', label: ctx.t('addMember'), submitLabel: ctx.t('addMember'),
      children: [email.wrapper, role.wrapper],
      async submit(element) {
        const answer = await post(`studies/${study.id}/members`, { email: email.input.value.trim(), role: role.input.value });
        if (!answer.ok) {
          showProblem(ctx, element, answer);
          return;
        }
        ctx.announce(ctx.t('memberAdded', { name: answer.data.displayName ?? answer.data.email }));
        ctx.refresh();
      },
    }));
  }
  return section(ctx.t('tab_members'), content);
}
