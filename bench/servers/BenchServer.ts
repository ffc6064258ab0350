import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { ChildHandle } from '../child/ChildHandle.js'
import type { ProcessStats } from '../child/ProcessMeter.js'
import type { Target } from '../load/wireDialect.js'
import type { MemoryAfterGc, ServerInfo } from './serveBenchServer.js'
import { startEnvironment } from '../../scripts/startEnvironment.js'
import { BUILT_KELISIM_SERVER } from './buildKelisimServer.js'
import type { ServerKind } from './ServerKind.js'

// Kelisim runs built (bench/run.ts builds it first); the peers are started as their users start them, under Node.
const scripts: Record<ServerKind, string> = {
  kelisim: BUILT_KELISIM_SERVER,
  reference: fileURLToPath(new URL('./referenceServer.ts', import.meta.url)),
  hocuspocus: fileURLToPath(new URL('./hocuspocusServer.ts', import.meta.url)),
  floor: fileURLToPath(new URL('./floorServer.ts', import.meta.url)),
}

/** The core servers run on; the load generator gets the other one. */
export const SERVER_CORE = 0

/** Where CPU profiles of each measuring window go with `--profile`, one folder per server. */
export const PROFILE_DIR = fileURLToPath(new URL('../results/profiles/', import.meta.url))

/** One server under test, in its own pinned process, with the session tokens the load presents. */
export class BenchServer {
  private constructor(
    readonly kind: ServerKind,
    private readonly child: ChildHandle,
    readonly info: ServerInfo,
    /** Editors' tokens: Kelisim checks them, the peers ignore them. */
    readonly tokens: string[],
  ) {}

  /** Starts a fresh server; Kelisim makes `accounts` editor accounts, each with one session. */
  static async start(kind: ServerKind, basePath: string, profile: boolean, accounts: number): Promise<BenchServer> {
    const profileDir = `${PROFILE_DIR}${kind}`
    if (profile) await mkdir(profileDir, { recursive: true })
    const child = ChildHandle.start({
      script: scripts[kind],
      core: SERVER_CORE,
      // Kelisim gets the environment `npm start` gives it; the peers are started as their users start them.
      env: { ...(kind === 'kelisim' ? startEnvironment() : {}), BENCH_LARGE_BASE: basePath, BENCH_ACCOUNTS: String(accounts), ...(profile ? { BENCH_PROFILE_DIR: profileDir } : {}) },
    })
    const info = await child.call<ServerInfo>('info')
    return new BenchServer(kind, child, info, info.tokens ?? ['none'])
  }

  get url(): string {
    return `http://127.0.0.1:${this.info.port}`
  }

  /** A document on this server, as the load generator addresses it. */
  target(document: string): Target {
    return { kind: this.kind, port: this.info.port, document }
  }

  resetStats(): Promise<void> {
    return this.child.call('resetStats')
  }

  stats(): Promise<ProcessStats> {
    return this.child.call('stats')
  }

  /** RSS and the JS heap in use after garbage collection, in bytes. */
  memoryAfterGc(): Promise<MemoryAfterGc> {
    return this.child.call('memoryAfterGc')
  }

  stop(): Promise<void> {
    return this.child.stop()
  }
}
