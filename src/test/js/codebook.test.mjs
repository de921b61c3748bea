// The staff app's codebook, without a browser: themes are listed as a codebook is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ordered } from '../../main/webapp/staff/codebook.mjs';
import { say } from '../../main/webapp/staff/text.mjs';

test('sub-themes follow their parent, each level in name order', () => {
  const themes = [
    { id: 3, name: 'Flour', parentId: null },
    { id: 1, name: 'Energy', parentId: null },
    { id: 4, name: 'Power cuts', parentId: 1 },
    { id: 2, name: 'Bills', parentId: 1 },
    { id: 5, name: 'Orphan', parentId: 99 },
  ];
  assert.deepEqual(ordered(themes).map(({ theme, depth }) => `${depth}:${theme.name}`),
    ['0:Energy', '1:Bills', '1:Power cuts', '0:Flour', '0:Orphan']);
});

test('answer counts take their plural form in both languages', () => {
  assert.equal(say('en', 'themeAnswerCount', { n: 1 }), '1 answer');
  assert.equal(say('en', 'themeAnswerCount', { n: 3 }), '3 answers');
  assert.equal(say('fr', 'themeAnswerCount', { n: 0 }), '0 réponse');
  assert.equal(say('fr', 'themeAnswerCount', { n: 2 }), '2 réponses');
});
