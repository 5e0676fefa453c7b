const REQUEST = `id status priority requestedAt note decisionReason agency { name }
  lines { itemCode item { name unit } quantity } deliverTo { lat lon }
  allocations { depot { id name } itemCode quantity } shortfalls { itemCode quantity }
  shipment { vehicle driver expectedArrival }`;

export const REQUESTS = `query Requests($status: SupplyRequestStatus) { supplyRequests(status: $status, first: 20) { items { ${REQUEST} } } }`;
export const REQUEST_CHANGED = `subscription RequestChanged { supplyRequestChanged { ${REQUEST} } }`;
export const STOCK_CHANGED = `subscription StockChanged { stockChanged { id available } }`;

const payload = (name, input) => `mutation ${name[0].toUpperCase()}${name.slice(1)}($input: ${input}!) { ${name}(input: $input) { request { ${REQUEST} } errors { code message field } } }`;
export const APPROVE_REQUEST = payload('approveSupplyRequest', 'ApproveSupplyRequestInput');
export const ALLOCATE_REQUEST = payload('allocateSupplyRequest', 'AllocateSupplyRequestInput');
export const SHIP_REQUEST = payload('dispatchShipment', 'DispatchShipmentInput');
export const CONFIRM_DELIVERY = payload('confirmDelivery', 'ConfirmDeliveryInput');

export const STOCK = `query Stock($depotId: ID, $itemCode: String) {
  stockTotals { itemCode item { name unit } onHand reserved available inTransit depots }
  depots(first: 100) { items { id name shared agency { name } } }
  levels: stockLevels(depotId: $depotId, itemCode: $itemCode) { id depot { id name } itemCode item { name unit } onHand reserved available inTransit lots { lot expiresOn quantity } }
}`;
export const DEPOTS_AND_ITEMS = `query DepotsAndItems { depots(first: 100) { items { id name shared } } items(first: 100) { items { code name unit } } }`;

export const ALERTS = `query Alerts { expiringLots(withinDays: 365) { depot { id name } itemCode item { name } lot expiresOn quantity daysLeft }
  lowStockItems(first: 50) { items { code name unit } } }`;

export const LEDGER = `query Ledger($depotId: ID!, $itemCode: String!) { stockLedger(depotId: $depotId, itemCode: $itemCode, last: 50) {
  items { at version kind quantity onHandAfter reservedAfter availableAfter lot reason note actor { subject role } } } }`;

export const TRANSFERS = `query Transfers { transfers(first: 50) { items { id status from { id name } to { id name } itemCode item { name } quantity requestedAt shippedAt receivedAt } } }`;
export const TRANSFER = `mutation TransferStock($input: TransferStockInput!) { transferStock(input: $input) { transfer { id status } errors { code message field } } }`;
export const SHIP_TRANSFER = `mutation ShipTransfer($input: ShipTransferInput!) { shipTransfer(input: $input) { transfer { id status } errors { code message field } } }`;
export const RECEIVE_TRANSFER = `mutation ReceiveTransfer($input: ReceiveTransferInput!) { receiveTransfer(input: $input) { transfer { id status } errors { code message field } } }`;

export const RECEIVE_STOCK = `mutation ReceiveStock($input: ReceiveStockInput!) { receiveStock(input: $input) { depot { id } errors { code message field } } }`;
