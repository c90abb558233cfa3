import { h, setText, setAttribute, reorder, fillSelect } from './dom.js';
import { duration, line, number, presences, secondsSince, time } from './format.js';
import { board, departmentName, openDepartments, serving } from './state.js';
import { operatorDragType } from './tiles.js';

const pageSize = 100;
const body = document.getElementById('people-rows');
const search = document.getElementById('people-search');
const presence = document.getElementById('people-presence');
const department = document.getElementById('people-department');
const count = document.getElementById('people-count');
const more = document.getElementById('people-more');
const rows = new Map();
let handlers;
let limit = pageSize;
let sorted = [];
let placed = new Set();
let shown = [];

/** Wires the table: `onLend(operatorId)` and `onBringBack(operatorId)` answer a promise; a refusal shows in the row. */
export function initPeople(actions) {
  handlers = actions;
  const refilter = () => { limit = pageSize; render(new Set()); };
  search.addEventListener('input', refilter);
  presence.addEventListener('change', refilter);
  department.addEventListener('change', refilter);
  more.addEventListener('click', () => {
    const first = shown.length;
    limit += pageSize;
    render(new Set());
    rows.get(shown[first]?.id)?.row.querySelector('a, button')?.focus();
  });
  setInterval(tick, 1000);
}

/** Shows the people of one department, from a tile. */
export function showDepartment(id) {
  department.value = id;
  limit = pageSize;
  render(new Set());
  department.focus();
}

function createRow(operator) {
  const id = operator.id;
  const cell = (name, ...children) => h('td', name ? { 'data-field': name } : {}, ...children);
  const name = h('span', { class: 'name' });
  const presenceCell = cell('presence');
  const since = cell('in-state');
  const lineCell = cell('line');
  const home = cell('home');
  const servingCell = cell('serving');
  const holds = cell('holds');
  const difficulty = cell('difficulty');
  const kpi = cell('kpi');
  const lend = h('button', { type: 'button', class: 'small', onclick: () => act(entry, handlers.onLend(id)), text: 'Lend…' });
  const back = h('button', { type: 'button', class: 'small', onclick: () => act(entry, handlers.onBringBack(id)), text: 'Bring back' });
  const error = h('p', { class: 'row-error', role: 'alert' });
  const row = h('tr', { 'data-testid': `person-${id}`, draggable: 'true', dataset: { operator: id } },
    h('th', { scope: 'row' }, name, h('span', { class: 'id', text: id })),
    presenceCell, since, lineCell, home, servingCell, holds, difficulty, kpi,
    h('td', { class: 'row-actions' }, lend, back, error));
  row.addEventListener('dragstart', event => {
    event.dataTransfer.setData(operatorDragType, id);
    event.dataTransfer.setData('text/plain', board.operators.get(id)?.name ?? id);
    event.dataTransfer.effectAllowed = 'move';
  });
  const entry = { row, name, presenceCell, since, lineCell, home, servingCell, holds, difficulty, kpi, lend, back, error, version: null, held: null };
  rows.set(id, entry);
  return entry;
}

async function act(entry, action) {
  setText(entry.error, '');
  try {
    await action;
  } catch (error) {
    setText(entry.error, error.message);
  }
}

function holdsOf(operator) {
  return operator.contacts.flatMap((contact, i) => [
    i ? ', ' : '',
    h('a', { href: `#/contacts/${encodeURIComponent(contact.contactId)}`, text: contact.contactId }),
    ` ${contact.channel}${contact.accepted ? '' : ' (offered)'}`,
  ]);
}

