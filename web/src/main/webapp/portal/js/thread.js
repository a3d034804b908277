// One conversation: the clinic's guidelines and the non-urgent notice, the messages with
// replies nested under what they answer with their files, read receipts, retraction while it is
// allowed, the changes of its details as event lines, and the thread's actions (archive, close,
// edit its details). Replying is offered only where the rules allow it.
import { h, replace, errorBox, field, day, time } from './dom.js';
import { fhir, resources, nextLink, extension, subExtension, personName } from './fhir.js';
import {
  session, messageType, senderFlag, counterpart, participantState, refreshBadge,
} from './session.js';
import { attachmentPicker, attachmentList } from './attachments.js';
import { editForm, threadChanges, changeLine } from './edit.js';
import { awayNotice } from './cover.js';
import { teamOf, claimLine, claimButtons } from './pools.js';
import { messageText, textPayload, toolbar, quickReplyPicker } from './formatting.js';

const DEFAULT_NUMBERS = { 'en-US': '911', 'en-GB': '999', 'en-AU': '000', fr: '112', de: '112', es: '112' };

const CLOSED_REASONS = {
  'no-response-needed': 'It was sent with "no response needed".',
  'closed-by-participant': 'It was closed by one of its participants.',
  'practitioner-inactive': 'The practitioner no longer works at the clinic.',
  'patient-merged': 'The patient record was merged into another one.',
};

/** Why a reply cannot be sent, for the rule codes a reply may break. */
const REPLY_REFUSED = {
  'read-only-thread': 'You can read this conversation, but no longer reply in it: the practitioner is no longer on the care team or no longer takes portal messages. Please contact the clinic.',
  'thread-closed': 'This conversation is closed. Reopen it to write again.',
  'messaging-disabled': 'Messaging is switched off by the clinic. You can read this conversation, but not reply.',
};

/** The emergency number for the person's language, from the clinic's policy. */
function emergencyNumber() {
  const configured = (session.policy.extension ?? []).filter((e) => e.url.endsWith('/emergency-number'))
    .map((e) => [subExtension(e, 'locale')?.valueCode, subExtension(e, 'number')?.valueString]);
  const numbers = configured.length ? Object.fromEntries(configured) : DEFAULT_NUMBERS;
  const language = session.patient?.communication?.find((c) => c.preferred)?.language?.coding?.[0]?.code
    ?? navigator.language ?? 'en-US';
  return numbers[language] ?? numbers[language.split('-')[0]]
    ?? Object.entries(numbers).find(([locale]) => locale.split('-')[0] === language.split('-')[0])?.[1]
    ?? numbers['en-US'] ?? '911';
}

/** The clinic's words at the top of every thread. */
export function clinicNotice() {
  const guidelines = extension(session.policy, 'guidelines')?.valueString;
  return h('aside', { class: 'clinic-notice', 'aria-label': 'Clinic guidelines' },
    guidelines ? h('p', { id: 'guidelines' }, guidelines) : null,
    h('p', { class: 'urgent', id: 'non-urgent' },
      `Messages are for non-urgent matters only. In an emergency call ${emergencyNumber()}.`));
}

function retractWindowMs() {
  const window = extension(session.policy, 'retract-window')?.valueDuration;
  const factor = { s: 1000, min: 60_000, h: 3_600_000 }[window?.code ?? 's'] ?? 1000;
  return window?.value === undefined ? 5 * 60_000 : window.value * factor;
}

async function allMessages(threadId) {
  let bundle = await fhir.get(
    `Communication?part-of=Communication/${threadId}&_include=Communication:sender&_count=100`);
  const messages = [];
  for (;;) {
    resources(bundle, 'include').forEach((sender) => session.directory.remember(sender));
    messages.push(...resources(bundle));
    const next = nextLink(bundle);
    if (!next) {
      return messages;
    }
    bundle = await fhir.get(next);
  }
}

/** Whether the retract button shows: my message, in the window, nothing sent after it, thread open. */
function retractableFor(message, messages, thread) {
  if (message.sender?.reference !== session.me || message.status !== 'completed' || thread.status !== 'in-progress') {
    return 0;
  }
  const later = messages.some((m) => m.status === 'completed' && Date.parse(m.sent) > Date.parse(message.sent));
  const left = Date.parse(message.sent) + retractWindowMs() - Date.now();
  return later ? 0 : Math.max(left, 0);
}

