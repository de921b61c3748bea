// The candidate themes view without a browser: what it asks the server for, and how it states shares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptedTheme, candidatesPath, percent } from '../../main/webapp/staff/candidates.mjs';
import { say } from '../../main/webapp/staff/text.mjs';

test('a slice asks only for the filters chosen', () => {
  assert.equal(candidatesPath(7, {}), 'studies/7/themes/candidates');
  assert.equal(candidatesPath(7, { question: ' main_problem ', actorType: '', wave: '3', background: 'study' }),
    'studies/7/themes/candidates?question=main_problem&wave=3&background=study');
  assert.equal(candidatesPath(7, { question: 'a&b=c' }), 'studies/7/themes/candidates?question=a%26b%3Dc',
    'a typed name cannot add a parameter');
});

test('shares read as whole percentages, and a few answers are not shown as none', () => {
  assert.equal(percent(0), '0');
  assert.equal(percent(0.019), '2');
  assert.equal(percent(0.004), '<1');
  assert.equal(percent(1), '100');
});

test('theme sizes and unassigned answers take their plural form in both languages', () => {
  assert.equal(say('en', 'candidateSize', { n: 1, share: '3' }), '1 answer, 3 %');
  assert.equal(say('en', 'candidatesUnassigned', { n: 7, share: '2' }),
    '7 answers (2 %) have no word in common with another and are in no theme.');
  assert.equal(say('fr', 'candidatesFound', { n: 0, answers: 0 }), '0 thème parmi 0 réponses.');
});

test('an accepted candidate keeps its label as the name and its query, and says where it came from', () => {
  const theme = { label: 'power cuts · generator', query: '"power cuts" OR "generator"', size: 12 };
  assert.deepEqual(acceptedTheme(theme), { name: 'power cuts · generator', query: '"power cuts" OR "generator"', origin: 'candidate' });
  assert.equal(acceptedTheme({ label: 'x'.repeat(300), query: 'x' }).name.length, 200, 'within the longest name a theme may have');
});
