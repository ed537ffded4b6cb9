/**
 * The network drawn with sigma.js (WebGL) over a graphology graph, laid out by ForceAtlas2: synchronously for
 * the reference network, in a worker for large ones (the page stays responsive while it settles). Updates are
 * applied as differences, so a filter, the as-of slider or a live event moves what changed and keeps the rest
 * where the reader's eye left it.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import type { Coordinates } from 'sigma/types';
import type { GraphEdgeData, GraphNodeData } from './api';

/** Colours by organisation kind, each at least 3:1 against the white background (WCAG 1.4.11). */
export const KIND_COLOURS: [string, string[]][] = [
  ['#1d4ed8', ['ROM', 'ROM_NETWORK']],
  ['#c2410c', ['TKI']],
  ['#7e22ce', ['TO2_INSTITUTE', 'TO2_FEDERATION']],
  ['#15803d', ['UNIVERSITY', 'UNIVERSITY_OF_APPLIED_SCIENCES', 'RESEARCH_INSTITUTE', 'ACADEMY']],
  ['#b91c1c', ['MINISTRY', 'NATIONAL_AGENCY', 'PROVINCE', 'PROVINCES_ASSOCIATION', 'MUNICIPALITY']],
  ['#0e7490', ['INVESTMENT_INSTITUTION', 'RESEARCH_FUNDER']],
  ['#4b5563', []],
];
const OTHER_COLOUR = '#4b5563';
const colourOf = new Map(KIND_COLOURS.flatMap(([colour, kinds]) => kinds.map((k) => [k, colour] as const)));
export const kindColour = (kind: string) => colourOf.get(kind) ?? OTHER_COLOUR;

const EDGE_COLOURS = { PARTNERSHIP: '#334155', CO_PARTICIPATION: '#cbd5e1' } as const;
/** Above this many organisations the layout runs in a worker. */
const SYNC_LAYOUT_LIMIT = 1500;
/**
 * Above this many ties the drawing is large: edges are hairlines (one GL line each, not two triangles), and
 * while the reader pans or zooms, edges and labels rest, so the camera keeps the frame rate.
 */
const LARGE_EDGES = 10_000;

/** Where each organisation was drawn last, by code: kept across filters, views and language switches. */
const positions = new Map<string, { x: number; y: number }>();

interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  code: string;
  kind: string;
}

export class NetworkDrawing {
  readonly graph = new Graph<NodeAttributes>({ multi: true, type: 'undirected' });
  private readonly sigma: Sigma<NodeAttributes>;
  private supervisor: FA2LayoutSupervisor | null = null;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private sizes = new Map<string, number>();
  private highlighted: Set<string> | null = null;
  private selected: string | null = null;
  private large = false;

  constructor(
    private readonly container: HTMLElement,
    onClick: (key: string) => void,
  ) {
    this.sigma = new Sigma<NodeAttributes>(this.graph, container, {
      renderEdgeLabels: false,
      labelDensity: 0.5,
      labelRenderedSizeThreshold: 8,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      hideEdgesOnMove: false,
      hideLabelsOnMove: false,
      edgeProgramClasses: { hairline: EdgeLineProgram },
      nodeProgramClasses: { point: NodePointProgram },
      nodeReducer: (key, data) => {
        const dimmed = this.highlighted !== null && !this.highlighted.has(key);
        return {
          ...data,
          ...(this.large ? { type: 'point' } : {}),
          color: dimmed ? '#e5e7eb' : data.color,
          label: dimmed ? '' : data.label,
          zIndex: dimmed ? 0 : 1,
          highlighted: key === this.selected,
        };
      },
      edgeReducer: (key, data) => {
        if (this.large) data = { ...data, type: 'hairline' };
        if (this.highlighted === null) return data;
        const [source, target] = this.graph.extremities(key);
        const on = this.highlighted.has(source) && this.highlighted.has(target);
        return { ...data, color: on ? '#f59e0b' : '#f1f5f9', size: on ? 3 : data.size, zIndex: on ? 1 : 0 };
      },
    });
    this.sigma.on('clickNode', ({ node }) => onClick(node));
    // Hover picking reads a pixel back from the GPU on every mouse move, which waits for the frame being drawn:
    // while the camera pans or zooms it halves the frame rate of a large network, and finds nothing useful.
    // Sigma 3.0 declares the method private but calls it through the instance (pinned to ~3.0 for this).
    const picker = this.sigma as unknown as { getNodeAtPosition(position: Coordinates): string | null };
    const pick = picker.getNodeAtPosition.bind(this.sigma);
    const captor = this.sigma.getMouseCaptor();
    const camera = this.sigma.getCamera();
    picker.getNodeAtPosition = (position) =>
      this.large && (captor.isMoving || captor.draggedEvents > 0 || camera.isAnimated())
        ? null
        : pick(position);
    keyboardCamera(container, this.sigma);
  }

