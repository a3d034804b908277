// Team pools: a thread addressed to a team (a CareTeam marked as a pool) shows the team's name
// to the patient side until a member answers; members claim, release and see who holds it.
import { h, option } from './dom.js';
import { fhir, resources, extension, personName, CANON } from './fhir.js';
import { session } from './session.js';

const POOL = { system: `${CANON}/CodeSystem/care-team-category`, code: 'pool' };

const isPool = (careTeam) => careTeam.category?.some((c) => c.coding?.some((x) => x.system === POOL.system && x.code === POOL.code));

/** A team from $message-recipients as a choice of the "To" list. */
export function teamChoice(careTeam) {
  return { reference: `CareTeam/${careTeam.id}`, name: `${careTeam.name} (team)`, charges: false, role: careTeam, team: true };
}

/** The team a thread is addressed to: { reference, name }, or null. */
export function teamOf(thread) {
  const team = thread.recipient?.find((r) => r.reference?.startsWith('CareTeam/'));
  return team ? { reference: team.reference, name: team.display ?? 'the team' } : null;
}

/** The practitioner holding a team's thread (claimed-by), or null. */
export function claimedBy(thread) {
  return extension(thread, 'claimed-by')?.valueReference?.reference ?? null;
}

/** "Claimed by Raj Patel" or "Not claimed yet", for staff, on a team's thread; null otherwise. */
export async function claimLine(thread, id = null) {
  if (!teamOf(thread) || session.patientSide) {
    return null;
  }
  const holder = claimedBy(thread);
  const text = holder ? `Claimed by ${holder === session.me ? 'me' : personName(await session.directory.read(holder))}` : 'Not claimed yet';
  return h('span', { class: 'claim', id }, text);
}

/** Claim or Release on a team's thread, for its members: what they may do now. */
export function claimButtons(thread, act) {
  if (session.kind !== 'practitioner' || !teamOf(thread) || thread.status !== 'in-progress') {
    return null;
  }
  const holder = claimedBy(thread);
  if (!holder) {
    return h('button', { type: 'button', id: 'claim', onclick: () => act('claim') }, 'Claim');
  }
  return holder === session.me ? h('button', { type: 'button', id: 'release', onclick: () => act('release') }, 'Release') : null;
}

/** The staff member's team inbox filter: their pools, filled once they are read. */
export function teamFilter(current, onchange) {
  const select = h('select', { id: 'team-filter', 'aria-label': 'Team inbox', hidden: true, onchange: (event) => onchange(event.target.value) },
    option('', 'My conversations and my teams\''));
  if (session.kind === 'practitioner') {
    fhir.get(`CareTeam?participant=${session.me}`).then((bundle) => {
      const pools = resources(bundle).filter(isPool);
      select.append(...pools.map((pool) => option(pool.id, `Team inbox: ${pool.name}`, pool.id === current)));
      select.hidden = pools.length === 0;
    }).catch(() => null);
  }
  return select;
}
