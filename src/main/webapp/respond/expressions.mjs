/**
 * The XLSForm expression language of ClusterLens templates, for the browser: lexer, parser and
 * evaluator with exactly the semantics of org.clusterlens.forms.expression.Evaluator (its Javadoc is
 * the specification). src/test/resources/expressions/conformance.json holds the vectors both
 * implementations must agree on.
 *
 * Values are strings, numbers, booleans and arrays of strings (a multiple-choice answer, which
 * otherwise behaves as its values joined by spaces). An unanswered question is "".
 *
 * A context passed to evaluate() provides:
 *   answer(name)        → the answer as the expression sees it (null/undefined/"" when unanswered)
 *   currentValue()      → the answer of the question being constrained, for `.`
 *   repeatValues(name)  → a repeat's entries, or a question's answers across a repeat's entries,
 *                         or for a question outside any repeat [its answer]
 *   today()             → "YYYY-MM-DD"
 * and optionally (as EvaluationContext.java's defaults when absent):
 *   now()               → "YYYY-MM-DDTHH:MM:SS.sss±HH:MM", the respondent's clock and offset
 *                         (default: midnight UTC of today())
 *   choiceLabel(q, v)   → the label of choice v of question q in the respondent's language ('')
 *   position()          → the 1-based number of the repeat entry evaluated in (0)
 * currentValue() also serves once(): for a calculation, its value so far.
 */

import { substr, substringBefore, substringAfter, normalizeSpace, translate, toInt } from './expression-text.mjs';
import { round } from './expression-rounding.mjs';
import { days, fractionOfDay, moment, format, dateText, dateTimeText, parseNow } from './expression-dates.mjs';
import { points, area, distance } from './expression-geo.mjs';

export class ExpressionSyntaxError extends Error {
  constructor(reason, position) {
    super(`${reason} at position ${position}`);
    this.name = 'ExpressionSyntaxError';
    this.reason = reason;
    this.position = position;
  }
}

// java.lang.Character.isWhitespace: not the same set as JavaScript's \s or String.prototype.trim
// (no-break spaces are not whitespace to Java; U+001C–U+001F are).
const JAVA_WHITESPACE = '\t\n\u000B\f\r\u001C\u001D\u001E\u001F \u1680\u2000\u2001\u2002\u2003\u2004\u2005'
  + '\u2006\u2008\u2009\u200A\u2028\u2029\u205F\u3000';

function isJavaWhitespace(ch) {
  return ch.length > 0 && JAVA_WHITESPACE.includes(ch);
}

/** java.lang.String.strip(). */
function strip(text) {
  let start = 0;
  let end = text.length;
  while (start < end && isJavaWhitespace(text[start])) start++;
  while (end > start && isJavaWhitespace(text[end - 1])) end--;
  return text.slice(start, end);
}

// ---------------------------------------------------------------------------------------------
// Lexer

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isDigit(ch) {
  return ch >= '0' && ch <= '9';
}

function isNameStart(ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
}

