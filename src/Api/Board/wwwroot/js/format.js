/** A no-break space, so a figure and its unit stay on one line. */
const nbsp = '\u00a0';

/** A share as a whole percentage: 0.764 → "76 %"; none → "–". */
export function percent(share) {
  return share === null || share === undefined || !Number.isFinite(share) ? '–' : `${Math.round(share * 100)}${nbsp}%`;
}

/** A duration in seconds, short: "42 s", "3 min 05 s", "1 h 02 min". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}${nbsp}s`;
  if (s < 3600) return `${Math.floor(s / 60)}${nbsp}min ${String(s % 60).padStart(2, '0')}${nbsp}s`;
  return `${Math.floor(s / 3600)}${nbsp}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}${nbsp}min`;
}

/**
 * An ISO time as milliseconds since the epoch. The server writes seven fractional digits, which ECMAScript's date format
 * does not include; milliseconds are kept so every engine reads it alike.
 */
export function instant(iso) {
  return Date.parse(String(iso).replace(/(\.\d{3})\d+/, '$1'));
}

/** Seconds since an ISO time, by this browser's clock. */
export function secondsSince(iso) {
  return iso ? Math.max(0, (Date.now() - instant(iso)) / 1000) : null;
}

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateAndClock = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A time of day in local time: "14:03:21". */
export function time(iso) {
  return iso ? clock.format(instant(iso)) : '–';
}

/** A date and time in local time: "5 Dec 2026, 14:03". */
export function dateTime(iso) {
  return iso ? dateAndClock.format(instant(iso)) : '–';
}

/** A number with at most `digits` decimals; none → "–". */
export function number(value, digits = 1) {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : String(Number(value.toFixed(digits)));
}

/** The value of an `<input type="datetime-local">` as ISO UTC; empty → undefined. */
export function fromLocalInput(value) {
  return value ? new Date(value).toISOString() : undefined;
}

/** An instant as the value of an `<input type="datetime-local">`. */
export function toLocalInput(date) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}

/** The words and icon for each presence; the icon never stands alone. */
export const presences = {
  offline: { label: 'Offline', icon: '○' },
  available: { label: 'Available', icon: '●' },
  busy: { label: 'Busy', icon: '◉' },
  wrap_up: { label: 'Wrap-up', icon: '✎' },
  break: { label: 'Break', icon: '‖' },
  not_responding: { label: 'Not responding', icon: '⚠' },
};

/** The words and icon for each alarm state of a department. */
export const alarms = {
  ok: { label: 'On track', icon: '✓', rank: 2 },
  behind: { label: 'Behind', icon: '▲', rank: 1 },
  critical: { label: 'Critical', icon: '✖', rank: 0 },
};

/** A status or enum name for people: "wrap_up" → "wrap up". */
export function words(name) {
  return name ? String(name).replaceAll('_', ' ') : '–';
}

/** A line for people: "l2" → "L2". */
export function line(name) {
  return name ? String(name).toUpperCase() : '–';
}
