// Cover while away: the notice patients see (a practitioner-away extension, no health
// information) and the panel where staff set and clear their own cover.
import { h, replace, errorBox, field, option, day } from './dom.js';
import { fhir, resources, extension, subExtension, personName } from './fhir.js';
import { session } from './session.js';

/** "Anna Lee is away until 12 Jan 2027; Raj Patel is covering." from a resource's practitioner-away extension. */
export function awayText(resource, name) {
  const away = extension(resource, 'practitioner-away');
  if (!away) {
    return null;
  }
  const until = day(subExtension(away, 'until')?.valueInstant);
  const cover = subExtension(away, 'cover')?.valueReference?.display;
  return cover ? `${name} is away until ${until}; ${cover} is covering.` : `${name} is away until ${until}.`;
}

/** The notice as a paragraph, or nothing when the practitioner is not away. */
export function awayNotice(resource, name, id) {
  const text = awayText(resource, name);
  return text ? h('p', { class: 'notice', id, role: 'status' }, text) : null;
}

/** A datetime-local value for an instant, in the browser's time zone. */
const local = (iso) => {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};

/** The practitioner's own cover: what is recorded, and a form to set or clear it. */
export async function coverPanel() {
  const self = `Practitioner/${session.self.id}`;
  const panel = h('section', { class: 'panel cover', id: 'cover' });
  const [current, colleagues] = await Promise.all([
    fhir.get(`${self}/$cover`),
    fhir.get('Practitioner?_count=100').then((bundle) => resources(bundle).filter((p) => p.id !== session.self.id)),
  ]);
  const param = (name) => current.parameter?.find((p) => p.name === name);
  const coverRef = param('cover')?.valueReference?.reference;
  const status = h('div', { 'aria-live': 'polite', id: 'cover-status' });
  const start = h('input', { id: 'cover-start', type: 'datetime-local', value: param('start') ? local(param('start').valueInstant) : '' });
  const end = h('input', { id: 'cover-end', type: 'datetime-local', required: true, value: param('end') ? local(param('end').valueInstant) : '' });
  const cover = h('select', { id: 'cover-by', required: true }, option('', 'Choose a colleague'),
    colleagues.map((p) => option(`Practitioner/${p.id}`, personName(p) || p.id, `Practitioner/${p.id}` === coverRef)));
  const redraw = async (message) => {
    const fresh = await coverPanel();
    replace(fresh.querySelector('#cover-status'), h('p', { class: 'success', role: 'status' }, message));
    panel.replaceWith(fresh);
  };
  const form = h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      const parameter = [
        { name: 'end', valueInstant: new Date(end.value).toISOString() },
        { name: 'cover', valueReference: { reference: cover.value } },
      ];
      if (start.value) {
        parameter.unshift({ name: 'start', valueInstant: new Date(start.value).toISOString() });
      }
      try {
        await fhir.post(`${self}/$set-cover`, { resourceType: 'Parameters', parameter });
        await redraw('Saved. While you are away, new messages go to your cover and you get no email.');
      } catch (error) {
        replace(status, errorBox(error));
      }
    },
  },
  field('Away from', start, 'Leave empty for now.'),
  field('Back on', end),
  field('Covering colleague', cover),
  h('button', { type: 'submit', class: 'primary', id: 'save-cover' }, 'Save cover'),
  coverRef ? h('button', {
    type: 'button', id: 'clear-cover',
    onclick: async () => {
      try {
        await fhir.operation(`${self}/$clear-cover`);
        await redraw('Cleared. New messages come to you again.');
      } catch (error) {
        replace(status, errorBox(error));
      }
    },
  }, 'I am back') : null);
  const coverName = colleagues.find((p) => `Practitioner/${p.id}` === coverRef);
  replace(panel,
    h('h2', {}, 'Cover while away'),
    coverRef
      ? h('p', { id: 'cover-current' },
        `Away ${day(param('start').valueInstant)} until ${day(param('end').valueInstant)}; ${personName(coverName) || coverRef} is covering.`)
      : h('p', { id: 'cover-current' }, 'No absence recorded.'),
    form,
    status);
  return panel;
}