function tokens(source) {
  const list = [];
  let at = 0;
  const token = (kind, text, position) => ({ kind, text, position });

  function next() {
    while (at < source.length && isJavaWhitespace(source[at])) at++;
    const start = at;
    if (at >= source.length) return token('END', '', start);
    const c = source[at];
    if (isDigit(c) || (c === '.' && at + 1 < source.length && isDigit(source[at + 1]))) {
      while (at < source.length && isDigit(source[at])) at++;
      if (at < source.length && source[at] === '.') {
        at++;
        while (at < source.length && isDigit(source[at])) at++;
      }
      return token('NUMBER', source.slice(start, at), start);
    }
    if (c === '\'' || c === '"') {
      const end = source.indexOf(c, start + 1);
      if (end < 0) throw new ExpressionSyntaxError('unterminated string', start);
      at = end + 1;
      return token('STRING', source.slice(start + 1, end), start);
    }
    if (c === '$') {
      if (at + 1 >= source.length || source[at + 1] !== '{') {
        throw new ExpressionSyntaxError("expected '{' after '$'", start + 1);
      }
      const end = source.indexOf('}', start + 2);
      if (end < 0) throw new ExpressionSyntaxError("expected '}' to close ${", source.length);
      const name = source.slice(start + 2, end);
      if (!NAME.test(name)) throw new ExpressionSyntaxError(`invalid name '${name}' in \${…}`, start + 2);
      at = end + 1;
      return token('REFERENCE', name, start);
    }
    if (isNameStart(c)) {
      // XPath names may contain '-': that is how count-selected and string-length are spelled.
      at++;
      // A namespace prefix: only jr:, for jr:choice-name.
      while (at < source.length && (isNameStart(source[at]) || isDigit(source[at]) || source[at] === '-'
        || (source[at] === ':' && at === start + 2 && source.startsWith('jr', start)))) at++;
      return token('NAME', source.slice(start, at), start);
    }
    at++;
    switch (c) {
      case '.':
        if (source[at] === '.') {
          at++;
          return token('PARENT', '..', start);
        }
        return token('DOT', '.', start);
      case '(': return token('OPEN', '(', start);
      case ')': return token('CLOSE', ')', start);
      case ',': return token('COMMA', ',', start);
      case '=': case '+': case '-': case '*': return token('SYMBOL', c, start);
      case '<': case '>':
        if (at < source.length && source[at] === '=') {
          at++;
          return token('SYMBOL', `${c}=`, start);
        }
        return token('SYMBOL', c, start);
      case '!':
        if (at < source.length && source[at] === '=') {
          at++;
          return token('SYMBOL', '!=', start);
        }
        throw new ExpressionSyntaxError("expected '!=' (use not(…) for negation)", start);
      default:
        throw new ExpressionSyntaxError(`unexpected character '${String.fromCodePoint(source.codePointAt(start))}'`, start);
    }
  }

  let t;
  do {
    t = next();
    list.push(t);
  } while (t.kind !== 'END');
  return list;
}

// ---------------------------------------------------------------------------------------------
// Parser

/** Loosest first, as in XPath; all binary operators associate to the left. */
const LEVELS = [
  new Set(['or']),
  new Set(['and']),
  new Set(['=', '!=']),
  new Set(['<', '<=', '>', '>=']),
  new Set(['+', '-']),
  new Set(['*', 'div', 'mod']),
];

/** name → [minimum, maximum] number of arguments. */
const FUNCTIONS = new Map([
  ['true', [0, 0]], ['false', [0, 0]], ['not', [1, 1]], ['boolean', [1, 1]], ['boolean-from-string', [1, 1]],
  ['if', [3, 3]], ['coalesce', [2, 2]],
  ['string', [1, 1]], ['concat', [0, Infinity]], ['join', [1, Infinity]], ['substr', [2, 3]],
  ['substring-before', [2, 2]], ['substring-after', [2, 2]], ['contains', [2, 2]], ['starts-with', [2, 2]],
  ['ends-with', [2, 2]], ['normalize-space', [1, 1]], ['translate', [3, 3]], ['string-length', [1, 1]],
  ['regex', [2, 2]],
  ['selected', [2, 2]], ['selected-at', [2, 2]], ['count-selected', [1, 1]], ['jr:choice-name', [2, 2]],
  ['number', [1, 1]], ['int', [1, 1]], ['round', [1, 2]], ['floor', [1, 1]], ['ceiling', [1, 1]], ['abs', [1, 1]],
  ['pow', [2, 2]], ['sqrt', [1, 1]], ['exp', [1, 1]], ['exp10', [1, 1]], ['log', [1, 1]], ['log10', [1, 1]],
  ['sin', [1, 1]], ['cos', [1, 1]], ['tan', [1, 1]], ['asin', [1, 1]], ['acos', [1, 1]], ['atan', [1, 1]],
  ['atan2', [2, 2]], ['pi', [0, 0]], ['min', [1, Infinity]], ['max', [1, Infinity]], ['sum', [1, 1]],
  ['count', [1, 1]], ['count-non-empty', [1, 1]],
  ['today', [0, 0]], ['now', [0, 0]], ['date', [1, 1]], ['date-time', [1, 1]], ['decimal-date-time', [1, 1]],
  ['decimal-time', [1, 1]], ['format-date', [2, 2]], ['format-date-time', [2, 2]],
  ['position', [0, 0]], ['indexed-repeat', [3, 3]], ['once', [1, 1]], ['uuid', [0, 1]],
  ['area', [1, 1]], ['distance', [1, Infinity]],
]);

