// The portal's only way to Missive: the public FHIR API with the signed-in person's token.
// Errors become ApiError with a plain sentence (the OperationOutcome's text) and, for a broken
// rule (422), the rule's code, so that views can say why instead of showing JSON.
import { config } from '../config.js';
import { accessToken, refresh, signIn } from './auth.js';

export const CANON = 'https://missive.dev/fhir';
export const EXT = (name) => `${CANON}/StructureDefinition/${name}`;
export const PORTAL_USERNAME = `${CANON}/sid/portal-username`;
export const MESSAGE_TYPE = `${CANON}/CodeSystem/message-type`;
export const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

export class ApiError extends Error {
  constructor(status, message, rule) {
    super(message);
    this.status = status;
    this.rule = rule;
  }
}

const FALLBACK = {
  400: 'The request was not accepted.',
  403: 'Your account may not do this.',
  404: 'This conversation or message is not available to you.',
  412: 'Someone changed this in the meantime. Reload and try again.',
  422: 'This is not allowed here.',
};

async function failure(response) {
  let outcome = null;
  try {
    outcome = await response.json();
  } catch {
    // not an OperationOutcome: the fallback sentence will do
  }
  const issue = outcome?.resourceType === 'OperationOutcome' ? outcome.issue?.[0] : null;
  const rule = issue?.details?.coding?.find((c) => c.system === `${CANON}/CodeSystem/rule`)?.code;
  const text = issue?.diagnostics || issue?.details?.text
    || FALLBACK[response.status] || 'Missive could not complete the request. Please try again later.';
  return new ApiError(response.status, text, rule);
}

// The directory entry a staff member who is also a patient acts as (null: the account's default side).
let actingAs = null;

/** Every request from now on names this entry (Patient/{id} or Practitioner/{id}) as the side acted on. */
export function actAs(entry) {
  actingAs = entry;
}

/** The response of a request with the person's token; a 401 refreshes the token once, then signs in again. */
async function authorized(method, path, { body, headers = {} } = {}, retried = false) {
  const url = path.startsWith('http') ? path : `${config.fhirBase}/${path}`;
  const response = await fetch(url, {
    method,
    body,
    headers: {
      Accept: 'application/fhir+json',
      Authorization: `Bearer ${await accessToken()}`,
      ...(actingAs ? { 'X-Missive-Acting-As': actingAs } : {}),
      ...headers,
    },
  });
  if (response.status === 401) {
    if (retried) {
      return signIn();
    }
    await refresh().catch(signIn);
    return authorized(method, path, { body, headers }, true);
  }
  if (!response.ok) {
    throw await failure(response);
  }
  return response;
}

async function send(method, path, body, headers = {}) {
  const response = await authorized(method, path, body === undefined ? { headers }
    : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/fhir+json', ...headers } });
  return response.status === 204 ? null : response.json();
}

export const fhir = {
  get: (path) => send('GET', path),
  post: (path, body) => send('POST', path, body),
  put: (path, body, headers) => send('PUT', path, body, headers),
  delete: (path) => send('DELETE', path),
  operation: (path, parameter) => send('POST', path, { resourceType: 'Parameters', ...(parameter ? { parameter } : {}) }),
  /** A file uploaded as it is (raw body, its own type); answers the Binary, without its data. */
  upload: async (file) => (await authorized('POST', 'Binary', {
    body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' },
  })).json(),
  /** A file's bytes (Binary/{id}), fetched with the token in the header, never in the URL. */
  download: async (path) => (await authorized('GET', path, { headers: { Accept: '*/*' } })).blob(),
};

/** The resources of a search Bundle, matches only unless asked otherwise. */
export function resources(bundle, mode = 'match') {
  return (bundle?.entry ?? []).filter((e) => !e.search?.mode || e.search.mode === mode).map((e) => e.resource);
}

export function nextLink(bundle) {
  return bundle?.link?.find((l) => l.relation === 'next')?.url ?? null;
}

export function extension(resource, name) {
  return resource?.extension?.find((e) => e.url === EXT(name));
}

export function subExtension(ext, url) {
  return ext?.extension?.find((e) => e.url === url);
}

export const ref = (resource) => `${resource.resourceType}/${resource.id}`;

export function personName(resource) {
  const name = resource?.name?.[0];
  if (!name) {
    return '';
  }
  return name.text ?? [...(name.given ?? []), name.family].filter(Boolean).join(' ');
}

export function initials(resource) {
  const name = resource?.name?.[0];
  return [name?.given?.[0], name?.family].filter(Boolean).map((part) => part[0].toUpperCase()).join('') || '?';
}

/** Reads each reference once per page view: names for initials, senders and patients. */
export class Directory {
  #cache = new Map();

  read(reference) {
    if (!this.#cache.has(reference)) {
      this.#cache.set(reference, fhir.get(reference).catch(() => null));
    }
    return this.#cache.get(reference);
  }

  remember(resource) {
    this.#cache.set(ref(resource), Promise.resolve(resource));
  }
}
