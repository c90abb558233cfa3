import { api } from './api.js';
import { h, setText } from './dom.js';
import { time } from './format.js';
import { departmentName, operatorName } from './state.js';

const feed = document.getElementById('alert-feed');
const ackAll = document.getElementById('alerts-ack-all');
const error = document.getElementById('alerts-error');
const criticalCount = document.getElementById('critical-count');
const sound = document.getElementById('sound');
const announcer = document.getElementById('announce-critical');
const ackStorage = 'helpdesk.board.acknowledged';
const soundStorage = 'helpdesk.board.sound';
const kept = 200;
const notices = new Map();
let acknowledged = new Set(JSON.parse(localStorage.getItem(ackStorage) ?? '[]'));
let audio = null;
let newest = 0;

const kinds = {
  'sla-violation': { label: 'SLA', icon: '!' },
  'kpi-alert': { label: 'KPI', icon: '◆' },
  'balancer-proposal': { label: 'Balancer proposal', icon: '⇄' },
  'balancer-move': { label: 'Balancer move', icon: '⇄' },
  'balancer-rejected': { label: 'Proposal rejected', icon: '⇄' },
};
const degrees = {
  warning: { label: 'SLA warning', icon: '!' },
  violation: { label: 'SLA violation', icon: '▲' },
  critical: { label: 'SLA critical', icon: '✖' },
};

/** The key an acknowledgement is kept under: the id with its time, since a new in-memory feed counts ids from 1 again. */
const keyOf = notice => `${notice.id}@${notice.at}`;
const isCritical = notice => notice.violation?.degree === 'critical';

/** Wires the feed's buttons and the sound switch (off unless switched on in this browser). */
export function initAlerts() {
  sound.checked = localStorage.getItem(soundStorage) === 'on';
  sound.addEventListener('change', () => {
    localStorage.setItem(soundStorage, sound.checked ? 'on' : 'off');
    if (sound.checked) unlockAudio();
  });
  for (const type of ['pointerdown', 'keydown']) {
    document.addEventListener(type, () => { if (sound.checked) unlockAudio(); }, { once: true });
  }
  ackAll.addEventListener('click', () => {
    for (const notice of notices.values()) acknowledge(notice);
  });
}

/** Fills the feed with the notices kept by the server, without announcing them. */
export async function loadNotices() {
  feed.setAttribute('aria-busy', 'true');
  try {
    for (const notice of await api('/api/supervisor/notices?after=0')) add(notice, { quiet: true });
    setText(error, '');
  } catch (refused) {
    setText(error, `The recent alerts could not be read: ${refused.message}`);
  } finally {
    feed.setAttribute('aria-busy', 'false');
  }
}

/** Empties the feed, on sign-out. */
export function clearNotices() {
  notices.clear();
  newest = 0;
  feed.replaceChildren();
  updateCount();
}

/**
 * Adds a notice from the stream; a critical one is announced at once and, when switched on, beeps. A repeat is ignored, and so
 * is the sound of one older than the newest seen: a stream opened afresh replays what the server keeps.
 */
export function add(notice, { quiet = false } = {}) {
  const key = keyOf(notice);
  if (notices.has(key)) return;
  notices.set(key, notice);
  const replayed = notice.id <= newest;
  newest = Math.max(newest, notice.id);
  const item = render(notice);
  const before = [...feed.children].find(other => Number(other.dataset.id) < notice.id);
  feed.insertBefore(item, before ?? null);
  while (feed.children.length > kept) {
    notices.delete(feed.lastElementChild.dataset.key);
    feed.lastElementChild.remove();
  }
  updateCount();
  if (!quiet && !replayed && isCritical(notice) && !acknowledged.has(key)) {
    setText(announcer, `Critical: ${notice.summary}`);
    if (sound.checked) beep();
  }
}

function render(notice) {
  const kind = (notice.type === 'sla-violation' && degrees[notice.violation?.degree]) || kinds[notice.type] || { label: notice.type, icon: '•' };
  const key = keyOf(notice);
  const violation = notice.violation;
  const department = notice.department ?? violation?.department;
  const operator = notice.operatorId ?? violation?.operatorId;
  const item = h('li', {
    class: `notice${isCritical(notice) ? ' critical' : ''}`,
    'data-testid': `notice-${notice.id}`,
    dataset: { id: notice.id, key, type: notice.type, degree: violation?.degree ?? '' },
  },
  h('p', { class: 'notice-head' },
    h('span', { class: 'notice-kind' }, h('span', { 'aria-hidden': 'true', text: `${kind.icon} ` }), kind.label),
    h('time', { datetime: notice.at, text: time(notice.at) })),
  h('p', { class: 'notice-summary', text: notice.summary }),
  h('p', { class: 'notice-about' },
    violation?.contactId ? h('a', { href: `#/contacts/${encodeURIComponent(violation.contactId)}`, text: violation.contactId }) : null,
    department ? ` ${departmentName(department)}` : null,
    operator ? ` · ${operatorName(operator)}` : null),
  h('button', { type: 'button', class: 'small', 'data-ack': '', onclick: () => acknowledge(notice), text: 'Acknowledge' }));
  if (acknowledged.has(key)) markAcknowledged(item);
  return item;
}

function markAcknowledged(item) {
  item.classList.add('acknowledged');
  const button = item.querySelector('[data-ack]');
  if (button) button.replaceWith(h('span', { class: 'acked', text: '✓ Acknowledged' }));
}

function acknowledge(notice) {
  const key = keyOf(notice);
  if (acknowledged.has(key)) return;
  acknowledged.add(key);
  acknowledged = new Set([...acknowledged].slice(-1000));
  localStorage.setItem(ackStorage, JSON.stringify([...acknowledged]));
  const item = [...feed.children].find(element => element.dataset.key === key);
  if (item) {
    const focused = item.contains(document.activeElement);
    markAcknowledged(item);
    if (focused) (item.nextElementSibling?.querySelector('[data-ack]') ?? ackAll).focus();
  }
  updateCount();
}

function updateCount() {
  const open = [...notices.values()].filter(notice => isCritical(notice) && !acknowledged.has(keyOf(notice))).length;
  criticalCount.hidden = open === 0;
  setText(criticalCount, `✖ ${open} critical ${open === 1 ? 'alert' : 'alerts'} not acknowledged`);
  document.body.classList.toggle('has-critical', open > 0);
}

/** Browsers let a page play sound only after someone used it, so the audio starts on a click or key press. */
function unlockAudio() {
  audio ??= new AudioContext();
  audio.resume();
}

function beep() {
  audio ??= new AudioContext();
  const start = audio.currentTime;
  for (const offset of [0, 0.3]) {
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 880;
    volume.gain.setValueAtTime(0.2, start + offset);
    volume.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.2);
    tone.connect(volume).connect(audio.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 0.2);
  }
}
