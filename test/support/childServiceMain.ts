import { main } from '../../src/main';
import { TEST_SERVER_REQUEST_TIMEOUT_MS } from './testServerTimeout';

/**
 * What a test starts in a process of its own (see startChildService): the service as
 * `node src/main.ts` runs it, except that its requests to a Cosmos-protocol server in the test's
 * process wait as long as the test's own do. With production's 2.5 s, a busy machine could fail
 * the child's store requests while the test's server waited for the CPU.
 */
void main({ cosmosRequestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS });
