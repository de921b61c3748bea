// Where the focus goes after each ranking change: always a control that exists and is enabled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { focusAfterRankChange } from '../../main/webapp/respond/rank.mjs';

test('the first item added keeps the focus on its only enabled control, the one that takes it out', () => {
  assert.deepEqual(focusAfterRankChange({ kind: 'add', value: 'finance', from: -1 }, ['finance']), { value: 'finance', control: 'remove' });
});

test('a later item added can be moved up at once', () => {
  assert.deepEqual(focusAfterRankChange({ kind: 'add', value: 'skills', from: -1 }, ['finance', 'skills']), { value: 'skills', control: 'up' });
});

test('an item moved up keeps "up" until it reaches the top, then gets "down"', () => {
  assert.deepEqual(focusAfterRankChange({ kind: 'up', value: 'b', from: 2 }, ['a', 'b', 'c']), { value: 'b', control: 'up' });
  assert.deepEqual(focusAfterRankChange({ kind: 'up', value: 'b', from: 1 }, ['b', 'a', 'c']), { value: 'b', control: 'down' });
});

test('an item moved down keeps "down" until it reaches the bottom, then gets "up"', () => {
  assert.deepEqual(focusAfterRankChange({ kind: 'down', value: 'a', from: 0 }, ['b', 'a', 'c']), { value: 'a', control: 'down' });
  assert.deepEqual(focusAfterRankChange({ kind: 'down', value: 'a', from: 1 }, ['b', 'c', 'a']), { value: 'a', control: 'up' });
});

test('taking an item out focuses the item now in its place, or the new last one', () => {
  assert.deepEqual(focusAfterRankChange({ kind: 'remove', value: 'a', from: 0 }, ['b', 'c']), { value: 'b', control: 'down' });
  assert.deepEqual(focusAfterRankChange({ kind: 'remove', value: 'c', from: 2 }, ['a', 'b']), { value: 'b', control: 'up' });
  assert.deepEqual(focusAfterRankChange({ kind: 'remove', value: 'a', from: 0 }, ['b']), { value: 'b', control: 'remove' });
});

test('taking the last item out focuses its add button, back in the pool', () => {
  assert.deepEqual(focusAfterRankChange({ kind: 'remove', value: 'a', from: 0 }, []), { value: 'a', control: 'add' });
});