/** As UnsupportedFunctions.java: ODK functions a template cannot use, and why. */
const NEEDS_DEVICE = "needs ODK Collect's device or form files";
const UNSUPPORTED = new Map([
  ['pulldata', `reads a CSV attached to the form, ${NEEDS_DEVICE}`],
  ['instance', 'reads a secondary instance, which templates do not have'],
  ['random', 'gives a different value on the server than in the browser'],
  ['randomize', 'gives a different order on the server than in the browser'],
  ['digest', 'is not available in browsers without a secure context'],
  ['base64-decode', 'is not supported yet'],
  ['checklist', 'is not supported yet'],
  ['weighted-checklist', 'is not supported yet'],
  ['geofence', 'is not supported yet'],
  ['version', 'has no meaning for a ClusterLens template'],
  ['property', NEEDS_DEVICE],
  ['jr:itext', NEEDS_DEVICE],
  ['substring', "is XPath's 1-based substring, not supported; use substr (0-based)"],
  ['last', 'needs node-set steps, which templates do not have'],
  ['current', 'needs node-set steps, which templates do not have'],
]);

function unknownFunction(name) {
  const reason = UNSUPPORTED.get(name);
  return reason === undefined ? `unknown function '${name}'` : `function '${name}' is not supported: it ${reason}`;
}

/** Functions whose argument must be a ${name}: it stands for all its answers. */
const NAME_ARGUMENTS = new Set(['count', 'sum', 'count-non-empty']);

function arity(min, max) {
  const plural = (n) => `${n} argument${n === 1 ? '' : 's'}`;
  if (max === Infinity) return `at least ${plural(min)}`;
  if (min === max) return plural(min);
  return `${min} or ${plural(max)}`;
}

function describe(token) {
  switch (token.kind) {
    case 'END': return 'end of expression';
    case 'STRING': return `string '${token.text}'`;
    case 'REFERENCE': return `\${${token.text}}`;
    default: return `'${token.text}'`;
  }
}

/**
 * Parses an expression into a tree of plain objects:
 * {type: 'string'|'number', value}, {type: 'reference', name}, {type: 'current'},
 * {type: 'negation', operand}, {type: 'binary', operator, left, right},
 * {type: 'call', name, args}.
 * @throws {ExpressionSyntaxError}
 */
