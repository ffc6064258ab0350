import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { DocumentName } from '../../../shared/documentName.js'
import { EDITOR_SCHEMA_VERSION } from '../../../shared/editor/schemaVersion.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { fitCloseReason } from '../../../shared/protocol/closeReason.js'
import { can, type Role } from '../../../shared/roles.js'
import type { ConnectionControl } from '../http/AppContext.js'
import type { Logger } from '../log.js'
import type { ClosedParagraphs } from '../paragraphStatus/ParagraphGate.js'
import type { SessionService } from '../sessions/SessionService.js'
import { DAMAGED_MESSAGE, DamagedLogError } from '../store/DamagedLogError.js'
import type { Store } from '../store/Store.js'
import type { DocumentHub } from './DocumentHub.js'
import { ProtocolViolation } from './ProtocolViolation.js'
import { SyncConnection, type ConnectionLimits, type MessageCounters } from './SyncConnection.js'

/** Everything the sync endpoint needs. */
export interface SyncEndpointOptions {
  hub: DocumentHub
  store: Store
  sessions: SessionService
  log: Logger
  limits: ConnectionLimits
  maxPayloadBytes: number
  /** Origins whose pages may open sockets; a request without Origin is not from a browser page. */
  allowedOrigins: ReadonlySet<string>
  /** Message counts for /metrics. */
  counters: MessageCounters
  /** How often sockets are pinged; one that has not answered the previous ping is ended. */
  heartbeatMs: number
  /** Awaited after an upgrade's checks, before the socket is accepted: tests hold an upgrade here. */
  beforeAccept?: () => Promise<void>
  /** Each declaration's drafting mode: read before a socket is accepted, then looked up at every change it sends. */
  draftingMode?: { load(name: string): Promise<unknown>; current(name: string): 'open' | 'negotiation' }
  /** Each declaration's closed (agreed) paragraphs: read before a socket is accepted, then looked up at every change. */
  closedParagraphs?: ClosedParagraphs
}

/** An open connection, with what a change of access selects it by. */
interface ConnectionEntry {
  declaration: string
  /** The session that opened it. */
  tokenHash: string
  connection: SyncConnection
}

const noneClosed: ReadonlySet<string> = new Set()

