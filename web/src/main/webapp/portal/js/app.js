// The portal's shell: who is signed in, the header (unread badge, patient switcher, sign out)
// and the views by address. Addresses carry ids only (#/threads/123), never health information.
import { SignInUnavailable, currentUser, signIn, signOut } from './auth.js';
import { h, replace, errorBox, option } from './dom.js';
import { fhir, resources, PORTAL_USERNAME, personName, ref, actAs, Directory } from './fhir.js';
import { session, refreshBadge } from './session.js';
import { renderInbox, resetInboxView } from './inbox.js';
import { renderThread } from './thread.js';
import { renderCompose } from './compose.js';
import { renderSettings } from './settings.js';

const ACTING_FOR = 'missive.actingFor';
const main = document.getElementById('main');
const header = document.getElementById('header');

const byIdentifier = (type) => fhir.get(`${type}?identifier=${encodeURIComponent(`${PORTAL_USERNAME}|${session.user.username}`)}`)
  .then((bundle) => resources(bundle));

async function whoAmI() {
  const roles = session.user.roles;
  // A patient who is also on the staff starts on the staff side (as the server does) and may switch.
  if (roles.includes('patient') && !roles.includes('practitioner')) {
    session.kind = 'patient';
    [session.self] = await byIdentifier('Patient');
    session.patients = session.self ? [{ patient: session.self }] : [];
  } else if (roles.includes('proxy')) {
    session.kind = 'proxy';
    const records = (await byIdentifier('RelatedPerson')).filter((r) => r.active !== false);
    session.patients = (await Promise.all(records.map(async (relatedPerson) => ({
      relatedPerson, patient: await session.directory.read(relatedPerson.patient.reference),
    })))).filter((p) => p.patient);
  } else if (roles.includes('practitioner')) {
    session.kind = 'practitioner';
    [session.self] = await byIdentifier('Practitioner');
    if (roles.includes('patient')) {
      await findSides();
    }
  } else if (roles.includes('clinic-admin')) {
    session.kind = 'admin';
  }
  session.patients.forEach(({ patient }) => session.directory.remember(patient));
  if (session.self) {
    session.directory.remember(session.self);
  }
  if (session.sides.length) {
    chooseSide(sessionStorage.getItem(ACTING_FOR));
  } else {
    choosePatient(sessionStorage.getItem(ACTING_FOR));
  }
}

/** A staff member who is also a patient: their Practitioner (the default side) and their Patient. */
async function findSides() {
  const [patient] = await byIdentifier('Patient');
  if (session.self && patient) {
    session.sides = [
      { entry: session.self, kind: 'practitioner', label: `${personName(session.self)} (staff)` },
      { entry: patient, kind: 'patient', label: `${personName(patient)} (patient)` },
    ];
  }
}

/** The side they act on, kept for the tab like a proxy's patient; every request names it. */
function chooseSide(reference) {
  const side = session.sides.find((s) => ref(s.entry) === reference) ?? session.sides[0];
  session.kind = side.kind;
  session.self = side.entry;
  session.patients = side.kind === 'patient' ? [{ patient: side.entry }] : [];
  session.patient = side.kind === 'patient' ? side.entry : null;
  session.directory = new Directory();
  session.sides.forEach((s) => session.directory.remember(s.entry));
  actAs(ref(side.entry));
  sessionStorage.setItem(ACTING_FOR, ref(side.entry));
}

/** The switcher between the two sides, in the place of a proxy's patient switcher. */
function sideSwitcher() {
  return h('div', { class: 'acting-for' },
    h('label', { for: 'acting-for' }, 'Acting as'),
    h('select', {
      id: 'acting-for',
      onchange: (event) => {
        chooseSide(event.target.value);
        resetInboxView();
        // The navigation differs by side (Settings are staff's): the header is drawn again.
        renderHeader();
        document.getElementById('acting-for').focus();
        if (['', '#/'].includes(location.hash)) {
          route();
        } else {
          location.hash = '#/';
        }
      },
    }, session.sides.map((s) => option(ref(s.entry), s.label, s.entry === session.self))));
}

