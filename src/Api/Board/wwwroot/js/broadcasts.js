import { api, credential, segment } from './api.js';
import { fillSelect, h, randomId, setText } from './dom.js';
import { fromLocalInput, time, toLocalInput } from './format.js';
import { linkErrors, submitting } from './forms.js';
import { departmentName, openDepartments } from './state.js';

const list = document.getElementById('broadcast-list');
const details = document.getElementById('broadcast-new');
const form = document.getElementById('broadcast-form');
const hour = 60 * 60 * 1000;
let loaded = false;
let shown = null;

/** Wires the broadcast form and reads the active broadcasts every minute. */
export function initBroadcasts() {
  linkErrors(form);
  const scope = form.elements.scope;
  const showScope = () => {
    for (const block of form.querySelectorAll('[data-for-scope]')) block.hidden = block.dataset.forScope !== scope.value;
  };
  scope.addEventListener('change', showScope);
  details.addEventListener('toggle', () => {
    if (!details.open) return;
    fillSelect(form.elements.department, openDepartments().map(d => [d.id, d.name]));
    if (!form.elements.end.value) form.elements.end.value = toLocalInput(new Date(Date.now() + hour));
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const fields = form.elements;
    const body = { scope: fields.scope.value, message: fields.message.value.trim(), end: fromLocalInput(fields.end.value) };
    if (body.scope === 'department') body.department = fields.department.value;
    if (body.scope === 'topic') body.topic = fields.topic.value.trim();
    const announced = await submitting(form, () => api('/api/broadcasts', { method: 'POST', body, headers: { 'idempotency-key': randomId() } }));
    if (announced) {
      form.reset();
      showScope();
      form.elements.end.value = toLocalInput(new Date(Date.now() + hour));
      await loadBroadcasts();
    }
  });
  setInterval(() => { if (loaded && credential()) loadBroadcasts(); }, 60000);
}

function scopeOf(broadcast) {
  if (broadcast.scope === 'department') return `Department ${departmentName(broadcast.department)}`;
  if (broadcast.scope === 'topic') return `Topic “${broadcast.topic}”`;
  return 'Everyone';
}

function item(broadcast) {
  const error = h('p', { class: 'row-error', role: 'alert' });
  const end = h('button', { type: 'button', class: 'small', text: 'End now', 'aria-label': `End broadcast: ${broadcast.message}` });
  end.addEventListener('click', async () => {
    end.disabled = true;
    try {
      await api(`/api/broadcasts/${segment(broadcast.id)}`, { method: 'DELETE' });
      await loadBroadcasts();
    } catch (refused) {
      setText(error, refused.message);
      end.disabled = false;
    }
  });
  return h('li', { class: 'broadcast', 'data-testid': `broadcast-${broadcast.id}` },
    h('p', { class: 'broadcast-scope', text: `${scopeOf(broadcast)}, ${time(broadcast.start)} until ${time(broadcast.end)}` }),
    h('p', { text: broadcast.message }),
    end, error);
}

/** Reads the broadcasts active now. */
export async function loadBroadcasts() {
  try {
    const active = await api('/api/broadcasts?active=true');
    loaded = true;
    const json = JSON.stringify(active);
    if (json === shown) return;
    shown = json;
    list.replaceChildren(...(active.length ? active.map(item) : [h('li', { class: 'empty', text: 'No broadcast is on.' })]));
  } catch (refused) {
    shown = null;
    list.replaceChildren(h('li', { class: 'row-error', role: 'alert', text: refused.message }));
  }
}
