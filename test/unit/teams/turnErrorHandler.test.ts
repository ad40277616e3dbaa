import type { TurnContext } from 'botbuilder';
import { captureLogs } from '../../support/logCapture';
import { UnreadableDocumentError } from '../../../src/store/documentStore';
import { createTurnErrorHandler } from '../../../src/teams/turnErrorHandler';

function contextFor(activity: Record<string, unknown>) {
  const sent: unknown[] = [];
  const context = {
    activity,
    sendActivity: async (message: unknown) => void sent.push(message),
  } as unknown as TurnContext;
  return { context, sent };
}

describe('the turn-error handler', () => {
  it('apologises, with a reference, to someone whose message failed', async () => {
    const { logger, lines } = captureLogs();
    const { context, sent } = contextFor({ type: 'message', id: 'm-1', conversation: { id: 'a:1' } });
    await createTurnErrorHandler(logger)(context, new Error('boom'));
    expect(sent).toEqual([
      expect.stringMatching(/^Sorry, something went wrong on my side.*reference: [0-9A-F]{8}\.$/),
    ]);
    expect(lines).toEqual([expect.objectContaining({ msg: 'turn failed', activityId: 'm-1' })]);
  });

  it('sends nothing during a proactive send, which nobody asked for, and logs the failure', async () => {
    const { logger, lines } = captureLogs();
    const { context, sent } = contextFor({
      type: 'event',
      name: 'ContinueConversation',
      conversation: { id: 'a:2' },
    });
    await createTurnErrorHandler(logger)(context, new Error('503'));
    expect(sent).toEqual([]);
    expect(lines).toEqual([expect.objectContaining({ msg: 'turn failed', activityType: 'event' })]);
  });

  it('tells the person a record it needs is damaged, and names the record in the log only', async () => {
    const { logger, lines } = captureLogs();
    const { context, sent } = contextFor({ type: 'message', id: 'm-3', conversation: { id: 'a:3' } });
    await createTurnErrorHandler(logger)(context, new UnreadableDocumentError('people', 'p-42'));
    expect(sent).toEqual([
      expect.stringMatching(
        /^Sorry, a record I need for this is damaged and cannot be read, so I could not finish it\. Nothing you have already told me is lost\. So that it can be put right, please give your IT service desk this reference: [0-9A-F]{8}\.$/,
      ),
    ]);
    expect(String(sent[0])).not.toContain('p-42');
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'turn failed', unreadableDocument: 'people/p-42' }),
    ]);
  });
});
