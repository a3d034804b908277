// Sign-in with the clinic's Keycloak: authorization code + PKCE (S256) for the public client
// missive-portal, written out so that nothing is loaded from elsewhere. Tokens live in
// sessionStorage: they survive a reload of this tab and die with it, and never reach a cookie
// or the URL. The access token is refreshed a minute before it expires; a refresh that fails
// (session ended or revoked) sends the person back to the login page.
import { config } from '../config.js';

const TOKENS = 'missive.tokens';
const PENDING = 'missive.signin';
// SMART scopes: the upper bound of what the portal may do; a patient's or proxy's requests count
// under patient/, a practitioner's under user/ (Missive's rules decide the rest)
const SCOPES = 'openid fhirUser patient/*.cruds user/*.cruds';
const oidc = `${config.issuer}/protocol/openid-connect`;
const redirectUri = () => `${location.origin}${location.pathname}`;

let refreshTimer;

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function claims(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
}

function stored() {
  try {
    return JSON.parse(sessionStorage.getItem(TOKENS));
  } catch {
    return null;
  }
}

function store(answer) {
  const now = Date.now();
  const tokens = {
    access: answer.access_token,
    refresh: answer.refresh_token,
    id: answer.id_token ?? stored()?.id,
    expiresAt: now + answer.expires_in * 1000,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  scheduleRefresh(tokens);
  return tokens;
}

async function tokenRequest(form) {
  const response = await fetch(`${oidc}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...form }),
  });
  if (!response.ok) {
    throw new Error('The sign-in server refused the session');
  }
  return store(await response.json());
}

function scheduleRefresh(tokens) {
  clearTimeout(refreshTimer);
  const due = Math.max(tokens.expiresAt - Date.now() - 60_000, 5_000);
  refreshTimer = setTimeout(() => refresh().catch(signIn), due);
}

/** Keycloak did not answer: the portal says so rather than sending the browser to an error page. */
export class SignInUnavailable extends Error {
  constructor() {
    super('Signing in is not possible just now: the clinic\'s sign-in service is not answering. '
      + 'Your messages are safe. Please try again in a few minutes.');
  }
}

/** Whether Keycloak answers at all (an opaque answer is enough: no CORS needed to know that). */
async function signInServerAnswers() {
  try {
    await fetch(`${config.issuer}/.well-known/openid-configuration`,
      { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends the browser to Keycloak's login page; comes back to the same view afterwards. Throws
 * SignInUnavailable, keeping any tokens, when Keycloak does not answer.
 */
export async function signIn() {
  if (!(await signInServerAnswers())) {
    throw new SignInUnavailable();
  }
  sessionStorage.removeItem(TOKENS);
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, view: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: SCOPES,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${oidc}/auth?${query}`);
  return new Promise(() => {});   // the page is going away
}

/** Finishes a sign-in when Keycloak sent the browser back with a code; true if it did. */
async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) {
    return false;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUri() + (pending?.view ?? ''));
  if (!pending || query.get('state') !== pending.state || !query.has('code')) {
    return false;
  }
  await tokenRequest({
    grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  return true;
}

export async function refresh() {
  const tokens = stored();
  if (!tokens?.refresh) {
    throw new Error('Not signed in');
  }
  return tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh });
}

/** A valid access token, refreshed first when it is about to expire. */
export async function accessToken() {
  let tokens = stored();
  if (!tokens) {
    return signIn();
  }
  if (tokens.expiresAt - Date.now() < 30_000) {
    tokens = await refresh().catch(signIn);
  }
  return tokens.access;
}

/**
 * The signed-in person ({ username, roles }), or null when they have just signed out. Otherwise
 * the browser goes to the login page.
 */
export async function currentUser() {
  try {
    await completeSignIn();
  } catch {
    return signIn();
  }
  if (new URLSearchParams(location.search).has('signed-out')) {
    return null;
  }
  const tokens = stored();
  if (!tokens) {
    return signIn();
  }
  if (tokens.expiresAt - Date.now() < 30_000) {
    await refresh().catch(signIn);
  } else {
    scheduleRefresh(tokens);
  }
  const token = claims(stored().access);
  return { username: token.preferred_username, roles: token.realm_access?.roles ?? [] };
}

/** Ends the Keycloak session too, then comes back to a "signed out" page. */
export function signOut() {
  const tokens = stored();
  sessionStorage.clear();
  clearTimeout(refreshTimer);
  const query = new URLSearchParams({
    client_id: config.clientId, post_logout_redirect_uri: `${redirectUri()}?signed-out`,
  });
  if (tokens?.id) {
    query.set('id_token_hint', tokens.id);
  }
  location.assign(`${oidc}/logout?${query}`);
}
