// "Edit" at the top of an open conversation, for the patient side: its subject, whom it is with
// (from $message-recipients for the message type), the message type and the chart it is regarding.
// The thread goes back with If-Match, so an edit made in another tab meanwhile is never overwritten.
// Also the event lines that the changes leave in the thread ("Subject changed by Alice, 14:02").
import { h, replace, errorBox, field, option, checkbox, day, time } from './dom.js';
import { fhir, subExtension, personName, MESSAGE_TYPE, EXT } from './fhir.js';
import { session, MESSAGE_TYPES } from './session.js';
import { billingConsent, recipientChoices, activeEpisodes, offeredTypes } from './compose.js';

const DETAILS = { topic: 'Subject', recipient: 'Recipient', category: 'Message type', about: 'Regarding' };

/** The thread's changes of details, oldest first: { time, author, details }. */
export function threadChanges(thread) {
  return (thread.extension ?? []).filter((e) => e.url === EXT('thread-change')).map((e) => ({
    time: subExtension(e, 'time')?.valueInstant,
    author: subExtension(e, 'author')?.valueReference?.reference,
    details: e.extension.filter((x) => x.url === 'changed').map((x) => x.valueCoding?.code),
  }));
}

/** "Subject and recipient changed by Alice Example, 14:02": a line among the messages. */
export async function changeLine(change) {
  const author = change.author === session.me ? session.self : await session.directory.read(change.author);
  const what = change.details.map((code, i) => (i === 0 ? DETAILS[code] : DETAILS[code]?.toLowerCase()) ?? code);
  const listed = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what.at(-1)}` : what[0];
  return h('li', { class: 'event', 'data-time': change.time },
    `${listed} changed by ${personName(author) || 'someone on the patient side'}, ${day(change.time)} ${time(change.time)}`);
}

/** The form that edits the thread's details; {@code saved} runs once the server took the edit. */
export async function editForm(thread, saved, cancel) {
  const patientId = thread.subject.reference.split('/')[1];
  const current = thread.recipient?.find((r) => r.reference?.startsWith('Practitioner/'))?.reference;
  const episodes = await activeEpisodes(patientId);
  const el = {
    type: h('select', { id: 'edit-type' }, offeredTypes().map((code) => option(code, MESSAGE_TYPES[code] ?? code))),
    to: h('select', { id: 'edit-recipient', required: true }),
    episode: h('select', { id: 'edit-regarding' },
      option('', 'Choose a chart'), episodes.map((e) => option(`EpisodeOfCare/${e.id}`, e.type?.[0]?.text ?? e.id))),
    subject: h('input', { id: 'edit-subject', type: 'text', maxlength: 200, autocomplete: 'off' }),
    billing: checkbox('edit-billing-consent', 'I agree to be billed for the time my practitioner spends on secure messages'),
    errors: h('div', { 'aria-live': 'assertive' }),
  };
  const billingField = h('div', { class: 'billing', hidden: true }, el.billing,
    h('p', { class: 'hint' }, 'This practitioner charges for answering secure messages.'));
  el.type.value = thread.category?.[0]?.coding?.[0]?.code ?? 'general';
  el.subject.value = thread.topic?.text ?? '';
  el.episode.value = thread.about?.[0]?.reference ?? '';
  let choices = [];
  const loadRecipients = async (keep) => {
    // a thread to one practitioner stays one: teams are chosen when a conversation starts
    choices = (await recipientChoices(patientId, el.type.value)).filter((c) => !c.team);
    replace(el.to, choices.length ? option('', 'Choose a practitioner') : option('', 'Nobody takes this message type'),
      choices.map((c) => option(c.reference, c.name, c.reference === keep)));
    el.to.onchange();
  };
  el.to.onchange = () => {
    const charges = choices.find((c) => c.reference === el.to.value)?.charges ?? false;
    billingField.hidden = !charges;
    el.billing.querySelector('input').required = charges;
  };
  await loadRecipients(current);
  el.type.addEventListener('change', () => loadRecipients(el.to.value));

  const save = h('button', { type: 'submit', class: 'primary', id: 'save-details' }, 'Save changes');
  return h('form', {
    class: 'edit-details panel', id: 'edit-details', 'aria-labelledby': 'edit-title',
    onsubmit: async (event) => {
      event.preventDefault();
      const chosen = choices.find((c) => c.reference === el.to.value);
      if (!chosen) {
        replace(el.errors, errorBox('Choose a practitioner to write to.'));
        return;
      }
      save.disabled = true;
      const edited = structuredClone(thread);
      edited.category = [{ coding: [{ system: MESSAGE_TYPE, code: el.type.value }] }];
      edited.recipient = [...thread.recipient.filter((r) => !r.reference?.startsWith('Practitioner/')),
        { reference: chosen.reference }];
      edited.topic = el.subject.value.trim() ? { text: el.subject.value.trim() } : undefined;
      edited.about = el.episode.value ? [{ reference: el.episode.value }] : undefined;
      edited.extension = (thread.extension ?? []).filter((e) => e.url !== EXT('billing-consent'));
      if (chosen.charges) {
        edited.extension.push(
          { url: EXT('billing-consent'), valueReference: { reference: `Consent/${await billingConsent(patientId)}` } });
      }
      try {
        await fhir.put(`Communication/${thread.id}`, edited, { 'If-Match': `W/"${thread.meta.versionId}"` });
        await saved();
      } catch (error) {
        save.disabled = false;
        replace(el.errors, errorBox(error.status === 412
          ? 'This conversation changed in the meantime. Reload it and edit again.' : error));
      }
    },
  },
  h('h2', { id: 'edit-title' }, 'Edit conversation details'),
  field('Message type', el.type),
  field('To', el.to, 'Only practitioners you may write to for this message type are listed. The one you leave keeps what was sent until now.'),
  episodes.length > 1 ? field('Regarding', el.episode) : null,
  field('Subject', el.subject),
  billingField,
  el.errors,
  h('div', { class: 'buttons' }, save, h('button', { type: 'button', id: 'cancel-edit', onclick: cancel }, 'Cancel')));
}
