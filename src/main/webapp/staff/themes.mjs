/**
 * A study's free-text answers: search them with highlights, narrow them by facet, page through
 * them. What a hit says of who answered is what the server sends for the caller's role.
 */
import { h, clear } from '../respond/dom.mjs';
import { get } from './api.mjs';
import { field, form, showProblem, clearErrors } from './forms.mjs';
import { button, message, section, typed } from './ui.mjs';
import { candidatesPanel } from './candidates.mjs';
import { showCodebook } from './codebook.mjs';
import { suggestionsPanel } from './suggestions.mjs';
import { hitCodes } from './hit-codes.mjs';
import { themeCounts } from './theme-counts.mjs';

const PAGE_SIZE = 20;
const FACETS = ['question', 'actorType', 'sector', 'wave'];

/** The answer as typed, its matching words in <mark>: built as nodes, so no answer can add markup. */
export function highlighted(snippet) {
  const nodes = [];
  let at = 0;
  for (const { start, end } of snippet.highlights ?? []) {
    if (start < at || end <= start) continue;
    if (start > at) nodes.push(snippet.text.slice(at, start));
    nodes.push(h('mark', {}, snippet.text.slice(start, end)));
    at = end;
  }
  if (at < snippet.text.length) nodes.push(snippet.text.slice(at));
  return h('bdi', {}, nodes);
}

function searchPath(study, state) {
  const parameters = new URLSearchParams({ q: state.q, page: String(state.page), size: String(PAGE_SIZE) });
  for (const [name, value] of Object.entries(state.filters)) parameters.set(name, value);
  return `studies/${study.id}/search?${parameters}`;
}

function facetLabel(ctx, dimension, count) {
  if (dimension === 'actorType') return ctx.t(`type_${count.value}`);
  return count.label ?? count.value;
}

function hitView(ctx, hit, codes = null) {
  const who = hit.actorName ?? hit.pseudonym;
  return h('li', { class: 'hit', dataset: { responseId: hit.responseId, question: hit.question } },
    h('blockquote', {}, highlighted(hit.snippet)),
    h('p', { class: 'muted' },
      typed(hit.question), ' · ', ctx.t(`type_${hit.actorType}`), hit.sector ? [' · ', typed(hit.sector)] : null,
      ' · ', typed(hit.waveName ?? ''), who ? [' · ', h('a', { href: `#/responses/${hit.responseId}` }, typed(who))] : null),
    codes);
}

export async function showThemes(ctx, study) {
  const state = { q: '', page: 1, filters: {} };
  const results = h('div', { class: 'search-results', 'aria-live': 'polite' });
  const facets = h('div', { class: 'facets' });

  const query = field({ pointer: 'q', label: ctx.t('searchWords'), kind: 'search', hint: ctx.t('searchAnswersHint') });
  query.input.id = 'answer-search';
  query.wrapper.querySelector('label').htmlFor = 'answer-search';
  const searchForm = form({
    id: 'answer-search-form', label: ctx.t('searchAnswers'), submitLabel: ctx.t('search'), kind: 'secondary',
    children: [query.wrapper],
    async submit(element) {
      state.q = query.input.value.trim();
      state.page = 1;
      await load(element);
    },
  });

  function facetList(dimension, counts) {
    const active = state.filters[dimension];
    return h('div', { class: 'facet', dataset: { facet: dimension } },
      h('h3', {}, ctx.t(`facet_${dimension}`)),
      h('ul', {}, counts.map((count) => h('li', {},
        button(`${facetLabel(ctx, dimension, count)} (${count.count})`, async () => {
          if (active === count.value) delete state.filters[dimension];
          else state.filters[dimension] = count.value;
          state.page = 1;
          await load(searchForm);
        }, { 'aria-pressed': String(active === count.value), dataset: { value: count.value } })))));
  }

  /** The codebook theme the answers are narrowed to, pressed again to see every answer. */
  function themeFilter() {
    if (!state.theme) return null;
    return h('div', { class: 'facet', dataset: { facet: 'theme' } },
      h('h3', {}, ctx.t('facet_theme')),
      h('ul', {}, h('li', {}, button(typed(state.theme.name), async () => {
        delete state.filters.theme;
        state.theme = null;
        state.page = 1;
        await load(searchForm);
      }, { 'aria-pressed': 'true', dataset: { value: String(state.theme.id) } }))));
  }

  /** A theme of the codebook: its answers now, those coded by its query and by hand. */
  async function showThemeAnswers(theme) {
    state.theme = { id: theme.id, name: theme.name };
    state.filters.theme = String(theme.id);
    state.q = '';
    query.input.value = '';
    state.page = 1;
    await load(searchForm);
    const count = results.querySelector('#search-count');
    if (count) {
      count.tabIndex = -1;
      count.focus();
    }
  }

  async function load(element) {
    clearErrors(element);
    const [reply, themesReply] = await Promise.all([get(searchPath(study, state)), get(`studies/${study.id}/themes`)]);
    const codebookThemes = themesReply.ok ? themesReply.data : null;
    clear(results);
    clear(facets);
    if (!reply.ok) {
      if (reply.status === 400) showProblem(ctx, element, reply);
      else results.append(message(ctx.problemText(reply), 'error'));
      return;
    }
    const page = reply.data;
    const chosenTheme = themeFilter();
    if (chosenTheme) facets.append(chosenTheme);
    FACETS.filter((d) => page.facets?.[d]?.length).forEach((d) => facets.append(facetList(d, page.facets[d])));
    results.append(h('p', { class: 'count', id: 'search-count' }, ctx.t('answersFound', { n: page.total })));
    if (!page.complete) results.append(message(ctx.t('indexCatchingUp')));
    if (page.hits.length) results.append(h('ol', { class: 'hits', start: (page.page - 1) * page.size + 1 }, page.hits.map((hit) => hitView(ctx, hit,
      codebookThemes && hit.answerKey ? hitCodes(ctx, study, hit, codebookThemes, onCoded) : null))));
    const pages = Math.ceil(page.total / page.size);
    if (pages > 1) {
      results.append(h('nav', { class: 'pager', 'aria-label': ctx.t('searchPages') },
        page.page > 1 ? button(ctx.t('previousPage'), async () => { state.page -= 1; await load(element); }) : null,
        h('span', {}, ctx.t('pageOf', { page: page.page, pages })),
        page.page < pages ? button(ctx.t('nextPage'), async () => { state.page += 1; await load(element); }) : null));
    }
    ctx.announce(ctx.t('answersFound', { n: page.total }));
  }

  const counts = themeCounts(ctx, study);
  async function onCoded() {
    await Promise.all([reloadCodebook(), counts.reload()]);
  }
  await load(searchForm);
  const codebook = h('div', { class: 'codebook-holder' }, await showCodebook(ctx, study, showThemeAnswers));
  async function reloadCodebook() {
    const fresh = await showCodebook(ctx, study, showThemeAnswers);
    clear(codebook);
    codebook.append(fresh);
  }
  return h('div', { class: 'themes' },
    section(ctx.t('searchAnswers'), searchForm, h('div', { class: 'search-layout' }, facets, results)),
    candidatesPanel(ctx, study, onCoded),
    codebook,
    suggestionsPanel(ctx, study, onCoded),
    counts.element);
}
