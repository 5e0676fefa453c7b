export const PARTNER = `query Partner { viewer { agencyId agency { name } }
  units(first: 100) { items { id name kind status location { lat lon } } } }`;
export const OWN_DEPOTS = `query OwnDepots($agencyId: ID!) { depots(agencyId: $agencyId, first: 100) { items { id name shared location { lat lon } } } }`;
export const DEPOT_STOCK = `query DepotStock($depotId: ID!) { stockLevels(depotId: $depotId) { id itemCode item { name unit } onHand reserved available } }`;
export const CHANGE_STATUS = `mutation ChangeUnitStatus($input: ChangeUnitStatusInput!) { changeUnitStatus(input: $input) { unit { id status } errors { code message field } } }`;
export const OWN_UNIT_CHANGED = `subscription OwnUnits { unitChanged { id name kind status location { lat lon } } }`;