export function parse(source) {
  const list = tokens(String(source));
  let index = 0;
  const peek = () => list[index];

  function binary(level) {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if ((t.kind !== 'SYMBOL' && t.kind !== 'NAME') || !LEVELS[level].has(t.text)) return left;
      index++;
      left = { type: 'binary', operator: t.text, left, right: binary(level + 1) };
    }
  }

  function unary() {
    const t = peek();
    if (t.kind === 'SYMBOL' && t.text === '-') {
      index++;
      return { type: 'negation', operand: unary() };
    }
    return primary();
  }

  function expect(kind, text) {
    const t = peek();
    if (t.kind !== kind || t.text !== text) throw new ExpressionSyntaxError(`expected '${text}'`, t.position);
    index++;
  }

  function primary() {
    const t = list[index++];
    switch (t.kind) {
      case 'NUMBER': return { type: 'number', value: Number(t.text) };
      case 'STRING': return { type: 'string', value: t.text };
      case 'REFERENCE': return { type: 'reference', name: t.text, position: t.position };
      case 'DOT': return { type: 'current', position: t.position };
      case 'OPEN': {
        const inner = binary(0);
        expect('CLOSE', ')');
        return inner;
      }
      case 'NAME': return call(t);
      case 'END': throw new ExpressionSyntaxError('unexpected end of expression', t.position);
      default: throw new ExpressionSyntaxError(`unexpected ${describe(t)}`, t.position);
    }
  }

  function call(name) {
    if (peek().kind !== 'OPEN') {
      throw new ExpressionSyntaxError(`unexpected name '${name.text}' (answers are written \${${name.text}}, text in quotes)`,
        name.position);
    }
    const bounds = FUNCTIONS.get(name.text);
    if (!bounds) throw new ExpressionSyntaxError(unknownFunction(name.text), name.position);
    index++;
    const args = [];
    if (name.text === 'position' && peek().kind === 'PARENT') {
      index++;
    } else if (peek().kind !== 'CLOSE') {
      args.push(binary(0));
      while (peek().kind === 'COMMA') {
        index++;
        args.push(binary(0));
      }
    }
    expect('CLOSE', ')');
    if (args.length < bounds[0] || args.length > bounds[1]) {
      throw new ExpressionSyntaxError(`${name.text}() takes ${arity(bounds[0], bounds[1])}, not ${args.length}`,
        name.position);
    }
    if (NAME_ARGUMENTS.has(name.text) && args[0].type !== 'reference') {
      throw new ExpressionSyntaxError(`${name.text}() takes a \${name}`, name.position);
    }
    if (name.text === 'indexed-repeat' && (args[0].type !== 'reference' || args[1].type !== 'reference')) {
      throw new ExpressionSyntaxError('indexed-repeat() takes ${question}, ${repeat}, index', name.position);
    }
    return { type: 'call', name: name.text, args, position: name.position };
  }

  const tree = binary(0);
  const rest = peek();
  if (rest.kind !== 'END') throw new ExpressionSyntaxError(`unexpected ${describe(rest)}`, rest.position);
  return tree;
}

const parsed = new Map();

/** parse() with a cache: templates evaluate the same few expressions on every change. */
export function compile(source) {
  let tree = parsed.get(source);
  if (!tree) {
    tree = parse(source);
    parsed.set(source, tree);
  }
  return tree;
}

/** The names used as ${name}, in order of first use. */
export function references(tree) {
  const names = new Set();
  (function walk(node) {
    if (node.type === 'reference') names.add(node.name);
    for (const child of [node.operand, node.left, node.right, ...(node.args ?? [])]) {
      if (child) walk(child);
    }
  })(tree);
  return [...names];
}

// ---------------------------------------------------------------------------------------------
// Values: XPath boolean(), number(), string() as org.clusterlens.forms.expression.Values does them

/** Brings an answer into the value domain: null becomes "", an array an array of strings. */
export function normalise(answer) {
  if (answer === null || answer === undefined) return '';
  switch (typeof answer) {
    case 'string': case 'number': case 'boolean': return answer;
    default:
      if (Array.isArray(answer)) return answer.map((element) => toText(element));
      return String(answer);
  }
}

export function toBoolean(value) {
  const v = normalise(value);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v.length > 0;
  return v.length > 0;
}

const XPATH_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;

function parseNumber(text) {
  const trimmed = strip(text);
  return XPATH_NUMBER.test(trimmed) ? Number(trimmed) : Math.floor(days(trimmed));
}

export function toNumber(value) {
  const v = normalise(value);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return parseNumber(v);
  return parseNumber(toText(v));
}

export function toText(value) {
  const v = normalise(value);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'string') return v;
  return v.join(' ');
}

