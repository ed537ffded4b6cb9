/**
 * ROM matrix: the nine ROMs as a heat map of the initiatives each two share, overall or per theme. The heat map
 * is an HTML table, so it is its own text alternative: every cell is a number a screen reader reads with its
 * row and column.
 */
import { MatrixDocument, type Theme } from '../api';
import { errorText, type AppContext, type View } from '../context';
import { fill, h } from '../dom';
import { labelOf, t } from '../i18n';

/** Buckets of the colour scale (classes heat-0 .. heat-5 in styles.css, each with a readable text colour). */
const BUCKETS = 5;
const remembered = { theme: '' };

export class MatrixView implements View {
  private box = h('div', { class: 'matrix-box' });

  render(container: HTMLElement, context: AppContext): void {
    const themes = context.basics.taxonomy.themes;
    const themeSelect = h(
      'select',
      { id: 'matrix-theme' },
      h('option', { value: '' }, t('allThemes')),
      ...themes.map((th) =>
        h('option', { value: th.code, selected: th.code === remembered.theme }, labelOf(th, th.code)),
      ),
    );
    themeSelect.addEventListener('change', () => {
      remembered.theme = themeSelect.value;
      void this.load(context);
    });
    fill(
      container,
      h('h1', {}, t('matrix')),
      h('div', { class: 'field' }, h('label', { for: 'matrix-theme' }, t('theme')), themeSelect),
      this.box,
    );
    void this.load(context);
  }

  private async load(context: AppContext): Promise<void> {
    this.box.setAttribute('aria-busy', 'true');
    try {
      const theme = remembered.theme ? (remembered.theme as Theme) : undefined;
      const { collaborationMatrix: m } = await context.client.request(MatrixDocument, { theme });
      const max = Math.max(1, ...m.counts.flatMap((row, i) => row.filter((_, j) => j !== i)));
      const heat = (n: number) => (n === 0 ? 0 : Math.max(1, Math.ceil((n / max) * BUCKETS)));
      const name = (o: { code: string; shortName: string | null }) => o.shortName ?? o.code;
      fill(
        this.box,
        h(
          'table',
          { class: 'matrix', id: 'rom-matrix' },
          h(
            'caption',
            {},
            `${t('matrixCaption')}${
              theme
                ? ` - ${labelOf(
                    context.basics.taxonomy.themes.find((x) => x.code === theme),
                    theme,
                  )}`
                : ''
            } (${t('asOf').toLowerCase()} ${m.asOf})`,
          ),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('td', {}),
              ...m.organisations.map((o) => h('th', { scope: 'col' }, h('abbr', { title: o.name }, name(o)))),
            ),
          ),
          h(
            'tbody',
            {},
            ...m.organisations.map((row, i) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, h('abbr', { title: row.name }, name(row))),
                ...m.organisations.map((col, j) => {
                  const n = m.counts[i]![j]!;
                  return h(
                    'td',
                    {
                      class: i === j ? 'diagonal' : `heat-${heat(n)}`,
                      'data-pair': `${row.code}-${col.code}`,
                      title: `${row.name} - ${col.name}: ${n}`,
                    },
                    String(n),
                  );
                }),
              ),
            ),
          ),
        ),
      );
    } catch (err) {
      fill(this.box, h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${errorText(err)}`));
    } finally {
      this.box.removeAttribute('aria-busy');
    }
  }
}
