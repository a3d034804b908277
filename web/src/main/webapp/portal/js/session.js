// What every view needs: the person, whom they act for, the clinic's policy, a name cache.
import { fhir, Directory, extension, subExtension, ref, initials, personName } from './fhir.js';

export const session = {
  user: null,
  kind: null,        // patient | proxy | practitioner | admin
  self: null,        // their Patient, Practitioner or RelatedPerson (the one for the current patient)
  patients: [],      // the patients they write for: [{ patient, relatedPerson }]
  patient: null,     // the current one (patients and proxies)
  sides: [],         // a staff member who is also a patient: [{ entry, kind, label }], the one acted as in self
  policy: null,
  directory: new Directory(),

  /** The reference their messages are sent as. */
  get me() {
    return this.self ? ref(this.self) : null;
  },
  get messagingEnabled() {
    return extension(this.policy, 'messaging-enabled')?.valueBoolean === true;
  },
  get patientSide() {
    return this.kind === 'patient' || this.kind === 'proxy';
  },
};

/** The inbox filter for the patient a proxy acts for now (a patient sees only their own anyway). */
export function subjectFilter() {
  return session.kind === 'proxy' && session.patient ? `&subject=Patient/${session.patient.id}` : '';
}

export async function refreshBadge() {
  const badge = document.getElementById('unread-badge');
  if (!badge || session.kind === 'admin') {
    return;
  }
  try {
    const count = (await fhir.get(`Communication?part-of:missing=true&unread=true&_summary=count${subjectFilter()}`)).total ?? 0;
    badge.textContent = count;
    badge.hidden = count === 0;
    badge.setAttribute('aria-label', `${count} conversation${count === 1 ? '' : 's'} with unread messages`);
  } catch {
    badge.hidden = true;
  }
}


export const MESSAGE_TYPES = {
  general: 'General question',
  'medication-renewal': 'Medication renewal',
  appointment: 'Appointment',
  'test-results': 'Test results',
  billing: 'Billing',
  referral: 'Referral',
};

export function messageType(thread) {
  const code = thread.category?.[0]?.coding?.[0]?.code;
  return MESSAGE_TYPES[code] ?? code ?? '';
}

/** "Me" for the person's own messages and threads, the other person's initials otherwise. */
export async function senderFlag(reference) {
  if (reference === session.me) {
    return { mine: true, text: 'Me', name: 'Me' };
  }
  const sender = await session.directory.read(reference);
  return { mine: false, text: initials(sender), name: personName(sender) || 'Someone at the clinic' };
}

/** The other side of a thread: the practitioner for a patient or proxy, the patient for staff. */
export function counterpart(thread) {
  const wanted = session.patientSide ? 'Practitioner/' : 'Patient/';
  return thread.recipient?.find((r) => r.reference?.startsWith(wanted))?.reference
    ?? (session.patientSide ? null : thread.subject?.reference);
}

/** When the staff reply to a thread is due and whether it is overdue (the server decides), or null. */
export function responseDue(thread) {
  const due = extension(thread, 'response-due');
  return due ? {
    due: subExtension(due, 'due')?.valueInstant ?? null,
    overdue: subExtension(due, 'overdue')?.valueBoolean === true,
  } : null;
}

export function participantState(thread) {
  const state = extension(thread, 'participant-state');
  return {
    archived: subExtension(state, 'archived')?.valueBoolean === true,
    unread: subExtension(state, 'unread')?.valueInteger ?? 0,
    left: subExtension(state, 'left')?.valueInstant ?? null,   // the thread moved to another practitioner then
  };
}
