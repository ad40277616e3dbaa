import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
// The OpenTelemetry SDK that @azure/monitor-opentelemetry runs on: the real span pipeline, in memory.
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { createEmailScrubber, EMAIL_REPLACEMENT, scrubEmails } from '../../../src/logging/scrubTelemetry';
import { telemetryOptions } from '../../../src/logging/telemetry';

const EMAIL_LIKE = /@|%40/i;

describe('scrubEmails', () => {
  it.each([
    [
      'https://graph.microsoft.com/v1.0/users/grace.okafor@trust.example.nhs.uk/teamwork/installedApps',
      'https://graph.microsoft.com/v1.0/users/[email]/teamwork/installedApps',
    ],
    [
      "/users?$filter=mail%20eq%20'alice.smith%40nhs.net'&$select=id",
      "/users?$filter=mail%20eq%20'[email]'&$select=id",
    ],
    ["/users?$filter=mail eq 'o''neill@nhs.net'", "/users?$filter=mail eq '[email]'"],
    ['Not found: A.N.Other+shadowing@Example-Trust.NHS.UK.', 'Not found: [email].'],
    ['two: a@b.co and c%40d.org', 'two: [email] and [email]'],
    ['%27o%27neill%40nhs.net%27', '%27[email]%27'],
  ])('%s', (text, expected) => {
    expect(scrubEmails(text)).toBe(expected);
  });

  it('leaves ids, paths and times alone', () => {
    const text =
      '/dbs/shadowing/colls/people/docs/ee000000-0000-4000-8000-000000000001 at 2026-03-02T09:00:00Z';
    expect(scrubEmails(text)).toBe(text);
  });
});

describe('the email scrubber in an OpenTelemetry span pipeline', () => {
  it('sends spans on with no email address in their name, attributes, events or status', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [createEmailScrubber(), new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer('test');
    const span = tracer.startSpan('GET /users/alice@nhs.net', {
      kind: SpanKind.CLIENT,
      attributes: {
        'url.full': 'https://graph.microsoft.com/v1.0/users/alice%40nhs.net/manager?$select=id',
        'http.url': 'https://graph.microsoft.com/v1.0/users/alice@nhs.net',
        'url.query': "$filter=mail eq 'bob@trust.nhs.uk'",
        'http.request.method': 'GET',
        'http.response.status_code': 404,
        'server.address': 'graph.microsoft.com',
        tags: ['carol@nhs.net', 'plain'],
      },
    });
    span.recordException(new Error('No user carol@nhs.net in the directory'));
    span.addEvent('lookup dave@nhs.net', { who: 'dave@nhs.net' });
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'GET /users/erin@nhs.net failed' });
    span.end();
    await provider.forceFlush();

    const [exported] = exporter.getFinishedSpans();
    expect(exported).toBeDefined();
    const everything = JSON.stringify({
      name: exported!.name,
      attributes: exported!.attributes,
      events: exported!.events,
      status: exported!.status,
    });
    expect(everything).not.toMatch(EMAIL_LIKE);
    expect(exported!.attributes['url.full']).toBe(
      `https://graph.microsoft.com/v1.0/users/${EMAIL_REPLACEMENT}/manager?$select=id`,
    );
    expect(exported!.attributes['http.response.status_code']).toBe(404);
    expect(exported!.attributes.tags).toEqual([EMAIL_REPLACEMENT, 'plain']);
    await provider.shutdown();
  });

  it('is in the options the service starts Azure Monitor with, with console capture off', () => {
    const options = telemetryOptions('InstrumentationKey=00000000-0000-0000-0000-000000000000');
    expect(options.spanProcessors).toHaveLength(1);
    const span = { name: 'x', attributes: { 'url.full': 'https://h/users/a@b.com' } };
    options.spanProcessors![0]!.onEnd(span as never);
    expect(span.attributes['url.full']).toBe('https://h/users/[email]');
    expect(options.instrumentationOptions?.console?.enabled).toBe(false);
  });
});
