// A tiny element builder: h('p', { class: 'note' }, 'text', child). Text is always set as text,
// never as HTML, so nothing a person wrote can run in someone else's browser.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name in element && typeof value !== 'string') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A labelled form control: the label's for= points at the control's id. */
export function field(label, control, hint) {
  const hintId = hint ? `${control.id}-hint` : null;
  if (hintId) {
    control.setAttribute('aria-describedby', hintId);
  }
  return h('div', { class: 'field' },
    h('label', { for: control.id }, label), control, hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

export function checkbox(id, label, checked = false, attributes = {}) {
  return h('div', { class: 'check' },
    h('input', { type: 'checkbox', id, checked, ...attributes }), h('label', { for: id }, label));
}

export function option(value, label, selected = false) {
  return h('option', { value, selected }, label);
}

/** An alert in plain words; role=alert so screen readers announce it. */
export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, error?.message ?? String(error));
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export const day = (iso) => (iso ? dateFormat.format(new Date(iso)) : '');
export const time = (iso) => (iso ? timeFormat.format(new Date(iso)) : '');

/** Today's items by their time, older ones by their date. */
export function when(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? time(iso) : day(iso);
}

export function debounce(action, ms) {
  let timer;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  debounced.flush = (...args) => {
    clearTimeout(timer);
    return action(...args);
  };
  return debounced;
}
