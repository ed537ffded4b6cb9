/**
 * Money: funding by theme, pillar and year as bar charts (Chart.js), each with its table. Amounts are for
 * network members only: the API gives null to others, and the view says so instead of drawing zeros.
 */
import { MoneyDocument, type FundingTotal } from '../api';
import { Chart } from '../charts';
import { errorText, pillarEntry, themeEntry, type AppContext, type View } from '../context';
import { fill, h, table } from '../dom';
import { formatEur, labelOf, t, type Word } from '../i18n';

export class MoneyView implements View {
  private charts: Chart[] = [];

  async render(container: HTMLElement, context: AppContext): Promise<void> {
    fill(container, h('h1', {}, t('money')), h('p', {}, t('loading')));
    let funding;
    try {
      ({
        networkSummary: { funding },
      } = await context.client.request(MoneyDocument));
    } catch (err) {
      fill(
        container,
        h('h1', {}, t('money')),
        h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${errorText(err)}`),
      );
      return;
    }
    const hidden = funding.totalEur === null;
    const sections: [Word, string, FundingTotal[], (key: string) => string][] = [
      ['fundingByTheme', 'funding-theme', funding.byTheme, (k) => labelOf(themeEntry(context, k), k)],
      ['fundingByPillar', 'funding-pillar', funding.byPillar, (k) => labelOf(pillarEntry(context, k), k)],
      [
        'fundingByYear',
        'funding-year',
        [...funding.byYear].sort((a, b) => a.key.localeCompare(b.key)),
        (k) => k,
      ],
    ];
    fill(
      container,
      h('h1', {}, t('money')),
      h(
        'p',
        { class: 'summary', id: 'funding-total' },
        hidden
          ? t('moneyNeedsNetwork')
          : `${t('total')}: ${formatEur(funding.totalEur!)} - ${funding.allocations} ${t('allocations').toLowerCase()}`,
      ),
      ...sections.map(([word, id, rows, label]) => {
        const canvas = h('canvas', {
          id,
          role: 'img',
          'aria-label': `${t(word)} (${t('drawingTable').toLowerCase()})`,
        });
        const section = h(
          'section',
          { class: 'money-section', 'aria-labelledby': `${id}-title` },
          h('h2', { id: `${id}-title` }, t(word)),
          h('div', { class: 'chart-box' }, canvas),
          h(
            'details',
            { class: 'alternative' },
            h('summary', {}, `${t('drawingTable')}: ${t(word)}`),
            table(
              t(word),
              [t(word).split(' ').at(-1)!, t('amount'), t('allocations')],
              rows.map((r) => [
                label(r.key),
                r.amountEur === null ? '-' : formatEur(r.amountEur),
                String(r.allocations),
              ]),
            ),
          ),
        );
        this.charts.push(
          new Chart(canvas, {
            type: 'bar',
            data: {
              labels: rows.map((r) => label(r.key)),
              datasets: [
                hidden
                  ? {
                      label: t('allocations'),
                      data: rows.map((r) => r.allocations),
                      backgroundColor: '#64748b',
                    }
                  : {
                      label: t('amount'),
                      data: rows.map((r) => r.amountEur ?? 0),
                      backgroundColor: '#1d4ed8',
                    },
              ],
            },
            options: {
              maintainAspectRatio: false,
              indexAxis: id === 'funding-year' ? 'x' : 'y',
              plugins: {
                legend: { display: false },
                tooltip: {
                  callbacks: {
                    label: (item) =>
                      hidden ? `${item.raw} ${t('allocations').toLowerCase()}` : formatEur(Number(item.raw)),
                  },
                },
              },
              scales: hidden
                ? {}
                : {
                    [id === 'funding-year' ? 'y' : 'x']: { ticks: { callback: (v) => formatEur(Number(v)) } },
                  },
            },
          }),
        );
        return section;
      }),
    );
  }

  destroy(): void {
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
  }
}
