/**
 * Initiatives: the supra-regional ones with their lead and ROMs, and their milestones on a timeline with the
 * overdue, due-soon and stalled ones marked (by colour and by shape, and in words in the table beside it).
 */
import { InitiativesDocument, type InitiativeRow, type Initiatives } from '../api';
import { Chart } from '../charts';
import { errorText, type AppContext, type View } from '../context';
import { fill, h, table } from '../dom';
import { currentLang, formatDate, t } from '../i18n';

const DAY = 86_400_000;
const CLOSED = new Set(['DONE', 'CANCELLED']);

type Mark = 'overdue' | 'dueSoon' | 'done' | 'open';
const MARK_STYLE: Record<Mark, { colour: string; shape: 'triangle' | 'rectRot' | 'circle' | 'rect' }> = {
  overdue: { colour: '#b91c1c', shape: 'triangle' },
  dueSoon: { colour: '#b45309', shape: 'rectRot' },
  done: { colour: '#15803d', shape: 'rect' },
  open: { colour: '#1d4ed8', shape: 'circle' },
};

export class InitiativesView implements View {
  private chart: Chart | null = null;

  async render(container: HTMLElement, context: AppContext): Promise<void> {
    fill(container, h('h1', {}, t('initiatives')), h('p', {}, t('loading')));
    let data: Initiatives;
    try {
      data = await context.client.request(InitiativesDocument);
    } catch (err) {
      fill(
        container,
        h('h1', {}, t('initiatives')),
        h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${errorText(err)}`),
      );
      return;
    }
    const { initiatives, networkSummary: summary } = data;
    const stalled = new Set(summary.stalledInitiatives.map((i) => i.code));
    const today = Date.parse(`${summary.today}T00:00:00Z`);
    const soon = today + summary.milestones.dueWithinDays * DAY;
    const markOf = (m: InitiativeRow['milestones'][number]): Mark => {
      if (CLOSED.has(m.status)) return 'done';
      if (!m.dueOn) return 'open';
      const due = Date.parse(`${m.dueOn}T00:00:00Z`);
      if (due < today) return 'overdue';
      return due <= soon ? 'dueSoon' : 'open';
    };
    const title = (i: InitiativeRow) => (currentLang() === 'en' && i.titleEn ? i.titleEn : i.title);
    const roms = (i: InitiativeRow) =>
      [
        ...new Set(
          i.participants.nodes.filter((p) => p.organisation.kind === 'ROM').map((p) => p.organisation.code),
        ),
      ].sort();
    const rows = initiatives.nodes.map((i) => [
      i.code,
      title(i),
      i.lead ? `${i.lead.name} (${i.lead.code})` : '-',
      `${i.romCount}: ${roms(i).join(', ')}`,
      h(
        'span',
        {},
        i.status,
        stalled.has(i.code)
          ? h('span', { class: 'flag flag-stalled', 'data-stalled': 'true' }, ` \u23f8 ${t('stalled')}`)
          : null,
      ),
    ]);
    const dated = initiatives.nodes.filter((i) => i.milestones.some((m) => m.dueOn));
    const canvas = h('canvas', {
      id: 'milestone-timeline',
      role: 'img',
      'aria-label': `${t('timeline')}: ${t('drawingTable').toLowerCase()} ${t('milestones').toLowerCase()}`,
    });
    const milestoneRows = dated.flatMap((i) =>
      i.milestones
        .filter((m) => m.dueOn)
        .map((m) => {
          const mark = markOf(m);
          return [
            i.code,
            m.title,
            formatDate(m.dueOn!),
            m.status,
            mark === 'overdue' ? t('overdue') : mark === 'dueSoon' ? t('dueSoon') : '',
          ];
        }),
    );
    fill(
      container,
      h('h1', {}, t('initiatives')),
      h(
        'p',
        { class: 'summary' },
        `${initiatives.totalCount} ${t('supraRegional').toLowerCase()}; ${t('milestones').toLowerCase()}: ${summary.milestones.overdue} ${t('overdue')}, ${summary.milestones.dueSoon} ${t('dueSoon')}; ${stalled.size} ${t('stalled')}`,
      ),
      table(
        `${t('supraRegional')} (${initiatives.totalCount})`,
        [t('code'), t('title'), t('lead'), t('roms'), t('status')],
        rows,
        {
          id: 'initiatives-table',
          'data-rows': initiatives.nodes.length,
        },
      ),
      h('h2', {}, t('timeline')),
      h(
        'ul',
        { class: 'marks-legend' },
        ...(['overdue', 'dueSoon', 'done', 'open'] as Mark[]).map((mark) =>
          h(
            'li',
            { 'data-mark': mark },
            h('span', { class: `mark mark-${mark}`, 'aria-hidden': 'true' }),
            mark === 'overdue'
              ? t('overdue')
              : mark === 'dueSoon'
                ? t('dueSoon')
                : mark === 'done'
                  ? 'DONE / CANCELLED'
                  : t('due'),
          ),
        ),
      ),
      h('div', { class: 'chart-box tall' }, canvas),
      h(
        'details',
        { class: 'alternative' },
        h('summary', {}, `${t('drawingTable')}: ${t('milestones')}`),
        table(t('milestones'), [t('code'), t('title'), t('due'), t('status'), ''], milestoneRows, {
          id: 'milestones-table',
        }),
      ),
    );
    const points = dated.flatMap((initiative, index) =>
      initiative.milestones
        .filter((m) => m.dueOn)
        .map((m) => ({
          x: Date.parse(`${m.dueOn}T00:00:00Z`) / DAY,
          y: index,
          mark: markOf(m),
          label: `${initiative.code}: ${m.title} (${formatDate(m.dueOn!)}, ${m.status})`,
        })),
    );
    this.chart = new Chart(canvas, {
      type: 'scatter',
      data: {
        datasets: (['overdue', 'dueSoon', 'done', 'open'] as Mark[]).map((mark) => ({
          label:
            mark === 'overdue'
              ? t('overdue')
              : mark === 'dueSoon'
                ? t('dueSoon')
                : mark === 'done'
                  ? 'DONE'
                  : t('due'),
          data: points.filter((p) => p.mark === mark),
          backgroundColor: MARK_STYLE[mark].colour,
          borderColor: MARK_STYLE[mark].colour,
          pointStyle: MARK_STYLE[mark].shape,
          pointRadius: 6,
        })),
      },
      options: {
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => (item.raw as { label: string }).label } },
        },
        scales: {
          x: {
            type: 'linear',
            ticks: {
              callback: (value) => formatDate(new Date(Number(value) * DAY).toISOString().slice(0, 10)),
            },
          },
          y: {
            type: 'linear',
            reverse: true,
            min: -0.5,
            max: dated.length - 0.5,
            ticks: { stepSize: 1, autoSkip: false, callback: (value) => dated[Number(value)]?.code ?? '' },
          },
        },
      },
      plugins: [todayLine(today / DAY)],
    });
  }

  destroy(): void {
    this.chart?.destroy();
  }
}

/** A vertical line at today, so overdue is what lies left of it. */
function todayLine(day: number) {
  return {
    id: 'today',
    afterDatasetsDraw(chart: Chart) {
      const x = chart.scales.x!.getPixelForValue(day);
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = '#111827';
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.restore();
    },
  };
}
