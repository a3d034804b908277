// Cover while away: the notice patients see (a practitioner-away extension, no health
// information), the panel where staff set and clear their own cover, and where clinic admins
// set and clear a practitioner's they choose.
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

const practitioners = () => fhir.get('Practitioner?_count=100').then((bundle) => resources(bundle));

/**
 * A practitioner's cover (their own by default): what is recorded, and a form to set or clear
 * it; `chooser`, for an admin, is the control that chose the practitioner, kept on top.
 */
export async function coverPanel(practitioner = session.self, chooser = null) {
  const self = `Practitioner/${practitioner.id}`;
  const own = practitioner.id === session.self?.id;
  const panel = h('section', { class: 'panel cover', id: 'cover' });
  const [current, colleagues] = await Promise.all([
    fhir.get(`${self}/$cover`),
    practitioners().then((all) => all.filter((p) => p.id !== practitioner.id)),
  ]);
  const param = (name) => current.parameter?.find((p) => p.name === name);
  const coverRef = param('cover')?.valueReference?.reference;
  const status = h('div', { 'aria-live': 'polite', id: 'cover-status' });
  const start = h('input', { id: 'cover-start', type: 'datetime-local', value: param('start') ? local(param('start').valueInstant) : '' });
  const end = h('input', { id: 'cover-end', type: 'datetime-local', required: true, value: param('end') ? local(param('end').valueInstant) : '' });
  const cover = h('select', { id: 'cover-by', required: true }, option('', 'Choose a colleague'),
    colleagues.map((p) => option(`Practitioner/${p.id}`, personName(p) || p.id, `Practitioner/${p.id}` === coverRef)));
  const redraw = async (message) => {
    const fresh = await coverPanel(practitioner, chooser);
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
        await redraw(own ? 'Saved. While you are away, new messages go to your cover and you get no email.'
          : `Saved. While ${personName(practitioner)} is away, new messages go to the cover and ${personName(practitioner)} gets no email.`);
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
        await redraw(own ? 'Cleared. New messages come to you again.' : `Cleared. New messages go to ${personName(practitioner)} again.`);
      } catch (error) {
        replace(status, errorBox(error));
      }
    },
  }, own ? 'I am back' : 'End the absence') : null);
  const coverName = colleagues.find((p) => `Practitioner/${p.id}` === coverRef);
  replace(panel,
    h('h2', {}, 'Cover while away'),
    chooser,
    coverRef
      ? h('p', { id: 'cover-current' },
        `Away ${day(param('start').valueInstant)} until ${day(param('end').valueInstant)}; ${personName(coverName) || coverRef} is covering.`)
      : h('p', { id: 'cover-current' }, 'No absence recorded.'),
    form,
    status);
  return panel;
}

/** For clinic admins: a practitioner to choose, then their cover as in their own settings. */
export async function coverForOthersPanel() {
  const all = await practitioners();
  const chooser = field('Practitioner', h('select', {
    id: 'cover-for',
    onchange: async (event) => {
      const chosen = all.find((p) => p.id === event.target.value);
      const panel = chooser.closest('section');
      const fresh = chosen ? await coverPanel(chosen, chooser)
        : h('section', { class: 'panel cover', id: 'cover' }, h('h2', {}, 'Cover while away'), chooser);
      panel.replaceWith(fresh);
      chooser.querySelector('select').focus();
    },
  }, option('', 'Choose a practitioner'), all.map((p) => option(p.id, personName(p) || p.id))));
  return h('section', { class: 'panel cover', id: 'cover' },
    h('h2', {}, 'Cover while away'),
    h('p', { class: 'hint' }, 'Record the absence of a practitioner who cannot do it themselves, and who covers it.'),
    chooser);
}
