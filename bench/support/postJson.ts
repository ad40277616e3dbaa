import http from 'node:http';

export interface PostResult {
  status: number;
  body: string;
}

/** A keep-alive client for loopback HTTP, so connection set-up is not in the figures. */
export function createClient(maxSockets: number): {
  post(url: string, body: unknown): Promise<PostResult>;
  close(): void;
} {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    post: (url, body) =>
      new Promise<PostResult>((resolve, reject) => {
        const payload = Buffer.from(JSON.stringify(body));
        const request = http.request(
          url,
          {
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': payload.length },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
            );
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(payload);
      }),
    close: () => agent.destroy(),
  };
}
