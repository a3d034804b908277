// The inbox (newest activity first, unread dot and count, archived hidden until asked for,
// search from 3 characters, for staff the overdue marker and filter) and the drafts folder.
import { h, replace, errorBox, checkbox, field, when, debounce } from './dom.js';
import { fhir, resources, nextLink, personName, extension } from './fhir.js';
import { teamOf, claimLine, teamFilter } from './pools.js';
import {
  session, subjectFilter, messageType, senderFlag, counterpart, participantState, responseDue, refreshBadge,
} from './session.js';
import { awayText } from './cover.js';

const PAGE = 20;
const SEARCH_MIN = 3;
const view = { showAll: false, search: '', overdueOnly: false, team: '' };

/** Forgets the search and "show all" (another patient's inbox is about to be shown). */
export function resetInboxView() {
  Object.assign(view, { showAll: false, search: '', overdueOnly: false, team: '' });
}

function query() {
  let q = `Communication?part-of:missing=true&_count=${PAGE}${subjectFilter()}`;
  if (!view.showAll) {
    q += '&archived=false';
  }
  if (view.search.length >= SEARCH_MIN) {
    q += `&_content=${encodeURIComponent(view.search)}`;
  }
  if (view.overdueOnly) {
    q += '&overdue=true';
  }
  if (view.team) {
    q += `&recipient=CareTeam/${encodeURIComponent(view.team)}`;
  }
  return q;
}

/** Why the person cannot start a conversation now, or null when they can. */
export function cannotStart() {
  if (session.kind === 'admin') {
    return 'Clinic administrators read conversations but do not take part in them.';
  }
  if (!session.messagingEnabled) {
    return 'Messaging is switched off by the clinic. You can read your conversations, but not send messages.';
  }
  if (session.patientSide && extension(session.policy, 'patients-may-start')?.valueBoolean === false) {
    return 'The clinic does not let patients start conversations. You can reply when your practitioner writes to you.';
  }
  return null;
}

async function row(thread) {
  const state = participantState(thread);
  const flag = await senderFlag(thread.sender?.reference);
  const other = counterpart(thread);
  const otherName = other ? personName(await session.directory.read(other)) : teamOf(thread)?.name ?? '';
  const subject = thread.topic?.text || messageType(thread) || '(no subject)';
  const due = session.kind === 'practitioner' ? responseDue(thread) : null;
  // The patient side sees who covers while the thread's practitioner is away.
  const away = session.patientSide ? awayText(thread, otherName) : null;
  return h('li', { class: `thread${state.archived ? ' archived' : ''}${state.unread ? ' unread' : ''}${due?.overdue ? ' overdue' : ''}` },
    h('a', { href: `#/threads/${thread.id}`, class: 'thread-link' },
      h('span', { class: 'dot', 'aria-hidden': 'true' }),
      h('span', { class: `flag ${flag.mine ? 'me' : 'them'}`, title: flag.name }, flag.text),
      h('span', { class: 'summary' },
        h('span', { class: 'subject' }, subject),
        h('span', { class: 'meta' }, [otherName, messageType(thread), state.archived ? 'Archived' : '',
          thread.status === 'completed' ? 'Closed' : ''].filter(Boolean).join(' · ')),
        due?.overdue ? h('span', { class: 'overdue-marker' }, `Overdue: reply was due ${when(due.due)}`) : null,
        away ? h('span', { class: 'away-marker' }, away) : null,
        await claimLine(thread)),
      h('span', { class: 'date' }, when(thread.meta?.lastUpdated ?? thread.sent)),
      state.unread
        ? h('span', { class: 'count', 'aria-label': `${state.unread} unread` }, state.unread)
        : h('span', { class: 'visually-hidden' }, 'no unread messages')));
}

async function fill(list, more, bundle) {
  const items = await Promise.all(resources(bundle).map(row));
  list.append(...items);
  const next = nextLink(bundle);
  more.hidden = !next;
  more.onclick = async () => {
    more.disabled = true;
    await fill(list, more, await fhir.get(next));
    more.disabled = false;
  };
}

async function loadThreads(results) {
  const list = h('ol', { class: 'threads', id: 'threads', 'aria-label': 'Conversations' });
  const more = h('button', { type: 'button', id: 'more', hidden: true }, 'Show more');
  try {
    const bundle = await fhir.get(query());
    if (!bundle.entry?.length) {
      replace(results, h('p', { class: 'empty', id: 'no-threads' },
        view.search.length >= SEARCH_MIN || view.overdueOnly || view.team ? 'No conversation matches your search.' : 'No conversations yet.'));
      return;
    }
    replace(results, list, more);
    await fill(list, more, bundle);
  } catch (error) {
    replace(results, errorBox(error));
  }
}

