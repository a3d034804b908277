// A new conversation: message type, then whom to write to ($message-recipients for that type),
// the chart it is about when there are several, subject, text, confidentiality, who should
// respond and how, "no response needed", the billing consent when the practitioner charges, and
// attached files.
// It is kept as a draft while it is written; "Send" posts the thread and its first message in
// one transaction and then discards the draft.
import { h, replace, errorBox, field, checkbox, option, debounce } from './dom.js';
import { fhir, resources, extension, personName, MESSAGE_TYPE, CONFIDENTIALITY, EXT, CANON } from './fhir.js';
import { session, MESSAGE_TYPES } from './session.js';
import { cannotStart } from './inbox.js';
import { attachmentPicker, attachmentsOf } from './attachments.js';
import { awayNotice } from './cover.js';
import { teamChoice } from './pools.js';
import { textPayload, typedText, toolbar } from './formatting.js';

const RESPONSE_METHODS = { ONLINEWRIT: 'Portal message', PHONE: 'Phone call', EMAILWRIT: 'Email' };
const PARTICIPATION_MODE = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode';
const BILLING_CATEGORY = `${CANON}/CodeSystem/consent-category`;

/** An active billing consent of the patient, the one on file or a new one. */
export async function billingConsent(patientId) {
  const onFile = resources(await fhir.get(`Consent?patient=Patient/${patientId}`))
    .find((c) => c.status === 'active' && c.category?.some((cat) => cat.coding?.some((k) => k.system === BILLING_CATEGORY)));
  if (onFile) {
    return onFile.id;
  }
  const consent = await fhir.post('Consent', {
    resourceType: 'Consent', status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: BILLING_CATEGORY, code: 'message-billing' }] }],
    patient: { reference: `Patient/${patientId}` },
    dateTime: new Date().toISOString(),
  });
  return consent.id;
}

/** Whom the patient may write to for this message type ($message-recipients): reference, name, whether they charge. */
export async function recipientChoices(patientId, type) {
  const bundle = await fhir.get(`Patient/${patientId}/$message-recipients?category=${type}`);
  const practitioners = new Map(resources(bundle, 'include').map((p) => [`Practitioner/${p.id}`, p]));
  return resources(bundle).map((role) => (role.resourceType === 'CareTeam' ? teamChoice(role) : {
    reference: role.practitioner.reference,
    name: personName(practitioners.get(role.practitioner.reference)) || role.practitioner.reference,
    charges: extension(role, 'charges-for-messages')?.valueBoolean === true,
    role,
  }));
}

/** The active charts of the patient, for "regarding" when there are several. */
export async function activeEpisodes(patientId) {
  return resources(await fhir.get(`EpisodeOfCare?patient=Patient/${patientId}`)).filter((e) => e.status === 'active');
}

export function offeredTypes() {
  const offered = (session.policy.extension ?? []).filter((e) => e.url === EXT('offered-message-type')).map((e) => e.valueCode);
  return offered.length ? offered : Object.keys(MESSAGE_TYPES);
}

/** The form's state, and the draft it is saved to. */
class Draft {
  threadId = null;
  messageId = null;
  patient = null;
  practitioner = null;     // reference
  charges = false;
  episodes = [];
  sending = false;
  saving = null;

  header(values, status) {
    const header = {
      resourceType: 'Communication', status,
      category: [{ coding: [{ system: MESSAGE_TYPE, code: values.type }] }],
      subject: { reference: `Patient/${this.patient.id}` },
      recipient: [{ reference: this.practitioner }],
    };
    if (values.subject) {
      header.topic = { text: values.subject };
    }
    if (values.episode) {
      header.about = [{ reference: values.episode }];
    }
    if (values.confidential) {
      header.meta = { security: [{ system: CONFIDENTIALITY, code: 'R' }] };
    }
    const preference = [];
    if (values.responder) {
      preference.push({ url: 'responder', valueReference: { reference: values.responder } });
    }
    if (values.method) {
      preference.push({ url: 'method', valueCoding: { system: PARTICIPATION_MODE, code: values.method } });
    }
    if (preference.length) {
      header.extension = [{ url: EXT('response-preference'), extension: preference }];
    }
    if (values.noResponseNeeded) {
      header.statusReason = { coding: [{ system: `${CANON}/CodeSystem/thread-status-reason`, code: 'no-response-needed' }] };
    }
    return header;
  }

