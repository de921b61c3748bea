/**
 * Keeps the draft safe: on this device at once (localStorage, keyed by the invitation token) and on
 * the server about a second after the last change. A draft the server refuses because someone saved
 * a newer one (409) is never overwritten silently: the respondent chooses.
 */
import { apiPath } from './paths.mjs';

const DEBOUNCE_MS = 1000;
const RETRY_MS = [5000, 15000, 30000, 60000];

export class DraftSync {
  /**
   * @param {object} options
   * @param {string} options.token
   * @param {number} options.revision the revision the server last gave
   * @param {() => {answers: object, language: string}} options.snapshot what to save now
   * @param {(status: string, detail?: object) => void} options.onStatus saved|saving|offline|conflict (saving from the first unsent change on)
   * @param {(current: object) => void} options.onConflict a newer draft exists on the server
   * @param {(response: Response) => void} options.onRefused the server will not take drafts any more (submitted, revoked)
   */
  constructor({ token, revision, snapshot, onStatus, onConflict, onRefused }) {
    this.token = token;
    this.revision = revision;
    this.snapshot = snapshot;
    this.onStatus = onStatus;
    this.onConflict = onConflict;
    this.onRefused = onRefused;
    this.edits = 0;
    this.timer = null;
    this.sending = false;
    this.failures = 0;
    this.stopped = false;
    this.conflict = null;
    this.key = `clusterlens.respond.${token}`;
    window.addEventListener('online', () => this.flush());
  }

  /** The unsynced draft this device kept, if any: {answers, language, baseRevision, changedAt}. */
  local() {
    try {
      const stored = JSON.parse(localStorage.getItem(this.key) ?? 'null');
      return stored && typeof stored.answers === 'object' ? stored : null;
    } catch {
      return null;
    }
  }

  forgetLocal() {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // storage unavailable: nothing was kept
    }
  }

  #keepLocal() {
    const { answers, language } = this.snapshot();
    try {
      localStorage.setItem(this.key, JSON.stringify({ answers, language, baseRevision: this.revision, changedAt: new Date().toISOString() }));
      return true;
    } catch {
      return false;
    }
  }

  /** Call after every change of an answer or of the language. */
  changed() {
    if (this.stopped) return;
    this.edits++;
    this.#keepLocal();
    if (this.conflict) return;
    // "Saved" must mean the server has everything: a change waiting for the debounce is not saved yet.
    this.onStatus('saving');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  async flush() {
    clearTimeout(this.timer);
    if (this.stopped || this.conflict || !this.local()) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    this.again = false;
    const edits = this.edits;
    const { answers, language } = this.snapshot();
    this.onStatus('saving');
    let response;
    try {
      response = await fetch(apiPath(`respond/${encodeURIComponent(this.token)}/draft`), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ answers, language, revision: this.revision }),
        credentials: 'omit',
      });
    } catch {
      response = null;
    }
    this.sending = false;
    if (response?.ok) {
      const body = await response.json().catch(() => ({}));
      this.revision = body.revision ?? this.revision + 1;
      this.failures = 0;
      if (this.edits === edits) this.forgetLocal();
      else this.#keepLocal();
      if (this.again || this.edits !== edits) {
        this.onStatus('saving');
        this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
      } else {
        this.onStatus('saved', { savedAt: body.savedAt });
      }
      return;
    }
    if (response?.status === 409) {
      const problem = await response.json().catch(() => ({}));
      if (problem.current && typeof problem.current.revision === 'number') {
        this.conflict = problem.current;
        this.onStatus('conflict');
        this.onConflict(problem.current);
      } else {
        this.stop();
        this.onRefused(response);
      }
      return;
    }
    if (response && (response.status === 404 || response.status === 410)) {
      this.stop();
      this.onRefused(response);
      return;
    }
    // Offline, a timeout, a 5xx or a 429: the draft waits on this device.
    this.onStatus('offline');
    const delay = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)];
    this.failures++;
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /** The respondent keeps this device's answers: they replace the newer draft on the server. */
  keepMine(current) {
    this.revision = current.revision;
    this.conflict = null;
    this.#keepLocal();
    this.flush();
  }

  /** The respondent takes the newer draft; the caller shows it. */
  loadNewer(current) {
    this.revision = current.revision;
    this.conflict = null;
    this.forgetLocal();
    this.onStatus('saved', { savedAt: current.savedAt });
  }

  /** Also adopts a server revision when resuming with a local draft that was based on it. */
  resumeLocal(baseRevision) {
    this.revision = baseRevision;
    this.edits++;
    this.flush();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}

/** A UUID for a submission attempt; crypto.randomUUID needs a secure context, so there is a fallback. */
export function newSubmissionId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
