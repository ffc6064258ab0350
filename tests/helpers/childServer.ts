import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** A server in its own process, as `npm start` runs it, so it can be killed for real. */
export interface ChildServer {
  process: ChildProcess
  url: string
  wsUrl: string
  /** Resolves when the process has exited. */
  exited: Promise<number | null>
}

/**
 * Starts server/src/main.ts (or another `entry` that starts the server) in a child process on a free port and waits
 * until it listens; `launcher` runs it (strace, say).
 */
export function startChildServer(dataDir: string, env: Record<string, string> = {}, launcher: string[] = [], entry = 'server/src/main.ts'): Promise<ChildServer> {
  const [command, ...args] = [...launcher, process.execPath, '--import', 'tsx', entry]
  const child = spawn(command!, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      try {
        const event = JSON.parse(line) as { event?: string; port?: number }
        if (event.event === 'listening' && event.port) {
          resolve({ process: child, url: `http://127.0.0.1:${event.port}`, wsUrl: `ws://127.0.0.1:${event.port}/sync`, exited })
        }
      } catch {
        // Not a log line.
      }
    })
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening: ${stderr}`)))
  })
}
