/**
 * Where the keyboard focus goes after a ranking change. Every change redraws the list, so the
 * button pressed is gone: the focus is moved on purpose to the item in its new place, on the
 * control the person is most likely to press next, and never onto a disabled button.
 */

/** The controls an item has at `index` of `count` ranked items, and whether each is usable. */
function usable(index, count) {
  return { up: index > 0, down: index < count - 1, remove: true };
}

const PREFERENCES = {
  // just added, so last: moving it up is what may follow; a lone item can only be taken out
  add: ['up', 'remove'],
  up: ['up', 'down', 'remove'],
  down: ['down', 'up', 'remove'],
};

/**
 * `change`: what the person did ({kind: 'add' | 'up' | 'down' | 'remove', value, from}, `from`
 * the index the item had before); `ranked`: the values in their new order. Returns
 * {value, control}: control 'up', 'down' or 'remove' of a ranked item, or 'add' of an item
 * back in the pool when nothing is ranked any more.
 */
export function focusAfterRankChange(change, ranked) {
  if (change.kind === 'remove') {
    if (!ranked.length) return { value: change.value, control: 'add' };
    // the item that took the removed one's place, or the new last one
    const index = Math.min(change.from, ranked.length - 1);
    return { value: ranked[index], control: firstUsable(['up', 'down', 'remove'], index, ranked.length) };
  }
  const index = ranked.indexOf(change.value);
  return { value: change.value, control: firstUsable(PREFERENCES[change.kind], index, ranked.length) };
}

function firstUsable(preferences, index, count) {
  const controls = usable(index, count);
  return preferences.find((control) => controls[control]) ?? 'remove';
}