/** Significant digits (no leading or trailing zeros) and how many of them precede the point. */
function decimalDigits(text) {
  const [mantissa, exponent = '0'] = text.split('e');
  const point = mantissa.indexOf('.');
  let digits = mantissa.replace('.', '');
  let before = (point < 0 ? mantissa.length : point) + Number(exponent);
  while (digits.startsWith('0')) {
    digits = digits.slice(1);
    before--;
  }
  return { digits: digits.replace(/0+$/, ''), before };
}

/**
 * Plain decimal notation of the shortest round-tripping digits, as Values.toText does with
 * Double.toString (JDK 19+) and BigDecimal.toPlainString. Java never settles for one significant
 * digit: it takes the closest two-digit decimal that still round-trips, which only differs from
 * JavaScript's choice for the smallest subnormals (Double.MIN_VALUE is 4.9E-324 there).
 */
function numberText(d) {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return '0';
  const magnitude = Math.abs(d);
  let { digits, before } = decimalDigits(String(magnitude));
  if (digits.length === 1) {
    const two = magnitude.toPrecision(2);
    if (Number(two) === magnitude) ({ digits, before } = decimalDigits(two));
  }
  let plain;
  if (before <= 0) plain = `0.${'0'.repeat(-before)}${digits}`;
  else if (before >= digits.length) plain = digits + '0'.repeat(before - digits.length);
  else plain = `${digits.slice(0, before)}.${digits.slice(before)}`;
  return d < 0 ? `-${plain}` : plain;
}

// ---------------------------------------------------------------------------------------------
// Regular expressions: the dialect Java and JavaScript share (RegexDialect.java), run with the
// Java meaning of the few constructs that still read differently.

const LETTER_ESCAPES = 'dDwWsSbBnrtf';
const SYNTAX_CHARACTERS = '^$\\.*+?()[]{}|/-';
const GROUP_OPENINGS = ['(?:', '(?=', '(?!', '(?<=', '(?<!'];
const LONG_ESCAPES = [/^u[0-9A-Fa-f]{4}/, /^x[0-9A-Fa-f]{2}/, /^[pP]\{[A-Z][a-z]?\}/, /^k<[A-Za-z][A-Za-z0-9]*>/];
const NAMED_GROUP = /^\(\?<[A-Za-z][A-Za-z0-9]*>/;

function escapeLength(pattern, at, inClass) {
  const c = pattern[at];
  if (c === undefined) return -1;
  if (LETTER_ESCAPES.includes(c) || SYNTAX_CHARACTERS.includes(c) || (c >= '1' && c <= '9')) {
    return c === '-' && !inClass ? -1 : 1;
  }
  const rest = pattern.slice(at);
  for (const escape of LONG_ESCAPES) {
    const match = escape.exec(rest);
    if (match) return match[0].length;
  }
  return -1;
}

/** @return a reason when the pattern is outside the shared dialect, else null */
export function regexProblem(pattern) {
  let inClass = false;
  let quantified = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const length = escapeLength(pattern, i + 1, inClass);
      if (length < 0) return `the escape \\${pattern[i + 1] ?? ''} is not portable`;
      i += length;
    } else if (inClass) {
      if (c === '[' || pattern.startsWith('&&', i)) return "nested classes and '&&' inside [...] are not portable";
      inClass = c !== ']';
    } else if (c === '[') {
      inClass = true;
      if (pattern.startsWith('^]', i + 1) || pattern.startsWith(']', i + 1)) return "']' first in a class is not portable";
    } else if (c === '(' && pattern.startsWith('(?', i)
        && !GROUP_OPENINGS.some((opening) => pattern.startsWith(opening, i)) && !NAMED_GROUP.test(pattern.slice(i))) {
      return 'only (?:, (?=, (?!, (?<=, (?<! and (?<name> groups are supported';
    } else if (c === '+' && quantified) {
      return 'possessive quantifiers are not supported';
    }
    quantified = !inClass && '*+?}'.includes(c) && !(c === '?' && quantified);
  }
  return null;
}

