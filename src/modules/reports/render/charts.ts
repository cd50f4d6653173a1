import * as vega from 'vega';

/**
 * The report's charts as SVG, drawn on the server by Vega (no browser, no canvas: `renderer:
 * 'none'` builds the scene graph and `toSVG` writes it). The same SVG goes inline into the HTML
 * page and, through svg-to-pdfkit, into the PDF (docs/decisions/0009-audit-report.md).
 */

export interface Bar {
  label: string;
  value: number;
}

export interface BarChart {
  /** What the chart shows, for screen readers (the SVG's aria-label). */
  title: string;
  bars: readonly Bar[];
  /** Bars grow to the right (one per category, labels on the left) or upwards. */
  orientation: 'horizontal' | 'vertical';
  valueTitle: string;
  width: number;
  height: number;
  color: string;
}

/** One font for labels, as in the page and the PDF; Vega only needs it to size and name text. */
const FONT = 'Amiri, "Noto Naskh Arabic", serif';

function spec(chart: BarChart): vega.Spec {
  const horizontal = chart.orientation === 'horizontal';
  // Whole numbers only: at most one tick per unit, so a maximum of 1 does not print 0, 1, 1.
  const tickCount = Math.max(1, Math.min(5, ...chart.bars.map((bar) => bar.value)));
  const category = { name: 'category', type: 'band', domain: { data: 'bars', field: 'label' }, range: horizontal ? 'height' : 'width', padding: 0.2 } as const;
  const value = { name: 'value', type: 'linear', domain: { data: 'bars', field: 'value' }, domainMin: 0, range: horizontal ? 'width' : 'height', nice: true, zero: true } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega/v5.json',
    description: chart.title,
    width: chart.width,
    height: chart.height,
    padding: 6,
    autosize: { type: 'fit', contains: 'padding' },
    background: 'white',
    config: { text: { font: FONT }, axis: { labelFont: FONT, titleFont: FONT, labelFontSize: 10, titleFontSize: 10 } },
    data: [{ name: 'bars', values: chart.bars.map((bar) => ({ ...bar })) }],
    scales: [category, value],
    axes: horizontal
      ? [
          { orient: 'left', scale: 'category', labelLimit: 140 },
          { orient: 'bottom', scale: 'value', title: chart.valueTitle, tickCount, format: 'd', grid: true, gridColor: '#e5e7eb' },
        ]
      : [
          { orient: 'bottom', scale: 'category', labelOverlap: 'parity', labelAngle: chart.bars.length > 12 ? -60 : 0, labelAlign: chart.bars.length > 12 ? 'right' : 'center', labelBaseline: chart.bars.length > 12 ? 'middle' : 'top' },
          { orient: 'left', scale: 'value', title: chart.valueTitle, tickCount, format: 'd', grid: true, gridColor: '#e5e7eb' },
        ],
    marks: [
      {
        type: 'rect',
        from: { data: 'bars' },
        encode: {
          enter: horizontal
            ? { y: { scale: 'category', field: 'label' }, height: { scale: 'category', band: 1 }, x: { scale: 'value', value: 0 }, x2: { scale: 'value', field: 'value' }, fill: { value: chart.color } }
            : { x: { scale: 'category', field: 'label' }, width: { scale: 'category', band: 1 }, y: { scale: 'value', field: 'value' }, y2: { scale: 'value', value: 0 }, fill: { value: chart.color } },
        },
      },
      {
        type: 'text',
        from: { data: 'bars' },
        encode: {
          enter: horizontal
            ? { y: { scale: 'category', field: 'label', band: 0.5 }, x: { scale: 'value', field: 'value', offset: 3 }, baseline: { value: 'middle' }, text: { field: 'value' }, fontSize: { value: 9 }, fill: { value: '#111827' } }
            : { x: { scale: 'category', field: 'label', band: 0.5 }, y: { scale: 'value', field: 'value', offset: -3 }, align: { value: 'center' }, text: { field: 'value' }, fontSize: { value: 9 }, fill: { value: '#111827' } },
        },
      },
    ],
  } as vega.Spec;
}

/**
 * The chart as one `<svg>` element. Vega writes `xmlns`/`xlink` namespace URLs and no `style`
 * attributes or `url(…)` references for these marks (no clipping, no gradients), so the SVG
 * needs nothing beyond itself; the namespaces are kept, as svg-to-pdfkit's XML parser wants them.
 */
export async function renderBarChart(chart: BarChart): Promise<string> {
  const view = new vega.View(vega.parse(spec(chart)), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg.replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(chart.title)}" `);
  } finally {
    view.finalize();
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
