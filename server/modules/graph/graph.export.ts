/**
 * GET /export/graph?format=graphml|gexf|json|csv: the network as a file for Gephi, Cytoscape, Kumu or Excel,
 * through the same access rules as the graph queries, with the GraphFilter fields as query parameters and the
 * metrics as node attributes. Streamed, with backpressure.
 */
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { Zip, ZipDeflate } from 'fflate';
import { BadInputError } from '../../infra/errors.js';
import type { RequestScope } from '../../infra/request-scope.js';
import {
  cytoscapeJson,
  edgesCsv,
  gexf,
  graphml,
  nodesCsv,
  type CsvOptions,
  type ExportFormat,
  type ExportInput,
} from '../../graph/export.js';
import { GraphEdgeKind, OrganisationKind, PartnershipKind, Pillar, Theme } from '../../vocabulary.js';
import type { GraphService } from './graph.service.js';
import type { GraphFilter } from './graph.inputs.js';

const FORMATS: Record<ExportFormat, { type: string; extension: string }> = {
  graphml: { type: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  gexf: { type: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
  json: { type: 'application/json; charset=utf-8', extension: 'cyjs' },
  csv: { type: 'application/zip', extension: 'zip' },
};

const PARAMETERS = new Set([
  'format',
  'organisationKinds',
  'partnershipKinds',
  'edgeKinds',
  'themes',
  'pillars',
  'isolated',
  'provinces',
  'asOf',
  'metrics',
  'separator',
  'decimal',
  'bom',
  'part',
]);

/** A list parameter, comma-separated and/or repeated (`themes=A,B` or `themes=A&themes=B`). */
function list<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed?: Record<string, T>,
): T[] | null {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length === 0) return null;
  if (allowed) {
    const known = new Set<string>(Object.values(allowed));
    const wrong = values.find((v) => !known.has(v));
    if (wrong !== undefined) {
      throw new BadInputError(`${name} has ${JSON.stringify(wrong)}; one of ${[...known].join(', ')}`, name);
    }
  }
  return values as T[];
}

function choice<T extends string>(
  params: URLSearchParams,
  name: string,
  options: Record<string, T>,
  fallback: T,
): T {
  const value = params.get(name);
  if (value === null || value === '') return fallback;
  const chosen = Object.hasOwn(options, value) ? options[value] : undefined;
  if (chosen === undefined) {
    throw new BadInputError(
      `${name} must be one of ${Object.keys(options).join(', ')}; got ${JSON.stringify(value)}`,
      name,
    );
  }
  return chosen;
}

const BOOLEAN = { true: true, false: false, '1': true, '0': false } as const;

function flag(params: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = params.get(name);
  if (value === null || value === '') return fallback;
  if (!Object.hasOwn(BOOLEAN, value))
    throw new BadInputError(`${name} must be true or false; got ${JSON.stringify(value)}`, name);
  return BOOLEAN[value as keyof typeof BOOLEAN];
}

/** The request's parameters, checked; throws BAD_USER_INPUT naming the parameter at fault. */
export function exportRequest(params: URLSearchParams) {
  for (const name of params.keys()) {
    if (!PARAMETERS.has(name)) {
      throw new BadInputError(
        `unknown parameter ${name}; the parameters are ${[...PARAMETERS].join(', ')}`,
        name,
      );
    }
  }
  const format = params.get('format');
  if (!format || !Object.hasOwn(FORMATS, format)) {
    throw new BadInputError(
      `format must be one of ${Object.keys(FORMATS).join(', ')}${format ? `; got ${JSON.stringify(format)}` : ''}`,
      'format',
    );
  }
  const filter: GraphFilter = {
    organisationKinds: list(params, 'organisationKinds', OrganisationKind),
    partnershipKinds: list(params, 'partnershipKinds', PartnershipKind),
    edgeKinds: list(params, 'edgeKinds', GraphEdgeKind),
    themes: list(params, 'themes', Theme),
    pillars: list(params, 'pillars', Pillar),
    provinces: list(params, 'provinces'),
    asOf: params.get('asOf') || null,
    isolated: flag(params, 'isolated', true),
  };
  const csv: CsvOptions = {
    separator: choice(
      params,
      'separator',
      { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t' },
      ',',
    ),
    decimal: choice(params, 'decimal', { '.': '.', point: '.', ',': ',', comma: ',' }, '.'),
  };
  return {
    format: format as ExportFormat,
    filter,
    metrics: flag(params, 'metrics', true),
    csv,
    bom: flag(params, 'bom', false),
    part: choice(params, 'part', { nodes: 'nodes', edges: 'edges', both: 'both' } as const, 'both'),
  };
}

async function write(res: ServerResponse, chunk: string | Uint8Array): Promise<void> {
  if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
}

async function pipe(res: ServerResponse, chunks: Iterable<string>, bom: boolean): Promise<void> {
  if (bom) await write(res, '\uFEFF');
  for (const chunk of chunks) {
    if (res.destroyed) return;
    await write(res, chunk);
  }
}

/** Zips nodes.csv and edges.csv as they are written. */
async function zipCsv(
  res: ServerResponse,
  input: ExportInput,
  options: CsvOptions,
  bom: boolean,
): Promise<void> {
  const encoder = new TextEncoder();
  let failed: Error | null = null;
  const out: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) failed = err;
    else out.push(data);
  });
  const flush = async () => {
    if (failed) throw failed;
    for (const data of out.splice(0)) await write(res, data);
  };
  for (const [name, chunks] of [
    ['nodes.csv', nodesCsv(input, options)],
    ['edges.csv', edgesCsv(input, options)],
  ] as const) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    if (bom) file.push(encoder.encode('\uFEFF'));
    for (const chunk of chunks) {
      if (res.destroyed) return;
      file.push(encoder.encode(chunk));
      await flush();
    }
    file.push(new Uint8Array(0), true);
    await flush();
  }
  zip.end();
  await flush();
}

/** Writes the export: headers, then the file as it is produced. */
export async function sendGraphExport(
  res: ServerResponse,
  scope: RequestScope,
  graph: GraphService,
  params: URLSearchParams,
): Promise<void> {
  const request = exportRequest(params);
  const input = await graph.exportData(scope, request.filter, request.metrics);
  const single = request.format === 'csv' && request.part !== 'both';
  const format = FORMATS[request.format];
  const name = `romgraph-${input.day}${single ? `-${request.part}` : ''}.${single ? 'csv' : format.extension}`;
  res.statusCode = 200;
  res.setHeader('content-type', single ? 'text/csv; charset=utf-8' : format.type);
  res.setHeader('content-disposition', `attachment; filename="${name}"`);
  res.setHeader('cache-control', 'no-store');
  if (request.format === 'graphml') await pipe(res, graphml(input), false);
  else if (request.format === 'gexf') await pipe(res, gexf(input), false);
  else if (request.format === 'json') await pipe(res, cytoscapeJson(input), false);
  else if (request.part === 'nodes') await pipe(res, nodesCsv(input, request.csv), request.bom);
  else if (request.part === 'edges') await pipe(res, edgesCsv(input, request.csv), request.bom);
  else await zipCsv(res, input, request.csv, request.bom);
  res.end();
}
