import { seedWorkflow } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/**
 * A test's store is closed only once the work its services file after an answer has settled, as
 * the service waits for it at shutdown: a follow-up still running at teardown is not left to fail
 * against a closed store and log an error after the test has passed.
 */
describe.each(STORE_SUBJECTS)('tearing down a test store ($name)', (subject) => {
  it('waits for a follow-up in flight, which still reaches the store', async () => {
    const opened = await subject.open();
    const workflow = await seedWorkflow(opened.store);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    const followUp = workflow.services.afterAnswer.run(
      async () => {
        await released;
        await opened.store.query('requests', { partitionKey: 'nobody' });
        seen.push('follow-up read the store');
        return [];
      },
      { requestId: 'a-request', job: 'a follow-up held until released' },
    );
    const closed = opened.cleanup().then(() => seen.push('store closed'));
    // The teardown goes as far as it can before the follow-up is let go.
    await new Promise((resolve) => setImmediate(resolve));
    seen.push('released');
    release();
    await followUp.catch((error: unknown) => seen.push(`follow-up failed: ${String(error)}`));
    await closed;
    expect(seen).toEqual(['released', 'follow-up read the store', 'store closed']);
  });
});
