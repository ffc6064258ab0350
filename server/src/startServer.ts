import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { join } from 'node:path'
import { createApp } from './http/createApp.js'
import { RequestsUnderWay } from './http/RequestsUnderWay.js'
import { startingApp } from './http/startingApp.js'
import { ApiProblem } from './http/ApiProblem.js'
import { createLogger, type Logger } from './log.js'
import { SignInLimiter, type SignInLimits } from './auth/SignInLimiter.js'
import type { ServerHooks } from './serverHooks.js'
import { Metrics } from './metrics/Metrics.js'
import { AmendmentService, type DecisionEvent } from './negotiation/AmendmentService.js'
import { FileAmendmentStore } from './negotiation/FileAmendmentStore.js'
import { FileParagraphStatusStore } from './paragraphStatus/FileParagraphStatusStore.js'
import { ParagraphGate } from './paragraphStatus/ParagraphGate.js'
import { ParagraphStatusService, type StatusEvent } from './paragraphStatus/ParagraphStatusService.js'
import { broadcastAmendment } from './routes/amendments/presentAmendment.js'
import { BracketService, type BracketEvent } from './brackets/BracketService.js'
import { FileBracketStore } from './brackets/FileBracketStore.js'
import { demoAccounts } from './seed/demoAccounts.js'
import { seedDemo } from './seed/seedDemo.js'
import { SessionService } from './sessions/SessionService.js'
import { FileSilenceStore } from './silence/FileSilenceStore.js'
import { systemClock, type SilenceClock } from './silence/SilenceClock.js'
import { SilenceService } from './silence/SilenceService.js'
import { checkDataDirectory, DATA_FOLDERS, lockDataDirectory, StartupError } from './store/dataDirectory.js'
import { LowStore } from './store/LowStore.js'
import type { ServerConfig } from './config.js'
import { MAX_FRAME_BYTES } from '../../shared/protocol/syncLimits.js'
import { DocumentHub } from './sync/DocumentHub.js'
import type { SaveOptions } from './sync/DocumentSaver.js'
import type { ConnectionLimits } from './sync/SyncConnection.js'
import { createSyncEndpoint } from './sync/syncUpgrade.js'
import { TextReader } from './versions/TextReader.js'
import type { NegotiationStateSource } from './versions/NegotiationStateSource.js'
import { VersionService } from './versions/VersionService.js'

/** A running Kelisim server. */
export interface RunningServer {
  /** http://host:port of the server. */
  url: string
  port: number
  hub: DocumentHub
  /** Saves everything, closes every connection and releases the data folder. */
  close(): Promise<void>
}

/** Optional tuning, mostly for tests. */
export interface StartOptions {
  log?: Logger
  save?: Partial<SaveOptions>
  limits?: Partial<ConnectionLimits>
  sessionTtlMs?: number
  invitationTtlMs?: number
  /** Holds each websocket upgrade after its checks, before it is accepted (for tests of what can happen meanwhile). */
  beforeSocketAccepted?: () => Promise<void>
  signInLimits?: Partial<SignInLimits>
  /** Where tests hold the server to force an order of events. */
  hooks?: ServerHooks
  /** Told of each moment of an amendment decision, and awaited there (tests hold accepts between their steps). */
  amendmentDecisionHook?: (event: DecisionEvent) => Promise<void>
  /** Told of each bracket resolution's arrival, and holds it between its text change and its record (for tests). */
  bracketResolutionHook?: (event: BracketEvent) => Promise<void>
  /** The clock silence deadlines are kept by (tests drive their own). */
  clock?: SilenceClock
  /** Told of each status change's arrival, and holds one between closing its paragraph and storing it (for tests). */
  paragraphStatusHook?: (event: StatusEvent) => Promise<void>
  /** Where a frozen version's negotiation state comes from instead of the server's own statuses and brackets (tests give theirs). */
  negotiation?: NegotiationStateSource[]
}

const DAY = 24 * 60 * 60 * 1000

// Past five wrong passwords a login waits 1, 2, 4 ... at most 60 seconds between attempts: slow for guessing, short for its owner.
const defaultSignInLimits: SignInLimits = { perLogin: 5, perAddress: 200, perDevice: 10, windowMs: 15 * 60 * 1000, maxPaceMs: 60_000 }

const defaultSave: SaveOptions = { commitDelayMs: 20, compactAfterRecords: 2000, retryDelayMs: 1000 }

/**
 * Typing with cursor moves is a few dozen messages a second; a budget ten times that only stops floods. A message costs
 * one token plus one per 8 KiB, so the burst is also about 8 MiB. A page sends a handful of messages before its
 * declaration loads (sync step 1, presence, its unsent changes: at most one 1 MiB frame of them).
 */
export const defaultLimits: ConnectionLimits = {
  maxBufferedBytes: 16 * 1024 * 1024,
  budget: { perSecond: 300, burst: 1000 },
  maxThrottles: 3,
  throttleWindowMs: 10_000,
  maxEarlyMessages: 64,
  maxEarlyBytes: 2 * 1024 * 1024,
  maxConnectionsPerPerson: 8,
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new StartupError(`Port ${port} on ${host} is already in use; set PORT to another port.`))
      else if (error.code === 'EACCES') reject(new StartupError(`Port ${port} on ${host} needs privileges this process lacks; set PORT above 1023.`))
      else reject(new StartupError(`Cannot listen on ${host}:${port} (${error.code ?? error.message}).`))
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
}

/** How long a shutdown waits for the requests being answered before it cuts them. */
const SHUTDOWN_GRACE_MS = 5_000

