// A partner's app in TypeScript: its operations are the typed documents generated from operations.graphql, so the
// compiler checks variables and results against the approved schema.
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { OwnUnitsDocument, RegisterUnitDocument, type UnitKind, type UnitStatus } from './generated/graphql.js';

export async function registerAndList(uri: string, bearer: string, agency: string): Promise<{ status: UnitStatus; total: number }> {
  const client = new ApolloClient({ link: new HttpLink({ uri, headers: { authorization: `Bearer ${bearer}` } }), cache: new InMemoryCache() });
  const kind: UnitKind = 'FIRE_ENGINE';
  const registered = await client.mutate({
    mutation: RegisterUnitDocument,
    variables: { input: { name: '类型化 水罐车', kind, type: 'II', capabilities: ['fire'], crewSize: 5, location: { lat: 36.57, lon: 111.71 }, agencyId: agency } },
  });
  const unit = registered.data?.registerUnit?.unit;
  if (!unit) throw new Error(JSON.stringify(registered.data?.registerUnit?.errors));
  const listed = await client.query({ query: OwnUnitsDocument, variables: { agency }, fetchPolicy: 'network-only' });
  return { status: unit.status, total: listed.data?.units.totalCount ?? -1 };
}
