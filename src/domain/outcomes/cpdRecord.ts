import { SETTING_LABELS } from '../offers';
import { formatVisitTime } from '../time/formatVisit';
import { FOLLOW_ON_WORDS, KNOWLEDGE_WORDS, RATING_WORDS, type RequestWithOutcomes } from './outcomeTypes';

export interface CpdFacts {
  request: RequestWithOutcomes;
  visitorName: string;
  hostName?: string;
  hostRole?: string;
  hostDepartment?: string;
}

/**
 * A CPD / appraisal record of one visit, as plain text with light markdown, ready to paste into
 * an e-portfolio or appraisal form. Undefined until the visitor has given their feedback.
 */
export function formatCpdRecord({
  request,
  visitorName,
  hostName,
  hostRole,
  hostDepartment,
}: CpdFacts): string | undefined {
  const seen = request.outcomes?.visitor;
  if (request.state !== 'completed' || !seen || !request.start || !request.end) return undefined;
  const host = [hostName, hostRole, hostDepartment].filter(Boolean).join(', ') || 'Not recorded';
  const lines = [
    '# Job shadowing: CPD record',
    '',
    `Name: ${visitorName}`,
    `Date: ${formatVisitTime(request.start, request.end)}`,
    `Host: ${host}`,
    ...(request.setting ? [`Setting: ${SETTING_LABELS[request.setting]}`] : []),
    `Hours: ${seen.hours}`,
    `Type of activity: work-based learning (job shadowing)`,
    '',
    '## Objectives and outcomes',
    ...request.objectives.map(
      (objective, i) => `- ${objective}: ${RATING_WORDS[seen.ratings[i] ?? 'not_met']}`,
    ),
    '',
    '## Learning gained',
    ...seen.knowledge.map((kind) => `- ${KNOWLEDGE_WORDS[kind]}`),
    '',
    '## What I will do differently',
    seen.doDifferently,
    '',
    `Follow-up planned: ${FOLLOW_ON_WORDS[seen.followOn]}`,
  ];
  if (seen.reflection) {
    lines.push(
      '',
      '## Reflection',
      '### What?',
      seen.reflection.what,
      '',
      '### So what?',
      seen.reflection.soWhat,
      '',
      '### Now what?',
      seen.reflection.nowWhat,
    );
  }
  return `${lines.join('\n')}\n`;
}