function toolbar(results, searchHint) {
  const search = h('input', { type: 'search', id: 'search', value: view.search, autocomplete: 'off' });
  const runSearch = debounce(() => loadThreads(results), 400);
  search.addEventListener('input', () => {
    view.search = search.value.trim();
    const short = view.search.length > 0 && view.search.length < SEARCH_MIN;
    searchHint.textContent = short ? `Type at least ${SEARCH_MIN} characters to search.` : '';
    if (!short) {
      runSearch();
    }
  });
  const showAll = checkbox('show-all', 'Show all conversations', view.showAll, {
    onchange: (event) => {
      view.showAll = event.target.checked;
      loadThreads(results);
    },
  });
  // Staff narrow their inbox to the conversations past the clinic's response time.
  const overdueOnly = session.kind !== 'practitioner' ? null : checkbox('overdue-only', 'Overdue only', view.overdueOnly, {
    onchange: (event) => {
      view.overdueOnly = event.target.checked;
      loadThreads(results);
    },
  });
  const team = teamFilter(view.team, (id) => {
    view.team = id;
    loadThreads(results);
  });
  return h('div', { class: 'toolbar' },
    field('Search conversations', search), showAll, overdueOnly, team);
}

function folders(current) {
  return h('nav', { class: 'folders', 'aria-label': 'Folders' },
    h('a', { href: '#/', 'aria-current': current === 'inbox' ? 'page' : false }, 'Inbox'),
    session.kind === 'admin' ? null
      : h('a', { href: '#/drafts', id: 'drafts-folder', 'aria-current': current === 'drafts' ? 'page' : false }, 'Drafts'));
}

/** "New message", and when it cannot be used, why (admins see neither). */
function start() {
  const reason = cannotStart();
  if (session.kind === 'admin') {
    return [null, null];
  }
  return [
    h('a', {
      class: `button primary${reason ? ' disabled' : ''}`, id: 'new-message',
      href: reason ? null : '#/compose', 'aria-disabled': reason ? 'true' : null,
    }, 'New message'),
    reason ? h('p', { class: 'notice', id: 'cannot-start', role: 'status' }, reason) : null,
  ];
}

async function drafts(results) {
  const bundle = await fhir.get('Communication?status=preparation&_count=50');
  const threads = resources(bundle).filter((c) => !c.partOf?.length);
  if (!threads.length) {
    replace(results, h('p', { class: 'empty' }, 'No drafts. A message you close without sending is kept here.'));
    return;
  }
  const items = await Promise.all(threads.map(async (thread) => {
    const other = counterpart(thread);
    const name = other ? personName(await session.directory.read(other)) : '';
    return h('li', { class: 'thread draft' },
      h('a', { href: `#/compose/${thread.id}`, class: 'thread-link' },
        h('span', { class: 'flag me' }, 'Draft'),
        h('span', { class: 'summary' },
          h('span', { class: 'subject' }, thread.topic?.text || '(no subject)'),
          h('span', { class: 'meta' }, [name, messageType(thread)].filter(Boolean).join(' · '))),
        h('span', { class: 'date' }, when(thread.meta?.lastUpdated))));
  }));
  replace(results, h('ol', { class: 'threads', id: 'drafts', 'aria-label': 'Drafts' }, items));
}

export async function renderInbox(main, folder) {
  const results = h('div', { class: 'results', 'aria-live': 'polite' }, h('p', {}, 'Loading…'));
  const searchHint = h('p', { class: 'hint', id: 'search-hint', 'aria-live': 'polite' });
  const heading = folder === 'drafts' ? 'Drafts'
    : session.kind === 'proxy' && session.patient ? `Messages for ${personName(session.patient)}` : 'Messages';
  const [button, reason] = start();
  replace(main,
    h('div', { class: 'inbox-head' }, h('h1', {}, heading), button),
    reason,
    folders(folder),
    folder === 'drafts' ? null : toolbar(results, searchHint),
    folder === 'drafts' ? null : searchHint,
    results);
  if (folder === 'drafts') {
    await drafts(results).catch((error) => replace(results, errorBox(error)));
  } else {
    await loadThreads(results);
    refreshBadge();
  }
}
