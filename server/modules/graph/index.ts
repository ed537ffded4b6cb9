/**
 * The graph queries: the collaboration network, neighbourhoods, paths and the collaboration matrix, answered
 * from the in-memory network of `server/graph`. Reads only; emits no events.
 */
export { GraphService, today, type GraphLimits } from './graph.service.js';
export { sendGraphExport } from './graph.export.js';
