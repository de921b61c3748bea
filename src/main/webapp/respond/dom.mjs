/**
 * Builds elements with DOM APIs only. Strings become text nodes, so answers and template texts
 * (which may contain markup or script) always render as text; there is no innerHTML anywhere.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'value' || name === 'checked' || name === 'disabled' || name === 'hidden') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

/** Adds or removes an id in a space-separated ARIA reference list such as aria-describedby. */
export function toggleReference(element, attribute, id, present) {
  const ids = new Set((element.getAttribute(attribute) ?? '').split(' ').filter(Boolean));
  if (present) ids.add(id);
  else ids.delete(id);
  if (ids.size) element.setAttribute(attribute, [...ids].join(' '));
  else element.removeAttribute(attribute);
}
