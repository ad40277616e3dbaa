import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';

type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];

/**
 * An email address, plain or URL-encoded (`%40`, `%27`), as it may appear in a URL, a query or a
 * message. The local part may hold apostrophes (O'Neill) and escapes, but not an encoded space, and
 * does not start inside an escape.
 */
const EMAIL =
  /(?<!%|%[0-9A-Fa-f])[A-Za-z0-9](?:[A-Za-z0-9._+'-]|%(?!20)[0-9A-Fa-f]{2})*(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gi;

export const EMAIL_REPLACEMENT = '[email]';

/** The text with every email address replaced. */
export function scrubEmails(text: string): string {
  return text.replace(EMAIL, EMAIL_REPLACEMENT);
}

type Attributes = Record<string, unknown>;

/** What of a finished span is exported, as the OpenTelemetry SDK holds it (its fields are plain, writable values). */
interface FinishedSpan {
  name: string;
  attributes: Attributes;
  events?: Array<{ name: string; attributes?: Attributes }>;
  links?: Array<{ attributes?: Attributes }>;
  status?: { message?: string };
}

function scrubValue(value: unknown): unknown {
  if (typeof value === 'string') return scrubEmails(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? scrubEmails(item) : item));
  return value;
}

function scrubAttributes(attributes: Attributes | undefined): void {
  if (!attributes) return;
  for (const [key, value] of Object.entries(attributes)) attributes[key] = scrubValue(value);
}

/** Removes email addresses from a span's name, attributes (URLs, queries, exception messages), events, links and status. */
export function scrubSpan(span: FinishedSpan): void {
  span.name = scrubEmails(span.name);
  scrubAttributes(span.attributes);
  for (const event of span.events ?? []) {
    event.name = scrubEmails(event.name);
    scrubAttributes(event.attributes);
  }
  for (const link of span.links ?? []) scrubAttributes(link.attributes);
  if (span.status?.message) span.status.message = scrubEmails(span.status.message);
}

/**
 * A span processor that runs before the exporter's: every span leaves the process without email
 * addresses. The bot calls Graph by object id and logs ids only; this is the net under that rule,
 * for URLs and error messages that other libraries put into spans.
 */
export function createEmailScrubber(): SpanProcessor {
  return {
    onStart: () => undefined,
    onEnd: (span) => scrubSpan(span as unknown as FinishedSpan),
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
}
