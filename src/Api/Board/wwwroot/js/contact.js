import { api, segment } from './api.js';
import { h, setText } from './dom.js';
import { dateTime, duration, instant, line, number, time, words } from './format.js';
import { departmentName, operatorName } from './state.js';

const dialog = document.getElementById('contact-dialog');
const title = document.getElementById('contact-title');
const body = document.getElementById('contact-body');
const route = /^#\/contacts\/(.+)$/;
let current = null;
let handlers;

/** Wires the contact page, opened by `#/contacts/{id}` links anywhere on the board; `onAssign(contactId, departmentId)` assigns it. */
export function initContact(actions) {
  handlers = actions;
  window.addEventListener('hashchange', follow);
  dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    current = null;
    if (route.test(location.hash)) history.replaceState(null, '', location.pathname + location.search);
  });
  setInterval(tickTimers, 1000);
}

/** Opens the contact the address names, if it names one; the board calls this once signed in. */
export function follow() {
  const match = route.exec(location.hash);
  if (match) show(decodeURIComponent(match[1]));
}

/** Reads the contact again if it is the one shown. */
export function refresh(id) {
  if (current === id) show(id);
}

async function show(id) {
  current = id;
  setText(title, `Contact ${id}`);
  if (!dialog.open) {
    body.replaceChildren(h('p', { text: 'Loading…' }));
    dialog.showModal();
  }
  try {
    const contact = await api(`/api/contacts/${segment(id)}`);
    if (current === id) body.replaceChildren(...render(contact).filter(Boolean));
  } catch (error) {
    if (current === id) {
      body.replaceChildren(h('p', { class: 'form-error', role: 'alert', text: error.status === 404 ? `There is no contact ${id}.` : error.message }));
    }
  }
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([term, value]) => h('div', {}, h('dt', { text: term }), h('dd', {}, value))));
}

function who(id) {
  return id ? `${operatorName(id)}${operatorName(id) === id ? '' : ` (${id})`}` : null;
}

function countdown(iso) {
  return h('span', { class: 'countdown', dataset: { due: iso } }, remaining(iso));
}

function remaining(iso) {
  const seconds = (instant(iso) - Date.now()) / 1000;
  return seconds >= 0 ? `in ${duration(seconds)}` : `${duration(-seconds)} ago`;
}

function tickTimers() {
  if (!dialog.open) return;
  for (const element of body.querySelectorAll('.countdown')) {
    setText(element, remaining(element.dataset.due));
    element.classList.toggle('passed', instant(element.dataset.due) < Date.now());
  }
}

function table(caption, headings, rows) {
  return h('table', { class: 'compact' },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, headings.map(heading => h('th', { scope: 'col', text: heading })))),
    h('tbody', {}, rows.map(cells => h('tr', {}, cells.map(cell => h('td', {}, cell))))));
}

function step(routeStep) {
  const outcome = routeStep.operatorId
    ? `to ${who(routeStep.operatorId)}, by rule “${routeStep.rule}”`
    : `waits: ${routeStep.waitReason ?? 'no reason given'}${routeStep.queuePosition ? `, place ${routeStep.queuePosition} in the queue` : ''}`;
  const candidates = routeStep.candidates ?? [];
  return h('li', {},
    h('p', {}, h('strong', { text: time(routeStep.at) }), ` ${departmentName(routeStep.department)}, ${line(routeStep.line)}: ${outcome}`),
    routeStep.note ? h('p', { class: 'note', text: routeStep.note }) : null,
    candidates.length
      ? h('p', { class: 'candidates' }, `Candidates, best first: ${candidates.slice(0, 5)
        .map(c => `${operatorName(c.operatorId)} (score ${number(c.score, 2)}, difficulty ${number(c.difficultyLoad)})`).join('; ')}${candidates.length > 5 ? `; and ${candidates.length - 5} more` : ''}`)
      : null);
}

function render(contact) {
  const request = contact.request ?? {};
  const waiting = contact.status === 'queued' || contact.status === 'postponed';
  return [
    facts([
      ['Status', `${words(contact.status)} since ${time(contact.statusSince)}`],
      ['Department', departmentName(contact.department)],
      ['Line', line(contact.line)],
      ['Operator', who(contact.operatorId)],
      ['Owner', who(contact.owner)],
      ['Customer', request.customerId],
      ['Channel', request.channel],
      ['Topic', request.topic],
      ['Priority', request.priority ? `P${request.priority}` : null],
      ['Skill', request.skill ? `${request.skill} (at least ${request.minProficiency})` : null],
      ['Category', request.category],
      ['Arrived', dateTime(contact.createdAt)],
      ['Transfers', contact.transfers ? String(contact.transfers) : null],
      ['Comes back', contact.resumeAt ? dateTime(contact.resumeAt) : null],
      ['Follow-up', contact.followUpAt ? dateTime(contact.followUpAt) : null],
      ['Task', contact.taskKey],
      ['Line chosen because', contact.entryRule],
    ]),
    waiting ? h('button', { type: 'button', onclick: () => handlers.onAssign(contact.id, contact.department), text: 'Assign to an operator…' }) : null,
    h('h3', { text: 'SLA timers' }),
    contact.sla?.length
      ? table('Thresholds of the current status not crossed yet', ['Degree', 'Due', 'When', 'Then'],
        contact.sla.map(deadline => [words(deadline.degree), time(deadline.dueAt), countdown(deadline.dueAt), words(deadline.action)]))
      : h('p', { text: 'No timer runs in this status.' }),
    h('h3', { text: 'Why it went there' }),
    contact.route?.length ? h('ol', { class: 'route' }, contact.route.map(step)) : h('p', { text: 'No routing decision yet.' }),
    h('h3', { text: 'History' }),
    table('Every status it took', ['When', 'Status', 'By', 'Note'],
      (contact.history ?? []).map(change => [time(change.at), words(change.status), who(change.by) ?? change.by, change.note ?? ''])),
    contact.links?.length ? h('p', { text: `Linked: ${contact.links.join(', ')}` }) : null,
    contact.declined?.length ? h('p', { text: `Declined by: ${contact.declined.map(operatorName).join(', ')}` }) : null,
    contact.feedback
      ? h('p', { text: `Rated ${contact.feedback.score}/5${contact.feedback.comment ? `: “${contact.feedback.comment}”` : ''}` })
      : null,
    h('button', { type: 'button', onclick: () => show(contact.id), text: 'Refresh' }),
  ];
}
