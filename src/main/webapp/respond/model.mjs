/**
 * What the form knows about a template and a response, without any DOM: which items exist where,
 * what is relevant, what the calculations give, and what is wrong with an answer. Expressions use
 * expressions.mjs, the same semantics as the server.
 */
import { compile, evaluate, toBoolean, toNumber } from './expressions.mjs';

const MAX_REPEAT_ENTRIES = 200;

export class FormModel {
  /**
   * @param language a function giving the respondent's language, for jr:choice-name
   * @param now      a function giving now() as "YYYY-MM-DDTHH:MM:SS.sss±HH:MM"
   */
  constructor(template, today = isoToday(), language = () => template.defaultLanguage, now = isoNow) {
    this.template = template;
    this.today = today;
    this.language = language;
    this.now = now;
    this.defaultLanguage = template.defaultLanguage;
    /** name → {item, section, repeat (the enclosing repeat item or null), repeats (enclosing repeat names, outermost first)} */
    this.items = new Map();
    for (const section of template.sections) this.#index(section.items, section, null, []);
  }

  #index(items, section, repeat, repeats) {
    for (const item of items ?? []) {
      this.items.set(item.name, { item, section, repeat, repeats });
      if (item.type === 'group') this.#index(item.items, section, repeat, repeats);
      else if (item.type === 'repeat') this.#index(item.items, section, item, [...repeats, item.name]);
    }
  }

  /** A text object in the language, falling back to the template's default language. */
  text(value, language) {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    return value[language] ?? value[this.defaultLanguage] ?? Object.values(value)[0] ?? '';
  }

  choices(item) {
    const list = [...(this.template.choiceLists?.[item.choices] ?? [])];
    return list;
  }

  /**
   * Evaluates relevance and calculations over the answers, in document order. Answers of questions
   * that are not relevant read as empty (as ODK does, and as the server drops them), and
   * calculations are stored in the result. Inside repeats, paths run "repeat/0/question", and
   * "outer/0/inner/1/question" in a repeat within a repeat.
   * @return {{effective: object, relevant: Map<string, boolean>, sections: Map<string, boolean>,
   *           questions: Array<{path, item, section}>, entryCounts: Map<string, number>}}
   *           (entryCounts by the repeat's path)
   */
  compute(answers) {
    const effective = structuredClone(answers ?? {});
    const relevant = new Map();
    const sections = new Map();
    const questions = [];
    const entryCounts = new Map();

    // scope: one repeat entry {repeat, index, entry, path, parent}; null at the top level
    const walk = (items, section, scope, parentRelevant) => {
      for (const item of items ?? []) {
        const path = scope ? `${scope.path}/${item.name}` : item.name;
        const holder = scope ? scope.entry : effective;
        let isRelevant = parentRelevant;
        if (isRelevant && item.relevant) isRelevant = this.holds(item.relevant, effective, scope, undefined, true);
        relevant.set(path, isRelevant);
        if (item.type === 'group') {
          walk(item.items, section, scope, isRelevant);
        } else if (item.type === 'repeat') {
          const stored = Array.isArray(holder[item.name]) ? holder[item.name] : [];
          const count = this.entryCount(item, stored.length, effective, scope);
          entryCounts.set(path, count);
          const entries = [];
          for (let i = 0; i < count; i++) {
            entries.push(stored[i] && typeof stored[i] === 'object' && !Array.isArray(stored[i]) ? stored[i] : {});
          }
          holder[item.name] = entries;
          entries.forEach((entry, index) => walk(item.items, section,
            { repeat: item.name, index, entry, path: `${path}/${index}`, parent: scope }, isRelevant));
          if (!isRelevant) delete holder[item.name];
        } else {
          questions.push({ path, item, section });
          if (item.type === 'calculate') {
            // The value so far is the current value, which once() keeps.
            const value = isRelevant ? this.value(item.calculation, effective, scope, holder[item.name]) : '';
            if (value === '' || (typeof value === 'number' && Number.isNaN(value))) delete holder[item.name];
            else holder[item.name] = value;
          } else if (!isRelevant) {
            delete holder[item.name];
            delete holder[`${item.name}_other`];
          }
        }
      }
    };

    for (const section of this.template.sections) {
      const isRelevant = section.relevant ? this.holds(section.relevant, effective, null, undefined, true) : true;
      sections.set(section.name, isRelevant);
      walk(section.items, section, null, isRelevant);
    }
    return { effective, relevant, sections, questions, entryCounts };
  }

  /** The chain of repeat entries a path is in, within {@code effective}; null at the top level. */
  scopeOf(path, effective) {
    const parts = String(path).split('/');
    let scope = null;
    let holder = effective;
    for (let i = 0; i + 2 < parts.length; i += 2) {
      const index = Number(parts[i + 1]);
      const entry = holder?.[parts[i]]?.[index] ?? {};
      scope = { repeat: parts[i], index, entry, path: parts.slice(0, i + 2).join('/'), parent: scope };
      holder = entry;
    }
    return scope;
  }

  /** How many entries a repeat has: fixed, from an expression, or as many as were added. */
  entryCount(item, stored, effective, scope = null) {
    if (Number.isInteger(item.count)) return Math.min(item.count, MAX_REPEAT_ENTRIES);
    if (item.countFrom) {
      const n = Math.trunc(toNumber(this.value(item.countFrom, effective, scope)));
      return Number.isFinite(n) ? Math.max(0, Math.min(n, MAX_REPEAT_ENTRIES)) : 0;
    }
    const max = Number.isInteger(item.maxCount) ? item.maxCount : MAX_REPEAT_ENTRIES;
    return Math.min(stored, max);
  }

  isOpenRepeat(item) {
    return !Number.isInteger(item.count) && !item.countFrom;
  }

  /**
   * What expressions see, as the server's SubmissionScope: a question's answer in this entry or the
   * enclosing one that holds it ("" from a repeat the scope is not in); count and sum across the
   * entries within the nearest entry both sides share.
   */
  context(effective, scope, current) {
    const holderOf = (repeatName) => {
      if (repeatName === null) return effective;
      let s = scope;
      while (s && s.repeat !== repeatName) s = s.parent;
      return s ? s.entry : null;
    };
    return {
      answer: (name) => {
        const info = this.items.get(name);
        return expressionValue(info?.item, holderOf(info?.repeat?.name ?? null)?.[name]);
      },
      currentValue: () => current,
      repeatValues: (name) => {
        const info = this.items.get(name);
        const isRepeat = info?.item.type === 'repeat';
        const target = isRepeat ? name : info?.repeat?.name;
        if (!target) return [expressionValue(info?.item, effective[name])];
        const enclosing = this.items.get(target).repeats;
        let s = scope;
        while (s && !enclosing.includes(s.repeat)) s = s.parent;
        const down = [...enclosing, target];
        let holders = [s ? s.entry : effective];
        for (const repeatName of down.slice(s ? down.indexOf(s.repeat) + 1 : 0)) {
          holders = holders.flatMap((h) => (Array.isArray(h?.[repeatName]) ? h[repeatName] : []));
        }
        return isRepeat ? holders : holders.map((entry) => expressionValue(info.item, entry[name]));
      },
      today: () => this.today,
      now: () => this.now(),
      position: () => (scope ? scope.index + 1 : 0),
      choiceLabel: (question, value) => {
        const item = this.items.get(question)?.item;
        const choice = item ? this.choices(item).find((c) => c.value === value) : undefined;
        return choice ? this.text(choice.label, this.language()) : '';
      },
    };
  }

  value(source, effective, scope, current) {
    try {
      return evaluate(compile(source), this.context(effective, scope, current));
    } catch (error) {
      // The server validated the template, so this is a bug; the form stays usable.
      console.warn(`expression ${source}:`, error);
      return '';
    }
  }

  holds(source, effective, scope, current, fallback) {
    try {
      return toBoolean(evaluate(compile(source), this.context(effective, scope, current)));
    } catch (error) {
      console.warn(`expression ${source}:`, error);
      return fallback;
    }
  }

  /**
   * What is wrong with one question's answer, as a UI string key and parameters, or a template
   * message; null when nothing is. `raw` is text the respondent typed that is not a valid value yet.
   */
  problem(question, answer, raw, effective, language) {
    const { item } = question;
    const scope = this.scopeOf(question.path, effective);
    if (raw !== undefined && raw !== '') {
      return { key: item.type === 'integer' ? 'errInteger' : 'errDecimal' };
    }
    if (isEmpty(item, answer)) {
      return item.required ? { key: 'errRequired' } : null;
    }
    switch (item.type) {
      case 'integer':
      case 'decimal':
        if (typeof answer !== 'number' || !Number.isFinite(answer) || (item.type === 'integer' && !Number.isInteger(answer))) {
          return { key: item.type === 'integer' ? 'errInteger' : 'errDecimal' };
        }
        if (typeof item.min === 'number' && answer < item.min) return { key: 'errMin', params: { min: item.min } };
        if (typeof item.max === 'number' && answer > item.max) return { key: 'errMax', params: { max: item.max } };
        break;
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(answer)) return { key: 'errDate' };
        if (item.min && answer < item.min) return { key: 'errDateMin', params: { min: item.min } };
        if (item.max && answer > item.max) return { key: 'errDateMax', params: { max: item.max } };
        break;
      case 'text':
      case 'long_text':
        if (Number.isInteger(item.maxLength) && [...answer].length > item.maxLength) {
          return { key: 'errMaxLength', params: { n: item.maxLength } };
        }
        break;
      case 'select_multiple':
        if (Number.isInteger(item.minSelected) && answer.length < item.minSelected) {
          return { key: 'errMinSelected', params: { n: item.minSelected } };
        }
        if (Number.isInteger(item.maxSelected) && answer.length > item.maxSelected) {
          return { key: 'errMaxSelected', params: { n: item.maxSelected } };
        }
        break;
      case 'rank': {
        const wanted = Math.min(item.rankCount ?? Infinity, this.choices(item).length);
        if (answer.length !== wanted && (item.required || answer.length > wanted)) return { key: 'errRank', params: { n: wanted } };
        break;
      }
      case 'geopoint': {
        const { lat, lon } = answer;
        if (lat === undefined || lon === undefined) return { key: 'errGeoBoth' };
        if (typeof lat !== 'number' || !(lat >= -90 && lat <= 90)) return { key: 'errLatitude' };
        if (typeof lon !== 'number' || !(lon >= -180 && lon <= 180)) return { key: 'errLongitude' };
        break;
      }
      case 'linkage': {
        const register = this.register ?? [];
        const missing = answer.find((link) => !Array.isArray(link.relations) || link.relations.length === 0);
        if (missing) {
          const actor = register.find((a) => a.id === missing.actor);
          return { key: 'errRelations', params: { name: actor?.name ?? missing.actor } };
        }
        break;
      }
      case 'matrix':
        if (item.required && (item.rows ?? []).some((row) => !answer[row.name])) return { key: 'errRequired' };
        break;
      default:
        break;
    }
    const holder = scope ? scope.entry : effective;
    const otherChosen = answer === 'other' || (Array.isArray(answer) && answer.includes('other'));
    if (item.other && otherChosen && !String(holder[`${item.name}_other`] ?? '').trim()) return { key: 'errOther' };
    if (item.constraint && !this.holds(item.constraint, effective, scope, expressionValue(item, answer), true)) {
      return item.constraintMessage ? { text: this.text(item.constraintMessage, language) } : { key: 'errConstraint' };
    }
    return null;
  }
}