/** The longest delay a Node timer takes (24 days); sessions last a week by default. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** Refuses an upgrade with an HTTP status and a JSON body, before any websocket exists. */
function refuse(socket: Duplex, status: number, error: string, message: string): void {
  const body = JSON.stringify({ error, message })
  const reason = ({ 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' } as Record<number, string>)[status] ?? 'Error'
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

/** The document name in the raw path /sync/<name>, undecoded, or null when it is not a valid name. */
function documentNameOf(path: string): string | null {
  const match = /^\/sync\/([^/]+)$/.exec(path)
  if (!match?.[1]) return null
  const parsed = DocumentName.safeParse(match[1])
  return parsed.success ? parsed.data : null
}

/** The single upgrade entry point: path, name, session and declaration are checked before the upgrade. */
export function createSyncEndpoint(options: SyncEndpointOptions) {
  const { hub, store, sessions, log, limits } = options
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes })
  let nextConnection = 0
  /** Set at shutdown: a client reconnecting while the last saves run must not be let in. */
  let shuttingDown = false
  /** Open connections by participant, so a change of access can end them. */
  const byParticipant = new Map<string, Set<ConnectionEntry>>()

  // Congress Wi-Fi drops sockets without a close; a socket that misses a ping round is ended.
  const answered = new WeakSet<WebSocket>()
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!answered.has(ws)) {
        ws.terminate()
        continue
      }
      answered.delete(ws)
      ws.ping()
    }
  }, options.heartbeatMs)
  heartbeat.unref()

  /** Why this role may not change the text now, or null; the mode is read at each change, so a switch applies at once. */
  const writeRefusal = (name: string, role: Role): ProtocolViolation | null => {
    if (!can(role, 'text.edit')) return new ProtocolViolation(CloseCode.readOnly, 'Your role in this declaration is read-only; the change was not applied.')
    if (options.draftingMode?.current(name) === 'negotiation' && !can(role, 'text.editInNegotiation')) {
      return new ProtocolViolation(CloseCode.changeRefused, 'The declaration is in negotiation: propose an amendment instead; the change was not applied.')
    }
    return null
  }

  const handleUpgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    // The raw path, never normalised: "%2e%2e" and friends must be refused, not resolved.
    if (shuttingDown) return refuse(socket, 503, 'shutting_down', 'The server is restarting; try again in a moment.')
    const [path = '/', query = ''] = (request.url ?? '/').split('?', 2)
    if (!path.startsWith('/sync/')) return refuse(socket, 404, 'not_found', 'No websocket endpoint here.')
    const name = documentNameOf(path)
    if (!name) return refuse(socket, 400, 'bad_document_name', 'Document names are lowercase words joined by hyphens.')
    const origin = request.headers.origin
    if (origin !== undefined && !options.allowedOrigins.has(origin)) {
      log.warn('access_denied', { path, status: 403, reason: 'origin', origin })
      return refuse(socket, 403, 'forbidden_origin', 'Connections from this origin are refused.')
    }
    const session = await sessions.identify(request)
    if (!session) {
      log.warn('access_denied', { path, status: 401, reason: 'unauthenticated' })
      return refuse(socket, 401, 'unauthenticated', 'Sign in to open this declaration.')
    }
    if (!(await store.getDeclaration(name))) return refuse(socket, 404, 'unknown_declaration', `There is no declaration "${name}".`)
    const role = await store.getRole(name, session.participant.id)
    if (!can(role, 'declaration.read')) {
      log.warn('access_denied', { path, status: 403, reason: 'no_role', participant: session.participant.id })
      return refuse(socket, 403, 'forbidden', 'You take no part in this declaration.')
    }
    const { identity } = session
    await options.draftingMode?.load(name)
    await options.closedParagraphs?.load(name)
    await options.beforeAccept?.()
    if (shuttingDown) return refuse(socket, 503, 'shutting_down', 'The server is restarting; try again in a moment.')

    wss.handleUpgrade(request, socket, head, (ws) => {
      answered.add(ws)
      ws.on('pong', () => answered.add(ws))
      const id = `c${(nextConnection += 1)}`
      const schema = new URLSearchParams(query).get('schema')
      // Stock y-websocket clients send no schema; a Kelisim editor with another schema could delete content.
      if (schema !== null && schema !== String(EDITOR_SCHEMA_VERSION)) {
        ws.close(CloseCode.schemaMismatch, 'This page is out of date; reload it.')
        return
      }
      const mine = byParticipant.get(identity.id) ?? new Set()
      if (mine.size >= limits.maxConnectionsPerPerson) {
        log.warn('sync_connections_exceeded', { document: name, participant: identity.id, open: mine.size })
        options.counters.connectionsRefused += 1
        ws.close(CloseCode.tooManyConnections, fitCloseReason(`You have ${mine.size} connections open, the most one person may; close a tab or window and reload.`))
        return
      }
      const user = { name: identity.name, delegation: identity.delegation, role: role!, color: identity.delegation.color }
      const connection = new SyncConnection(id, identity.id, ws, socket, user, () => writeRefusal(name, role!), () => options.closedParagraphs?.closed(name) ?? noneClosed, limits, log, options.counters)
      options.counters.connectionsOpened += 1
      const entry = { declaration: name, tokenHash: session.tokenHash, connection }
      byParticipant.set(identity.id, mine.add(entry))
      // A sign-out during the upgrade found no socket to close; now that this one is listed, its session is looked up again.
      store.getSession(session.tokenHash).then(
        (current) => {
          if (!current) connection.close(CloseCode.unauthorized, 'Your session has ended; sign in again.')
        },
        (error: unknown) => log.error('session_recheck_failed', { connection: id, error: String(error) }),
      )
      log.info('sync_connected', { connection: id, document: name, participant: identity.id, role })
      let attachedTo: Awaited<ReturnType<DocumentHub['acquire']>> | null = null
      let gone = false
      // A socket outlives no session: at its end the client is told to sign in again.
      const remaining = session.expiresAt - Date.now()
      const expiry =
        remaining <= MAX_TIMER_MS ? setTimeout(() => connection.close(CloseCode.unauthorized, 'Your session has ended; sign in again.'), remaining) : undefined
      // ws closes a socket with 1009 itself when a frame is over the limit, but then never reads the client's close frame.
      let refusedWith: number | null = null
      ws.on('close', (code: number) => {
        clearTimeout(expiry)
        gone = true
        mine.delete(entry)
        if (mine.size === 0) byParticipant.delete(identity.id)
        log.info('sync_disconnected', { connection: id, document: name, code: refusedWith ?? code })
        if (!attachedTo) return
        attachedTo.removePeer(connection)
        hub.release(attachedTo)
      })
      ws.on('error', (error: Error & { code?: string }) => {
        if (error.code !== 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') return log.warn('sync_socket_error', { connection: id, error: String(error) })
        refusedWith = CloseCode.tooLarge
        options.counters.connectionsRefused += 1
        log.warn('sync_message_refused', { connection: id, document: name, code: CloseCode.tooLarge, reason: `A frame over ${options.maxPayloadBytes} bytes.` })
      })
      hub.acquire(name).then(
        (document) => {
          if (gone) return hub.release(document)
          attachedTo = document
          connection.attach(document)
        },
        (error: unknown) => {
          log.error('document_load_failed', { document: name, error: String(error) })
          if (error instanceof DamagedLogError) connection.close(CloseCode.documentDamaged, DAMAGED_MESSAGE)
          else connection.close(CloseCode.tryAgainLater, 'The declaration could not be loaded; retrying.')
        },
      )
    })
  }

  /** Closes a participant's connections that match; returns how many. */
  const closeWhere = (participantId: string, matches: (entry: ConnectionEntry) => boolean, code: number, reason: string): number => {
    const chosen = [...(byParticipant.get(participantId) ?? [])].filter(matches)
    for (const entry of chosen) entry.connection.close(code, reason)
    return chosen.length
  }

  const endpoint = {
    handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      handleUpgrade(request, socket, head).catch((error: unknown) => {
        log.error('upgrade_failed', { error: String(error) })
        refuse(socket, 500, 'internal', 'The server could not open this connection.')
      })
    },
    /** Connections open now. */
    get connections(): number {
      return wss.clients.size
    },
    disconnect(participantId: string, declaration: string | null, code: number, reason: string): number {
      return closeWhere(participantId, (entry) => declaration === null || entry.declaration === declaration, code, reason)
    },
    disconnectSession(participantId: string, tokenHash: string, code: number, reason: string): number {
      return closeWhere(participantId, (entry) => entry.tokenHash === tokenHash, code, reason)
    },
    /** Refuses new connections and closes every open one with a code that tells clients to come back. */
    closeAll(): void {
      shuttingDown = true
      clearInterval(heartbeat)
      // Through each connection first, so frames waiting for the end of this turn leave before the close frame.
      for (const entries of byParticipant.values()) for (const { connection } of entries) connection.close(CloseCode.serverShuttingDown, 'The server is restarting.')
      for (const ws of wss.clients) ws.close(CloseCode.serverShuttingDown, 'The server is restarting.')
    },
  }
  return endpoint satisfies ConnectionControl
}

/** The running sync endpoint. */
export type SyncEndpoint = ReturnType<typeof createSyncEndpoint>
