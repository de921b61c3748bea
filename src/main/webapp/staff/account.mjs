/** My account: change my password, and API tokens for scripts (a new token is shown once). */
import { h, clear } from '../respond/dom.mjs';
import { get, post, put, remove, isMissing } from './api.mjs';
import { field, form, showErrors, showProblem, clearErrors } from './forms.mjs';
import { button, copyableLink, formatTime, message, pageHeading, section, table, typed } from './ui.mjs';

function passwordForm(ctx) {
  const current = field({ pointer: '/currentPassword', label: ctx.t('currentPassword'), kind: 'password', autocomplete: 'current-password', required: true });
  const next = field({ pointer: '/newPassword', label: ctx.t('newPassword'), kind: 'password', autocomplete: 'new-password', required: true, hint: ctx.t('passwordHint') });
  const done = h('div', { id: 'password-done' });
  return [form({
    id: 'change-password', label: ctx.t('changePassword'), submitLabel: ctx.t('changePassword'),
    children: [current.wrapper, next.wrapper],
    async submit(element) {
      clear(done);
      const reply = await put('session/password', { currentPassword: current.input.value, newPassword: next.input.value });
      if (!reply.ok) {
        if (isMissing(reply)) showErrors(ctx, element, { text: ctx.t('notYetOnServer') });
        else showProblem(ctx, element, reply);
        return;
      }
      clearErrors(element);
      element.reset();
      done.append(message(ctx.t('passwordChanged'), 'ok'));
      ctx.announce(ctx.t('passwordChanged'));
    },
  }), done];
}

async function tokensPanel(ctx) {
  const first = await get('tokens');
  if (isMissing(first)) return section(ctx.t('apiTokens'), message(ctx.t('tokensNotYet')));
  const list = h('div', { id: 'token-list' });
  const created = h('div', { id: 'new-token' });

  async function load(reply) {
    const answer = reply ?? await get('tokens');
    clear(list);
    if (!answer.ok) list.append(message(ctx.problemText(answer), 'error'));
    else if (!answer.data.length) list.append(message(ctx.t('noTokens')));
    else {
      list.append(table(ctx.t('apiTokens'), [ctx.t('tokenName'), ctx.t('createdAt'), ctx.t('expiresAt'), ctx.t('lastUsedAt'), ctx.t('actions')],
        answer.data.map((token) => [typed(token.name), formatTime(ctx.language, token.createdAt),
          token.expiresAt ? formatTime(ctx.language, token.expiresAt) : ctx.t('never'),
          token.lastUsedAt ? formatTime(ctx.language, token.lastUsedAt) : ctx.t('never'),
          button(ctx.t('revokeToken'), async () => {
            const revoked = await remove(`tokens/${token.id}`);
            ctx.announce(revoked.ok ? ctx.t('tokenRevoked', { name: token.name }) : ctx.problemText(revoked));
            if (revoked.ok) {
              await load();
              document.getElementById('token-list').querySelector('button')?.focus();
            }
          }, { 'aria-label': ctx.t('revokeTokenNamed', { name: token.name }) })]), { captionHidden: true }));
    }
  }

  await load(first);
  const name = field({ pointer: '/name', label: ctx.t('tokenName'), required: true, autocomplete: 'off' });
  const expires = field({ pointer: '/expiresAt', label: ctx.t('expiresOn'), kind: 'date', hint: ctx.t('expiresHint') });
  return section(ctx.t('apiTokens'), h('p', { class: 'muted' }, ctx.t('tokensIntro')), list,
    h('h3', {}, ctx.t('newToken')), created, form({
      id: 'new-token-form', label: ctx.t('newToken'), submitLabel: ctx.t('createToken'),
      children: [name.wrapper, expires.wrapper],
      async submit(element) {
        const body = { name: name.input.value.trim() };
        if (expires.input.value) body.expiresAt = `${expires.input.value}T23:59:59Z`;
        const answer = await post('tokens', body);
        if (!answer.ok) {
          showProblem(ctx, element, answer);
          return;
        }
        clearErrors(element);
        element.reset();
        await load();
        clear(created).append(h('div', { class: 'message ok' },
          h('p', {}, ctx.t('tokenShownOnce')), copyableLink(ctx, ctx.tb('tokenValue', { name: answer.data.name }), answer.data.token)));
        created.querySelector('input')?.focus();
        ctx.announce(ctx.t('tokenCreated'));
      },
    }));
}

export async function showAccount(ctx) {
  return h('div', { class: 'account' },
    pageHeading(ctx.t('accountTitle')),
    h('p', { class: 'muted' }, typed(ctx.me.displayName), ' · ', typed(ctx.me.email)),
    section(ctx.t('changePassword'), passwordForm(ctx)),
    await tokensPanel(ctx));
}
