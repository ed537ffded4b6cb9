/**
 * GraphiQL for the romgraph API, self-hosted: every script, worker, style and font comes from this server, so
 * it works on a closed network. The explorer plugin builds queries by clicking; the example operations of
 * schema/operations/ open as tabs; the header editor carries the token (the dashboard's, when signed in there).
 */
import './workers';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './page.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { storedAuthorization } from '../session';

/** The example operations, bundled at build time (the server reads nothing from schema/ at run time). */
const examples = import.meta.glob('../../../schema/operations/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const tabs = Object.entries(examples)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, query]) => ({ query }));

const url = new URL('/graphql', window.location.href);
const socketUrl = url.href.replace(/^http/, 'ws');
const authorization = storedAuthorization();
const fetcher = createGraphiQLFetcher({
  url: url.href,
  subscriptionUrl: socketUrl,
  // The server reads the credentials of a WebSocket from its connection parameters.
  wsConnectionParams: authorization ? { authorization } : undefined,
});
const explorer = explorerPlugin();

const root = document.getElementById('graphiql')!;
root.textContent = '';
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      plugins={[explorer]}
      defaultTabs={tabs}
      defaultHeaders={authorization ? JSON.stringify({ Authorization: authorization }, null, 2) : undefined}
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
