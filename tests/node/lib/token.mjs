// Mints HS256 JWTs for the black-box tests with node:crypto only (no JWT library).
//
// Key: the UTF-8 bytes of MUSTER_SIGNING_KEY (the service validates with the same bytes).
import { createHmac } from 'node:crypto';

export const ROLES = Object.freeze(['admin', 'commander', 'logistics', 'partner']);

const encoder = new TextEncoder();

/** base64url without padding (RFC 7515 §2). */
export function base64url(input) {
  const bytes = typeof input === 'string' ? Buffer.from(encoder.encode(input)) : Buffer.from(input);
  return bytes.toString('base64url');
}

/** The signing key from the environment; throws a clear error when it is missing. */
export function signingKey() {
  const key = process.env.MUSTER_SIGNING_KEY;
  if (!key) throw new Error('MUSTER_SIGNING_KEY is not set (its UTF-8 bytes are the HS256 key)');
  return key;
}

/**
 * Signs arbitrary claims. Lower-level helper for tests that need odd tokens
 * (expired, wrong key, missing claims).
 * @param {Record<string, unknown>} claims
 * @param {{ key?: string, header?: Record<string, unknown> }} [options]
 */
export function sign(claims, { key = signingKey(), header = { alg: 'HS256', typ: 'JWT' } } = {}) {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', Buffer.from(encoder.encode(key))).update(signingInput).digest();
  return `${signingInput}.${base64url(signature)}`;
}

/**
 * A valid token for the given caller: claims sub, role, optional agency, iat, exp (+1 h).
 * @param {{ role?: 'admin'|'commander'|'logistics'|'partner', agency?: string, sub?: string,
 *           key?: string, lifetimeSeconds?: number, now?: number }} [options]
 */
export function token({ role = 'admin', agency, sub, key, lifetimeSeconds = 3600, now } = {}) {
  if (!ROLES.includes(role)) throw new Error(`unknown role '${role}' (expected one of ${ROLES.join(', ')})`);
  const iat = Math.floor((now ?? Date.now()) / 1000);
  const claims = { sub: sub ?? `node-test-${role}`, role };
  if (agency !== undefined && agency !== null) claims.agency = agency;
  claims.iat = iat;
  claims.exp = iat + lifetimeSeconds;
  return sign(claims, key === undefined ? {} : { key });
}

/** `{ Authorization: 'Bearer …' }` for fetch headers. */
export function bearer(options) {
  return { Authorization: `Bearer ${token(options)}` };
}
