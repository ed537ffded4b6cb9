/**
 * Network: the partnership graph drawn (colour: organisation kind; size: betweenness; edges: partnership or
 * shared initiative), filters for theme, pillar, province and kind, an as-of slider from 2020 to today that
 * replays how the network grew, an organisation's panel on click, and a path finder. Below the drawing, the
 * same network as a table: its text alternative, and the way in without a mouse.
 */
import type { FeedEvent } from '@romgraph/client';
import {
  GraphDocument,
  MetricsDocument,
  OrganisationDocument,
  PathDocument,
  type GraphFilter,
  type MetricsRow,
  type NetworkGraph,
  type OrganisationKind,
  type Pillar,
  type Theme,
} from '../api';
import { errorText, type AppContext, type View } from '../context';
import { debounce, fill, h, table } from '../dom';
import { KIND_COLOURS, NetworkDrawing } from '../drawing';
import {
  PROVINCE_CODES,
  confidenceLabel,
  formatNumber,
  kindLabel,
  labelOf,
  provinceLabel,
  t,
  currentLang,
} from '../i18n';

/** Events that change what the drawing shows. */
const GRAPH_EVENTS = new Set([
  'PARTNER_JOINED',
  'PARTNER_LEFT',
  'PARTNERSHIP_FORMED',
  'PARTNERSHIP_ENDED',
  'ORGANISATION_CREATED',
  'ORGANISATION_UPDATED',
  'INITIATIVE_CREATED',
  'INITIATIVE_UPDATED',
]);
const FIRST_MONTH = { year: 2020, month: 0 };
/** Rows of the table below the drawing; a larger network is exported whole from the link beside it. */
const TABLE_ROWS = 300;

interface Filters {
  theme: string;
  pillar: string;
  province: string;
  kind: string;
}

/** Kept across visits to the view (and language switches). */
const remembered: { filters: Filters; month: number | null } = {
  filters: { theme: '', pillar: '', province: '', kind: '' },
  month: null,
};

