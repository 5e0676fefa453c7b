// Muster GraphQL IDE: GraphiQL 5, bundled by Vite, no CDN at run time.
//
// The .NET service serves the built index.html for `GET /graphql` (Accept: text/html)
// after replacing the `<!--muster-config-->` comment in <head> with
//   <script>window.__MUSTER__ = {"endpoint":"/graphql","token":"<jwt or empty>"};</script>
// Optional key: "subscriptionUrl" (graphql-transport-ws endpoint, e.g. "/graphql" or "ws://host/graphql").

// Monaco web workers (editor, json, graphql) as Vite `?worker` chunks: must run before GraphiQL loads.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './ide.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

const DEFAULT_ENDPOINT = '/graphql';

function readConfig() {
  const raw = typeof window !== 'undefined' ? window.__MUSTER__ : undefined;
  const cfg = raw && typeof raw === 'object' ? raw : {};
  const endpoint =
    typeof cfg.endpoint === 'string' && cfg.endpoint.trim() !== '' ? cfg.endpoint.trim() : DEFAULT_ENDPOINT;
  const token = typeof cfg.token === 'string' ? cfg.token.trim() : '';
  const subscriptionUrl =
    typeof cfg.subscriptionUrl === 'string' && cfg.subscriptionUrl.trim() !== ''
      ? toWebSocketUrl(cfg.subscriptionUrl.trim())
      : undefined;
  return { endpoint, token, subscriptionUrl };
}

// graphql-ws wants an absolute ws:// or wss:// URL; accept a path or an http(s) URL too.
function toWebSocketUrl(value) {
  const url = new URL(value, window.location.href);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  return url.toString();
}

const config = readConfig();

// The token is shown in the headers editor so a person can see, change or remove it.
// Headers are not persisted to localStorage (shouldPersistHeaders = false): a new page
// load always starts from the token the server put in the page.
const tokenHeaders = config.token ? { Authorization: `Bearer ${config.token}` } : undefined;
const headersText = tokenHeaders ? JSON.stringify(tokenHeaders, null, 2) : undefined;

const graphiqlFetcher = createGraphiQLFetcher({
  url: config.endpoint,
  // The service answers single results only (no @defer/@stream): send plain
  // `Accept: application/graphql-response+json, application/json;q=0.9` requests.
  enableIncrementalDelivery: false,
  // Subscriptions over graphql-transport-ws, only when the server announces an endpoint;
  // the headers editor's contents (e.g. Authorization) become the connection_init payload.
  ...(config.subscriptionUrl ? { subscriptionUrl: config.subscriptionUrl } : {}),
});

// GraphiQL's first schema introspection can run before the headers editor exists, and then
// carries no headers at all: fall back to the page's token in that case only. Once the
// editor exists, its contents (even with the token removed) are what is sent.
const fetcher = (params, opts) =>
  graphiqlFetcher(params, tokenHeaders && opts?.headers == null ? { ...opts, headers: tokenHeaders } : opts);

const defaultQuery = `# Muster — GraphQL
# Run: Ctrl+Enter. Schema: documentation explorer (left).
# Caller: the Authorization header (Headers tab).

{
  viewer {
    subject
    role
    agencyId
  }
}
`;

createRoot(document.getElementById('muster-ide')).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={defaultQuery}
      {...(headersText
        ? { initialHeaders: headersText, defaultHeaders: headersText, defaultEditorToolsVisibility: 'headers' }
        : {})}
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>Muster</GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
