import { api, segment } from './api.js';
import { h, setText } from './dom.js';
import { presences } from './format.js';
import { linkErrors, clearProblem, submitting } from './forms.js';
import { board, departmentName, serving } from './state.js';

const dialog = document.getElementById('assign-dialog');
const form = document.getElementById('assign-form');
const title = document.getElementById('assign-title');
const select = form.elements.operatorId;
const presenceOrder = ['available', 'wrap_up', 'busy', 'break', 'not_responding'];
let contactId = null;
let assigned;

/** Wires the assign dialog; `onAssigned(contactId)` runs after an assignment succeeds. */
export function initAssign(onAssigned) {
  assigned = onAssigned;
  linkErrors(form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const id = contactId;
    const done = await submitting(form, () => api(`/api/contacts/${segment(id)}/assign`, {
      method: 'POST',
      body: { operatorId: select.value },
    }));
    if (done) {
      dialog.close();
      assigned(id);
    }
  });
  dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());
}

function option(operator) {
  const presence = presences[operator.presence]?.label ?? operator.presence;
  const where = serving(operator).map(departmentName).join(', ');
  return h('option', { value: operator.id, text: `${operator.name || operator.id} — ${presence}, ${where}` });
}

/** Opens the dialog that assigns a waiting contact to one operator at work; those serving its department come first. */
export function openAssign(id, departmentId) {
  contactId = id;
  form.reset();
  clearProblem(form);
  setText(title, `Assign ${id}`);
  const atWork = [...board.operators.values()]
    .filter(operator => !operator.retiredAt && operator.presence !== 'offline')
    .sort((a, b) => presenceOrder.indexOf(a.presence) - presenceOrder.indexOf(b.presence) || (a.name ?? a.id).localeCompare(b.name ?? b.id));
  const here = atWork.filter(operator => serving(operator).includes(departmentId));
  const elsewhere = atWork.filter(operator => !serving(operator).includes(departmentId));
  select.replaceChildren(
    h('optgroup', { label: `Serving ${departmentName(departmentId)}` }, here.map(option)),
    h('optgroup', { label: 'Elsewhere' }, elsewhere.map(option)));
  dialog.showModal();
  select.focus();
}
