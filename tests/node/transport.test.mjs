// Extra GraphQL-over-HTTP checks beyond graphql-http's audits: how the service authenticates and
// which request shapes it refuses. Plain fetch against the running service (MUSTER_URL).
//
// `viewer { subject role agencyId }` is a query field that returns the caller; it needs a caller.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { musterUrl, timedFetch } from './lib/env.mjs';
import { sign, token } from './lib/token.mjs';

const VIEWER = '{ viewer { subject role agencyId } }';

function post(body, { headers = {}, contentType = 'application/json', accept = 'application/json' } = {}) {
  const h = { accept, ...headers };
  if (contentType !== null) h['content-type'] = contentType;
  return timedFetch(musterUrl(), { method: 'POST', headers: h, body });
}

function postQuery(query, options) {
  return post(JSON.stringify({ query }), options);
}

async function json(res) {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    assert.fail(`expected a JSON body, got ${res.status} ${res.headers.get('content-type')}: ${text.slice(0, 300)}`);
  }
}

/** The answer must carry an error with extensions.code UNAUTHENTICATED and no viewer data. */
async function assertUnauthenticated(res) {
  assert.ok(res.status < 500, `expected no server error, got ${res.status}`);
  const body = await json(res);
  const codes = (body.errors ?? []).map((e) => e?.extensions?.code);
  assert.ok(codes.includes('UNAUTHENTICATED'), `expected an error with extensions.code UNAUTHENTICATED, got ${JSON.stringify(body)}`);
  assert.equal(body.data?.viewer ?? null, null, `expected no viewer data, got ${JSON.stringify(body.data)}`);
}

function assert4xx(res, expected) {
  if (expected !== undefined) {
    assert.equal(res.status, expected, `expected ${expected}, got ${res.status} ${res.headers.get('content-type') ?? ''}`);
  } else {
    assert.ok(res.status >= 400 && res.status < 500, `expected a 4xx status, got ${res.status}`);
  }
}

test('a valid bearer token identifies the caller (control for the checks below)', async () => {
  const res = await postQuery(VIEWER, {
    headers: { authorization: `Bearer ${token({ role: 'admin', sub: 'node-test-transport' })}` },
  });
  assert.equal(res.status, 200);
  const body = await json(res);
  assert.equal(body.errors, undefined, `unexpected errors: ${JSON.stringify(body.errors)}`);
  assert.equal(body.data?.viewer?.subject, 'node-test-transport');
  assert.equal(String(body.data?.viewer?.role).toLowerCase(), 'admin');
});

test('no credentials at all: viewer is UNAUTHENTICATED', async () => {
  await assertUnauthenticated(await postQuery('{ viewer { role } }'));
});

test('a cookie without a bearer token does not authenticate: viewer is UNAUTHENTICATED', async () => {
  const jwt = token({ role: 'admin', sub: 'node-test-cookie' });
  const cookie = [
    `access_token=${jwt}`,
    `token=${jwt}`,
    `muster_token=${jwt}`,
    `.AspNetCore.Cookies=${jwt}`,
    `Authorization=Bearer%20${jwt}`,
  ].join('; ');
  await assertUnauthenticated(await postQuery('{ viewer { role } }', { headers: { cookie } }));
});

test('a token signed with another key is UNAUTHENTICATED', async () => {
  const forged = token({ role: 'admin', sub: 'node-test-forged', key: `not-the-key-${process.pid}-${Date.now()}` });
  await assertUnauthenticated(await postQuery('{ viewer { role } }', { headers: { authorization: `Bearer ${forged}` } }));
});

test('an expired token is UNAUTHENTICATED', async () => {
  const expired = token({ role: 'admin', sub: 'node-test-expired', now: Date.now() - 3 * 3600_000 });
  await assertUnauthenticated(await postQuery('{ viewer { role } }', { headers: { authorization: `Bearer ${expired}` } }));
});

test('an unsigned (alg none) token is UNAUTHENTICATED', async () => {
  const now = Math.floor(Date.now() / 1000);
  const signed = sign({ sub: 'node-test-none', role: 'admin', iat: now, exp: now + 3600 }, { header: { alg: 'none', typ: 'JWT' } });
  const unsigned = `${signed.split('.').slice(0, 2).join('.')}.`;
  await assertUnauthenticated(await postQuery('{ viewer { role } }', { headers: { authorization: `Bearer ${unsigned}` } }));
});

// Cross-site HTML forms can only send these three content types (CORS "simple" requests, no preflight):
// refusing them means a form on another site cannot post an operation with the user's cookies.
const admin = () => ({ authorization: `Bearer ${token({ role: 'admin', sub: 'node-test-content-type' })}` });

test('POST application/x-www-form-urlencoded is refused with 415', async () => {
  const body = new URLSearchParams({ query: '{ __typename }' }).toString();
  assert4xx(await post(body, { headers: admin(), contentType: 'application/x-www-form-urlencoded' }), 415);
});

test('POST multipart/form-data is refused with 415', async () => {
  const form = new FormData();
  form.set('query', '{ __typename }');
  form.set('operations', JSON.stringify({ query: '{ __typename }' }));
  // fetch sets `multipart/form-data; boundary=…` itself for a FormData body.
  const res = await timedFetch(musterUrl(), { method: 'POST', headers: { accept: 'application/json', ...admin() }, body: form });
  assert4xx(res, 415);
});

test('POST text/plain (a JSON body from a form) is refused with 415', async () => {
  assert4xx(await post(JSON.stringify({ query: '{ __typename }' }), { headers: admin(), contentType: 'text/plain' }), 415);
});

test('POST without a content type gets 4xx', async () => {
  // A byte body: fetch adds no Content-Type (a string body would get text/plain;charset=UTF-8).
  const body = new TextEncoder().encode(JSON.stringify({ query: '{ __typename }' }));
  assert4xx(await post(body, { headers: admin(), contentType: null }));
});
