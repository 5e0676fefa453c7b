// GraphQL over HTTP conformance: every graphql-http server audit against the running service.
//
//   MUSTER_URL=http://127.0.0.1:5181/graphql MUSTER_SIGNING_KEY=… node --test --test-reporter=tap tests/node/
//
// Every audit request carries `Authorization: Bearer <admin token>` (partner systems call with
// bearer tokens). One test per audit (MUST, SHOULD and MAY alike), then one test that demands
// all of them passed and that the package still defines the 61 audits this file was written for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAudits } from 'graphql-http';

import { musterUrl, timedFetch } from './lib/env.mjs';
import { token } from './lib/token.mjs';

/** graphql-http 1.23.1: 13 MUST + 23 SHOULD + 25 MAY. */
const EXPECTED = Object.freeze({ total: 61, MUST: 13, SHOULD: 23, MAY: 25 });

let adminToken;
function authorization() {
  adminToken ??= token({ role: 'admin', sub: 'node-test-http-audit' });
  return `Bearer ${adminToken}`;
}

// Every request carries the admin bearer token; a network failure fails the rest at once (lib/env.mjs).
function fetchFn(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', authorization());
  return timedFetch(input, { ...init, headers });
}

const audits = serverAudits({ url: () => musterUrl(), fetchFn });
const results = new Map(); // id -> { status, reason? }

function level(name) {
  return name.split(' ', 1)[0];
}

async function describeResponse(res) {
  if (!res) return '';
  let body = '';
  try {
    body = await res.text();
  } catch {
    body = '<body already read>';
  }
  if (body.length > 400) body = `${body.slice(0, 400)}…`;
  return ` — got ${res.status} ${res.headers.get('content-type') ?? '<no content-type>'}: ${body}`;
}

for (const audit of audits) {
  test(`${audit.id} ${audit.name}`, async () => {
    let result;
    try {
      result = await audit.fn();
    } catch (err) {
      results.set(audit.id, { status: 'fatal', reason: err.message });
      throw err;
    }
    results.set(audit.id, result);
    if (result.status !== 'ok') {
      assert.fail(`[${result.status}] ${result.reason}${await describeResponse(result.response)}`);
    }
  });
}

test('graphql-http audit: all server audits pass', (t) => {
  const byLevel = { MUST: 0, SHOULD: 0, MAY: 0 };
  for (const a of audits) byLevel[level(a.name)] = (byLevel[level(a.name)] ?? 0) + 1;

  const passed = [...results.values()].filter((r) => r.status === 'ok').length;
  const summary = `graphql-http audit: ${passed}/${audits.length} passed`;
  t.diagnostic(summary);

  const failed = audits
    .filter((a) => results.get(a.id)?.status !== 'ok')
    .map((a) => `${a.id} ${a.name}: ${results.get(a.id)?.reason ?? 'did not run'}`);

  assert.deepEqual(
    { total: audits.length, ...byLevel },
    EXPECTED,
    'graphql-http no longer defines 13 MUST + 23 SHOULD + 25 MAY = 61 audits: review this test',
  );
  assert.equal(results.size, audits.length, 'every audit must have run');
  assert.equal(passed, EXPECTED.total, `${summary}; failing:\n  ${failed.join('\n  ')}`);
});
