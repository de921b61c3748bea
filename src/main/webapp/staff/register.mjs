/** A study's register: import a CSV file (each bad row shown at its line and column), search, add and edit actors. */
import { h, clear } from '../respond/dom.mjs';
import { call, get, post, put, isMissing } from './api.mjs';
import { field, form, showErrors, showProblem, clearErrors } from './forms.mjs';
import { button, message, section, table, typed } from './ui.mjs';
import { ACTOR_TYPES } from './study.mjs';

const COLUMNS = 'external_id,name,type,sector,size_band,location,email,phone';
const FIELDS = [
  ['externalId', 'actorExternalId'], ['name', 'actorName'], ['type', 'actorType'], ['sector', 'actorSector'],
  ['sizeBand', 'actorSize'], ['location', 'actorLocation'], ['email', 'actorEmail'], ['phone', 'actorPhone'],
];

/** "line 3, column email" → {line: 3, column: "email"}; "line 1" → {line: 1, column: ""}. */
export function rowOf(fieldName) {
  const match = /^line (\d+)(?:, (?:column )?(.+))?$/.exec(String(fieldName ?? ''));
  return match ? { line: Number(match[1]), column: match[2] ?? '' } : null;
}

function importForm(ctx, study, afterImport) {
  const file = field({ pointer: '/file', label: ctx.t('registerFile'), kind: 'file', accept: '.csv,text/csv', hint: ctx.t('registerFileHint', { columns: COLUMNS }) });
  return form({
    id: 'register-import', label: ctx.t('importRegister'), submitLabel: ctx.t('importRegister'),
    children: [file.wrapper],
    async submit(element) {
      const chosen = file.input.files?.[0];
      if (!chosen) {
        showErrors(ctx, element, { errors: [{ field: '/file', message: ctx.t('chooseFile') }] });
        return;
      }
      ctx.announce(ctx.t('importing'));
      const reply = await call('POST', `studies/${study.id}/actors/import`, await chosen.arrayBuffer(), 'text/csv');
      if (reply.ok) {
        clearErrors(element);
        element.reset();
        afterImport(ctx.t('imported', { created: reply.data.created, updated: reply.data.updated }));
        return;
      }
      const errors = reply.problem?.errors ?? [];
      const rows = errors.map((e) => ({ ...rowOf(e.field), message: e.message })).filter((e) => e.line);
      if (!rows.length) {
        showProblem(ctx, element, reply);
        return;
      }
      const badRows = table(ctx.t('badRows'), [ctx.t('line'), ctx.t('column'), ctx.t('problem')],
        rows.map((r) => [String(r.line), r.column, r.message]));
      badRows.id = 'bad-rows';
      showErrors(ctx, element, { text: ctx.t('fileRefused', { n: rows.length }), extra: badRows });
    },
  });
}

function actorForm(ctx, study, actor, done) {
  const inputs = {};
  const wrappers = FIELDS.map(([key, label]) => {
    const made = key === 'type'
      ? field({ pointer: `/${key}`, label: ctx.t(label), kind: 'select', value: actor?.type ?? 'firm', options: ACTOR_TYPES.map((t) => [t, ctx.t(`type_${t}`)]) })
      : field({
        pointer: `/${key}`, label: ctx.t(label), value: actor?.[key] ?? '', required: key === 'name',
        kind: key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text',
      });
    inputs[key] = made.input;
    return made.wrapper;
  });
  return form({
    id: actor ? `actor-edit-${actor.id}` : 'actor-new',
    label: actor ? ctx.t('editActorNamed', { name: actor.name }) : ctx.t('addActor'),
    submitLabel: actor ? ctx.t('saveActor') : ctx.t('addActor'),
    kind: actor ? 'secondary' : 'primary',
    children: [h('div', { class: 'grid' }, wrappers)],
    async submit(element) {
      const body = Object.fromEntries(FIELDS.map(([key]) => [key, inputs[key].value.trim() || null]));
      if (!body.name) {
        showErrors(ctx, element, { errors: [{ field: '/name', message: ctx.t('enterActorName') }] });
        return;
      }
      const reply = actor ? await put(`studies/${study.id}/actors/${actor.id}`, body) : await post(`studies/${study.id}/actors`, body);
      if (!reply.ok) {
        if (actor && isMissing(reply)) showErrors(ctx, element, { text: ctx.t('notYetOnServer') });
        else showProblem(ctx, element, reply);
        return;
      }
      done(actor ? ctx.tb('actorSaved', { name: reply.data.name }) : ctx.tb('actorAdded', { name: reply.data.name }));
    },
  });
}

