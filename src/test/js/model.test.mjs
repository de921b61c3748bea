// The form's model of a repeat within a repeat, against the same answers as the server's
// SubmissionRepeatsTest.nestedRepeatSeesItsOwnEntryAndTheEnclosingOne.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormModel } from '../../main/webapp/respond/model.mjs';

const label = { en: 'Q' };
const template = {
  defaultLanguage: 'en',
  languages: ['en'],
  sections: [{
    name: 'people',
    title: { en: 'People' },
    items: [
      {
        type: 'repeat', name: 'households', label, items: [
          { type: 'yes_no', name: 'has_children', label },
          {
            type: 'repeat', name: 'members', label, items: [
              { type: 'integer', name: 'age', required: true, label },
              { type: 'text', name: 'school', required: true, label, relevant: "${has_children} = 'yes' and ${age} < 18" },
            ],
          },
          { type: 'calculate', name: 'member_count', calculation: 'count(${members})' },
        ],
      },
      { type: 'calculate', name: 'all_ages', calculation: 'sum(${age})' },
      { type: 'calculate', name: 'all_members', calculation: 'count(${members})' },
    ],
  }],
};

const answers = {
  households: [
    { has_children: 'yes', members: [{ age: 40 }, { age: 9 }] },
    { has_children: 'no', members: [{ age: 12, school: 'dropped' }] },
  ],
};

test('an inner entry sees its own answers and those of the entry around it', () => {
  const model = new FormModel(template, '2026-11-22');
  const computed = model.compute(answers);
  assert.equal(computed.relevant.get('households/0/members/1/school'), true);
  assert.equal(computed.relevant.get('households/0/members/0/school'), false, 'an adult is not asked about school');
  assert.equal(computed.relevant.get('households/1/members/0/school'), false, 'a household without children is not asked');
  assert.deepEqual(computed.effective.households[1].members[0], { age: 12 }, 'the answer that is not relevant is dropped');
  assert.equal(computed.entryCounts.get('households/0/members'), 2);
  assert.equal(computed.entryCounts.get('households/1/members'), 1);
});

test('count and sum reach across the entries of the enclosing entry, or of every entry from the top', () => {
  const computed = new FormModel(template, '2026-11-22').compute(answers);
  assert.equal(computed.effective.households[0].member_count, 2);
  assert.equal(computed.effective.households[1].member_count, 1);
  assert.equal(computed.effective.all_ages, 61);
  assert.equal(computed.effective.all_members, 3);
});

test('a required inner question is reported at its own entry only', () => {
  const model = new FormModel(template, '2026-11-22');
  const computed = model.compute(answers);
  const problems = computed.questions
    .filter((q) => computed.relevant.get(q.path) !== false && q.item.type !== 'calculate')
    .map((q) => [q.path, model.problem(q, pathValue(computed.effective, q.path), undefined, computed.effective, 'en')])
    .filter(([, problem]) => problem !== null);
  assert.deepEqual(problems, [['households/0/members/1/school', { key: 'errRequired' }]]);
});

test('answers of the original object are left as they were', () => {
  const before = JSON.stringify(answers);
  new FormModel(template, '2026-11-22').compute(answers);
  assert.equal(JSON.stringify(answers), before);
});

function pathValue(root, path) {
  return path.split('/').reduce((holder, key) => holder?.[key], root);
}

test('calculations see choice labels in the respondent language, the entry number, now(), and once() keeps its value', () => {
  const colours = {
    defaultLanguage: 'en',
    languages: ['en', 'fr'],
    choiceLists: { colours: [{ value: 'green', label: { en: 'Green', fr: 'Vert' } }] },
    sections: [{
      name: 's',
      title: { en: 'S', fr: 'S' },
      items: [
        { type: 'select_one', name: 'colour', choices: 'colours', label },
        { type: 'calculate', name: 'colour_name', calculation: "jr:choice-name(${colour}, '${colour}')" },
        { type: 'calculate', name: 'code', calculation: 'once(uuid())' },
        { type: 'calculate', name: 'started', calculation: "format-date-time(now(), '%H:%M')" },
        { type: 'repeat', name: 'r', label, items: [{ type: 'calculate', name: 'n', calculation: 'position(..)' }] },
      ],
    }],
  };
  let language = 'fr';
  const model = new FormModel(colours, '2026-11-22', () => language, () => '2026-11-22T09:30:00.000+03:00');
  const first = model.compute({ colour: 'green', r: [{}, {}] }).effective;
  assert.equal(first.colour_name, 'Vert');
  assert.equal(first.started, '09:30');
  assert.equal(first.r[1].n, 2);
  assert.equal(first.code.length, 36);
  language = 'en';
  const again = model.compute(first).effective;
  assert.equal(again.colour_name, 'Green');
  assert.equal(again.code, first.code, 'once() keeps the first value');
});
