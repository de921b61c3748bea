/** Users, for admins: create, disable, set roles, reset a password (PATCH /api/users/{id}). */
import { h } from '../respond/dom.mjs';
import { get, post, patch } from './api.mjs';
import { field, checkboxes, form, showErrors, showProblem } from './forms.mjs';
import { message, pageHeading, section, table, typed } from './ui.mjs';

const ROLES = ['admin', 'agent', 'lead'];

function editForm(ctx, user) {
  const roles = checkboxes({ pointer: '/roles', legend: ctx.t('roles'), name: `roles-${user.id}`, choices: ROLES.map((r) => [r, ctx.t(`role_${r}`), user.roles.includes(r)]) });
  const enabled = field({ pointer: '/enabled', label: ctx.t('enabled'), kind: 'checkbox', value: user.enabled });
  const password = field({ pointer: '/password', label: ctx.t('newPassword'), kind: 'password', autocomplete: 'new-password', hint: ctx.t('resetPasswordHint') });
  return form({
    id: `user-${user.id}`, label: ctx.t('changeUser', { name: user.displayName }), submitLabel: ctx.t('saveUser'), kind: 'secondary',
    children: [roles.wrapper, enabled.wrapper, password.wrapper],
    async submit(element) {
      if (!roles.values().length) {
        showErrors(ctx, element, { errors: [{ field: '/roles', message: ctx.t('chooseRole') }] });
        return;
      }
      const change = { roles: roles.values(), enabled: enabled.input.checked };
      if (password.input.value) change.password = password.input.value;
      const reply = await patch(`users/${user.id}`, change);
      if (!reply.ok) {
        showProblem(ctx, element, reply);
        return;
      }
      ctx.announce(ctx.t('userSaved', { name: user.displayName }));
      ctx.refresh();
    },
  });
}

export async function showUsers(ctx) {
  const reply = await get('users');
  const content = [pageHeading(ctx.t('usersTitle'))];
  if (!reply.ok) {
    content.push(message(ctx.problemText(reply), 'error'));
  } else {
    content.push(section(ctx.t('allUsers'), table(ctx.t('allUsers'), [ctx.t('userName'), ctx.t('email'), ctx.t('roles'), ctx.t('enabled'), ctx.t('actions')],
      reply.data.map((user) => [typed(user.displayName), typed(user.email), user.roles.map((r) => ctx.t(`role_${r}`)).join(', '),
        user.enabled ? ctx.t('yes') : ctx.t('no'),
        h('details', { class: 'edit' }, h('summary', {}, ctx.tb('changeUser', { name: user.displayName })), editForm(ctx, user))]), { captionHidden: true })));
  }
  const email = field({ pointer: '/email', label: ctx.t('email'), kind: 'email', required: true, autocomplete: 'off' });
  const name = field({ pointer: '/displayName', label: ctx.t('userName'), required: true, autocomplete: 'off' });
  const password = field({ pointer: '/password', label: ctx.t('firstPassword'), kind: 'password', required: true, autocomplete: 'new-password', hint: ctx.t('passwordHint') });
  const roles = checkboxes({ pointer: '/roles', legend: ctx.t('roles'), name: 'new-roles', choices: ROLES.map((r) => [r, ctx.t(`role_${r}`), r === 'agent']) });
  content.push(section(ctx.t('newUser'), form({
    id: 'new-user', label: ctx.t('newUser'), submitLabel: ctx.t('createUser'),
    children: [email.wrapper, name.wrapper, password.wrapper, roles.wrapper],
    async submit(element) {
      const reply = await post('users', { email: email.input.value.trim(), displayName: name.input.value.trim(), password: password.input.value, roles: roles.values() });
      if (!reply.ok) {
        showProblem(ctx, element, reply);
        return;
      }
      ctx.announce(ctx.t('userCreated', { name: reply.data.displayName }));
      ctx.refresh();
    },
  })));
  return h('div', { class: 'users' }, content);
}
