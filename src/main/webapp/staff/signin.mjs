/** The sign-in page: email and password, a session cookie and a CSRF token in return. */
import { h } from '../respond/dom.mjs';
import { call } from './api.mjs';
import { field, form, showErrors } from './forms.mjs';
import { pageHeading } from './ui.mjs';

export function showSignIn(ctx, signedIn) {
  const email = field({ pointer: '/email', label: ctx.t('email'), kind: 'email', autocomplete: 'username', required: true });
  const password = field({ pointer: '/password', label: ctx.t('password'), kind: 'password', autocomplete: 'current-password', required: true });
  const signIn = form({
    id: 'sign-in',
    label: ctx.t('signIn'),
    submitLabel: ctx.t('signIn'),
    children: [email.wrapper, password.wrapper],
    async submit(element) {
      const missing = [];
      if (!email.input.value.trim()) missing.push({ field: '/email', message: ctx.t('enterEmail') });
      if (!password.input.value) missing.push({ field: '/password', message: ctx.t('enterPassword') });
      if (missing.length) {
        showErrors(ctx, element, { errors: missing });
        return;
      }
      ctx.announce(ctx.t('signingIn'));
      const reply = await call('POST', 'session', { email: email.input.value.trim(), password: password.input.value });
      if (reply.ok) {
        signedIn(reply.data);
        return;
      }
      password.input.value = '';
      if (reply.status === 401) showErrors(ctx, element, { text: ctx.t('wrongPassword') });
      else if (reply.status === 429) showErrors(ctx, element, { text: ctx.t('tooManyTries', { n: reply.retryAfter ?? '?' }) });
      else showErrors(ctx, element, { text: ctx.problemText(reply), errors: reply.problem?.errors ?? [] });
    },
  });
  return h('div', { class: 'sign-in' },
    pageHeading(ctx.t('signInTitle')),
    h('p', { class: 'lead' }, ctx.t('signInIntro')),
    signIn);
}
