// Settings: a clinic admin edits the clinic's messaging policy (PUT Organization/clinic),
// manages the quick replies and sets a practitioner's cover; a practitioner switches their own
// email notifications and sets their cover while away.
import { h, replace, errorBox, field, checkbox, option } from './dom.js';
import { fhir, extension, EXT } from './fhir.js';
import { session, MESSAGE_TYPES } from './session.js';
import { coverPanel, coverForOthersPanel } from './cover.js';
import { quickRepliesPanel } from './quickreplies.js';

const value = (name, type, fallback) => extension(session.policy, name)?.[type] ?? fallback;

/** Their own email notifications, switched at once ($set-email-notifications); the box shows what the server holds. */
function emailNotifications() {
  const status = h('div', { 'aria-live': 'polite', id: 'email-notifications-status' });
  const on = () => extension(session.self, 'email-notifications')?.valueBoolean === true;
  const box = checkbox('email-notifications', 'Email me about new messages (never while I am working in the portal)', on(), {
    onchange: async (event) => {
      const wanted = event.target.checked;
      event.target.disabled = true;
      try {
        session.self = await fhir.operation(`Practitioner/${session.self.id}/$set-email-notifications`,
          [{ name: 'enabled', valueBoolean: wanted }]);
        replace(status, h('p', { class: 'success', role: 'status' },
          wanted ? 'Saved. You will be emailed about new messages.' : 'Saved. You will not be emailed about new messages.'));
      } catch (error) {
        replace(status, errorBox(error));
      } finally {
        event.target.checked = on();
        event.target.disabled = false;
      }
    },
  });
  return [box, status];
}

async function practitionerSettings(main) {
  replace(main, h('section', { class: 'panel' },
    h('h1', {}, 'Settings'),
    emailNotifications()),
  await coverPanel());
}

/** The policy with the admin's changes; extensions Missive does not know are kept as they were. */
function edited(form) {
  const read = (id) => form.querySelector(`#${id}`);
  const managed = ['messaging-enabled', 'patients-may-start', 'eligibility-basis', 'appointment-window-days',
    'offered-message-type', 'attachments-allowed', 'retract-window', 'response-business-days', 'guidelines'].map(EXT);
  const keep = (session.policy.extension ?? []).filter((e) => !managed.includes(e.url));
  const offered = Object.keys(MESSAGE_TYPES).filter((code) => read(`type-${code}`).checked);
  const guidelines = read('guidelines').value.trim();
  return {
    ...session.policy,
    extension: [
      { url: EXT('messaging-enabled'), valueBoolean: read('messaging-enabled').checked },
      { url: EXT('patients-may-start'), valueBoolean: read('patients-may-start').checked },
      { url: EXT('eligibility-basis'), valueCode: read('eligibility-basis').value },
      { url: EXT('appointment-window-days'), valueInteger: Number(read('appointment-window-days').value) },
      ...offered.map((code) => ({ url: EXT('offered-message-type'), valueCode: code })),
      { url: EXT('attachments-allowed'), valueBoolean: read('attachments-allowed').checked },
      { url: EXT('retract-window'), valueDuration: { value: Number(read('retract-window').value), unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' } },
      { url: EXT('response-business-days'), valueInteger: Number(read('response-business-days').value) },
      ...(guidelines ? [{ url: EXT('guidelines'), valueString: guidelines }] : []),
      ...keep,
    ],
  };
}

function adminSettings(main) {
  const window = extension(session.policy, 'retract-window')?.valueDuration;
  const windowMinutes = window ? Math.round(window.value / ({ s: 60, min: 1, h: 1 / 60 }[window.code] ?? 60)) : 5;
  const offered = (session.policy.extension ?? []).filter((e) => e.url === EXT('offered-message-type')).map((e) => e.valueCode);
  const status = h('div', { 'aria-live': 'polite', id: 'settings-status' });
  const form = h('form', {
    class: 'panel settings',
    onsubmit: async (event) => {
      event.preventDefault();
      try {
        session.policy = await fhir.put('Organization/clinic', edited(form),
          { 'If-Match': `W/"${session.policy.meta?.versionId}"` });
        replace(status, h('p', { class: 'success', role: 'status' }, 'Saved. The clinic\'s messaging policy is updated.'));
      } catch (error) {
        replace(status, errorBox(error));
      }
    },
  },
  h('h1', {}, 'Clinic messaging settings'),
  checkbox('messaging-enabled', 'Messaging is switched on', value('messaging-enabled', 'valueBoolean', false)),
  checkbox('patients-may-start', 'Patients may start conversations', value('patients-may-start', 'valueBoolean', true)),
  field('Who patients may write to', h('select', { id: 'eligibility-basis' },
    option('care-team', 'Practitioners on their care team', value('eligibility-basis', 'valueCode', 'care-team') === 'care-team'),
    option('appointment', 'Practitioners they had an appointment with', value('eligibility-basis', 'valueCode') === 'appointment'))),
  field('Appointment window (days)', h('input', {
    id: 'appointment-window-days', type: 'number', min: 1, value: String(value('appointment-window-days', 'valueInteger', 365)),
  })),
  h('fieldset', {}, h('legend', {}, 'Message types offered'),
    Object.entries(MESSAGE_TYPES).map(([code, label]) => checkbox(`type-${code}`, label, !offered.length || offered.includes(code)))),
  checkbox('attachments-allowed', 'People may attach files to messages', value('attachments-allowed', 'valueBoolean', true)),
  field('Retract window (minutes)', h('input', { id: 'retract-window', type: 'number', min: 0, value: String(windowMinutes) })),
  field('Response time (business days)', h('input', {
    id: 'response-business-days', type: 'number', min: 0, max: 60, value: String(value('response-business-days', 'valueInteger', 3)),
  }), 'Staff see a conversation as overdue when no reply came within this time; the clinic admins get one email about it.'),
  field('Guidelines shown in every conversation and email', h('textarea', {
    id: 'guidelines', rows: 3, maxlength: 300,
  }, value('guidelines', 'valueString', '')), 'At most 300 characters.'),
  status,
  h('button', { type: 'submit', class: 'primary', id: 'save-settings' }, 'Save settings'));
  replace(main, form);
}

export async function renderSettings(main) {
  if (session.kind === 'admin') {
    session.policy = await fhir.get('Organization/clinic');
    adminSettings(main);
    main.append(await quickRepliesPanel(), await coverForOthersPanel());
  } else if (session.kind === 'practitioner') {
    await practitionerSettings(main);
  } else {
    replace(main, errorBox('There are no settings for your account here.'));
  }
}
