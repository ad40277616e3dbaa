import { Writable } from 'node:stream';
import { createLogger } from '../../../src/logging/logger';
import { requestLogger } from '../../../src/logging/requestLogger';

function capture(): { lines: Array<Record<string, unknown>>; stream: Writable } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('requestLogger', () => {
  it('puts the request id and the activity id on every line, and nothing a person wrote', () => {
    const { lines, stream } = capture();
    const body = {
      id: 'f:activity-1',
      type: 'message',
      text: 'My NHS number is 943 476 5919',
      from: { id: '29:1', name: 'Priya Shah' },
    };
    const log = requestLogger(createLogger('info', stream), { id: () => 'req-1', body });
    log.warn({ problem: 'type is missing' }, 'refused a malformed activity');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      requestId: 'req-1',
      activityId: 'f:activity-1',
      problem: 'type is missing',
    });
    const written = JSON.stringify(lines[0]);
    expect(written).not.toContain('943 476 5919');
    expect(written).not.toContain('Priya');
  });

  it('logs the request id alone when the body is not an activity', () => {
    const { lines, stream } = capture();
    requestLogger(createLogger('info', stream), { id: () => 'req-2', body: 'not json' }).info('request');
    requestLogger(createLogger('info', stream), { id: () => 'req-3', body: { id: 42 } }).info('request');
    expect(lines.map((l) => [l.requestId, l.activityId])).toEqual([
      ['req-2', undefined],
      ['req-3', undefined],
    ]);
  });
});
