import http from 'http';
import https from 'https';

/**
 * Keep-alive agents for one transport, and a per-attempt view of them that reports a
 * response whose connection closed before its whole body arrived. node-fetch 2 never
 * notices such a body (it pipes the response without its errors) and would wait for the
 * attempt's timeout; this lets the attempt fail at once and be retried.
 */
export class ConnectionAgents {
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  };

  /** The agent node-fetch should use for one attempt; `onCutShort` runs if its body is cut. */
  forAttempt(onCutShort: () => void) {
    return (url: URL): http.Agent => {
      const shared = this.agents[url.protocol as 'http:' | 'https:'];
      const attempt: http.Agent = Object.create(shared);
      (attempt as any).addRequest = (
        request: http.ClientRequest,
        options: unknown,
      ) => {
        request.once('response', (response: http.IncomingMessage) => {
          response.once('close', () => {
            if (!response.complete) onCutShort();
          });
        });
        return (shared as any).addRequest(request, options);
      };
      return attempt;
    };
  }

  destroy(): void {
    Object.values(this.agents).forEach((agent) => agent.destroy());
  }
}