function choosePatient(patientId) {
  const chosen = session.patients.find((p) => p.patient.id === patientId) ?? session.patients[0];
  session.patient = chosen?.patient ?? null;
  if (session.kind === 'proxy') {
    session.self = chosen?.relatedPerson ?? null;
  }
  if (session.patient) {
    sessionStorage.setItem(ACTING_FOR, session.patient.id);
  }
}

function renderHeader() {
  const name = session.kind === 'admin' ? session.user.username : personName(session.self) || session.user.username;
  const switcher = session.kind === 'proxy' && session.patients.length > 1
    ? h('div', { class: 'acting-for' },
      h('label', { for: 'acting-for' }, 'Acting for'),
      h('select', {
        id: 'acting-for',
        onchange: (event) => {
          choosePatient(event.target.value);
          resetInboxView();
          // The header stays (and the select keeps focus); the inbox is the new patient's.
          if (['', '#/'].includes(location.hash)) {
            route();
          } else {
            location.hash = '#/';
          }
        },
      }, session.patients.map(({ patient }) => option(patient.id, personName(patient), patient === session.patient))))
    : null;
  replace(header,
    h('a', { class: 'brand', href: '#/' }, session.policy?.name ?? 'Missive'),
    h('nav', { 'aria-label': 'Main' },
      h('a', { href: '#/', id: 'nav-messages' }, 'Messages ',
        h('span', { class: 'badge', id: 'unread-badge', hidden: true })),
      session.patientSide ? null : h('a', { href: '#/settings', id: 'nav-settings' }, 'Settings')),
    session.sides.length ? sideSwitcher() : switcher,
    h('div', { class: 'who' },
      h('span', { id: 'signed-in-as' }, name),
      h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: signOut }, 'Sign out')));
  refreshBadge();
}

async function route() {
  const [, view, id] = location.hash.split('/');
  main.setAttribute('aria-busy', 'true');
  try {
    if (view === 'threads' && id) {
      await renderThread(main, id);
    } else if (view === 'compose') {
      await renderCompose(main, id);
    } else if (view === 'settings') {
      await renderSettings(main);
    } else {
      await renderInbox(main, view === 'drafts' ? 'drafts' : 'inbox');
    }
  } catch (error) {
    replace(main, errorBox(error), h('p', {}, h('a', { href: '#/' }, 'Back to your messages')));
  } finally {
    main.removeAttribute('aria-busy');
  }
}

function renderSignedOut() {
  replace(header, h('span', { class: 'brand' }, 'Missive'));
  replace(main, h('section', { class: 'panel signed-out' },
    h('h1', {}, 'You have signed out'),
    h('p', {}, 'Your secure messages stay on the server. Close this tab if you are on a shared computer.'),
    h('button', { type: 'button', class: 'primary', onclick: () => { history.replaceState(null, '', location.pathname); signIn().catch(renderSignInUnavailable); } },
      'Sign in again')));
}

function renderSignInUnavailable(error) {
  replace(header, h('span', { class: 'brand' }, 'Missive'));
  replace(main, h('section', { class: 'panel signed-out', id: 'sign-in-unavailable' },
    h('h1', {}, 'Sign-in is not available'),
    h('p', { role: 'alert' }, error.message),
    h('button', { type: 'button', class: 'primary', onclick: () => location.reload() }, 'Try again')));
}

async function start() {
  try {
    session.user = await currentUser();
  } catch (error) {
    if (error instanceof SignInUnavailable) {
      renderSignInUnavailable(error);
      return;
    }
    throw error;
  }
  if (!session.user) {
    renderSignedOut();
    return;
  }
  try {
    session.policy = await fhir.get('Organization/clinic');
    await whoAmI();
  } catch (error) {
    replace(main, errorBox(error));
    return;
  }
  renderHeader();
  window.addEventListener('hashchange', route);
  await route();
}

start();
