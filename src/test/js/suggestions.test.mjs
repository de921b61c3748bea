// The suggestions to review without a browser: what they ask the server for, how confidence reads, what bulk acceptance sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptancesAbove, confidencePercent, handCodePath, suggestionsPath } from '../../main/webapp/staff/suggestions.mjs';
import { say } from '../../main/webapp/staff/text.mjs';

test('suggestions are asked for by page, and for one theme or a confidence only when chosen', () => {
  assert.equal(suggestionsPath(7), 'studies/7/themes/suggestions?page=1&size=20');
  assert.equal(suggestionsPath(7, { theme: 3, minConfidence: 0.5, page: 2, size: 50 }),
    'studies/7/themes/suggestions?page=2&size=50&theme=3&minConfidence=0.5');
});

test('an answer is coded in or out at its key, which cannot add a path segment', () => {
  assert.equal(handCodePath(7, 3, '51.main_problem'), 'studies/7/themes/3/answers/51.main_problem');
  assert.equal(handCodePath(7, 3, '51/../x?y'), 'studies/7/themes/3/answers/51%2F..%2Fx%3Fy');
});

test('confidence reads as a whole percentage', () => {
  assert.equal(confidencePercent(0), '0');
  assert.equal(confidencePercent(0.834), '83');
  assert.equal(confidencePercent(1), '100');
});

test('accepting all shown above a threshold sends each suggestion strictly above it, several themes of an answer too', () => {
  const answers = [
    { hit: { answerKey: '1.main_problem' }, suggestions: [{ themeId: 5, confidence: 0.92 }, { themeId: 6, confidence: 0.81 }] },
    { hit: { answerKey: '2.main_problem' }, suggestions: [{ themeId: 5, confidence: 0.8 }] },
    { hit: { answerKey: '3.main_problem' }, suggestions: [{ themeId: 6, confidence: 0.2 }] },
  ];
  assert.deepEqual(acceptancesAbove(answers, 80), [
    { answerKey: '1.main_problem', themeId: 5, accept: true },
    { answerKey: '1.main_problem', themeId: 6, accept: true },
  ]);
  assert.deepEqual(acceptancesAbove(answers, 100), []);
  assert.equal(acceptancesAbove(answers, 0).length, 4);
  assert.deepEqual(acceptancesAbove([], 50), []);
});

test('the buttons say what they do in both languages, their names starting with the visible text', () => {
  assert.equal(say('en', 'acceptSuggestionNamed', { theme: 'Energy', percent: '83' }), 'Accept Energy (83 %)');
  assert.ok(say('fr', 'rejectSuggestionNamed', { theme: 'Énergie', percent: '9' }).startsWith(say('fr', 'rejectSuggestion')));
  assert.equal(say('en', 'acceptAllAbove', { n: 80 }), 'Accept all shown above 80 %');
  assert.equal(say('fr', 'suggestionsAccepted', { n: 1 }), '1 suggestion acceptée.');
  assert.equal(say('en', 'suggestionsLearnt', { n: 1, answers: 4 }), 'Learnt from 1 answer coded by hand; 4 answers with suggestions.');
});
