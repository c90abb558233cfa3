import { setText } from './dom.js';

/** Links each field of `form` to its error line (`[data-error=name]`), so screen readers read the error with the field. */
export function linkErrors(form) {
  for (const slot of form.querySelectorAll('[data-error]')) {
    const name = slot.dataset.error;
    slot.id = `${form.id}-${name}-error`;
    const field = form.elements.namedItem(name);
    if (field) field.setAttribute('aria-describedby', slot.id);
  }
}

/** Clears the errors a previous submission left. */
export function clearProblem(form) {
  for (const slot of form.querySelectorAll('[data-error]')) setText(slot, '');
  for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
}

/**
 * Shows a refusal next to the form: the problem's title and detail on top, each `errors` entry under its field
 * (or on top when the form has no such field), and moves focus to the first field in error.
 */
function showProblem(form, error) {
  clearProblem(form);
  const problem = error.problem ?? {};
  const top = form.querySelector('[data-error="form"]');
  const lines = [];
  let first = null;
  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    const slot = [...form.querySelectorAll('[data-error]')].find(s => s.dataset.error.toLowerCase() === key.toLowerCase());
    const text = [].concat(messages).join(' ');
    if (slot && slot !== top) {
      setText(slot, text);
      const field = form.elements.namedItem(slot.dataset.error);
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        first ??= field;
      }
    } else {
      lines.push(`${key}: ${text}`);
    }
  }
  const summary = [problem.title, problem.detail].filter(Boolean).join(' ') || error.message;
  setText(top, [summary, ...lines].join(' '));
  (first ?? top).focus?.();
}

/** Runs `action` for a submitted form with its submit button disabled, showing a refusal next to the form. Answers whether it succeeded. */
export async function submitting(form, action) {
  const button = form.querySelector('[type="submit"]');
  clearProblem(form);
  button.disabled = true;
  try {
    await action();
    return true;
  } catch (error) {
    showProblem(form, error);
    return false;
  } finally {
    button.disabled = false;
  }
}