  /** Makes the drawing show exactly these nodes and edges; returns how many nodes are new. */
  update(nodes: GraphNodeData[], edges: GraphEdgeData[]): number {
    const graph = this.graph;
    const wanted = new Set(nodes.map((n) => n.key));
    graph.forEachNode((key) => wanted.has(key) || graph.dropNode(key));
    let added = 0;
    for (const node of nodes) {
      const attributes = {
        label: node.label,
        code: node.code,
        kind: node.kind,
        color: kindColour(node.kind),
        size: this.sizes.get(node.code) ?? 5,
      };
      if (graph.hasNode(node.key)) {
        graph.mergeNodeAttributes(node.key, attributes);
        continue;
      }
      added += 1;
      graph.addNode(node.key, { ...attributes, ...(positions.get(node.code) ?? seededPosition(node.code)) });
    }
    const wantedEdges = new Set(edges.map((e) => e.key));
    graph.forEachEdge((key) => wantedEdges.has(key) || graph.dropEdge(key));
    for (const edge of edges) {
      if (graph.hasEdge(edge.key) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
      graph.addEdgeWithKey(edge.key, edge.source, edge.target, {
        color: EDGE_COLOURS[edge.kind],
        size: edge.kind === 'PARTNERSHIP' ? 1.5 : Math.min(3, 0.5 + edge.sharedInitiatives * 0.3),
        kind: edge.kind,
      });
    }
    const large = graph.size > LARGE_EDGES;
    if (large !== this.large) {
      this.large = large;
      this.sigma.setSetting('hideEdgesOnMove', large);
      this.sigma.setSetting('hideLabelsOnMove', large);
    }
    if (added > 0) this.layout(added === graph.order);
    return added;
  }

  /** Node sizes from betweenness (by code): the brokers stand out. */
  setBetweenness(values: Map<string, number>): void {
    const max = Math.max(1e-9, ...values.values());
    this.sizes = new Map([...values].map(([code, b]) => [code, 4 + 16 * Math.sqrt(b / max)]));
    this.graph.updateEachNodeAttributes((_, attributes) => ({
      ...attributes,
      size: this.sizes.get(attributes.code) ?? 4,
    }));
  }

  /** Dims everything but these nodes (a path); null shows all again. */
  highlight(keys: string[] | null, selected: string | null = null): void {
    this.highlighted = keys ? new Set(keys) : null;
    this.selected = selected;
    this.sigma.refresh();
  }

  select(key: string | null): void {
    this.selected = key;
    this.sigma.refresh();
  }

  /** Whether the worker layout is still moving nodes. */
  get settling(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  destroy(): void {
    this.remember();
    this.stopLayout();
    this.sigma.kill();
  }

  private layout(fresh: boolean): void {
    const graph = this.graph;
    if (graph.order === 0) return;
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 };
    if (graph.order <= SYNC_LAYOUT_LIMIT) {
      forceAtlas2.assign(graph, { iterations: fresh ? 300 : 80, settings });
      this.remember();
      this.container.dataset.layout = 'still';
      return;
    }
    this.stopLayout();
    this.supervisor = new FA2LayoutSupervisor(graph, { settings });
    this.supervisor.start();
    this.container.dataset.layout = 'running';
    this.stopTimer = setTimeout(() => this.stopLayout(), fresh ? 6000 : 2000);
  }

  private stopLayout(): void {
    clearTimeout(this.stopTimer);
    if (this.supervisor) {
      this.supervisor.kill();
      this.supervisor = null;
      this.remember();
    }
    this.container.dataset.layout = 'still';
  }

  private remember(): void {
    this.graph.forEachNode((_, attributes) =>
      positions.set(attributes.code, { x: attributes.x, y: attributes.y }),
    );
  }
}

/** A position from the code alone, so a first drawing is the same on every load. */
function seededPosition(code: string): { x: number; y: number } {
  let hash = 2166136261;
  for (let i = 0; i < code.length; i++) hash = Math.imul(hash ^ code.charCodeAt(i), 16777619);
  const angle = (((hash >>> 0) % 3600) / 3600) * 2 * Math.PI;
  const radius = 50 + ((hash >>> 12) % 1000) / 10;
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

/** Arrow keys pan, + and - zoom, 0 resets: the drawing can be explored without a mouse. */
function keyboardCamera(container: HTMLElement, sigma: Sigma<NodeAttributes>): void {
  container.tabIndex = 0;
  container.addEventListener('keydown', (event) => {
    const camera = sigma.getCamera();
    const state = camera.getState();
    const step = 0.1 * state.ratio;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => camera.animate({ x: state.x - step }, { duration: 150 }),
      ArrowRight: () => camera.animate({ x: state.x + step }, { duration: 150 }),
      ArrowUp: () => camera.animate({ y: state.y + step }, { duration: 150 }),
      ArrowDown: () => camera.animate({ y: state.y - step }, { duration: 150 }),
      '+': () => camera.animatedZoom({ duration: 150 }),
      '=': () => camera.animatedZoom({ duration: 150 }),
      '-': () => camera.animatedUnzoom({ duration: 150 }),
      '0': () => camera.animatedReset({ duration: 150 }),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  });
}
