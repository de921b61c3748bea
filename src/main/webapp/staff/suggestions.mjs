/**
 * Themes proposed for answers nobody coded, learnt from the study's hand coding: each answer as
 * typed with the themes suggested for it and their confidence, to accept (code the answer into the
 * theme) or reject (code it out) one by one, or every one shown above a confidence at once.
 */
import { h, clear } from '../respond/dom.mjs';
import { get, post, put, remove } from './api.mjs';
import { field, form, showProblem, clearErrors } from './forms.mjs';
import { button, message, section, typed } from './ui.mjs';

const PAGE_SIZE = 20;
const DEFAULT_THRESHOLD = 80;

export function suggestionsPath(studyId, { theme, minConfidence, page = 1, size = PAGE_SIZE } = {}) {
  const parameters = new URLSearchParams({ page: String(page), size: String(size) });
  if (theme) parameters.set('theme', String(theme));
  if (minConfidence !== undefined && minConfidence !== null) parameters.set('minConfidence', String(minConfidence));
  return `studies/${studyId}/themes/suggestions?${parameters}`;
}

/** A confidence from 0 to 1 as a whole percentage. */
export function confidencePercent(confidence) {
  return String(Math.round(confidence * 100));
}

/** Every suggestion shown whose confidence is above {@code threshold} per cent, as decisions to accept. */
export function acceptancesAbove(answers, threshold) {
  return answers.flatMap((answer) => answer.suggestions
    .filter((s) => s.confidence * 100 > threshold)
    .map((s) => ({ answerKey: answer.hit.answerKey, themeId: s.themeId, accept: true })));
}

/** The path that codes one answer into a theme (PUT) or out of it (DELETE). */
export function handCodePath(studyId, themeId, answerKey) {
  return `studies/${studyId}/themes/${themeId}/answers/${encodeURIComponent(answerKey)}`;
}

function who(hit) {
  return hit.actorName ?? hit.pseudonym;
}

export function suggestionsPanel(ctx, study, decided = async () => {}) {
  const status = h('p', { class: 'suggestions-status', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'suggestion-results' });
  let shown = [];

  function say(text, kind = 'info') {
    clear(status);
    status.append(message(text, kind));
    ctx.announce(text);
  }

  async function decideOne(answer, suggestion, accept) {
    const path = handCodePath(study.id, suggestion.themeId, answer.hit.answerKey);
    const reply = accept ? await put(path) : await remove(path);
    if (!reply.ok) {
      say(ctx.problemText(reply), 'error');
      return;
    }
    await load();
    say(ctx.t(accept ? 'suggestionAccepted' : 'suggestionRejected', { theme: suggestion.theme }));
    await decided();
  }

  function suggestionView(answer, suggestion, answerId) {
    const percent = confidencePercent(suggestion.confidence);
    const named = { theme: suggestion.theme, percent };
    return h('li', { class: 'suggestion', dataset: { themeId: String(suggestion.themeId), answerKey: answer.hit.answerKey } },
      h('span', { class: 'suggested-theme' }, ctx.t('suggestedTheme', named)),
      button(ctx.t('acceptSuggestion'), () => decideOne(answer, suggestion, true), {
        'aria-label': ctx.t('acceptSuggestionNamed', named), 'aria-describedby': answerId, dataset: { action: 'accept' },
      }),
      button(ctx.t('rejectSuggestion'), () => decideOne(answer, suggestion, false), {
        'aria-label': ctx.t('rejectSuggestionNamed', named), 'aria-describedby': answerId, dataset: { action: 'reject' },
      }));
  }

  function answerView(answer, index) {
    const { hit } = answer;
    const answerId = `suggested-answer-${index}`;
    const person = who(hit);
    return h('li', { class: 'suggested-answer', dataset: { answerKey: hit.answerKey } },
      h('blockquote', { id: answerId }, typed(hit.answer)),
      h('p', { class: 'muted' }, typed(hit.question), person
        ? [' · ', h('a', { href: `#/responses/${hit.responseId}` }, typed(person))] : null),
      h('ul', { class: 'suggestions', 'aria-label': ctx.t('suggestionsFor', { n: index + 1 }) },
        answer.suggestions.map((s) => suggestionView(answer, s, answerId))));
  }

  async function load() {
    const reply = await get(suggestionsPath(study.id));
    clear(results);
    if (!reply.ok) {
      results.append(message(ctx.problemText(reply), 'error'));
      return false;
    }
    const page = reply.data;
    shown = page.answers;
    results.append(h('p', { class: 'count', id: 'suggestions-count' },
      ctx.t('suggestionsLearnt', { n: page.learntFrom, answers: page.total })));
    if (page.tooFewExamples.length) {
      results.append(h('p', { class: 'muted' }, ctx.t('suggestionsTooFew'), ' ',
        page.tooFewExamples.map((t, i) => [i ? ', ' : '', typed(t.name), ` (${t.examples})`])));
    }
    if (!page.complete) results.append(message(ctx.t('indexCatchingUp')));
    if (shown.length) results.append(h('ol', { class: 'suggested-answers' }, shown.map(answerView)));
    else results.append(message(ctx.t('noSuggestions')));
    return true;
  }

  const threshold = field({ pointer: 'threshold', label: ctx.t('suggestionThreshold'), kind: 'number', value: DEFAULT_THRESHOLD, min: 0 });
  threshold.input.max = '100';
  threshold.input.step = '1';
  const bulk = form({
    id: 'accept-suggestions', label: ctx.t('acceptAllAbove', { n: DEFAULT_THRESHOLD }),
    submitLabel: ctx.t('acceptAllAbove', { n: DEFAULT_THRESHOLD }), kind: 'secondary',
    children: [threshold.wrapper],
    async submit(element) {
      clearErrors(element);
      const n = Number(threshold.input.value);
      if (threshold.input.value === '' || !(n >= 0 && n <= 100)) {
        showProblem(ctx, element, { problem: { errors: [{ field: 'threshold', message: ctx.t('suggestionThresholdHint') }] } });
        return;
      }
      const decisions = acceptancesAbove(shown, n);
      if (!decisions.length) {
        say(ctx.t('noneAbove', { n }));
        return;
      }
      const reply = await post(`studies/${study.id}/themes/suggestions/decisions`, { decisions });
      if (!reply.ok) {
        showProblem(ctx, element, reply);
        return;
      }
      await load();
      say(ctx.t('suggestionsAccepted', { n: reply.data.accepted }));
      await decided();
    },
  });
  const submitButton = bulk.querySelector('button[type="submit"]');
  threshold.input.addEventListener('input', () => {
    const label = ctx.t('acceptAllAbove', { n: threshold.input.value || '…' });
    submitButton.textContent = label;
    bulk.setAttribute('aria-label', label);
  });

  const show = button(ctx.t('showSuggestions'), async () => {
    if (await load()) ctx.announce(results.querySelector('#suggestions-count')?.textContent ?? '');
  }, { dataset: { action: 'show-suggestions' } });
  return section(ctx.t('suggestions'), h('p', { class: 'hint' }, ctx.t('suggestionsIntro')), show, bulk, status, results);
}