const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';

/**
 * Rewrites a dialect pattern so that a JavaScript `u` RegExp reads it as java.util.regex does:
 * \s is ASCII, `.` also stops at U+0085, `$` also matches before a final line terminator, and a
 * lone `]` or `}` is a literal.
 */
function javaMeaning(pattern) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const length = escapeLength(pattern, i + 1, inClass);
      const escape = pattern.slice(i, i + 1 + length);
      if (escape === '\\s') out += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
      else if (escape === '\\S' && !inClass) out += `[^${JAVA_SPACE}]`;
      else out += escape;
      i += length;
    } else if (inClass) {
      out += c;
      inClass = c !== ']';
    } else if (c === '[') {
      out += c;
      inClass = true;
    } else if (c === '.') {
      out += '[^\\n\\r\\u0085\\u2028\\u2029]';
    } else if (c === '$') {
      out += '(?:$|(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])$))';
    } else if (c === ']') {
      out += '\\]';
    } else if (c === '{') {
      const quantifier = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i));
      if (quantifier) {
        out += quantifier[0];
        i += quantifier[0].length - 1;
      } else {
        out += c;
      }
    } else if (c === '}') {
      out += '\\}';
    } else {
      out += c;
    }
  }
  return out;
}

const compiledPatterns = new Map();

function matches(text, pattern) {
  if (!compiledPatterns.has(pattern)) {
    let regex = null;
    if (regexProblem(pattern) === null) {
      try {
        regex = new RegExp(`^(?:${javaMeaning(pattern)})$`, 'u');
      } catch {
        regex = null;
      }
    }
    compiledPatterns.set(pattern, regex);
  }
  const regex = compiledPatterns.get(pattern);
  return regex !== null && regex.test(text);
}

// ---------------------------------------------------------------------------------------------
// Evaluator

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function equal(left, right) {
  if (typeof left === 'boolean' || typeof right === 'boolean') return toBoolean(left) === toBoolean(right);
  if (typeof left === 'number' || typeof right === 'number') return toNumber(left) === toNumber(right);
  return toText(left) === toText(right);
}

function compare(left, right, holds) {
  if (typeof left === 'string' && typeof right === 'string' && ISO_DATE.test(left) && ISO_DATE.test(right)) {
    return holds(left < right ? -1 : left > right ? 1 : 0);
  }
  const a = toNumber(left);
  const b = toNumber(right);
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  return holds(a < b ? -1 : a > b ? 1 : 0);
}

function choices(value) {
  if (Array.isArray(value)) return value;
  const text = strip(toText(value));
  // Java's split on \s+ splits on ASCII whitespace only.
  return text === '' ? [] : text.split(/[ \t\n\x0B\f\r]+/);
}