function update(entry, operator) {
  if (entry.version === operator.version) return;
  entry.version = operator.version;
  const state = presences[operator.presence] ?? { label: operator.presence, icon: '?' };
  const servingIds = serving(operator);
  const loan = operator.loan;

  setText(entry.name, operator.name || operator.id);
  setAttribute(entry.row, 'data-presence', operator.presence);
  setText(entry.presenceCell, `${state.icon} ${state.label}`);
  setAttribute(entry.presenceCell, 'data-value', operator.presence);
  entry.since.dataset.since = operator.presenceSince ?? '';
  setText(entry.since, duration(secondsSince(operator.presenceSince)));
  setText(entry.lineCell, line(operator.line));
  setText(entry.home, departmentName(operator.departments[0]));
  setAttribute(entry.home, 'data-value', operator.departments[0] ?? '');
  const lent = loan ? ` (lent${loan.until ? ` until ${time(loan.until)}` : ''}${loan.reason ? `: ${loan.reason}` : ''})` : '';
  setText(entry.servingCell, servingIds.map(departmentName).join(', ') + lent);
  setAttribute(entry.servingCell, 'data-value', servingIds.join(' '));
  const held = operator.contacts.map(contact => `${contact.contactId} ${contact.channel} ${contact.accepted}`).join(' ');
  if (entry.held !== held) {
    entry.held = held;
    entry.holds.replaceChildren(...holdsOf(operator));
    setAttribute(entry.holds, 'data-value', operator.contacts.map(contact => contact.contactId).join(' '));
  }
  setText(entry.difficulty, number(operator.difficultyLoad));
  setText(entry.kpi, operator.meetsKpi ? '✓ Meets' : '✗ Below');
  setAttribute(entry.kpi, 'data-value', String(operator.meetsKpi));
  setAttribute(entry.kpi, 'title', `Missed offers: ${operator.missedOffers ?? 0}`);
  const who = operator.name || operator.id;
  setAttribute(entry.lend, 'aria-label', `Lend ${who}…`);
  setAttribute(entry.back, 'aria-label', `Bring ${who} back`);
  entry.back.hidden = !loan;
}

function matches(operator, text, wanted, departmentId) {
  if (operator.retiredAt) return false;
  if (text && !operator.id.toLowerCase().includes(text) && !(operator.name ?? '').toLowerCase().includes(text)) return false;
  if (wanted === 'at-work' ? operator.presence === 'offline' : wanted && operator.presence !== wanted) return false;
  return !departmentId || operator.departments.includes(departmentId) || serving(operator).includes(departmentId);
}

/**
 * Brings the table up to date after `changed` (the ids of the operators that changed; null when any may have): changed rows
 * are updated in place, and rows join or leave the page as the filters say. Only the filtered rows of the page are in the
 * document.
 */
export function render(changed = null) {
  if (changed === null || [...changed].some(id => !placed.has(id))) {
    sorted = [...board.operators.values()]
      .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id) || a.id.localeCompare(b.id))
      .map(operator => operator.id);
    placed = new Set(sorted);
  }
  fillSelect(department, [['', 'Any'], ...openDepartments().map(d => [d.id, d.name])]);

  const text = search.value.trim().toLowerCase();
  const all = sorted.map(id => board.operators.get(id));
  const filtered = all.filter(operator => matches(operator, text, presence.value, department.value));
  shown = filtered.slice(0, limit);
  const force = changed === null;
  for (const operator of shown) {
    const entry = rows.get(operator.id) ?? createRow(operator);
    if (force) entry.version = null;
    update(entry, operator);
  }
  reorder(body, shown.map(operator => rows.get(operator.id).row));

  const atAll = all.filter(operator => !operator.retiredAt).length;
  const people = atAll === 1 ? 'person' : 'people';
  const page = shown.length < filtered.length ? `, showing the first ${shown.length}` : '';
  setText(count, filtered.length === atAll ? `${atAll} ${people}${page}` : `${filtered.length} of ${atAll} ${people} match${page}`);
  more.hidden = shown.length >= filtered.length;
}

function tick() {
  for (const operator of shown) {
    const entry = rows.get(operator.id);
    setText(entry.since, duration(secondsSince(entry.since.dataset.since)));
  }
}
