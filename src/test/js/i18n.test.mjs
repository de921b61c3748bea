// The respondent form's messages: counts in each language's grammatical number, names isolated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { searchNote, translate, translateCount } from '../../main/webapp/respond/i18n.mjs';

const note = (language, found, searched = true) => searchNote(language, { searched, found, shown: 20 });

test('a search says how many actors it found, in English and French', () => {
  assert.equal(note('en', 1), '1 actor found.');
  assert.equal(note('en', 2), '2 actors found.');
  assert.equal(note('fr', 1), '1 acteur trouvé.');
  assert.equal(note('fr', 3), '3 acteurs trouvés.');
  assert.equal(note('fr-SN', 3), '3 acteurs trouvés.', 'a regional tag uses its language');
});

test('Arabic uses its own forms for one, two, a few and many', () => {
  assert.equal(translateCount('ar', 'actorsFound', 0), 'لم يُعثر على أي جهة.');
  assert.equal(note('ar', 1), 'عُثر على جهة واحدة.');
  assert.equal(note('ar', 2), 'عُثر على جهتين.');
  assert.equal(note('ar', 5), 'عُثر على 5 جهات.');
  assert.equal(note('ar', 11), 'عُثر على 11 جهة.');
});

test('nothing found says so; more than are shown says to type more', () => {
  assert.equal(note('en', 0), 'No match.');
  assert.equal(note('en', 25), '25 actors found. Showing the first 20 matches: type more to narrow the list.');
});

test('before any search only the overflow is mentioned', () => {
  assert.equal(note('en', 3, false), '');
  assert.equal(note('en', 25, false), 'Showing the first 20 matches: type more to narrow the list.');
});

test('a language without its own words counts in English', () => {
  assert.equal(note('wo', 2), '2 actors found.');
});

test('a name inside a message is isolated and kept exactly as typed', () => {
  const name = 'Boulangerie \u202Eenilno';
  assert.equal(translate('en', 'relationsWith', { name }), `Relations with \u2068${name}\u2069`);
});

test('numbers are not wrapped', () => {
  assert.equal(translate('en', 'removeActor', { name: 7 }), 'Remove 7');
});
