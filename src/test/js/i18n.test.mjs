// A name typed by someone else cannot turn the message it is shown in around.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translate } from '../../main/webapp/respond/i18n.mjs';

test('a name inside a message is isolated and kept exactly as typed', () => {
  const name = 'Boulangerie \u202Eenilno';
  assert.equal(translate('en', 'relationsWith', { name }), `Relations with \u2068${name}\u2069`);
});

test('numbers are not wrapped', () => {
  assert.equal(translate('en', 'removeActor', { name: 7 }), 'Remove 7');
});
