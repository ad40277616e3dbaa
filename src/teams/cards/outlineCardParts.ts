import { describeBar } from '../../domain/digest/describeFigures';
import type { BarChart } from '../../domain/digest/digestTypes';
import type { OutlineBlock } from '../../domain/digest/outlineDigest';
import { inertText } from './plainText';

/** Widest bar, in pixels; the bar's number is always written beside it. */
const BAR_PIXELS = 160;

/**
 * Card elements for a digest or report outline. Titles and headings are the bot's own words;
 * list items and notes can hold names, offer titles or a typed department, so they are inert text.
 */
export function outlineCardBody(blocks: readonly OutlineBlock[]): Array<Record<string, unknown>> {
  return blocks.flatMap(blockElements);
}

function blockElements(block: OutlineBlock): Array<Record<string, unknown>> {
  switch (block.kind) {
    case 'title':
      return [
        {
          type: 'TextBlock',
          text: block.text,
          size: 'Large',
          weight: 'Bolder',
          wrap: true,
          style: 'heading',
        },
      ];
    case 'heading':
      return [
        {
          type: 'TextBlock',
          text: block.text,
          size: 'Medium',
          weight: 'Bolder',
          wrap: true,
          style: 'heading',
          separator: true,
          spacing: 'Large',
        },
      ];
    case 'note':
      return [inertText([block.text], { maxLength: 200 })];
    case 'list':
      return [
        { type: 'TextBlock', text: block.title, weight: 'Bolder', wrap: true },
        ...block.items.map((item) => ({ ...inertText([`• ${item}`], { maxLength: 300 }), spacing: 'Small' })),
      ];
    case 'facts':
      return [{ type: 'FactSet', facts: block.facts.map((f) => ({ title: f.label, value: f.value })) }];
    case 'chart':
      return chartElements(block.chart);
  }
}

/**
 * A bar chart any Teams client shows: one row per bar with its label, a shaded bar and its number
 * in words, plus the whole series in one sentence first, for screen readers. Colour is never the
 * only carrier of a value.
 */
export function chartElements(chart: BarChart): Array<Record<string, unknown>> {
  const most = Math.max(0, ...chart.bars.map((b) => b.value));
  const series = chart.bars.map((b) => `${b.label}: ${b.value}`).join('; ');
  return [
    { type: 'TextBlock', text: chart.title, weight: 'Bolder', wrap: true },
    {
      type: 'TextBlock',
      text: `${chart.title}, by period: ${series}.`,
      wrap: true,
      isSubtle: true,
      size: 'Small',
    },
    ...chart.bars.map((bar) => ({
      type: 'ColumnSet',
      spacing: 'Small',
      columns: [
        { type: 'Column', width: '90px', items: [{ type: 'TextBlock', text: bar.label, wrap: true }] },
        {
          type: 'Column',
          width: `${BAR_PIXELS}px`,
          verticalContentAlignment: 'Center',
          items: [barElement(bar.value, most)],
        },
        {
          type: 'Column',
          width: 'stretch',
          items: [{ type: 'TextBlock', text: describeBar(chart, bar.value), wrap: true }],
        },
      ],
    })),
  ];
}

function barElement(value: number, most: number): Record<string, unknown> {
  const pixels = most === 0 || value === 0 ? 0 : Math.max(4, Math.round((value / most) * BAR_PIXELS));
  if (pixels === 0) return { type: 'TextBlock', text: ' ', wrap: false };
  return {
    type: 'ColumnSet',
    columns: [
      {
        type: 'Column',
        width: `${pixels}px`,
        style: 'accent',
        minHeight: '16px',
        items: [{ type: 'TextBlock', text: ' ' }],
      },
      { type: 'Column', width: 'stretch', items: [] },
    ],
  };
}
