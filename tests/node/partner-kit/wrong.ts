// Must NOT compile: a unit kind the schema does not have, and a field the operation did not select.
import { RegisterUnitDocument, type RegisterUnitMutationVariables, type RegisterUnitMutation } from './generated/graphql.js';

export const variables: RegisterUnitMutationVariables = {
  input: { name: 'x', kind: 'TANK', type: 'II', capabilities: [], crewSize: 1, location: { lat: 0, lon: 0 }, agencyId: 'a' },
};
export const selected = (result: RegisterUnitMutation) => result.registerUnit?.unit?.location;
export const document = RegisterUnitDocument;