  message(values, status, partOf) {
    return {
      resourceType: 'Communication', status,
      partOf: [{ reference: partOf }],
      payload: [textPayload(values.text), ...values.attachments],
    };
  }

  /**
   * Saves what there is so far; a draft needs at least the patient and the practitioner. Saves
   * run one after the other, so that the first one's id is known to the next (never two drafts).
   */
  save(values) {
    this.saving = (this.saving ?? Promise.resolve()).catch(() => null).then(() => this.#write(values));
    return this.saving;
  }

  async #write(values) {
    if (!this.patient || !this.practitioner || this.sending) {
      return false;
    }
    const header = this.header(values, 'preparation');
    if (this.threadId) {
      await fhir.put(`Communication/${this.threadId}`, { ...header, id: this.threadId });
    } else {
      this.threadId = (await fhir.post('Communication', header)).id;
    }
    const message = this.message(values, 'preparation', `Communication/${this.threadId}`);
    if (this.messageId) {
      await fhir.put(`Communication/${this.messageId}`, { ...message, id: this.messageId });
    } else if (values.text) {
      this.messageId = (await fhir.post('Communication', message)).id;
    }
    return true;
  }

  async load(threadId) {
    const [thread, drafts] = await Promise.all([
      fhir.get(`Communication/${threadId}`), fhir.get('Communication?status=preparation&_count=100')]);
    const message = resources(drafts).find((m) => m.partOf?.[0]?.reference === `Communication/${threadId}`);
    this.threadId = threadId;
    this.messageId = message?.id ?? null;
    return { thread, text: message ? typedText(message) : '', attachments: message ? attachmentsOf(message) : [] };
  }

  /** The thread and its first message in one transaction; then the draft goes. Answers the new thread's id. */
  async send(values) {
    const header = this.header(values, 'in-progress');
    if (this.charges && session.patientSide) {
      header.extension = [...(header.extension ?? []),
        { url: EXT('billing-consent'), valueReference: { reference: `Consent/${await billingConsent(this.patient.id)}` } }];
    }
    if (this.messageId && values.attachments.length) {
      // A file is carried by one message at a time: the draft lets go of them for the message.
      await fhir.put(`Communication/${this.messageId}`, {
        ...this.message({ ...values, attachments: [] }, 'preparation', `Communication/${this.threadId}`), id: this.messageId });
    }
    const threadUrl = `urn:uuid:${crypto.randomUUID()}`;
    const answer = await fhir.post('', {
      resourceType: 'Bundle', type: 'transaction',
      entry: [
        { fullUrl: threadUrl, resource: header, request: { method: 'POST', url: 'Communication' } },
        { fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource: this.message(values, 'completed', threadUrl),
          request: { method: 'POST', url: 'Communication' } },
      ],
    });
    if (this.threadId) {
      await fhir.delete(`Communication/${this.threadId}`).catch(() => null);
    }
    return answer.entry[0].resource.id;
  }

  async discard() {
    if (this.threadId) {
      await fhir.delete(`Communication/${this.threadId}`);
    }
  }
}

