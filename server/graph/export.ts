/**
 * The network in the files analysts open: GraphML (Gephi, Cytoscape desktop, yEd, networkx), GEXF 1.3
 * (Gephi), Cytoscape.js JSON (Cytoscape.js and Cytoscape desktop), and CSV of nodes and edges (Kumu, Excel).
 * Written as a stream of chunks, so a network of a million edges is never one string in memory.
 *
 * Node ids are organisation codes (letters, digits, `_` and `-`: valid XML NMTOKENs), so a file reads without
 * a lookup table. Metrics, when given, are node attributes.
 */
import type { OrganisationFact } from './facts.js';
import type { OrganisationMetric } from './metrics.js';
import { edgeThemes, edgeWeight, type NetworkEdge } from './network.js';

export type ExportFormat = 'graphml' | 'gexf' | 'json' | 'csv';

export interface ExportInput {
  readonly nodes: readonly OrganisationFact[];
  readonly edges: readonly NetworkEdge[];
  /** The day the network is drawn as of (YYYY-MM-DD). */
  readonly day: string;
  /** By organisation pk; absent when not asked for. */
  readonly metrics: ReadonlyMap<number, OrganisationMetric> | null;
  readonly computedAt: Date | null;
}

export interface CsvOptions {
  readonly separator: ',' | ';' | '\t';
  /** The decimal mark of numbers: Dutch Excel reads `0,5` with `;` as the separator. */
  readonly decimal: '.' | ',';
}

type Type = 'string' | 'int' | 'double' | 'boolean';

interface Attribute<T> {
  readonly name: string;
  readonly type: Type;
  readonly value: (item: T) => string | number | boolean | null;
}

/** Node attributes, in file order. */
function nodeAttributes(input: ExportInput): Attribute<OrganisationFact>[] {
  const metric = (o: OrganisationFact) => input.metrics?.get(o.pk);
  const attributes: Attribute<OrganisationFact>[] = [
    { name: 'label', type: 'string', value: (o) => o.name },
    { name: 'code', type: 'string', value: (o) => o.code },
    { name: 'kind', type: 'string', value: (o) => o.kind },
    { name: 'provinces', type: 'string', value: (o) => o.provinces.join(' ') },
  ];
  if (input.metrics) {
    attributes.push(
      { name: 'degree', type: 'int', value: (o) => metric(o)?.degree ?? null },
      { name: 'weightedDegree', type: 'double', value: (o) => metric(o)?.weightedDegree ?? null },
      { name: 'betweenness', type: 'double', value: (o) => metric(o)?.betweenness ?? null },
      { name: 'closeness', type: 'double', value: (o) => metric(o)?.closeness ?? null },
      { name: 'community', type: 'int', value: (o) => metric(o)?.community ?? null },
      { name: 'bridge', type: 'boolean', value: (o) => metric(o)?.bridge ?? null },
    );
  }
  return attributes;
}

const EDGE_ATTRIBUTES: Attribute<NetworkEdge>[] = [
  { name: 'kind', type: 'string', value: (e) => e.kind },
  { name: 'partnershipKind', type: 'string', value: (e) => e.partnership?.kind ?? null },
  { name: 'weight', type: 'double', value: edgeWeight },
  { name: 'sharedInitiatives', type: 'int', value: (e) => e.initiatives.length },
  { name: 'initiatives', type: 'string', value: (e) => e.initiatives.map((i) => i.code).join(' ') },
  { name: 'themes', type: 'string', value: (e) => edgeThemes(e).join(' ') },
  { name: 'since', type: 'string', value: (e) => e.partnership?.since ?? null },
  { name: 'provenance', type: 'string', value: (e) => e.partnership?.source ?? null },
  { name: 'confidence', type: 'string', value: (e) => e.partnership?.confidence ?? null },
];

const CHUNK = 1000;

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function codes(input: ExportInput): Map<number, string> {
  return new Map(input.nodes.map((o) => [o.pk, o.code]));
}

function* chunked<T>(items: readonly T[], write: (item: T, index: number) => string): Generator<string> {
  for (let start = 0; start < items.length; start += CHUNK) {
    let chunk = '';
    const end = Math.min(items.length, start + CHUNK);
    for (let i = start; i < end; i++) chunk += write(items[i]!, i);
    yield chunk;
  }
}

/** GraphML 1.0 (graphml.graphdrawing.org), undirected; one `<key>` per attribute. */
export function* graphml(input: ExportInput): Generator<string> {
  const nodeAttrs = nodeAttributes(input);
  const code = codes(input);
  let head =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    `  <desc>romgraph: the collaboration network as of ${input.day}${input.computedAt ? `; metrics computed ${input.computedAt.toISOString()}` : ''}</desc>\n`;
  for (const a of nodeAttrs)
    head += `  <key id="n_${a.name}" for="node" attr.name="${a.name}" attr.type="${a.type}"/>\n`;
  for (const a of EDGE_ATTRIBUTES)
    head += `  <key id="e_${a.name}" for="edge" attr.name="${a.name}" attr.type="${a.type}"/>\n`;
  head += `  <graph id="romgraph" edgedefault="undirected">\n`;
  yield head;
  const data = <T>(prefix: string, attrs: Attribute<T>[], item: T) => {
    let out = '';
    for (const a of attrs) {
      const value = a.value(item);
      if (value !== null && value !== '')
        out += `<data key="${prefix}_${a.name}">${xml(String(value))}</data>`;
    }
    return out;
  };
  yield* chunked(input.nodes, (o) => `    <node id="${o.code}">${data('n', nodeAttrs, o)}</node>\n`);
  yield* chunked(
    input.edges,
    (e, i) =>
      `    <edge id="e${i}" source="${code.get(e.sourcePk)}" target="${code.get(e.targetPk)}">${data('e', EDGE_ATTRIBUTES, e)}</edge>\n`,
  );
  yield '  </graph>\n</graphml>\n';
}

