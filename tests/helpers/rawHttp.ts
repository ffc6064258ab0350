import http from 'node:http'

/** An HTTP answer read without any client-side URL clean-up. */
export interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
  /** The body parsed as JSON, or null when it is not JSON. */
  json: unknown
}

/**
 * Sends a request with the path and body bytes exactly as given: fetch would resolve `%2e%2e` and `..` segments and
 * re-encode the body, which is what these requests are about. Websocket upgrades answer with their status.
 */
export function rawRequest(port: number, method: string, path: string, options: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path, headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown = null
        try {
          json = JSON.parse(text)
        } catch {
          json = null
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json })
      })
      response.on('error', reject)
    })
    // An upgrade the server accepts: only its status matters here.
    request.on('upgrade', (response, socket) => {
      socket.destroy()
      resolve({ status: response.statusCode ?? 0, headers: response.headers, text: '', json: null })
    })
    request.on('error', reject)
    request.end(options.body)
  })
}

/** The headers of a websocket upgrade request. */
export const upgradeHeaders = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' }

/** The status of a websocket upgrade to the path exactly as given (101 when accepted). */
export async function upgradeStatus(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return (await rawRequest(port, 'GET', path, { headers: { ...upgradeHeaders, ...headers } })).status
}
