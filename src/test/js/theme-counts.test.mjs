// Theme counts and an answer's codes, without a browser: chart geometry, suppressed cells, codes after a change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsLayout, countText, categoryName, LAYOUT } from '../../main/webapp/staff/theme-counts.mjs';
import { themesAfterCoding, codeNames } from '../../main/webapp/staff/hit-codes.mjs';
import { say } from '../../main/webapp/staff/text.mjs';

const ctx = { t: (key, parameters) => say('en', key, parameters) };

const COUNTS = {
  by: 'actorType', k: 5, complete: true,
  categories: [{ value: 'firm', label: 'firm' }, { value: 'bank', label: 'bank' }],
  themes: [
    { themeId: 7, name: 'Energy', total: { answers: 30, suppressed: false },
      cells: [{ value: 'firm', answers: 20, suppressed: false }, { value: 'bank', answers: 10, suppressed: false }] },
    { themeId: 9, name: 'Flour', total: { answers: null, suppressed: true },
      cells: [{ value: 'firm', answers: null, suppressed: true }, { value: 'bank', answers: 3, suppressed: true }] },
  ],
  cooccurrence: [],
};

test('bars are as long as their answers against the largest shown cell, within the chart', () => {
  const layout = countsLayout(COUNTS, 300);
  const bars = layout.rows.filter((r) => r.bar);
  assert.equal(bars.length, 2);
  assert.equal(bars[0].bar.width, 300 - LAYOUT.valueRoom);
  assert.equal(bars[1].bar.width, (300 - LAYOUT.valueRoom) / 2);
  assert.ok(bars.every((r) => r.bar.x >= 0 && r.valueX > r.bar.width && r.bar.x + r.bar.width <= 300));
  assert.equal(layout.height, 2 * LAYOUT.themeRow + 4 * LAYOUT.cellRow + 4);
});

test('a suppressed cell is never drawn as a bar, even when it carries a number, nor counted in the scale', () => {
  const layout = countsLayout(COUNTS, 300);
  const flour = layout.rows.filter((r) => r.kind === 'cell' && r.themeId === 9);
  assert.deepEqual(flour.map((r) => r.bar), [null, null]);
  const onlySuppressed = countsLayout({ ...COUNTS, themes: [COUNTS.themes[1]] }, 300);
  assert.ok(onlySuppressed.rows.every((r) => !r.bar));
});

test('rows keep the order of the themes and of the categories', () => {
  const rows = countsLayout(COUNTS, 300).rows;
  assert.deepEqual(rows.map((r) => (r.kind === 'theme' ? r.name : r.cell.value)), ['Energy', 'firm', 'bank', 'Flour', 'firm', 'bank']);
  assert.ok(rows.every((r, i) => i === 0 || r.y > rows[i - 1].y));
});

test('a suppressed count reads as suppressed, never as its number', () => {
  assert.equal(countText(ctx, 5, { answers: 3, suppressed: true }), 'suppressed (fewer than 5)');
  assert.equal(countText(ctx, 5, { answers: null, suppressed: true }), 'suppressed (fewer than 5)');
  assert.equal(countText(ctx, 5, { answers: 12, suppressed: false }), '12');
  assert.equal(say('fr', 'countSuppressed', { k: 5 }), 'masqué (moins de 5)');
});

test('categories read as the reader names them', () => {
  assert.equal(categoryName(ctx, 'actorType', { value: 'firm' }), say('en', 'type_firm'));
  assert.equal(categoryName(ctx, 'wave', { value: '12', label: 'Wave 1' }), 'Wave 1');
  assert.equal(categoryName(ctx, 'sector', { value: null, label: null }), 'none given');
});

test('after a change the hit is in the themes the server coded, in codebook order', () => {
  const codebook = [{ id: 1, name: 'Energy' }, { id: 2, name: 'Flour' }, { id: 3, name: 'Roads' }];
  const now = [{ id: 3, name: 'Roads' }];
  assert.deepEqual(themesAfterCoding(codebook, now, 1, true), [{ id: 1, name: 'Energy' }, { id: 3, name: 'Roads' }]);
  assert.deepEqual(themesAfterCoding(codebook, now, 3, false), []);
  assert.deepEqual(themesAfterCoding(codebook, undefined, 2, true), [{ id: 2, name: 'Flour' }]);
  assert.equal(codeNames([{ id: 1, name: 'Energy' }, { id: 3, name: 'Roads' }]), 'Energy, Roads');
  assert.equal(codeNames([]), null);
});
