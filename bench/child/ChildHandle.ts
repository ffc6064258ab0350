import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import type { Reply, Request } from './serveRequests.js'

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0

/** How to start a bench child. */
export interface ChildSpec {
  script: string
  /** Pin to this CPU core when `taskset` exists. */
  core: number
  env?: Record<string, string>
  /** Extra Node flags, such as `--cpu-prof`. */
  nodeFlags?: string[]
}

/** A bench child process (a server or the load generator) that answers requests over IPC. */
export class ChildHandle {
  private nextId = 1
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  private exited = false

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id)
      this.waiting.delete(reply.id)
      if ('error' in reply) waiter?.reject(new Error(reply.error))
      else waiter?.resolve(reply.result)
    })
    child.on('exit', (code) => {
      this.exited = true
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`bench child exited with ${code}`))
      this.waiting.clear()
    })
  }

  /** Whether children are pinned to cores on this machine. */
  static get pinned(): boolean {
    return hasTaskset
  }

  /** Starts a child, pinned to its core where possible: plain `node` for built JavaScript, tsx for TypeScript. */
  static start(spec: ChildSpec): ChildHandle {
    const loader = spec.script.endsWith('.ts') ? ['--import', 'tsx'] : []
    const node = [process.execPath, '--expose-gc', ...(spec.nodeFlags ?? []), ...loader, spec.script]
    const [command, ...args] = hasTaskset ? ['taskset', '-c', String(spec.core), ...node] : node
    const child = spawn(command!, args, {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...spec.env },
    })
    return new ChildHandle(child)
  }

  get pid(): number {
    return this.child.pid ?? 0
  }

  /** Asks the child to run one method and waits for its answer. */
  call<T>(method: string, params: unknown = null): Promise<T> {
    if (this.exited) return Promise.reject(new Error('bench child has exited'))
    const id = this.nextId++
    const request: Request = { id, method, params }
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.child.send(request)
    })
  }

  /** Ends the child (it exits when its IPC channel closes) and waits for it. */
  stop(): Promise<void> {
    if (this.exited) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000)
      this.child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      this.child.disconnect()
    })
  }
}