/** Starts the server: checks the data folder and the port before writing anything, then opens the store. */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger()
  await checkDataDirectory(config.dataDir)

  let ready: RequestListener | null = null
  const starting = startingApp(log)
  const server = createServer((request, response) => (ready ?? starting)(request, response))
  const underWay = new RequestsUnderWay(server)
  // Requests Node cannot parse (headers over 16 kB, bad framing) get a JSON refusal too, not a bare status line.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return socket.destroy()
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
    // A request Node could not parse has no headers to read a language from, so its message is the English one.
    const problem = tooLarge ? new ApiProblem(431, 'headers_too_large') : new ApiProblem(400, 'bad_request')
    const body = JSON.stringify({ error: problem.code, message: problem.message })
    socket.end(`HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
  })
  await listen(server, config.port, config.host)

  let unlock: () => Promise<void>
  let store: LowStore
  let amendmentStore: FileAmendmentStore
  let bracketStore: FileBracketStore
  let silenceStore: FileSilenceStore
  let statusStore: FileParagraphStatusStore
  try {
    unlock = await lockDataDirectory(config.dataDir)
    store = await LowStore.open(config.dataDir, log)
    amendmentStore = await FileAmendmentStore.create(join(config.dataDir, DATA_FOLDERS.amendments))
    bracketStore = await FileBracketStore.create(join(config.dataDir, DATA_FOLDERS.brackets))
    silenceStore = await FileSilenceStore.create(join(config.dataDir, DATA_FOLDERS.silence))
    statusStore = await FileParagraphStatusStore.create(join(config.dataDir, DATA_FOLDERS.paragraphStatuses))
    if (config.demo) await seedDemo(store, log)
  } catch (error) {
    server.close()
    throw error
  }

  const port = (server.address() as AddressInfo).port
  const url = `http://${config.host}:${port}`
  const allowedOrigins = new Set([url, `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...config.extraOrigins])
  const sessions = new SessionService(store, options.sessionTtlMs ?? 7 * DAY)
  const metrics = new Metrics()
  const reader = new TextReader(log)
  const lockOf = async (name: string) => {
    const lockedVersion = (await store.getDeclaration(name))?.lockedVersion
    const version = lockedVersion ? (await store.versions.list(name)).find((candidate) => candidate.id === lockedVersion) : undefined
    return version ? { id: version.id, name: version.name } : null
  }
  const hub = new DocumentHub(store.documents, { ...defaultSave, onSaved: (ms) => metrics.recordSave(ms), ...options.save }, log, lockOf, reader, options.hooks)
  const gate = new ParagraphGate(statusStore)
  const amendments = new AmendmentService(amendmentStore, hub, store.audit, {
    log,
    hook: options.amendmentDecisionHook,
    announce: async (declaration, amendment) => void (await broadcastAmendment(store, hub, declaration, amendment)),
    paragraphs: gate,
  })
  const paragraphStatuses = new ParagraphStatusService(statusStore, gate, amendments, hub, store.audit, options.paragraphStatusHook)
  const brackets = new BracketService(bracketStore, hub, store.audit, options.bracketResolutionHook)
  // A frozen version captures the paragraph statuses, brackets and alternatives with its text.
  const versions = new VersionService(store, hub, reader, log, amendments, options.hooks, options.negotiation ?? [paragraphStatuses, brackets], gate)
  await versions.checkAll()
  await amendments.recover((await store.listDeclarations()).map((declaration) => declaration.name))
  const silence = new SilenceService(silenceStore, store, versions, hub, log, options.clock ?? systemClock, options.hooks)
  // Before any request: a deadline that passed while the server was down is decided now.
  await silence.resume()
  const sync = createSyncEndpoint({
    hub,
    store,
    sessions,
    log,
    limits: { ...defaultLimits, ...(config.connectionsPerPerson ? { maxConnectionsPerPerson: config.connectionsPerPerson } : {}), ...options.limits },
    maxPayloadBytes: MAX_FRAME_BYTES,
    heartbeatMs: 30_000,
    allowedOrigins,
    counters: metrics,
    beforeAccept: options.beforeSocketAccepted,
    draftingMode: { load: (name) => amendmentStore.mode(name), current: (name) => amendmentStore.currentMode(name) },
    closedParagraphs: gate,
  })
  const app = createApp(
    {
      store,
      sessions,
      log,
      limiter: new SignInLimiter({ ...defaultSignInLimits, ...options.signInLimits }, options.hooks),
      connections: sync,
      hub,
      amendments,
      brackets,
      silence,
      paragraphStatuses,
      allowedOrigins,
      secureCookies: config.secureCookies ?? false,
      demoAccounts: config.demo ? demoAccounts : null,
      invitationTtlMs: options.invitationTtlMs ?? 7 * DAY,
    },
    versions,
    () => metrics.render({ connections: sync.connections, documents: hub.size }),
    config.clientDir,
  )
  ready = app
  server.on('upgrade', sync.handleUpgrade)
  log.info('listening', { url, port, dataDir: config.dataDir, demo: config.demo })

  let closing: Promise<void> | null = null
  return {
    url,
    port,
    hub,
    close: () => {
      closing ??= (async () => {
        // Stop taking connections first, so nothing new arrives while the last changes are saved.
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        silence.close()
        sync.closeAll()
        // An answer under way (an accept writes the text, then its record) finishes before the text is saved and the stores close.
        await underWay.finished(SHUTDOWN_GRACE_MS)
        await hub.closeAll()
        server.closeAllConnections()
        await stopped
        await amendmentStore.close()
        await bracketStore.close()
        await silenceStore.close()
        await statusStore.close()
        await store.close()
        await reader.close()
        metrics.stop()
        await unlock()
        log.info('stopped', {})
      })()
      return closing
    },
  }
}
