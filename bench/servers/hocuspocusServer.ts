import { Server } from '@hocuspocus/server'
import { serveBenchServer } from './serveBenchServer.js'

// Hocuspocus in its default configuration, in memory: no extensions, no hooks.
serveBenchServer(async () => {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false })
  await server.listen()
  return { port: server.address.port, dataDir: null, close: () => server.destroy() }
})