function codePoints(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function truncate(x) {
  return x < 0 ? Math.ceil(x) : Math.floor(x);
}

/** @return a string, number, boolean or array of strings */
export function evaluate(tree, context) {
  const ev = (node) => evaluate(node, context);
  switch (tree.type) {
    case 'string': case 'number': return tree.value;
    case 'reference': return normalise(context.answer(tree.name));
    case 'current': return normalise(context.currentValue());
    case 'negation': return -toNumber(ev(tree.operand));
    case 'binary': return binary(tree, ev);
    case 'call': return call(tree, ev, context);
    default: throw new Error(`unknown node ${tree.type}`);
  }
}

function binary(node, ev) {
  if (node.operator === 'and') return toBoolean(ev(node.left)) && toBoolean(ev(node.right));
  if (node.operator === 'or') return toBoolean(ev(node.left)) || toBoolean(ev(node.right));
  const left = ev(node.left);
  const right = ev(node.right);
  switch (node.operator) {
    case '=': return equal(left, right);
    case '!=': return !equal(left, right);
    case '<': return compare(left, right, (order) => order < 0);
    case '<=': return compare(left, right, (order) => order <= 0);
    case '>': return compare(left, right, (order) => order > 0);
    case '>=': return compare(left, right, (order) => order >= 0);
    case '+': return toNumber(left) + toNumber(right);
    case '-': return toNumber(left) - toNumber(right);
    case '*': return toNumber(left) * toNumber(right);
    case 'div': return toNumber(left) / toNumber(right);
    case 'mod': return toNumber(left) % toNumber(right);
    default: throw new Error(`unknown operator ${node.operator}`);
  }
}

function isBlank(value) {
  return strip(toText(value)) === '';
}

/** A ${name} argument stands for all its answers (across a repeat's entries); anything else for itself. */
function nodeSet(node, ev, context) {
  if (node.type === 'reference') return context.repeatValues(node.name).map((value) => normalise(value));
  return [ev(node)];
}

/** As Collect: what is not a number (blank included) is skipped, in order, without compensation. */
function sum(values) {
  let total = 0;
  for (const value of values) {
    const number = toNumber(value);
    if (!Number.isNaN(number)) total += number;
  }
  return total;
}

/** min and max skip what is not a number (blank included), as Collect does; NaN when nothing is left. */
function extreme(args, ev, context, pick) {
  let result = NaN;
  for (const value of args.flatMap((arg) => nodeSet(arg, ev, context))) {
    const number = toNumber(value);
    if (!Number.isNaN(number)) result = Number.isNaN(result) ? number : pick(result, number);
  }
  return result;
}

/** A date-time as its days with the fraction of the day, where arithmetic counts whole days. */
function momentOf(value) {
  return typeof value === 'string' ? days(strip(value)) : toNumber(value);
}

/** selected(x, '') is true of an empty answer, as in Collect, and of nothing else. */
function selected(answer, value) {
  const chosen = choices(answer);
  return value === '' ? chosen.length === 0 : chosen.includes(value);
}

const QUESTION_NAME = /^(?:\$\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;

function choiceName(value, question, context) {
  const reference = QUESTION_NAME.exec(strip(question));
  if (value === '' || !reference) return '';
  return context.choiceLabel?.(reference[1] ?? reference[2], value) ?? '';
}

function now(context) {
  return parseNow(context.now?.() ?? `${context.today()}T00:00:00.000+00:00`);
}

// getRandomValues gives at most 65,536 bytes at once; RandomText.java stops there too.
const MAX_RANDOM_TEXT = 65536;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** uuid(): a random version 4 UUID; uuid(n): n random letters and digits. */
function uuid(length) {
  const bytes = crypto.getRandomValues(new Uint8Array(length ?? 16));
  if (length !== undefined) return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function call(node, ev, context) {
  const args = node.args;
  const text = (i) => toText(ev(args[i]));
  const number = (i) => toNumber(ev(args[i]));
  const geopoints = () => points(args.flatMap((arg) => nodeSet(arg, ev, context)).map(toText), strip, toNumber);
  switch (node.name) {
    case 'true': return true;
    case 'false': return false;
    case 'not': return !toBoolean(ev(args[0]));
    case 'boolean': return toBoolean(ev(args[0]));
    case 'boolean-from-string': {
      const value = text(0);
      return value.toLowerCase() === 'true' || value === '1';
    }
    case 'if': return toBoolean(ev(args[0])) ? ev(args[1]) : ev(args[2]);
    case 'coalesce': {
      const first = ev(args[0]);
      return toText(first) === '' ? ev(args[1]) : first;
    }
    case 'string': return text(0);
    case 'concat': return (args.length === 1 ? nodeSet(args[0], ev, context) : args.map(ev)).map(toText).join('');
    case 'join': return args.slice(1).flatMap((arg) => nodeSet(arg, ev, context)).map(toText).join(text(0));
    case 'substr': return substr(text(0), number(1), args.length > 2 ? number(2) : undefined);
    case 'substring-before': return substringBefore(text(0), text(1));
    case 'substring-after': return substringAfter(text(0), text(1));
    case 'contains': return text(0).includes(text(1));
    case 'starts-with': return text(0).startsWith(text(1));
    case 'ends-with': return text(0).endsWith(text(1));
    case 'normalize-space': return normalizeSpace(text(0));
    case 'translate': return translate(text(0), text(1), text(2));
    case 'string-length': return codePoints(text(0));
    case 'regex': return matches(text(0), text(1));
    case 'selected': return selected(ev(args[0]), strip(text(1)));
    case 'selected-at': {
      const chosen = choices(ev(args[0]));
      const at = toInt(number(1));
      return at >= 0 && at < chosen.length ? chosen[at] : '';
    }
    case 'count-selected': return choices(ev(args[0])).length;
    case 'jr:choice-name': return choiceName(text(0), text(1), context);
    case 'number': return number(0);
    case 'int': return truncate(number(0));
    case 'round': return round(number(0), args.length === 1 ? 0 : number(1), toInt);
    case 'floor': return Math.floor(number(0));
    case 'ceiling': return Math.ceil(number(0));
    case 'abs': return Math.abs(number(0));
    case 'pow': return Math.pow(number(0), number(1));
    case 'sqrt': return Math.sqrt(number(0));
    case 'exp': return Math.exp(number(0));
    case 'exp10': return Math.pow(10, number(0));
    case 'log': return Math.log(number(0));
    case 'log10': return Math.log10(number(0));
    case 'sin': return Math.sin(number(0));
    case 'cos': return Math.cos(number(0));
    case 'tan': return Math.tan(number(0));
    case 'asin': return Math.asin(number(0));
    case 'acos': return Math.acos(number(0));
    case 'atan': return Math.atan(number(0));
    case 'atan2': return Math.atan2(number(0), number(1));
    case 'pi': return Math.PI;
    case 'min': return extreme(args, ev, context, Math.min);
    case 'max': return extreme(args, ev, context, Math.max);
    case 'sum': return sum(nodeSet(args[0], ev, context));
    case 'count': return context.repeatValues(args[0].name).length;
    case 'count-non-empty': return nodeSet(args[0], ev, context).filter((value) => !isBlank(value)).length;
    case 'today': return context.today();
    case 'now': {
      const { days: dayCount, offsetMinutes } = now(context);
      return dateTimeText(dayCount, offsetMinutes);
    }
    case 'date': {
      const value = ev(args[0]);
      return dateText(typeof value === 'number' ? truncate(value) : momentOf(value));
    }
    case 'date-time': return dateTimeText(momentOf(ev(args[0])), now(context).offsetMinutes);
    case 'decimal-date-time': return momentOf(ev(args[0]));
    case 'decimal-time': return fractionOfDay(strip(text(0)));
    case 'format-date': case 'format-date-time': {
      const m = moment(momentOf(ev(args[0])));
      return m === null ? '' : format(m, text(1));
    }
    case 'position': return context.position?.() ?? 0;
    case 'indexed-repeat': {
      const values = context.repeatValues(args[0].name);
      const at = toInt(number(2)) - 1;
      return at >= 0 && at < values.length ? normalise(values[at]) : '';
    }
    case 'once': {
      const kept = normalise(context.currentValue());
      return isBlank(kept) ? ev(args[0]) : kept;
    }
    case 'uuid': return args.length === 0 ? uuid() : uuid(Math.min(Math.max(0, toInt(number(0))), MAX_RANDOM_TEXT));
    case 'area': return area(geopoints());
    case 'distance': return distance(geopoints());
    default: throw new Error(`unknown function ${node.name}`);
  }
}

/** Parses (cached) and evaluates; a syntax error propagates. */
export function evaluateSource(source, context) {
  return evaluate(compile(source), context);
}
