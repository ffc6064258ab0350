import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { StartedServer } from './serveBenchServer.js'

/** Listens on a free loopback port for a bench server that keeps nothing on disk, and closes it with its sockets. */
export async function listenInMemory(server: Server): Promise<StartedServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    dataDir: null,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
