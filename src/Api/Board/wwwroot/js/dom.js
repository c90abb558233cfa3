/** Creates an element: attributes (`on*` become listeners, `dataset` and `text` are special), then children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') element.textContent = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter(child => child !== null && child !== undefined && child !== false));
  return element;
}

/** Sets an element's text only when it differs, so unchanged cells cost no layout. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** Sets an attribute only when it differs; null removes it. */
export function setAttribute(element, name, value) {
  if (value === null || value === undefined) element.removeAttribute(name);
  else if (element.getAttribute(name) !== String(value)) element.setAttribute(name, value);
}

/**
 * Makes `parent`'s children exactly `nodes`, in order, moving as few as possible:
 * nodes that stay keep their place (and their focus) when others come or go.
 */
export function reorder(parent, nodes) {
  const wanted = new Set(nodes);
  for (const child of [...parent.children]) {
    if (!wanted.has(child)) child.remove();
  }
  let current = parent.firstElementChild;
  for (const node of nodes) {
    if (node === current) current = current.nextElementSibling;
    else parent.insertBefore(node, current);
  }
}

/** Fills a select with options `[value, label]`, keeping the chosen value when it is still there. */
export function fillSelect(select, options) {
  const chosen = select.value;
  const same = select.options.length === options.length
    && options.every(([value, label], i) => select.options[i].value === value && select.options[i].text === label);
  if (same) return;
  select.replaceChildren(...options.map(([value, label]) => h('option', { value, text: label })));
  if (options.some(([value]) => value === chosen)) select.value = chosen;
}

/** Reads a fresh id for an Idempotency-Key; works outside secure contexts too. */
export function randomId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}
