import { describeBar } from './describeFigures';
import type { BarChart } from './digestTypes';
import type { OutlineBlock } from './outlineDigest';

/** Widest bar in a text chart, in characters. */
export const TEXT_BAR_WIDTH = 20;

/** Plain text for a terminal or a log: headings, lists, figures and a bar chart drawn with '#'. */
export function renderOutlineText(blocks: readonly OutlineBlock[]): string {
  return blocks.map(renderBlock).join('\n\n') + '\n';
}

function renderBlock(block: OutlineBlock): string {
  switch (block.kind) {
    case 'title':
      return `${block.text}\n${'='.repeat(block.text.length)}`;
    case 'heading':
      return `${block.text}\n${'-'.repeat(block.text.length)}`;
    case 'note':
      return block.text;
    case 'list':
      return [`${block.title}:`, ...block.items.map((item) => `  - ${item}`)].join('\n');
    case 'facts': {
      const width = Math.max(...block.facts.map((f) => f.label.length));
      return [`${block.title}:`, ...block.facts.map((f) => `  ${f.label.padEnd(width)}  ${f.value}`)].join(
        '\n',
      );
    }
    case 'chart':
      return renderTextChart(block.chart);
  }
}

/** One line per bar: label, a bar of '#' in proportion, and the number in words. */
export function renderTextChart(chart: BarChart): string {
  const most = Math.max(0, ...chart.bars.map((b) => b.value));
  const width = Math.max(0, ...chart.bars.map((b) => b.label.length));
  const rows = chart.bars.map((bar) => {
    const length = most === 0 ? 0 : Math.round((bar.value / most) * TEXT_BAR_WIDTH);
    return `  ${bar.label.padEnd(width)}  ${'#'.repeat(length).padEnd(TEXT_BAR_WIDTH)}  ${describeBar(chart, bar.value)}`;
  });
  return [`${chart.title}:`, ...rows].join('\n');
}