export class NetworkView implements View {
  private drawing: NetworkDrawing | null = null;
  private context!: AppContext;
  private data: NetworkGraph['partnershipGraph'] | null = null;
  private metrics = new Map<string, MetricsRow>();
  private loadSeq = 0;
  private metricsSeq = 0;
  private playTimer: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => void) | undefined;
  private metricsRetry: ReturnType<typeof setTimeout> | undefined;
  private selected: string | null = null;
  private readonly months = monthsUntilNow();
  private readonly el = {
    stage: h('div', { class: 'stage', id: 'network-drawing', role: 'img', 'data-nodes': 0, 'data-edges': 0 }),
    summary: h('p', { class: 'summary', id: 'network-summary', 'aria-live': 'polite' }),
    tableBox: h('div', { class: 'table-box' }),
    panel: h('aside', { class: 'panel', id: 'organisation-panel', 'aria-live': 'polite', tabindex: -1 }),
    path: h('div', { class: 'path-result', id: 'path-result', 'aria-live': 'polite' }),
    monthOut: h('output', { id: 'as-of-value' }),
    status: h('p', { class: 'status', role: 'status' }),
    notice: h('p', { class: 'notice', id: 'network-notice', hidden: true }),
  };

  render(container: HTMLElement, context: AppContext): void {
    this.context = context;
    const filters = remembered.filters;
    const month = remembered.month ?? this.months.length - 1;
    const slider = h('input', {
      type: 'range',
      id: 'as-of',
      min: 0,
      max: this.months.length - 1,
      step: 1,
      value: month,
      'aria-describedby': 'as-of-value',
    });
    const play = h('button', { type: 'button', id: 'as-of-play', 'aria-pressed': 'false' }, t('play'));
    const select = (
      id: string,
      label: string,
      value: string,
      options: [string, string][],
      onChange: (v: string) => void,
    ) => {
      const element = h(
        'select',
        { id, name: id },
        h('option', { value: '' }, t('all')),
        ...options.map(([code, text]) => h('option', { value: code, selected: code === value }, text)),
      );
      element.addEventListener('change', () => onChange(element.value));
      return h('div', { class: 'field' }, h('label', { for: id }, label), element);
    };
    const kinds = [...new Set(KIND_COLOURS.flatMap(([, k]) => k))];
    const reload = () => void this.load(true);
    fill(
      container,
      h('h1', { class: 'sr-only' }, t('network')),
      h(
        'form',
        { class: 'filters', 'aria-label': t('filters'), onsubmit: (e: Event) => e.preventDefault() },
        select(
          'filter-theme',
          t('theme'),
          filters.theme,
          context.basics.taxonomy.themes.map((th) => [th.code, labelOf(th, th.code)]),
          (v) => {
            filters.theme = v;
            reload();
          },
        ),
        select(
          'filter-pillar',
          t('pillar'),
          filters.pillar,
          context.basics.taxonomy.pillars.map((p) => [p.code, labelOf(p, p.code)]),
          (v) => {
            filters.pillar = v;
            reload();
          },
        ),
        select(
          'filter-province',
          t('province'),
          filters.province,
          PROVINCE_CODES.map((c) => [c, provinceLabel(c)]),
          (v) => {
            filters.province = v;
            reload();
          },
        ),
        select(
          'filter-kind',
          t('kind'),
          filters.kind,
          kinds.map((k) => [k, kindLabel(k)]),
          (v) => {
            filters.kind = v;
            reload();
          },
        ),
        h(
          'div',
          { class: 'field as-of' },
          h('label', { for: 'as-of' }, t('asOf')),
          slider,
          this.el.monthOut,
          play,
        ),
      ),
      h(
        'div',
        { class: 'network-layout' },
        h(
          'div',
          { class: 'drawing-column' },
          this.el.notice,
          this.el.stage,
          this.legend(),
          this.el.summary,
          this.el.status,
        ),
        h('div', { class: 'side-column' }, this.el.panel, this.pathFinder()),
      ),
      h(
        'details',
        { class: 'alternative', id: 'network-table' },
        h('summary', {}, t('drawingTable')),
        this.el.tableBox,
      ),
    );
    this.el.monthOut.textContent = this.monthLabel(month);
    slider.addEventListener('input', () => {
      remembered.month = Number(slider.value);
      this.el.monthOut.textContent = this.monthLabel(remembered.month);
      void this.load(false);
      this.loadMetricsSoon();
    });
    play.addEventListener('click', () => this.togglePlay(slider, play));
    this.drawing = new NetworkDrawing(this.el.stage, (key) => void this.openPanel(key));
    this.unsubscribe = context.live.onEvent((event) => this.onEvent(event));
    void this.load(true);
  }

  destroy(): void {
    clearInterval(this.playTimer);
    clearTimeout(this.metricsRetry);
    this.unsubscribe?.();
    this.drawing?.destroy();
    this.drawing = null;
  }

  private filter(): GraphFilter & { asOf?: string; themes?: Theme[] } {
    const { theme, pillar, province, kind } = remembered.filters;
    const month = remembered.month ?? this.months.length - 1;
    const past = month < this.months.length - 1;
    return {
      ...(past ? { asOf: this.months[month]!.end } : {}),
      // On a theme, a pillar or a past day, the organisations active there: the rest would float unconnected.
      ...(theme || pillar || past ? { isolated: false } : {}),
      ...(theme ? { themes: [theme as Theme] } : {}),
      ...(pillar ? { pillars: [pillar as Pillar] } : {}),
      ...(province ? { provinces: [province] } : {}),
      ...(kind ? { organisationKinds: [kind as OrganisationKind] } : {}),
    };
  }

  /** Loads the graph for the filters; with `withMetrics`, the betweenness for the sizes too. */
  private async load(withMetrics: boolean): Promise<void> {
    const seq = ++this.loadSeq;
    this.el.stage.setAttribute('aria-busy', 'true');
    try {
      const { partnershipGraph, notice } = await this.fetchGraph();
      if (seq !== this.loadSeq || !this.drawing) return;
      this.el.notice.textContent = notice;
      this.el.notice.hidden = notice === '';
      this.data = partnershipGraph;
      this.drawing.update(partnershipGraph.nodes, partnershipGraph.edges);
      // What the drawing holds (not what the answer said): the browser tests compare it with the API.
      this.el.stage.dataset.nodes = String(this.drawing.graph.order);
      this.el.stage.dataset.edges = String(this.drawing.graph.size);
      this.el.stage.dataset.asOf = partnershipGraph.asOf;
      this.el.stage.setAttribute(
        'aria-label',
        `${t('network')}: ${partnershipGraph.nodes.length} ${t('organisations')}, ${partnershipGraph.edges.length} ${t('ties')} (${t('drawingTable').toLowerCase()}: ${t('drawingTable')})`,
      );
      this.el.summary.textContent = `${formatNumber(partnershipGraph.nodes.length)} ${t('organisations')}, ${formatNumber(partnershipGraph.edges.length)} ${t('ties')} - ${t('asOf').toLowerCase()} ${partnershipGraph.asOf}`;
      this.el.status.textContent = '';
      this.renderTable();
      this.renderPathOptions();
      // The first drawing with its table: from here the view answers clicks, filters and keys.
      if (performance.getEntriesByName('romgraph:network-drawn').length === 0) {
        performance.mark('romgraph:network-drawn');
      }
      if (withMetrics) void this.loadMetrics();
    } catch (err) {
      if (seq === this.loadSeq) this.el.status.textContent = `${t('error')}: ${errorText(err)}`;
    } finally {
      if (seq === this.loadSeq) this.el.stage.removeAttribute('aria-busy');
    }
  }

  /**
   * The graph for the filters. A network with more ties than one answer may hold (GRAPH_MAX_EDGES) is drawn
   * with its partnerships only, and says so: the shared initiatives come back with a narrower filter.
   */
  private async fetchGraph(): Promise<{
    partnershipGraph: NetworkGraph['partnershipGraph'];
    notice: string;
  }> {
    const filter = this.filter();
    try {
      return { ...(await this.context.client.request(GraphDocument, { filter })), notice: '' };
    } catch (err) {
      const e = err as { code?: string; errors?: readonly { extensions?: Record<string, unknown> }[] };
      const refused = e.errors?.[0]?.extensions;
      if (e.code !== 'BAD_USER_INPUT' || typeof refused?.limit !== 'number' || filter.edgeKinds) throw err;
      const answer = await this.context.client.request(GraphDocument, {
        filter: { ...filter, edgeKinds: ['PARTNERSHIP'] },
      });
      return {
        ...answer,
        notice: `${formatNumber(Number(refused.edges))} ${t('ties')} > ${formatNumber(refused.limit)}: ${t('partnershipsOnly')}`,
      };
    }
  }

  private readonly loadMetricsSoon = debounce(() => void this.loadMetrics(), 600);

  private async loadMetrics(attempt = 0): Promise<void> {
    clearTimeout(this.metricsRetry);
    const seq = ++this.metricsSeq;
    const filter = this.filter();
    try {
      const { networkMetrics } = await this.context.client.request(MetricsDocument, {
        asOf: filter.asOf,
        theme: filter.themes?.[0],
      });
      if (seq !== this.metricsSeq || !this.drawing) return;
      this.metrics = new Map(networkMetrics.map((row) => [row.organisation.code, row]));
      this.drawing.setBetweenness(
        new Map(networkMetrics.map((row) => [row.organisation.code, row.betweenness])),
      );
      this.el.stage.dataset.metrics = 'ready';
      this.el.status.textContent = '';
      this.renderTable();
    } catch (err) {
      const e = err as { code?: string; retryAfter?: number };
      // Metrics are computed off the request path: a busy answer says when to come back.
      if (e.code === 'SERVICE_UNAVAILABLE' && attempt < 10 && seq === this.metricsSeq) {
        this.el.status.textContent = t('computing');
        this.metricsRetry = setTimeout(() => void this.loadMetrics(attempt + 1), 1000 * (e.retryAfter ?? 1));
      } else if (seq === this.metricsSeq) {
        this.el.status.textContent = `${t('error')}: ${errorText(err)}`;
      }
    }
  }

  private onEvent(event: FeedEvent): void {
    if (!GRAPH_EVENTS.has(event.type)) return;
    this.reloadForEvent();
  }

  /** Live changes come in bursts (a partner joining is one event, an import many): one reload for a burst. */
  private readonly reloadForEvent = debounce(() => {
    void this.load(false);
    this.loadMetricsSoon();
  }, 100);

  private togglePlay(slider: HTMLInputElement, button: HTMLButtonElement): void {
    if (this.playTimer) {
      clearInterval(this.playTimer);
      this.playTimer = undefined;
      button.textContent = t('play');
      button.setAttribute('aria-pressed', 'false');
      void this.loadMetrics();
      return;
    }
    if (Number(slider.value) >= this.months.length - 1) slider.value = '0';
    button.textContent = t('pause');
    button.setAttribute('aria-pressed', 'true');
    this.playTimer = setInterval(() => {
      const next = Number(slider.value) + 1;
      if (next > this.months.length - 1) {
        this.togglePlay(slider, button);
        return;
      }
      slider.value = String(next);
      remembered.month = next;
      this.el.monthOut.textContent = this.monthLabel(next);
      void this.load(false);
    }, 400);
  }

  private monthLabel(index: number): string {
    const month = this.months[index]!;
    if (index === this.months.length - 1)
      return new Date().toLocaleDateString(locale(), { day: 'numeric', month: 'short', year: 'numeric' });
    return new Date(`${month.end}T12:00:00Z`).toLocaleDateString(locale(), {
      month: 'short',
      year: 'numeric',
    });
  }

  private legend(): HTMLElement {
    return h(
      'div',
      { class: 'legend', 'aria-label': t('legend') },
      h(
        'ul',
        {},
        ...KIND_COLOURS.map(([colour, kinds]) =>
          h('li', {}, swatch(colour), kinds.length ? kinds.map(kindLabel).join(', ') : kindLabel('OTHER')),
        ),
      ),
      h('p', {}, t('sizeByBetweenness')),
    );
  }

  private renderTable(): void {
    if (!this.data) return;
    const degree = new Map<string, number>();
    for (const edge of this.data.edges) {
      degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
      degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
    }
    const nodes = [...this.data.nodes].sort(
      (a, b) =>
        (this.metrics.get(b.code)?.betweenness ?? 0) - (this.metrics.get(a.code)?.betweenness ?? 0) ||
        a.label.localeCompare(b.label),
    );
    const rows = nodes.slice(0, TABLE_ROWS).map((node) => [
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          'data-code': node.code,
          onclick: () => void this.openPanel(node.key),
        },
        node.label,
      ),
      kindLabel(node.kind),
      node.provinces.map(provinceLabel).join(', '),
      String(degree.get(node.key) ?? 0),
      this.metrics.has(node.code) ? formatNumber(this.metrics.get(node.code)!.betweenness, 4) : '',
    ]);
    fill(
      this.el.tableBox,
      table(
        `${t('drawingTable')}: ${nodes.length} ${t('organisations')}`,
        [t('name'), t('kind'), t('province'), t('ties'), t('betweenness')],
        rows,
        { id: 'network-table-rows', 'data-rows': nodes.length },
      ),
      nodes.length > TABLE_ROWS
        ? h('p', {}, `${TABLE_ROWS} / ${nodes.length}: `, h('a', { href: '/export/graph?format=csv' }, 'CSV'))
        : null,
    );
  }

  private async openPanel(key: string): Promise<void> {
    const node = this.data?.nodes.find((n) => n.key === key);
    if (!node) return;
    this.selected = key;
    this.drawing?.select(key);
    fill(this.el.panel, h('p', {}, t('loading')));
    try {
      const { organisation } = await this.context.client.request(OrganisationDocument, { code: node.code });
      if (this.selected !== key) return;
      if (!organisation) {
        fill(this.el.panel, h('p', {}, node.label));
        return;
      }
      const metrics = this.metrics.get(organisation.code);
      const name = currentLang() === 'en' && organisation.nameEn ? organisation.nameEn : organisation.name;
      fill(
        this.el.panel,
        h('h2', { id: 'panel-title' }, name, ' ', h('span', { class: 'code' }, organisation.code)),
        h(
          'p',
          {},
          kindLabel(organisation.kind),
          organisation.provinces.length ? ` - ${organisation.provinces.map(provinceLabel).join(', ')}` : '',
        ),
        organisation.website
          ? h(
              'p',
              {},
              h(
                'a',
                { href: organisation.website, rel: 'noopener noreferrer', target: '_blank' },
                organisation.website,
              ),
            )
          : null,
        sourceLine(organisation.source, organisation.confidence),
        metrics
          ? h(
              'dl',
              { class: 'metrics' },
              h('dt', {}, t('betweenness')),
              h('dd', {}, formatNumber(metrics.betweenness, 4)),
              h('dt', {}, t('closeness')),
              h('dd', {}, formatNumber(metrics.closeness, 3)),
              h('dt', {}, t('degree')),
              h('dd', {}, String(metrics.degree)),
              h('dt', {}, t('community')),
              h('dd', {}, String(metrics.community)),
              h('dt', {}, t('bridge')),
              h('dd', {}, metrics.bridge ? t('yes') : t('no')),
            )
          : null,
        h('h3', {}, `${t('panelInitiatives')} (${organisation.participations.totalCount})`),
        h(
          'ul',
          { class: 'facts' },
          ...organisation.participations.nodes.map((p) =>
            h(
              'li',
              {},
              currentLang() === 'en' && p.initiative.titleEn ? p.initiative.titleEn : p.initiative.title,
              ` (${p.initiative.code}, ${p.role}${p.active ? '' : ', -'})`,
              flag(p.confidence),
              p.source ? h('span', { class: 'source' }, ` ${t('source')}: ${p.source}`) : null,
            ),
          ),
        ),
        h('h3', {}, `${t('panelPartners')} (${organisation.partnerships.totalCount})`),
        h(
          'ul',
          { class: 'facts' },
          ...organisation.partnerships.nodes.map((p) => {
            const other = p.from.code === organisation.code ? p.to : p.from;
            return h(
              'li',
              {},
              `${other.name} (${p.kind})`,
              flag(p.confidence),
              p.source ? h('span', { class: 'source' }, ` ${t('source')}: ${p.source}`) : null,
            );
          }),
        ),
      );
      this.el.panel.focus();
    } catch (err) {
      fill(this.el.panel, h('p', { class: 'error' }, `${t('error')}: ${errorText(err)}`));
    }
  }

  private readonly fromInput = h('input', {
    id: 'path-from',
    list: 'path-organisations',
    autocomplete: 'off',
  });
  private readonly toInput = h('input', { id: 'path-to', list: 'path-organisations', autocomplete: 'off' });
  private readonly pathOptions = h('datalist', { id: 'path-organisations' });

  private pathFinder(): HTMLElement {
    return h(
      'form',
      {
        class: 'path-finder',
        'aria-labelledby': 'path-title',
        onsubmit: (event: Event) => {
          event.preventDefault();
          void this.findPath();
        },
      },
      h('h2', { id: 'path-title' }, t('pathFinder')),
      h('label', { for: 'path-from' }, t('from')),
      this.fromInput,
      h('label', { for: 'path-to' }, t('to')),
      this.toInput,
      this.pathOptions,
      h('button', { type: 'submit', id: 'path-submit' }, t('findPath')),
      this.el.path,
    );
  }

  private renderPathOptions(): void {
    if (!this.data) return;
    fill(this.pathOptions, ...this.data.nodes.map((n) => h('option', { value: `${n.label} (${n.code})` })));
  }

  private nodeOf(text: string) {
    const code = /\(([^()]+)\)\s*$/.exec(text)?.[1] ?? text.trim();
    return this.data?.nodes.find(
      (n) => n.code.toLowerCase() === code.toLowerCase() || n.label === text.trim(),
    );
  }

  private async findPath(): Promise<void> {
    const from = this.nodeOf(this.fromInput.value);
    const to = this.nodeOf(this.toInput.value);
    if (!from || !to) {
      fill(this.el.path, h('p', { class: 'error' }, `${t('from')}/${t('to')}: ?`));
      return;
    }
    try {
      const { shortestPath } = await this.context.client.request(PathDocument, {
        fromId: from.key,
        toId: to.key,
        asOf: this.filter().asOf,
      });
      if (!shortestPath) {
        this.drawing?.highlight(null);
        fill(this.el.path, h('p', {}, t('noPath')));
        return;
      }
      const keys = shortestPath.organisations
        .map((o) => this.data?.nodes.find((n) => n.code === o.code)?.key)
        .filter((k): k is string => Boolean(k));
      this.drawing?.highlight(keys);
      fill(
        this.el.path,
        h('p', {}, `${shortestPath.length} ${t('hops')}`),
        h(
          'ol',
          { id: 'path-steps' },
          ...shortestPath.organisations.map((o) => h('li', {}, `${o.name} (${o.code})`)),
        ),
      );
    } catch (err) {
      fill(this.el.path, h('p', { class: 'error' }, `${t('error')}: ${errorText(err)}`));
    }
  }
}