/** An actor's name, with a mark when they registered themselves through the open link. */
export function actorName(ctx, actor) {
  const unverified = actor.verified === false || actor.registeredVia === 'open_link';
  return [typed(actor.name), unverified ? h('span', { class: 'badge unverified' }, ctx.t('unverified')) : null];
}

export async function showRegister(ctx, study) {
  const runs = ctx.runs(study);
  const status = h('div', { class: 'register-status' });
  const results = h('div', { id: 'register-results' });
  let query = '';

  async function load(note) {
    const reply = await get(`studies/${study.id}/actors${query ? `?q=${encodeURIComponent(query)}` : ''}`);
    clear(results);
    if (!reply.ok) {
      results.append(message(ctx.problemText(reply), 'error'));
      return;
    }
    const actors = reply.data;
    const count = h('p', { id: 'register-count', class: 'count' }, query ? ctx.t('actorsFound', { n: actors.length }) : ctx.t('actorsInRegister', { n: actors.length }));
    results.append(count);
    if (note) {
      const shown = message(note, 'ok');
      clear(status).append(shown);
      ctx.announce(`${shown.textContent} ${count.textContent}`);
    } else if (query) {
      ctx.announce(count.textContent);
    }
    if (!actors.length) return;
    const columns = [ctx.t('actorName'), ctx.t('actorType'), ctx.t('actorSector'), ctx.t('actorLocation'), ctx.t('actorEmail'), ctx.t('actorPhone'), ctx.t('actorExternalId')];
    if (runs) columns.push(ctx.t('actions'));
    results.append(table(ctx.t('register'), columns, actors.map((actor) => {
      const cells = [actorName(ctx, actor), ctx.t(`type_${actor.type}`), typed(actor.sector), typed(actor.location), typed(actor.email), typed(actor.phone), typed(actor.externalId)];
      if (runs) {
        cells.push(button(ctx.t('edit'), (event) => {
          const row = event.currentTarget.closest('tr');
          const editor = actorForm(ctx, study, actor, (done) => load(done));
          const cell = h('td', { colspan: columns.length, class: 'editor' }, editor,
            button(ctx.t('cancel'), () => { editRow.remove(); row.querySelector('button')?.focus(); }));
          const editRow = h('tr', { class: 'edit-row' }, cell);
          row.after(editRow);
          editor.querySelector('input')?.focus();
        }, { 'aria-label': ctx.t('editActorNamed', { name: actor.name }), dataset: { action: 'edit-actor', actorId: actor.id } }));
      }
      return cells;
    }), { captionHidden: true }));
  }

  const search = field({ pointer: '/q', label: ctx.t('searchRegister'), kind: 'search' });
  search.input.id = 'register-search';
  search.wrapper.querySelector('label').htmlFor = 'register-search';
  const searchForm = form({
    id: 'register-search-form', label: ctx.t('searchRegister'), submitLabel: ctx.t('search'), kind: 'secondary',
    children: [search.wrapper],
    async submit() {
      query = search.input.value.trim();
      await load();
    },
  });
  await load();
  return h('div', { class: 'register' },
    runs ? section(ctx.t('importRegister'), h('p', { class: 'muted' }, ctx.t('importIntro')), importForm(ctx, study, (note) => load(note))) : null,
    section(ctx.t('register'), status, searchForm, results),
    runs ? section(ctx.t('addActor'), actorForm(ctx, study, null, (note) => load(note))) : null);
}