export async function renderThread(main, threadId) {
  const thread = await fhir.get(`Communication/${threadId}`);
  const messages = await allMessages(threadId);
  const state = participantState(thread);
  const participant = session.kind !== 'admin';
  if (participant && state.unread > 0) {
    await fhir.operation(`Communication/${threadId}/$mark-read`).catch(() => null);
    refreshBadge();
  }
  const status = h('div', { 'aria-live': 'polite', id: 'thread-status' });
  const reload = () => renderThread(main, threadId).catch((error) => replace(status, errorBox(error)));
  /** A thread or message operation ($archive, $retract…), then the thread as it now is. */
  const act = async (operation, id = threadId) => {
    try {
      await fhir.operation(`Communication/${id}/$${operation}`);
      await reload();
    } catch (error) {
      replace(status, errorBox(error));
    }
  };
  let replyTo = null;
  const composer = await replyBox(thread, (message) => { replyTo = message; }, () => replyTo, reload);

  const other = counterpart(thread);
  const otherName = other ? personName(await session.directory.read(other)) : teamOf(thread)?.name ?? '';
  const episode = thread.about?.[0]?.reference ? await session.directory.read(thread.about[0].reference) : null;
  const confidential = thread.meta?.security?.some((s) => s.code === 'R');
  const practitioner = thread.recipient?.find((r) => r.reference?.startsWith('Practitioner/'))?.reference;
  const practitionerName = practitioner === other ? otherName
    : practitioner ? personName(await session.directory.read(practitioner)) : '';

  const byParent = new Map();
  messages.forEach((m) => {
    const parent = m.inResponseTo?.[0]?.reference?.split('/')[1] ?? null;
    const known = parent && messages.some((x) => x.id === parent) ? parent : null;
    byParent.set(known, [...(byParent.get(known) ?? []), m]);
  });
  const timers = [];
  const events = await Promise.all(threadChanges(thread).map(async (change) => ({ sent: change.time, line: await changeLine(change) })));
  /** The top level holds the changes of details too, each where it happened among the messages. */
  const itemsOf = (parent) => {
    const items = byParent.get(parent) ?? [];
    return parent ? items : [...items, ...events].sort((a, b) => Date.parse(a.sent) - Date.parse(b.sent));
  };
  const renderLevel = async (parent) => h('ol', { class: parent ? 'replies' : 'messages' },
    await Promise.all(itemsOf(parent).map(async (message) => {
      if (message.line) {
        return message.line;
      }
      const flag = await senderFlag(message.sender?.reference);
      const retracted = message.status === 'entered-in-error';
      const windowLeft = retractableFor(message, messages, thread);
      const actions = h('div', { class: 'message-actions' });
      if (composer.open && !retracted) {
        actions.append(h('button', {
          type: 'button', class: 'link reply-to', onclick: () => composer.replyTo(message, flag.name),
        }, flag.mine ? 'Send follow-up' : 'Reply'));
      }
      if (windowLeft > 0) {
        const retract = h('button', {
          type: 'button', class: 'link retract',
          onclick: async () => {
            if (confirm('Take this message back? The other side will see that a message was retracted.')) {
              await act('retract', message.id);
            }
          },
        }, 'Retract');
        actions.append(retract);
        timers.push(setTimeout(() => retract.remove(), windowLeft));
      }
      return h('li', { class: `message${flag.mine ? ' mine' : ''}${retracted ? ' retracted' : ''}`, id: `message-${message.id}` },
        h('div', { class: 'message-head' },
          h('span', { class: `flag ${flag.mine ? 'me' : 'them'}`, title: flag.name }, flag.text),
          h('span', { class: 'sender' }, flag.mine ? 'Me' : flag.name),
          h('span', { class: 'date' }, `${day(message.sent)} ${time(message.sent)}`),
          flag.mine && message.received ? h('span', { class: 'receipt' }, `Read ${time(message.received)}`) : null),
        retracted
          ? h('p', { class: 'text retracted-text' }, 'This message was retracted')
          : messageText(message),
        retracted ? null : attachmentList(message, (error) => replace(status, errorBox(error))),
        actions,
        byParent.has(message.id) ? await renderLevel(message.id) : null);
    })));

  const editing = h('div', { id: 'editing' });
  const openEditor = async () => {
    try {
      replace(editing, await editForm(thread, reload, () => replace(editing)));
      editing.querySelector('select')?.focus();
    } catch (error) {
      replace(status, errorBox(error));
    }
  };
  const threadActions = participant ? h('div', { class: 'thread-actions' },
    claimButtons(thread, act),
    session.patientSide && thread.status === 'in-progress' && !teamOf(thread)
      ? h('button', { type: 'button', id: 'edit-thread', onclick: openEditor }, 'Edit') : null,
    h('button', { type: 'button', id: state.archived ? 'unarchive' : 'archive', onclick: () => act(state.archived ? 'unarchive' : 'archive') },
      state.archived ? 'Unarchive' : 'Archive'),
    state.left ? null : thread.status === 'completed'
      ? h('button', { type: 'button', id: 'reopen', onclick: () => act('reopen') }, 'Reopen')
      : h('button', { type: 'button', id: 'close', onclick: () => act('close') }, 'Close conversation')) : null;

  const closedReason = thread.statusReason?.coding?.[0]?.code;
  replace(main,
    h('p', {}, h('a', { href: '#/', class: 'back' }, '← All messages')),
    clinicNotice(),
    h('header', { class: 'thread-head' },
      h('h1', { id: 'thread-subject' }, thread.topic?.text || messageType(thread) || '(no subject)'),
      h('p', { class: 'meta' }, [otherName && `With ${otherName}`, messageType(thread),
        episode?.type?.[0]?.text && `Regarding ${episode.type[0].text}`, state.archived && 'Archived'].filter(Boolean).join(' · '),
      confidential ? h('span', { class: 'tag' }, 'Confidential') : null,
      await claimLine(thread, 'claimed-by')),
      threadActions),
    editing,
    awayNotice(thread, practitionerName, 'away-notice'),
    state.left
      ? h('p', { class: 'notice', id: 'left-notice' },
        `This conversation moved to another practitioner on ${day(state.left)} ${time(state.left)}. You keep what was sent until then.`)
      : null,
    thread.status === 'completed'
      ? h('p', { class: 'notice', id: 'closed-notice' }, `This conversation is closed. ${CLOSED_REASONS[closedReason] ?? ''}`)
      : null,
    status,
    messages.length ? await renderLevel(null) : h('p', { class: 'empty' }, 'No messages yet.'),
    composer.element);
  window.addEventListener('hashchange', () => timers.forEach(clearTimeout), { once: true });
}

