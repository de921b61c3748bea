/**
 * The string functions of expressions.mjs, as TextFunctions.java does them: positions and lengths
 * count Unicode code points, so an emoji is one character.
 */

/** As JavaRosa turns a number into a position: NaN is 0, the rest truncated into int range (Java's (int) cast). */
export function toInt(x) {
  if (Number.isNaN(x)) return 0;
  if (x >= 2147483647) return 2147483647;
  if (x <= -2147483648) return -2147483648;
  return Math.trunc(x);
}

/** ODK substr: 0-based start, exclusive end, negative positions counted from the end. */
export function substr(text, start, end) {
  const codePoints = [...text];
  const length = codePoints.length;
  let from = toInt(start);
  let to = end === undefined ? length : toInt(end);
  if (from < 0) from = length + from;
  if (to < 0) to = length + to;
  to = Math.min(Math.max(0, to), length);
  from = Math.min(Math.max(0, from), to);
  return codePoints.slice(from, to).join('');
}

export function substringBefore(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? '' : text.slice(0, at);
}

export function substringAfter(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? '' : text.slice(at + separator.length);
}

export function normalizeSpace(text) {
  return text.split(/[ \t\n\x0B\f\r]+/).filter((part) => part !== '').join(' ');
}

export function translate(text, from, to) {
  const source = [...from];
  const target = [...to];
  let out = '';
  for (const c of text) {
    const at = source.indexOf(c);
    if (at < 0) out += c;
    else if (at < target.length) out += target[at];
  }
  return out;
}