const GEXF_TYPES: Record<Type, string> = {
  string: 'string',
  int: 'integer',
  double: 'double',
  boolean: 'boolean',
};

/** GEXF 1.3 (gexf.net), static and undirected; `weight` on each edge as Gephi reads it. */
export function* gexf(input: ExportInput): Generator<string> {
  const nodeAttrs = nodeAttributes(input).filter((a) => a.name !== 'label');
  const code = codes(input);
  let head =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
    `  <meta lastmodifieddate="${input.day}"><creator>romgraph</creator>` +
    `<description>The collaboration network as of ${input.day}</description></meta>\n` +
    '  <graph defaultedgetype="undirected" mode="static">\n';
  const declare = (cls: string, attrs: Attribute<unknown>[]) =>
    `    <attributes class="${cls}">\n` +
    attrs
      .map((a) => `      <attribute id="${a.name}" title="${a.name}" type="${GEXF_TYPES[a.type]}"/>\n`)
      .join('') +
    '    </attributes>\n';
  head += declare('node', nodeAttrs as Attribute<unknown>[]);
  head += declare('edge', EDGE_ATTRIBUTES as Attribute<unknown>[]);
  yield `${head}    <nodes>\n`;
  const values = <T>(attrs: Attribute<T>[], item: T) => {
    let out = '';
    for (const a of attrs) {
      const value = a.value(item);
      if (value !== null && value !== '') out += `<attvalue for="${a.name}" value="${xml(String(value))}"/>`;
    }
    return out ? `<attvalues>${out}</attvalues>` : '';
  };
  yield* chunked(
    input.nodes,
    (o) => `      <node id="${o.code}" label="${xml(o.name)}">${values(nodeAttrs, o)}</node>\n`,
  );
  yield '    </nodes>\n    <edges>\n';
  yield* chunked(
    input.edges,
    (e, i) =>
      `      <edge id="e${i}" source="${code.get(e.sourcePk)}" target="${code.get(e.targetPk)}" weight="${edgeWeight(e)}">${values(EDGE_ATTRIBUTES, e)}</edge>\n`,
  );
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/** Cytoscape.js JSON (`cy.json()`'s elements), which Cytoscape desktop imports too. */
export function* cytoscapeJson(input: ExportInput): Generator<string> {
  const nodeAttrs = nodeAttributes(input);
  const code = codes(input);
  const record = <T>(attrs: Attribute<T>[], item: T, base: Record<string, unknown>) => {
    const data: Record<string, unknown> = { ...base };
    for (const a of attrs) data[a.name] = a.value(item);
    return JSON.stringify({ data });
  };
  yield (
    '{"format_version":"1.0","generated_by":"romgraph","target_cytoscapejs_version":"~3",' +
    `"data":${JSON.stringify({ name: `romgraph ${input.day}`, asOf: input.day, metricsComputedAt: input.computedAt?.toISOString() ?? null })},` +
    '"elements":{"nodes":['
  );
  yield* chunked(input.nodes, (o, i) => (i ? ',' : '') + record(nodeAttrs, o, { id: o.code, name: o.name }));
  yield '],"edges":[';
  yield* chunked(
    input.edges,
    (e, i) =>
      (i ? ',' : '') +
      record(EDGE_ATTRIBUTES, e, { id: `e${i}`, source: code.get(e.sourcePk), target: code.get(e.targetPk) }),
  );
  yield ']}}\n';
}

function csvCell(value: string | number | boolean | null, options: CsvOptions): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'number' && options.decimal === ',') text = text.replace('.', ',');
  const quote = text.includes(options.separator) || /["\r\n]/.test(text) || text !== text.trim();
  return quote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** nodes.csv: Id (the code, which Kumu and Gephi match edges by), Label, and the attributes. */
export function* nodesCsv(input: ExportInput, options: CsvOptions): Generator<string> {
  const attrs = nodeAttributes(input).filter((a) => a.name !== 'label' && a.name !== 'code');
  const s = options.separator;
  yield ['Id', 'Label', ...attrs.map((a) => a.name)].join(s) + '\r\n';
  yield* chunked(
    input.nodes,
    (o) => [o.code, o.name, ...attrs.map((a) => a.value(o))].map((v) => csvCell(v, options)).join(s) + '\r\n',
  );
}

/** edges.csv: From and To (codes), Type (the edge kind), and the attributes. */
export function* edgesCsv(input: ExportInput, options: CsvOptions): Generator<string> {
  const code = codes(input);
  const attrs = EDGE_ATTRIBUTES.filter((a) => a.name !== 'kind');
  const s = options.separator;
  yield ['From', 'To', 'Type', ...attrs.map((a) => a.name)].join(s) + '\r\n';
  yield* chunked(
    input.edges,
    (e) =>
      [code.get(e.sourcePk)!, code.get(e.targetPk)!, e.kind, ...attrs.map((a) => a.value(e))]
        .map((v) => csvCell(v, options))
        .join(s) + '\r\n',
  );
}