/** An answer as expressions see it: scalars and choice lists as they are, structured answers flattened. */
export function expressionValue(item, raw) {
  if (raw === undefined || raw === null) return '';
  switch (item?.type) {
    case 'geopoint':
      return typeof raw === 'object' && typeof raw.lat === 'number' && typeof raw.lon === 'number' ? `${raw.lat} ${raw.lon}` : '';
    case 'linkage':
      return Array.isArray(raw) ? raw.map((link) => String(link?.actor)) : '';
    case 'matrix':
      return '';
    default:
      return raw;
  }
}

export function isEmpty(item, answer) {
  if (answer === undefined || answer === null || answer === '') return true;
  if (Array.isArray(answer)) return answer.length === 0;
  if (typeof answer === 'object') {
    if (item?.type === 'geopoint') return answer.lat === undefined && answer.lon === undefined;
    return Object.keys(answer).length === 0;
  }
  return false;
}

/** "/answers/training/0/days" → "training/0/days"; JSON pointer escapes undone. */
export function pathOfPointer(pointer) {
  const parts = String(pointer).split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (parts[0] !== 'answers') return null;
  return parts.slice(1).join('/');
}

/** The device's clock and offset, as the expression language writes a date-time. */
export function isoNow() {
  const now = new Date();
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:`
    + `${pad(now.getMinutes())}:${pad(now.getSeconds())}.${pad(now.getMilliseconds(), 3)}`
    + `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

export function isoToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