function locale(): string {
  return currentLang() === 'nl' ? 'nl-NL' : 'en-GB';
}

/** Every month from January 2020 to this one, each with its last day. */
function monthsUntilNow(): { end: string }[] {
  const now = new Date();
  const months: { end: string }[] = [];
  for (let i = 0; ; i++) {
    const year = FIRST_MONTH.year + Math.floor(i / 12);
    const month = i % 12;
    if (year > now.getFullYear() || (year === now.getFullYear() && month > now.getMonth())) break;
    months.push({ end: new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10) });
  }
  return months;
}

function swatch(colour: string): HTMLElement {
  const element = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  element.style.backgroundColor = colour;
  return element;
}

/** A fact's source and confidence; anything but confirmed is flagged. */
function sourceLine(source: string | null, confidence: string): HTMLElement {
  return h(
    'p',
    { class: 'source-line' },
    `${t('source')}: ${source ?? '-'} - ${t('confidence')}: ${confidenceLabel(confidence)}`,
    flag(confidence),
  );
}

function flag(confidence: string | null | undefined): HTMLElement | null {
  if (!confidence || confidence === 'CONFIRMED') return null;
  return h(
    'span',
    { class: `flag flag-${confidence.toLowerCase()}`, title: confidenceLabel(confidence) },
    ` \u26a0 ${confidenceLabel(confidence)}`,
  );
}
