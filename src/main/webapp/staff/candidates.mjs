/**
 * Candidate themes of a slice of a study's answers: each theme's label, size, phrases (with their
 * counts and G²) and quotes as typed, and one press to add it to the codebook with the query it
 * comes with. Nothing is computed until asked for: the server reads every answer of the study.
 */
import { h, clear } from '../respond/dom.mjs';
import { get, post } from './api.mjs';
import { field, form, showProblem, clearErrors } from './forms.mjs';
import { button, message, section, table, typed } from './ui.mjs';

const ACTOR_TYPES = ['firm', 'institution', 'other'];
const BACKGROUNDS = ['study', 'slice-complement'];

/** The request for a slice: empty choices are left out, so that they do not filter. */
export function candidatesPath(studyId, slice) {
  const parameters = new URLSearchParams();
  for (const name of ['question', 'actorType', 'wave', 'background']) {
    const value = String(slice[name] ?? '').trim();
    if (value) parameters.set(name, value);
  }
  const query = parameters.toString();
  return `studies/${studyId}/themes/candidates${query ? `?${query}` : ''}`;
}

/** A share of answers as a whole percentage, at least "<1" when there is any. */
export function percent(share) {
  if (share > 0 && share < 0.005) return '<1';
  return String(Math.round(share * 100));
}

function quoteView(ctx, quote) {
  const who = quote.actorName ?? quote.pseudonym;
  return h('li', { class: 'quote', dataset: { responseId: quote.responseId } },
    h('blockquote', {}, typed(quote.answer)),
    h('p', { class: 'muted' }, typed(quote.question),
      who ? [' · ', h('a', { href: `#/responses/${quote.responseId}` }, typed(who))] : null));
}

/** What a candidate becomes in the codebook: its label as the name, its phrases as the query. */
export function acceptedTheme(theme) {
  return { name: theme.label.slice(0, 200), query: theme.query, origin: 'candidate' };
}

function acceptButton(ctx, study, theme, accepted) {
  const status = h('span', { class: 'accept-status', role: 'status' });
  const press = button(ctx.t('acceptCandidate'), async () => {
    press.disabled = true;
    const reply = await post(`studies/${study.id}/themes`, acceptedTheme(theme));
    clear(status);
    if (!reply.ok) {
      press.disabled = false;
      status.append(message(ctx.problemText(reply), 'error'));
      return;
    }
    press.remove();
    const said = ctx.t('candidateAccepted', { name: reply.data.name });
    status.append(message(said));
    ctx.announce(said);
    await accepted(reply.data);
  }, { 'aria-describedby': `candidate-label-${theme.index}` });
  return h('div', { class: 'theme-actions' }, press, status);
}

function themeView(ctx, study, theme, index, accepted) {
  const phrases = table(ctx.t('candidatePhrases', { label: theme.label }),
    [ctx.t('phrase'), ctx.t('phraseInTheme'), ctx.t('phraseInBackground'), ctx.t('phraseG2')],
    theme.phrases.map((p) => [typed(p.text), String(p.inTheme), String(p.inBackground), p.g2.toFixed(1)]));
  return h('li', { class: 'candidate', dataset: { theme: String(index) } },
    h('h3', { id: `candidate-label-${index}` }, typed(theme.label)),
    h('p', { class: 'muted' }, ctx.t('candidateSize', { n: theme.size, share: percent(theme.share) })),
    phrases,
    h('p', { class: 'muted' }, ctx.t('candidateQuery'), ' ', h('code', {}, typed(theme.query))),
    acceptButton(ctx, study, { ...theme, index }, accepted),
    h('ul', { class: 'quotes', 'aria-label': ctx.t('candidateQuotes', { label: theme.label }) },
      theme.quotes.map((q) => quoteView(ctx, q))));
}

/** {@code accepted}: called with the new theme once a candidate is in the codebook. */
export function candidatesPanel(ctx, study, accepted = async () => {}) {
  const results = h('div', { class: 'candidate-results', 'aria-live': 'polite' });
  const question = field({ pointer: 'question', label: ctx.t('candidateQuestion'), hint: ctx.t('candidateQuestionHint') });
  const actorType = field({
    pointer: 'actorType', label: ctx.t('facet_actorType'), kind: 'select',
    options: [['', ctx.t('anyActorType')], ...ACTOR_TYPES.map((t) => [t, ctx.t(`type_${t}`)])],
  });
  const wave = field({
    pointer: 'wave', label: ctx.t('facet_wave'), kind: 'select',
    options: [['', ctx.t('anyWave')], ...study.waves.map((w) => [w.id, w.name])],
  });
  const background = field({
    pointer: 'background', label: ctx.t('candidateBackground'), kind: 'select',
    options: BACKGROUNDS.map((b) => [b, ctx.t(`background_${b}`)]),
  });
  const candidatesForm = form({
    id: 'candidates-form', label: ctx.t('candidateThemes'), submitLabel: ctx.t('findCandidates'), kind: 'secondary',
    children: [question.wrapper, actorType.wrapper, wave.wrapper, background.wrapper],
    async submit(element) {
      clearErrors(element);
      const reply = await get(candidatesPath(study.id, {
        question: question.input.value, actorType: actorType.input.value,
        wave: wave.input.value, background: background.input.value,
      }));
      clear(results);
      if (!reply.ok) {
        if (reply.status === 400) showProblem(ctx, element, reply);
        else results.append(message(ctx.problemText(reply), 'error'));
        return;
      }
      const found = reply.data;
      const summary = ctx.t('candidatesFound', { n: found.themes.length, answers: found.answers });
      results.append(h('p', { class: 'count', id: 'candidates-count' }, summary),
        h('p', { class: 'muted' }, ctx.t('candidatesUnassigned', { n: found.unassigned, share: percent(found.unassignedShare) })));
      if (!found.complete) results.append(message(ctx.t('indexCatchingUp')));
      if (found.themes.length) {
        results.append(h('ol', { class: 'candidates' }, found.themes.map((t, i) => themeView(ctx, study, t, i, accepted))));
      }
      ctx.announce(summary);
    },
  });
  return section(ctx.t('candidateThemes'), h('p', { class: 'hint' }, ctx.t('candidateThemesIntro')), candidatesForm, results);
}