/** Whether a patient or proxy may still write to this thread's practitioner. */
async function stillEligible(thread) {
  if (!session.patientSide) {
    return true;
  }
  const practitioner = counterpart(thread);
  if (!practitioner && teamOf(thread)) {
    return true;   // a team's thread until a member answers: the server decides on send
  }
  const category = thread.category?.[0]?.coding?.[0]?.code ?? 'general';
  try {
    const bundle = await fhir.get(`Patient/${thread.subject.reference.split('/')[1]}/$message-recipients?category=${category}`);
    return resources(bundle).some((role) => role.practitioner?.reference === practitioner);
  } catch {
    return true;   // the server decides on send
  }
}

async function replyBox(thread, setReplyTo, getReplyTo, reload) {
  const refusal = (code) => h('p', { class: 'notice', id: 'reply-refused', role: 'status' }, REPLY_REFUSED[code]);
  if (session.kind === 'admin') {
    return { open: false, element: null };
  }
  if (thread.status === 'completed') {
    return { open: false, element: refusal('thread-closed') };
  }
  if (participantState(thread).left) {
    return { open: false, element: null };
  }
  if (!session.messagingEnabled) {
    return { open: false, element: refusal('messaging-disabled') };
  }
  if (!(await stillEligible(thread))) {
    return { open: false, element: refusal('read-only-thread') };
  }
  const text = h('textarea', { id: 'reply-text', rows: 4, required: true });
  const replying = h('p', { class: 'hint', id: 'replying-to', hidden: true });
  const quickReplies = session.kind === 'practitioner'
    ? await quickReplyPicker(text, await session.directory.read(thread.subject.reference), session.self).catch(() => null)
    : null;
  const files = attachmentPicker();
  const errors = h('div', { 'aria-live': 'assertive' });
  const send = h('button', { type: 'submit', class: 'primary', id: 'send-reply' }, 'Send');
  const form = h('form', {
    class: 'reply panel',
    onsubmit: async (event) => {
      event.preventDefault();
      if (!text.value.trim()) {
        replace(errors, errorBox('Write a message first.'));
        return;
      }
      send.disabled = true;
      await files.ready();
      const message = {
        resourceType: 'Communication', status: 'completed',
        partOf: [{ reference: `Communication/${thread.id}` }],
        payload: [textPayload(text.value), ...files.payload()],
      };
      const inResponseTo = getReplyTo();
      if (inResponseTo) {
        message.inResponseTo = [{ reference: `Communication/${inResponseTo.id}` }];
      }
      try {
        await fhir.post('Communication', message);
        await reload();
      } catch (error) {
        send.disabled = false;
        replace(errors, REPLY_REFUSED[error.rule] ? refusal(error.rule) : errorBox(error));
      }
    },
  }, h('h2', {}, 'Reply'), replying, h('div', { class: 'composer-tools' }, toolbar(text), quickReplies),
  field('Your message', text), files.element, errors, send);
  return {
    open: true,
    element: form,
    replyTo(message, name) {
      setReplyTo(message);
      replying.hidden = false;
      replying.textContent = `Answering ${name === 'Me' ? 'your message' : `${name}'s message`} of ${day(message.sent)} ${time(message.sent)}`;
      text.focus();
    },
  };
}
