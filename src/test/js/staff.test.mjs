// The staff app's words and parsing, without a browser: every message used exists in English and
// French, and a register file's error names its line and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { KEYS, say } from '../../main/webapp/staff/text.mjs';
import { rowOf } from '../../main/webapp/staff/register.mjs';

const folder = new URL('../../main/webapp/staff/', import.meta.url);

test('French has every English message and no other', () => {
  assert.deepEqual([...KEYS.fr].sort(), [...KEYS.en].sort());
});

test('every message a page asks for by name exists', () => {
  const used = new Set();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.mjs'))) {
    const source = readFileSync(new URL(file, folder), 'utf8');
    for (const match of source.matchAll(/ctx\.tb?\('([A-Za-z_]+)'/g)) used.add(match[1]);
  }
  const missing = [...used].filter((key) => !KEYS.en.includes(key));
  assert.deepEqual(missing, []);
});

test('messages fill in their parameters', () => {
  assert.equal(say('fr', 'tooManyTries', { n: 30 }), 'Trop d’essais. Attendez 30 s, puis réessayez.');
  assert.equal(say('fr-CA', 'signIn'), 'Se connecter');
  assert.equal(say('de', 'signIn'), 'Sign in');
});

test('a register error names its line and column', () => {
  assert.deepEqual(rowOf('line 3, email'), { line: 3, column: 'email' });
  assert.deepEqual(rowOf('line 1, column phone'), { line: 1, column: 'phone' });
  assert.deepEqual(rowOf('line 7'), { line: 7, column: '' });
  assert.equal(rowOf('/name'), null);
});

test('counts take their plural form', () => {
  assert.equal(say('en', 'issued', { n: 1 }), '1 invitation ready.');
  assert.equal(say('en', 'issued', { n: 4 }), '4 invitations ready.');
  assert.equal(say('fr', 'actorsInRegister', { n: 0 }), '0 acteur au registre.');
  assert.equal(say('fr', 'actorsInRegister', { n: 2 }), '2 acteurs au registre.');
});
