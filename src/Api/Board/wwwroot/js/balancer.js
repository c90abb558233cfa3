import { api, credential, segment } from './api.js';
import { h, reorder, setText } from './dom.js';
import { number, percent, time } from './format.js';
import { departmentName, operatorName } from './state.js';

const modes = document.querySelectorAll('input[name="balancer-mode"]');
const proposals = document.getElementById('balancer-proposals');
const moves = document.getElementById('balancer-moves');
const error = document.getElementById('balancer-error');
const shownMoves = 10;
const items = new Map();
let mode = null;

/** Wires the mode switch and reads the balancer every 30 s besides the refreshes its notices ask for. */
export function initBalancer() {
  for (const radio of modes) {
    radio.addEventListener('change', () => {
      if (radio.checked) act(api('/api/balancer/mode', { method: 'PUT', body: { mode: radio.value } }));
    });
  }
  setInterval(() => { if (mode !== null && credential()) loadBalancer(); }, 30000);
}

/** Reads the balancer: its mode, proposals and recent moves. */
export function loadBalancer() {
  return act(api('/api/balancer'));
}

async function act(call) {
  try {
    render(await call);
    setText(error, '');
  } catch (refused) {
    setText(error, refused.message);
    showMode();
  }
}

function showMode() {
  for (const radio of modes) radio.checked = radio.value === mode;
}

function title(proposal) {
  const verb = proposal.kind === 'return' ? 'Return' : 'Lend';
  return `${verb} ${operatorName(proposal.operatorId)}: ${departmentName(proposal.from)} → ${departmentName(proposal.to)}`;
}

function change(department, before, after) {
  return `${departmentName(department)} ${percent(before?.serviceLevel)} → ${percent(after?.serviceLevel)}`;
}

function proposalItem(proposal) {
  let entry = items.get(proposal.id);
  if (!entry) {
    const id = segment(proposal.id);
    const decide = (verb, button) => {
      button.disabled = true;
      act(api(`/api/balancer/proposals/${id}/${verb}`, { method: 'POST' })).finally(() => { button.disabled = false; });
    };
    const accept = h('button', { type: 'button', class: 'small primary', text: 'Accept' });
    const reject = h('button', { type: 'button', class: 'small', text: 'Reject' });
    accept.addEventListener('click', () => decide('accept', accept));
    reject.addEventListener('click', () => decide('reject', reject));
    const text = h('div', {});
    const node = h('li', { class: 'proposal', 'data-testid': `proposal-${proposal.id}`, dataset: { proposal: proposal.id } },
      text, h('div', { class: 'buttons' }, accept, reject));
    entry = { node, text, accept, reject };
    items.set(proposal.id, entry);
  }
  const predicted = proposal.predicted ?? {};
  const gain = (predicted.gain ?? 0) * 100;
  entry.text.replaceChildren(
    h('p', { class: 'proposal-title', text: title(proposal) }),
    h('p', { text: proposal.reason }),
    h('p', { class: 'gain', 'data-field': 'gain', 'data-value': predicted.gain ?? '', text: `Predicted gain ${gain >= 0 ? '+' : ''}${number(gain)} points of service level` }),
    h('p', { class: 'forecast-change', text: `${change(proposal.from, predicted.fromBefore, predicted.fromAfter)} · ${change(proposal.to, predicted.toBefore, predicted.toAfter)}` }));
  entry.accept.setAttribute('aria-label', `Accept: ${title(proposal)}`);
  entry.reject.setAttribute('aria-label', `Reject: ${title(proposal)}`);
  return entry.node;
}

function moveItem(move) {
  const proposal = move.proposal;
  const predicted = proposal.predicted ?? {};
  const observed = move.observed;
  return h('li', { class: 'move' },
    h('p', {}, h('time', { datetime: move.at, text: time(move.at) }), ` ${title(proposal)}, by ${move.by}`),
    h('p', { text: `Predicted: ${departmentName(proposal.to)} ${percent(predicted.toAfter?.serviceLevel)}, ${departmentName(proposal.from)} ${percent(predicted.fromAfter?.serviceLevel)}` }),
    h('p', {
      text: observed
        ? `Observed at ${time(observed.at)}: ${departmentName(proposal.to)} ${percent(observed.toServiceLevel)}, ${departmentName(proposal.from)} ${percent(observed.fromServiceLevel)}`
        : 'Observed: not yet',
    }));
}

function render(snapshot) {
  mode = snapshot.mode;
  showMode();
  const current = snapshot.proposals ?? [];
  const ids = new Set(current.map(proposal => proposal.id));
  for (const id of items.keys()) if (!ids.has(id)) items.delete(id);
  reorder(proposals, current.map(proposalItem));
  if (!current.length) {
    proposals.replaceChildren(h('li', { class: 'empty', text: mode === 'advise' ? 'No proposals now.' : `No proposals: the balancer is ${mode === 'auto' ? 'moving people itself' : 'off'}.` }));
  }
  const recent = (snapshot.moves ?? []).slice(0, shownMoves);
  moves.replaceChildren(...(recent.length ? recent.map(moveItem) : [h('li', { class: 'empty', text: 'No moves yet.' })]));
}
