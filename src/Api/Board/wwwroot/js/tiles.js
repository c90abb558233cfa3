import { h, setText, setAttribute, reorder } from './dom.js';
import { alarms, duration, percent, line, number } from './format.js';
import { board, staffing } from './state.js';

/** The MIME type a dragged person row carries its operator id in. */
export const operatorDragType = 'application/x-helpdesk-operator';

const list = document.getElementById('tiles');
const filter = document.getElementById('tile-filter');
const sort = document.getElementById('tile-sort');
const count = document.getElementById('tile-count');
const goal = document.getElementById('goal');
const dropStrip = document.getElementById('drop-strip');
const dropTargets = document.getElementById('drop-targets');
const tiles = new Map();
let handlers;

const byName = (a, b) => a.name.localeCompare(b.name);
const serviceLevelOf = department => department.load?.serviceLevel ?? Infinity;
const orders = {
  name: byName,
  alarm: (a, b) => (alarms[a.alarm]?.rank ?? 3) - (alarms[b.alarm]?.rank ?? 3) || serviceLevelOf(a) - serviceLevelOf(b) || byName(a, b),
  queue: (a, b) => (b.load?.queueLength ?? 0) - (a.load?.queueLength ?? 0)
    || (b.load?.longestWaitSeconds ?? 0) - (a.load?.longestWaitSeconds ?? 0) || byName(a, b),
  'service-level': (a, b) => serviceLevelOf(a) - serviceLevelOf(b) || byName(a, b),
};

/** Wires the tiles: `onTrends(id)`, `onPeople(id)`, `onAssign(contactId, departmentId)`, `onDropOperator(operatorId, departmentId)`. */
export function initTiles(actions) {
  handlers = actions;
  filter.addEventListener('input', render);
  sort.addEventListener('change', render);
  document.addEventListener('dragstart', event => {
    if (event.dataTransfer.types.includes(operatorDragType)) showDropStrip();
  });
  document.addEventListener('dragend', () => { dropStrip.hidden = true; });
}

