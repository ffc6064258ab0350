import { ProcessMeter } from '../child/ProcessMeter.js'
import { serveRequests } from '../child/serveRequests.js'
import { WindowProfiler } from '../child/WindowProfiler.js'

/** A server started inside a bench child. */
export interface StartedServer {
  port: number
  /** Where it keeps its data, for servers that save. */
  dataDir: string | null
  /** Session tokens for the bench's accounts, on servers that check them. */
  tokens?: string[]
  close(): Promise<void>
}

/** What a server child tells the bench once it listens. */
export interface ServerInfo {
  port: number
  dataDir: string | null
  pid: number
  tokens?: string[]
}

/** A server process's memory once garbage is collected, in bytes. */
export interface MemoryAfterGc {
  rss: number
  heapUsed: number
}

/** Runs a server in this child and answers the bench's questions about it: resource use, memory after GC. */
export function serveBenchServer(start: () => Promise<StartedServer>): void {
  const meter = new ProcessMeter()
  const profiler = process.env.BENCH_PROFILE_DIR ? new WindowProfiler(process.env.BENCH_PROFILE_DIR) : null
  const started = start()
  serveRequests(
    {
      info: async (): Promise<ServerInfo> => {
        const server = await started
        return { port: server.port, dataDir: server.dataDir, pid: process.pid, ...(server.tokens ? { tokens: server.tokens } : {}) }
      },
      resetStats: async () => {
        meter.reset()
        await profiler?.start()
      },
      stats: async () => {
        const stats = meter.read()
        await profiler?.stop()
        return stats
      },
      memoryAfterGc: async (): Promise<MemoryAfterGc> => {
        // Two passes and a turn of the loop let weak references and finalizers settle before reading memory.
        globalThis.gc?.()
        await new Promise((resolve) => setTimeout(resolve, 50))
        globalThis.gc?.()
        const { rss, heapUsed } = process.memoryUsage()
        return { rss, heapUsed }
      },
    },
    async () => {
      await (await started).close()
    },
  )
}
