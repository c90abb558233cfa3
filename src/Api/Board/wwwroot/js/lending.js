import { api, segment } from './api.js';
import { fillSelect, setText } from './dom.js';
import { fromLocalInput } from './format.js';
import { linkErrors, clearProblem, submitting } from './forms.js';
import { board, openDepartments } from './state.js';

const dialog = document.getElementById('lend-dialog');
const form = document.getElementById('lend-form');
const title = document.getElementById('lend-title');
let operatorId = null;

/** Wires the lend dialog. */
export function initLending() {
  linkErrors(form);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const fields = form.elements;
    const lent = await submitting(form, () => api(`/api/operators/${segment(operatorId)}/move`, {
      method: 'POST',
      body: {
        department: fields.department.value,
        reason: fields.reason.value.trim(),
        until: fromLocalInput(fields.until.value),
        keepsHome: fields.keepsHome.checked,
      },
    }));
    if (lent) dialog.close();
  });
  dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());
}

/** Opens the dialog that lends an operator, with the department already chosen when the operator was dropped on its tile. */
export function openLend(id, departmentId = null) {
  const operator = board.operators.get(id);
  operatorId = id;
  form.reset();
  clearProblem(form);
  setText(title, `Lend ${operator?.name ?? id}`);
  const home = operator?.departments[0];
  const departments = openDepartments();
  fillSelect(form.elements.department, departments.map(d => [d.id, d.id === home ? `${d.name} (home)` : d.name]));
  form.elements.department.value = departmentId ?? departments.find(d => d.id !== home && d.id !== operator?.loan?.department)?.id ?? '';
  dialog.showModal();
  (departmentId ? form.elements.reason : form.elements.department).focus();
}

/** Ends an operator's loan: they serve their own departments again. */
export function bringBack(id) {
  return api(`/api/operators/${segment(id)}/return`, { method: 'POST', body: {} });
}
