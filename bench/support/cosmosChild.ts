import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';

/**
 * `BENCH_COSMOS_PLANS=unscanned`: a what-if, never the default. This server answers a query-plan
 * request by running the query over the whole container (every document, whatever the partition),
 * one request at a time, so on it each query costs two scans and the requests behind them wait.
 * Cosmos DB's gateway works a plan out from the query's text and touches no documents. With this
 * setting a plan request is answered at once with a plan of no cross-partition work; the client
 * still sends it and reads the answer. `@azure/cosmos` 4.10.1 neither waits for nor uses the plan
 * of a query scoped to a partition (`QueryIterator.fetchQueryPlan`; the plan is used only after
 * the query itself fails with a cross-partition 400, which this server never answers).
 */
const PLANS_UNSCANNED = process.env.BENCH_COSMOS_PLANS === 'unscanned';

/** The header `@azure/cosmos` puts on a query-plan request. */
const PLAN_HEADER = 'x-ms-cosmos-is-query-plan-request';

/** A plan of a plain filter: no ORDER BY, TOP, DISTINCT, aggregates or grouping, over every range. */
const PLAIN_PLAN = JSON.stringify({
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: 'None',
    top: null,
    offset: null,
    limit: null,
    orderBy: [],
    orderByExpressions: [],
    groupByExpressions: [],
    groupByAliases: [],
    aggregates: [],
    groupByAliasToAggregateType: {},
    rewrittenQuery: '',
    hasSelectValue: false,
    hasNonStreamingOrderBy: false,
  },
  queryRanges: [{ min: '', max: 'FF', isMinInclusive: true, isMaxInclusive: false }],
});

/**
 * @vercel/cosmosdb-server in a process of its own, as a real database would be: its work does not
 * share the event loop of the service being measured. Connections are kept alive, as a real
 * Cosmos DB account keeps them (by default this server closes every connection after one
 * request, which would put a TLS handshake into every store call). Ends when its parent goes.
 */
function main(): void {
  const server = createHttpsServer({ keepAlive: true } as Parameters<typeof createHttpsServer>[0]);
  if (PLANS_UNSCANNED) answerPlansUnscanned(server);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.send?.({
      endpoint: `https://127.0.0.1:${port}`,
      key: Buffer.from('any key will do').toString('base64'),
    });
  });
  process.once('disconnect', () => process.exit(0));
}

/** Puts a plan answered from nothing in front of the server's own handling of plan requests. */
function answerPlansUnscanned(server: ReturnType<typeof createHttpsServer>): void {
  const handlers = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers[PLAN_HEADER] !== 'True') {
      for (const handle of handlers) handle(request, response);
      return;
    }
    request.resume();
    request.once('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-ms-request-charge': '0' });
      response.end(PLAIN_PLAN);
    });
  });
}

main();