/** Makes an element take a dragged person row: dropped, it asks to lend them to `departmentId`. */
function acceptDrops(element, departmentId) {
  element.addEventListener('dragover', event => {
    if (!event.dataTransfer.types.includes(operatorDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    element.classList.add('drop-target');
  });
  element.addEventListener('dragleave', event => {
    if (!element.contains(event.relatedTarget)) element.classList.remove('drop-target');
  });
  element.addEventListener('drop', event => {
    const operatorId = event.dataTransfer.getData(operatorDragType);
    element.classList.remove('drop-target');
    if (!operatorId) return;
    event.preventDefault();
    handlers.onDropOperator(operatorId, departmentId);
  });
}

/**
 * While a person row is dragged and the tiles are scrolled out of view, a strip of every shown department stays at the top,
 * so a row far down the table need not be carried up to the tiles.
 */
function showDropStrip() {
  const { top, bottom } = list.getBoundingClientRect();
  const visible = Math.min(bottom, innerHeight) - Math.max(top, 0);
  if (visible >= Math.min(bottom - top, 200)) return;
  const targets = [...list.children].map(tile => {
    const department = board.departments.get(tile.dataset.department);
    const alarm = alarms[department.alarm] ?? { label: department.alarm, icon: '?' };
    const chip = h('li', { class: 'drop-chip', 'data-testid': `drop-${department.id}`, dataset: { alarm: department.alarm } },
      h('span', { class: 'drop-name', text: department.name }),
      h('span', { text: `${alarm.icon} ${alarm.label} · ${department.load?.queueLength ?? 0} waiting` }));
    acceptDrops(chip, department.id);
    return chip;
  });
  dropTargets.replaceChildren(...targets);
  dropStrip.hidden = false;
}

function field(name, text = '–') {
  return h('span', { 'data-field': name, text });
}

function stat(label, name, extra) {
  const value = field(name);
  return { node: h('div', {}, h('dt', { text: label }), h('dd', {}, value, extra)), value };
}

function createTile(department) {
  const id = department.id;
  const headingId = `tile-${id}-name`;
  const fields = {};
  const add = (label, name, extra) => {
    const made = stat(label, name, extra);
    fields[name] = made.value;
    return made.node;
  };
  const alarm = h('p', { class: 'alarm', 'data-field': 'alarm' });
  const name = h('h3', { id: headingId });
  const belowGoal = h('span', { class: 'below-goal' });
  const priorities = h('ol', { class: 'priorities', 'aria-label': 'Waiting by priority, most urgent first' },
    [5, 4, 3, 2, 1].map(priority => {
      fields[`queue-p${priority}`] = field(`queue-p${priority}`, '0');
      return h('li', { dataset: { priority } }, `P${priority} `, fields[`queue-p${priority}`]);
    }));
  const waiting = h('ul', { class: 'waiting' });
  const waitingSummary = h('summary', { text: 'Waiting contacts' });
  const notResponding = h('p', { class: 'not-responding', 'data-field': 'not-responding', hidden: true });

  const article = h('article', { 'aria-labelledby': headingId },
    h('header', {}, name, alarm),
    h('dl', { class: 'headline' },
      add('Waiting', 'queue'),
      add('Longest wait', 'longest-wait'),
      add('Service level, 15 min', 'service-level', belowGoal),
      add('Today', 'service-level-today')),
    priorities,
    h('dl', { class: 'staff' },
      add('Available', 'available'),
      add('Busy', 'busy'),
      add('Wrap-up', 'wrap-up'),
      add('Break', 'break'),
      add('Lent in', 'lent-in'),
      add('Lent out', 'lent-out')),
    notResponding,
    h('dl', { class: 'figures' },
      add('Occupancy', 'occupancy'),
      add('Given up, 15 min', 'abandoned'),
      add('Given up today', 'abandoned-today'),
      add('Next interval', 'forecast')),
    h('div', { class: 'tile-foot' },
      h('details', { class: 'waiting-list' }, waitingSummary, waiting),
      h('div', { class: 'tile-actions' },
        h('button', { type: 'button', onclick: () => handlers.onTrends(id), text: 'Trends' }),
        h('button', { type: 'button', onclick: () => handlers.onPeople(id), text: 'People' }))));

  const item = h('li', { class: 'tile', 'data-testid': `tile-${id}`, dataset: { department: id } }, article);
  acceptDrops(item, id);

  const tile = { item, name, alarm, fields, belowGoal, waiting, waitingSummary, notResponding, waitingItems: new Map() };
  tiles.set(id, tile);
  return tile;
}

function show(element, text, value) {
  setText(element, text);
  setAttribute(element, 'data-value', value ?? '');
}

function waitingItem(tile, contact, departmentId) {
  let entry = tile.waitingItems.get(contact.contactId);
  if (!entry) {
    const callback = contact.channel === 'callback' || contact.contactId.endsWith('-callback');
    const details = h('span', { class: 'waiting-details' });
    const node = h('li', { dataset: { contact: contact.contactId } },
      h('a', { href: `#/contacts/${encodeURIComponent(contact.contactId)}`, text: contact.contactId }),
      callback ? h('span', { class: 'tag', text: 'Callback' }) : null,
      details,
      h('button', {
        type: 'button',
        class: 'small',
        'aria-label': `Assign ${contact.contactId}`,
        onclick: () => handlers.onAssign(contact.contactId, departmentId),
        text: 'Assign…',
      }));
    entry = { node, details };
    tile.waitingItems.set(contact.contactId, entry);
  }
  setText(entry.details, `${contact.channel} · P${contact.priority} · ${line(contact.line)} · ${duration(contact.waitedSeconds)}`);
  return entry.node;
}

function update(tile, department, staff) {
  const load = department.load ?? {};
  const today = department.today ?? {};
  const target = board.serviceLevelGoal;
  const alarm = alarms[department.alarm] ?? { label: department.alarm, icon: '?' };
  const f = tile.fields;

  setText(tile.name, department.name);
  setAttribute(tile.item, 'data-alarm', department.alarm);
  setText(tile.alarm, `${alarm.icon} ${alarm.label}`);
  setAttribute(tile.alarm, 'data-value', department.alarm);

  show(f.queue, String(load.queueLength ?? 0), load.queueLength ?? 0);
  for (let priority = 1; priority <= 5; priority += 1) {
    const waiting = load.queueByPriority?.[priority] ?? 0;
    show(f[`queue-p${priority}`], String(waiting), waiting);
  }
  show(f['longest-wait'], duration(load.longestWaitSeconds ?? 0), load.longestWaitSeconds ?? 0);
  show(f['service-level'], percent(load.serviceLevel), load.serviceLevel);
  show(f['service-level-today'], percent(today.serviceLevel), today.serviceLevel);
  const below = target !== null && load.serviceLevel !== null && load.serviceLevel !== undefined && load.serviceLevel < target;
  setText(tile.belowGoal, below ? '▼ below goal' : '');

  show(f.available, String(staff.available), staff.available);
  show(f.busy, String(staff.busy), staff.busy);
  show(f['wrap-up'], String(staff.wrap_up), staff.wrap_up);
  show(f.break, String(staff.break), staff.break);
  show(f['lent-in'], String(staff.lentIn), staff.lentIn);
  show(f['lent-out'], String(staff.lentOut), staff.lentOut);
  tile.notResponding.hidden = staff.not_responding === 0;
  setText(tile.notResponding, `⚠ ${staff.not_responding} not responding`);

  show(f.occupancy, percent(load.occupancy), load.occupancy);
  show(f.abandoned, String(load.abandoned ?? 0), load.abandoned ?? 0);
  show(f['abandoned-today'], String(today.abandoned ?? 0), today.abandoned ?? 0);
  const forecast = load.forecast;
  const answer = forecast && (forecast.averageSpeedOfAnswerSeconds === null || !Number.isFinite(Number(forecast.averageSpeedOfAnswerSeconds))
    ? 'queue grows'
    : `answer in ${duration(forecast.averageSpeedOfAnswerSeconds)}`);
  show(f.forecast, forecast ? `${percent(forecast.serviceLevel)} · ${answer}` : '–', forecast?.serviceLevel);
  setAttribute(f.forecast, 'title', forecast
    ? `Offered load ${number(forecast.offeredLoad)} erlangs, occupancy ${percent(forecast.occupancy)}, chance to wait ${percent(forecast.probabilityOfWait)}`
    : null);

  const waiting = department.waiting ?? [];
  setText(tile.waitingSummary, waiting.length ? `Waiting contacts (${waiting.length < 20 ? waiting.length : 'first 20'})` : 'No contacts waiting');
  const shown = new Set(waiting.map(contact => contact.contactId));
  for (const id of tile.waitingItems.keys()) if (!shown.has(id)) tile.waitingItems.delete(id);
  reorder(tile.waiting, waiting.map(contact => waitingItem(tile, contact, department.id)));
}

/** Brings every tile up to date and into the chosen order; tiles are kept and updated in place, never rebuilt. */
export function render() {
  const staff = staffing();
  const none = { available: 0, busy: 0, wrap_up: 0, break: 0, not_responding: 0, lentIn: 0, lentOut: 0 };
  const open = [...board.departments.values()].filter(department => !department.retiredAt);
  for (const department of open) {
    update(tiles.get(department.id) ?? createTile(department), department, staff.get(department.id) ?? none);
  }
  const text = filter.value.trim().toLowerCase();
  const shown = open
    .filter(department => !text || department.name.toLowerCase().includes(text) || department.id.toLowerCase().includes(text))
    .sort(orders[sort.value] ?? byName);
  reorder(list, shown.map(department => tiles.get(department.id).item));
  const departments = open.length === 1 ? 'department' : 'departments';
  setText(count, shown.length === open.length ? `${open.length} ${departments}` : `Showing ${shown.length} of ${open.length} ${departments}`);
  setText(goal, board.serviceLevelGoal === null ? '' : `Service level goal ${percent(board.serviceLevelGoal)}`);
}
