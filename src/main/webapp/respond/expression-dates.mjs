/**
 * Dates as Collect computes with them, as DateValues.java and DateFormat.java do: a date is its
 * number of days since 1970-01-01, a date-time that number plus the fraction of the day, counted by
 * its wall-clock time as written whatever its offset.
 */

export const DAY_MS = 86400000;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Date.UTC reads years 0–99 as 1900–1999; this does not. */
function epochDay(year, month, day) {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.getTime() / DAY_MS : NaN;
}

function millisOfDay(hours, minutes, seconds, fraction) {
  const h = Number(hours);
  const m = Number(minutes);
  const s = seconds === undefined ? 0 : Number(seconds);
  const ms = fraction === undefined ? 0 : Number(`${fraction}00`.slice(0, 3));
  if (h > 23 || m > 59 || s > 59) return NaN;
  return ((h * 60 + m) * 60 + s) * 1000 + ms;
}

const FIRST_DAY = epochDay(0, 1, 1);
const LAST_DAY = epochDay(9999, 12, 31);

/** The days since 1970-01-01 of a date or date-time string, or NaN. */
export function days(text) {
  const m = DATE_TIME.exec(text);
  if (!m) return NaN;
  const day = epochDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (m[4] === undefined || Number.isNaN(day)) return day;
  const ms = millisOfDay(m[4], m[5], m[6], m[7]);
  return Number.isNaN(ms) ? ms : day + ms / DAY_MS;
}

export function fractionOfDay(text) {
  const m = TIME.exec(text);
  if (m) return millisOfDay(m[1], m[2], m[3], m[4]) / DAY_MS;
  const d = days(text);
  return d - Math.floor(d);
}

/** A day (as a UTC Date at its midnight) and the milliseconds into it; null outside years 0–9999. */
export function moment(dayCount) {
  if (Number.isNaN(dayCount) || dayCount < FIRST_DAY || dayCount >= LAST_DAY + 1) return null;
  const ms = Math.round(dayCount * DAY_MS);
  const day = Math.floor(ms / DAY_MS);
  if (day > LAST_DAY) return null;
  return { date: new Date(day * DAY_MS), millisOfDay: ms - day * DAY_MS };
}

const pad = (n, width) => String(n).padStart(width, '0');

function field(m, letter) {
  const { date, millisOfDay: ms } = m;
  switch (letter) {
    case 'Y': return pad(date.getUTCFullYear(), 4);
    case 'y': return pad(date.getUTCFullYear() % 100, 2);
    case 'm': return pad(date.getUTCMonth() + 1, 2);
    case 'n': return String(date.getUTCMonth() + 1);
    case 'b': return MONTHS[date.getUTCMonth()];
    case 'd': return pad(date.getUTCDate(), 2);
    case 'e': return String(date.getUTCDate());
    case 'a': return WEEKDAYS[date.getUTCDay()];
    case 'H': return pad(Math.floor(ms / 3600000), 2);
    case 'h': return String(Math.floor(ms / 3600000));
    case 'M': return pad(Math.floor(ms / 60000) % 60, 2);
    case 'S': return pad(Math.floor(ms / 1000) % 60, 2);
    case '3': return pad(ms % 1000, 3);
    default: return null;
  }
}

export function format(m, pattern) {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '%' && i + 1 < pattern.length) {
      const value = field(m, pattern[i + 1]);
      if (value !== null) {
        out += value;
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}

export function dateText(dayCount) {
  const m = moment(dayCount);
  return m === null ? '' : format(m, '%Y-%m-%d');
}

/** YYYY-MM-DDTHH:MM:SS.mmm±HH:MM, offsetMinutes east of UTC. */
export function dateTimeText(dayCount, offsetMinutes) {
  const m = moment(dayCount);
  if (m === null) return '';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${format(m, '%Y-%m-%dT%H:%M:%S.%3')}${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

/** The day count and the offset (minutes east of UTC) of now()'s "YYYY-MM-DDTHH:MM:SS.sss±HH:MM". */
export function parseNow(text) {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(text);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return { days: days(text), offsetMinutes: minutes };
}