export async function renderCompose(main, draftId) {
  const blocked = cannotStart();
  if (blocked) {
    replace(main, h('p', { class: 'notice', role: 'status' }, blocked), h('p', {}, h('a', { href: '#/' }, 'Back to your messages')));
    return;
  }
  const draft = new Draft();
  const loaded = draftId ? await draft.load(draftId) : null;
  const el = {
    type: h('select', { id: 'message-type' }, offeredTypes().map((code) => option(code, MESSAGE_TYPES[code] ?? code))),
    to: h('select', { id: 'recipient', required: true }),
    episode: h('select', { id: 'regarding' }),
    subject: h('input', { id: 'subject', type: 'text', maxlength: 200, autocomplete: 'off' }),
    text: h('textarea', { id: 'message-text', rows: 8, required: true }),
    confidential: checkbox('confidential', 'Confidential: people who act for the patient (proxies) cannot see it'),
    responder: h('select', { id: 'responder' }),
    method: h('select', { id: 'response-method' },
      option('', 'However the clinic prefers'), Object.entries(RESPONSE_METHODS).map(([code, label]) => option(code, label))),
    noResponse: checkbox('no-response-needed', 'No response needed (the conversation is closed when sent)'),
    billing: checkbox('billing-consent', 'I agree to be billed for the time my practitioner spends on secure messages', false, { required: true }),
    status: h('p', { class: 'hint', id: 'draft-status', 'aria-live': 'polite' }),
    errors: h('div', { 'aria-live': 'assertive' }),
  };
  const toField = field('To', el.to, 'Only practitioners you may write to for this message type are listed.');
  const awayField = h('div', { class: 'away' });
  const episodeField = field('Regarding', el.episode);
  const billingField = h('div', { class: 'billing' }, el.billing,
    h('p', { class: 'hint' }, 'This practitioner charges for answering secure messages.'));
  const patientPicker = h('div', { class: 'patient-picker' });
  const files = attachmentPicker(() => save());

  const values = () => ({
    type: el.type.value,
    episode: draft.episodes.length > 1 ? el.episode.value : draft.episodes[0] ? `EpisodeOfCare/${draft.episodes[0].id}` : null,
    subject: el.subject.value.trim(),
    text: el.text.value,
    confidential: el.confidential.querySelector('input').checked,
    responder: el.responder.value || null,
    method: el.method.value || null,
    noResponseNeeded: el.noResponse.querySelector('input').checked,
    attachments: files.payload(),
  });
  const save = debounce(async () => {
    try {
      if (await draft.save(values())) {
        el.status.textContent = 'Draft saved';
      }
    } catch (error) {
      el.status.textContent = `The draft could not be saved: ${error.message}`;
    }
  }, 800);

  async function loadEpisodes() {
    draft.episodes = await activeEpisodes(draft.patient.id);
    replace(el.episode, option('', 'Choose a chart'),
      draft.episodes.map((e) => option(`EpisodeOfCare/${e.id}`, e.type?.[0]?.text ?? e.id)));
    episodeField.hidden = draft.episodes.length < 2;
    el.episode.required = draft.episodes.length > 1;
  }

  async function loadRecipients(keep) {
    if (!session.patientSide) {
      draft.practitioner = session.me;
      return;
    }
    const choices = await recipientChoices(draft.patient.id, el.type.value);
    keep ??= el.to.value;   // what is chosen now, once the list for the new type is here
    replace(el.to, choices.length ? option('', 'Choose a practitioner') : option('', 'Nobody takes this message type'),
      choices.map((c) => option(c.reference, c.name, c.reference === keep)));
    replace(el.responder, option('', 'Anyone on my care team'), choices.filter((c) => !c.team).map((c) => option(c.reference, c.name)));
    el.to.onchange = () => {
      const chosen = choices.find((c) => c.reference === el.to.value);
      draft.practitioner = chosen?.reference ?? null;
      draft.charges = chosen?.charges ?? false;
      replace(awayField, chosen ? awayNotice(chosen.role, chosen.name, 'recipient-away') : null);
      billingField.hidden = !draft.charges;
      el.billing.querySelector('input').required = draft.charges;
      save();
    };
    el.to.onchange();
  }

  async function choosePatient(patient) {
    draft.patient = patient;
    session.directory.remember(patient);
    replace(patientPicker, h('p', { id: 'chosen-patient' }, `Patient: ${personName(patient)}`));
    await loadEpisodes();
  }

  if (session.patientSide) {
    await choosePatient(session.patient);
  } else {
    const search = h('input', { id: 'patient-search', type: 'search', autocomplete: 'off' });
    const found = h('ul', { class: 'choices', id: 'patient-results' });
    search.addEventListener('input', debounce(async () => {
      if (search.value.trim().length < 2) {
        replace(found);
        return;
      }
      const patients = resources(await fhir.get(`Patient?name=${encodeURIComponent(search.value.trim())}`));
      replace(found, patients.length ? patients.map((p) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => choosePatient(p) }, personName(p))))
        : h('li', {}, 'None of your patients has that name.'));
    }, 300));
    replace(patientPicker, field('Find one of your patients by name', search), found);
  }

  if (loaded) {
    const { thread, text, attachments } = loaded;
    files.restore(attachments);
    el.type.value = thread.category?.[0]?.coding?.[0]?.code ?? 'general';
    if (!session.patientSide) {
      await choosePatient(await session.directory.read(thread.subject.reference));
    }
    el.subject.value = thread.topic?.text ?? '';
    el.text.value = text;
    el.episode.value = thread.about?.[0]?.reference ?? '';
    el.confidential.querySelector('input').checked = thread.meta?.security?.some((s) => s.code === 'R') ?? false;
    const preference = extension(thread, 'response-preference');
    el.method.value = preference?.extension?.find((e) => e.url === 'method')?.valueCoding?.code ?? '';
    await loadRecipients(thread.recipient?.find((r) => /^(Practitioner|CareTeam)\//.test(r.reference ?? ''))?.reference);
    el.responder.value = preference?.extension?.find((e) => e.url === 'responder')?.valueReference?.reference ?? '';
  } else {
    await loadRecipients();
  }
  el.type.addEventListener('change', () => loadRecipients());

  const send = h('button', { type: 'submit', class: 'primary', id: 'send' }, 'Send message');
  const form = h('form', {
    class: 'compose panel', 'aria-labelledby': 'compose-title', oninput: save, onchange: save,
    onsubmit: async (event) => {
      event.preventDefault();
      if (!draft.patient || !draft.practitioner) {
        replace(el.errors, errorBox(session.patientSide ? 'Choose a practitioner to write to.' : 'Choose a patient first.'));
        return;
      }
      if (!el.text.value.trim()) {
        replace(el.errors, errorBox('Write your message first.'));
        return;
      }
      send.disabled = true;
      await files.ready();
      save.cancel();
      await draft.saving?.catch(() => null);
      draft.sending = true;
      try {
        const threadId = await draft.send(values());
        location.hash = `#/threads/${threadId}`;
      } catch (error) {
        send.disabled = false;
        draft.sending = false;
        replace(el.errors, errorBox(error));
      }
    },
  },
  h('h1', { id: 'compose-title' }, 'New message'),
  session.kind === 'proxy' ? h('p', { class: 'hint' }, `You are writing for ${personName(session.patient)}. The message will show you as its sender.`) : null,
  patientPicker,
  field('Message type', el.type),
  session.patientSide ? toField : null,
  session.patientSide ? awayField : null,
  episodeField,
  field('Subject (optional)', el.subject),
  toolbar(el.text),
  field('Message', el.text, 'Bold, italic, lists and https links as in the toolbar. Do not use messages for urgent matters.'),
  files.element,
  session.kind === 'proxy' ? null : el.confidential,
  session.patientSide ? h('fieldset', {}, h('legend', {}, 'Who should respond, and how'),
    field('Staff member', el.responder), field('How', el.method)) : null,
  el.noResponse,
  session.patientSide ? billingField : null,
  el.errors,
  h('div', { class: 'buttons' },
    send,
    h('button', {
      type: 'button', id: 'close-compose',
      onclick: async () => {
        await save.flush();
        location.hash = draft.threadId ? '#/drafts' : '#/';
      },
    }, 'Close and keep draft'),
    h('button', {
      type: 'button', class: 'link danger', id: 'discard',
      onclick: async () => {
        await draft.discard().catch(() => null);
        location.hash = '#/';
      },
    }, 'Discard')),
  el.status);
  billingField.hidden = !draft.charges;
  replace(main, form);
}
