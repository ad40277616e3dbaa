import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { submitVerbIn } from '../../../src/teams/submitVerbIn';

const selects = (activity: Partial<Activity>) =>
  submitVerbIn(['my_requests', 'draft_submit'])(new TurnContext(new TestAdapter(), activity));

describe('submitVerbIn', () => {
  it('selects an Action.Submit whose verb is one of those given', async () => {
    expect(await selects({ type: 'message', value: { verb: 'my_requests' } })).toBe(true);
    expect(await selects({ type: 'message', text: '', value: { verb: 'draft_submit', offerId: 'x' } })).toBe(
      true,
    );
  });

  it('leaves alone any other verb, a verb that is not text, typed text, and other activities', async () => {
    expect(await selects({ type: 'message', value: { verb: 'decide' } })).toBe(false);
    expect(await selects({ type: 'message', value: { verb: ['my_requests'] } })).toBe(false);
    expect(await selects({ type: 'message', value: {} })).toBe(false);
    expect(await selects({ type: 'message', text: 'my requests', value: { verb: 'my_requests' } })).toBe(
      false,
    );
    expect(await selects({ type: 'message', text: 'my requests' })).toBe(false);
    expect(await selects({ type: 'invoke', value: { verb: 'my_requests' } })).toBe(false);
  });
});
