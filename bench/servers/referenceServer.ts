import { createServer } from 'node:http'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'
import { listenInMemory } from './listenInMemory.js'
import { serveBenchServer } from './serveBenchServer.js'

// The stock y-websocket server: in memory, no auth, no persistence (YPERSISTENCE stays unset).
serveBenchServer(async () => {
  delete process.env.YPERSISTENCE
  const wss = new WebSocketServer({ noServer: true })
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' })
    response.end('okay')
  })
  wss.on('connection', (ws, request) => setupWSConnection(ws, request))
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
  })
  return listenInMemory(server)
})
