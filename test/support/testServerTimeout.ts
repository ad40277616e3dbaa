/**
 * The request timeout for clients of a Cosmos-protocol server that runs in the test's own process:
 * a hang guard only. Production's few seconds are too short when the server shares a busy
 * machine's event loop with the code under test; tests about timeouts set their own.
 */
export const TEST_SERVER_REQUEST_TIMEOUT_MS = 60_000;
