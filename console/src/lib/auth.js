import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

// The bearer token lives in this tab's sessionStorage and goes only into the Authorization header and the
// graphql-ws connection_init payload, never into a URL.
const KEY = 'muster.token';
const listeners = new Set();

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signedIn() {
  const claims = claimsOf(token());
  return claims && (!claims.exp || claims.exp * 1000 > Date.now()) ? claims : null;
}

function setToken(value) {
  if (value) sessionStorage.setItem(KEY, value);
  else sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export function onAuthChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The token's claims, for the console's own routing only: the API checks every call itself. */
export function claimsOf(jwt) {
  if (!jwt) return null;
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

export async function settings() {
  const response = await fetch('/console/settings.json', { cache: 'no-store' });
  return response.json();
}

/** Development only, loopback only (the server decides): a token for a role. */
export async function developmentSignIn(role) {
  const response = await fetch('/console/development-token', { method: 'POST', body: new URLSearchParams({ role }) });
  if (!response.ok) throw new Error(`${response.status}`);
  setToken((await response.json()).token);
}

let manager = null;
function oidcManager(oidc) {
  manager ??= new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    response_type: 'code', // authorization code; oidc-client-ts always adds a PKCE challenge (S256)
    redirect_uri: `${location.origin}/console/signin-callback`,
    post_logout_redirect_uri: `${location.origin}/console/`,
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
  return manager;
}

export function oidcSignIn(oidc) {
  return oidcManager(oidc).signinRedirect();
}

/** On /console/signin-callback: trades the code (with the PKCE verifier) for tokens, then leaves the callback URL. */
export async function completeOidcSignIn(oidc) {
  const user = await oidcManager(oidc).signinRedirectCallback();
  setToken(user.access_token);
  history.replaceState(null, '', '/console/');
}

export function signOut() {
  setToken(null);
}
