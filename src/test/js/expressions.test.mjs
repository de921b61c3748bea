// The conformance vectors through the browser's evaluator; ConformanceTest.java runs the same
// vectors through the server's. See ConformanceTest for the vector format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ExpressionSyntaxError, parse, evaluate } from '../../main/webapp/respond/expressions.mjs';

const vectors = JSON.parse(readFileSync(new URL('../resources/expressions/conformance.json', import.meta.url), 'utf8'));
const DEFAULT_TODAY = '2025-03-14';

const has = (object, key) => object !== undefined && object !== null && Object.hasOwn(object, key);

function contextOf(vector) {
  const answers = vector.answers ?? {};
  const repeats = vector.repeats ?? {};
  const entry = vector.entry ? repeats[vector.entry.repeat][vector.entry.index] : undefined;
  return {
    answer: (name) => (has(entry, name) ? entry[name] : answers[name]),
    currentValue: () => vector.current,
    repeatValues(name) {
      if (has(repeats, name)) return [...repeats[name]];
      for (const entries of Object.values(repeats)) {
        if (entries.some((e) => has(e, name))) return entries.map((e) => e[name]);
      }
      return has(answers, name) ? [answers[name]] : [];
    },
    today: () => vector.today ?? vector.now?.slice(0, 10) ?? DEFAULT_TODAY,
    now: () => vector.now ?? `${vector.today ?? DEFAULT_TODAY}T00:00:00.000+00:00`,
    position: () => (vector.entry ? vector.entry.index + 1 : 0),
    choiceLabel: (question, value) => {
      const label = vector.labels?.[question]?.[value];
      return typeof label === 'string' ? label : '';
    },
  };
}

const SPECIAL = { NaN, Infinity, '-Infinity': -Infinity };

function check(vector) {
  const { expected } = vector;
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected) && 'error' in expected) {
    assert.throws(() => parse(vector.expression), ExpressionSyntaxError);
    return;
  }
  const actual = evaluate(parse(vector.expression), contextOf(vector));
  if (expected !== null && typeof expected === 'object' && 'matches' in expected) {
    assert.equal(typeof actual, 'string');
    assert.match(actual, new RegExp(`^(?:${expected.matches})$`));
    return;
  }
  if (typeof expected === 'number' || (typeof expected === 'object' && expected !== null && 'number' in expected)) {
    const number = typeof expected === 'number' ? expected : SPECIAL[expected.number];
    const tolerance = vector.tolerance ?? 0;
    assert.equal(typeof actual, 'number', `expected a number but got ${JSON.stringify(actual)}`);
    assert.ok(actual === number || Math.abs(actual - number) <= tolerance || (Number.isNaN(actual) && Number.isNaN(number)),
      `expected ${number} but got ${actual}`);
    return;
  }
  assert.deepStrictEqual(actual, expected);
}

test('there are at least 150 vectors', () => {
  assert.ok(vectors.length >= 150, `${vectors.length} vectors`);
});

vectors.forEach((vector, i) => {
  test(`#${i} ${vector.expression}`, () => check(vector));
});
