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
 *   repeatValues(name)  → a repeat's entries, or a question's answers across a repeat's entries
 *   today()             → "YYYY-MM-DD"
 */

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
      while (at < source.length && (isNameStart(source[at]) || isDigit(source[at]) || source[at] === '-')) at++;
      return token('NAME', source.slice(start, at), start);
    }
    at++;
    switch (c) {
      case '.': return token('DOT', '.', start);
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
  ['selected', [2, 2]],
  ['count-selected', [1, 1]],
  ['not', [1, 1]],
  ['if', [3, 3]],
  ['string-length', [1, 1]],
  ['regex', [2, 2]],
  ['count', [1, 1]],
  ['sum', [1, 1]],
  ['concat', [1, Infinity]],
  ['number', [1, 1]],
  ['int', [1, 1]],
  ['round', [1, 2]],
  ['coalesce', [2, 2]],
  ['today', [0, 0]],
]);

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
    if (!bounds) throw new ExpressionSyntaxError(`unknown function '${name.text}'`, name.position);
    index++;
    const args = [];
    if (peek().kind !== 'CLOSE') {
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
    if ((name.text === 'count' || name.text === 'sum') && args[0].type !== 'reference') {
      throw new ExpressionSyntaxError(`${name.text}() takes a \${name}`, name.position);
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
  return XPATH_NUMBER.test(trimmed) ? Number(trimmed) : NaN;
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

/** Math.pow(10, n) as Java computes it for integer n (correctly rounded, unlike V8 near 1e-307). */
function powerOfTen(n) {
  return Math.abs(n) <= 400 ? Number(`1e${n}`) : Math.pow(10, n);
}

function round(x, digits) {
  if (Number.isNaN(digits)) return NaN;
  const scale = powerOfTen(truncate(digits));
  return Math.floor(x * scale + 0.5) / scale;
}

/** DoubleStream.sum(): Kahan summation, with the simple sum kept for same-signed infinities. */
function javaSum(numbers) {
  let high = 0;
  let negatedLow = 0;
  let simple = 0;
  for (const value of numbers) {
    const tmp = value - negatedLow;
    const velvel = high + tmp;
    negatedLow = (velvel - high) - tmp;
    high = velvel;
    simple += value;
  }
  const result = high - negatedLow;
  return Number.isNaN(result) && !Number.isFinite(simple) && !Number.isNaN(simple) ? simple : result;
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

function call(node, ev, context) {
  const args = node.args;
  switch (node.name) {
    case 'selected': return choices(ev(args[0])).includes(strip(toText(ev(args[1]))));
    case 'count-selected': return choices(ev(args[0])).length;
    case 'not': return !toBoolean(ev(args[0]));
    case 'if': return toBoolean(ev(args[0])) ? ev(args[1]) : ev(args[2]);
    case 'string-length': return codePoints(toText(ev(args[0])));
    case 'regex': return matches(toText(ev(args[0])), toText(ev(args[1])));
    case 'count': return context.repeatValues(args[0].name).length;
    case 'sum': return javaSum(context.repeatValues(args[0].name).map(toNumber));
    case 'concat': return args.map((arg) => toText(ev(arg))).join('');
    case 'number': return toNumber(ev(args[0]));
    case 'int': return truncate(toNumber(ev(args[0])));
    case 'round': return round(toNumber(ev(args[0])), args.length === 1 ? 0 : toNumber(ev(args[1])));
    case 'coalesce': {
      const first = ev(args[0]);
      return toText(first) === '' ? ev(args[1]) : first;
    }
    case 'today': return context.today();
    default: throw new Error(`unknown function ${node.name}`);
  }
}

/** Parses (cached) and evaluates; a syntax error propagates. */
export function evaluateSource(source, context) {
  return evaluate(compile(source), context);
}
