// A partner's application as the developer kit shows it: Apollo Client with an HTTP link for queries and mutations
// and a graphql-ws link for subscriptions, split by operation. It registers a unit, hears its status change live, and
// reads the state-change error in the API's names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { ApolloClient, HttpLink, InMemoryCache, gql, split } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';

import { musterUrl } from './lib/env.mjs';
import { registerAgency, within, wsUrl } from './lib/ws.mjs';
import { token } from './lib/token.mjs';

const REGISTER = gql`mutation Register($input: RegisterUnitInput!) { registerUnit(input: $input) { unit { id status } errors { code message } } }`;
const CHANGE = gql`mutation Change($input: ChangeUnitStatusInput!) { changeUnitStatus(input: $input) { unit { id status } errors { code message field } } }`;
const CHANGED = gql`subscription Changed($agency: ID) { unitChanged(agencyId: $agency) { id status } }`;
const UNITS = gql`query Units($agency: ID) { units(agencyId: $agency, first: 10) { totalCount edges { node { id name status } } } }`;

function partnerClient(agency) {
  const bearer = token({ role: 'partner', agency });
  const ws = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { token: bearer }, lazy: true, retryAttempts: 0 });
  const http = new HttpLink({ uri: musterUrl(), headers: { authorization: `Bearer ${bearer}` } });
  const link = split(({ query }) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  }, new GraphQLWsLink(ws), http);
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), ws };
}

test('a partner app on Apollo Client registers a unit, hears its status change over graphql-ws and reads errors in API names', async () => {
  const agency = await registerAgency(`Apollo 伙伴 ${process.pid}-${Date.now()}`, 'FIRE_RESCUE');
  const { client, ws } = partnerClient(agency);
  try {
    const registered = await client.mutate({ mutation: REGISTER, variables: { input: {
      name: '伙伴应用 水罐车', kind: 'FIRE_ENGINE', type: 'II', capabilities: ['fire'], crewSize: 5, location: { lat: 36.57, lon: 111.71 }, agencyId: agency } } });
    const unit = registered.data.registerUnit.unit;
    assert.equal(unit.status, 'AVAILABLE');

    const heard = new Promise((resolve, reject) => {
      const subscription = client.subscribe({ query: CHANGED, variables: { agency } }).subscribe({
        next: ({ data }) => { if (data?.unitChanged?.status === 'EN_ROUTE') { subscription.unsubscribe(); resolve(data.unitChanged); } },
        error: reject,
      });
    });
    // The subscription starts listening a moment after subscribe() returns: repeat the change until it is heard.
    let live;
    for (let attempt = 1; !live && attempt <= 4; attempt++) {
      if (attempt > 1) await client.mutate({ mutation: CHANGE, variables: { input: { unitId: unit.id, status: 'AVAILABLE' } } });
      const changed = await client.mutate({ mutation: CHANGE, variables: { input: { unitId: unit.id, status: 'EN_ROUTE' } } });
      assert.deepEqual(changed.data.changeUnitStatus.errors, []);
      live = await within(heard, 3_000, 'unitChanged').catch(() => undefined);
    }
    assert.ok(live, 'unitChanged arrived over graphql-ws');
    assert.equal(live.id, unit.id);

    const refused = await client.mutate({ mutation: CHANGE, variables: { input: { unitId: unit.id, status: 'ASSIGNED' } } });
    assert.match(refused.data.changeUnitStatus.errors[0].message, /a unit EN_ROUTE cannot become ASSIGNED; it can become ON_SCENE, RETURNING, AVAILABLE, OUT_OF_SERVICE/);

    const listed = await client.query({ query: UNITS, variables: { agency } });
    assert.equal(listed.data.units.totalCount, 1);
  } finally {
    client.stop();
    await ws.dispose();
  }
});
