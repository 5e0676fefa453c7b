// unitChanged over graphql-transport-ws with the graphql-ws client: a status change made over HTTP
// arrives for a commander, and never for a partner of another agency. Every wait is bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

import { musterUrl, timedFetch } from './lib/env.mjs';
import { Inbox, registerAgency, wsUrl } from './lib/ws.mjs';
import { token } from './lib/token.mjs';

const UNIT_CHANGED = 'subscription($agency: ID) { unitChanged(agencyId: $agency) { id name status } }';
const unique = (label) => `${label} ${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function post(query, variables, bearer) {
  const res = await timedFetch(musterUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

async function registerUnit(agencyId, name) {
  const body = await post(
    'mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { unit { id } errors { code message } } }',
    { input: { name, kind: 'MINE_RESCUE_TEAM', type: 'I', capabilities: ['mine-rescue'], crewSize: 9, location: { lat: 36.579, lon: 111.7112 }, agencyId } },
    token({ role: 'admin' }));
  const payload = body.data?.registerUnit;
  if (!payload || payload.errors.length > 0) throw new Error(`registerUnit failed: ${JSON.stringify(body)}`);
  return payload.unit.id;
}

async function changeStatus(unitId, status) {
  const body = await post(
    'mutation($input: ChangeUnitStatusInput!) { changeUnitStatus(input: $input) { unit { status } errors { code } } }',
    { input: { unitId, status } }, token({ role: 'commander' }));
  assert.deepEqual(body.data?.changeUnitStatus?.errors, [], JSON.stringify(body));
}

function listen(bearer, variables) {
  const graphql = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { token: bearer }, retryAttempts: 0, lazy: true });
  const inbox = new Inbox();
  graphql.subscribe({ query: UNIT_CHANGED, variables }, { next: (r) => inbox.push(r), error: (e) => inbox.push({ error: e }), complete: () => {} });
  return { graphql, inbox };
}

/**
 * Changes the unit's status (OUT_OF_SERVICE, AVAILABLE, …) until `listener` hears a change: the server subscribes to
 * the change feed a moment after `subscribe`. Returns the status the unit was left in.
 */
async function toggleUntilHeard(listener, unit, what) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const status = attempt % 2 === 0 ? 'OUT_OF_SERVICE' : 'AVAILABLE';
    await changeStatus(unit, status);
    const heard = await listener.inbox
      .first((r) => r.data?.unitChanged?.id === unit && r.data.unitChanged.status === status, 1000, `unitChanged ${status}`)
      .catch(() => undefined);
    if (heard) return status;
  }
  assert.fail(`no status change of ${what} arrived on unitChanged`);
}

test('a status change made over HTTP arrives on unitChanged, and not for another agency\'s partner', async () => {
  const agency = await registerAgency(unique('Node unit agency'), 'MINE_RESCUE');
  const unit = await registerUnit(agency, unique('救护中队'));
  const otherAgency = await registerAgency(unique('Node other agency'), 'TOWNSHIP');
  const outsidersUnit = await registerUnit(otherAgency, unique('乡镇抢险队'));
  const commander = listen(token({ role: 'commander' }), { agency });
  const outsider = listen(token({ role: 'partner', agency: otherAgency }), {});
  try {
    let outsidersStatus = await toggleUntilHeard(outsider, outsidersUnit, "the partner's own unit");
    await toggleUntilHeard(commander, unit, 'the unit');

    // A change of the partner's own unit, made after those of the other agency's unit, arrives after them on the same
    // subscription (one at a time, in commit order): once it is here, so would they be.
    outsidersStatus = outsidersStatus === 'AVAILABLE' ? 'OUT_OF_SERVICE' : 'AVAILABLE';
    await changeStatus(outsidersUnit, outsidersStatus);
    await outsider.inbox.first((r) => r.data?.unitChanged?.id === outsidersUnit && r.data.unitChanged.status === outsidersStatus,
      undefined, "the partner's own unit's last change");
    assert.equal(outsider.inbox.items.find((r) => r.data?.unitChanged?.id === unit), undefined,
      `a partner of another agency heard of the unit: ${JSON.stringify(outsider.inbox.items)}`);
    assert.equal(outsider.inbox.items.find((r) => r.error), undefined, JSON.stringify(outsider.inbox.items));
  } finally {
    await commander.graphql.dispose();
    await outsider.graphql.dispose();
  }
});
