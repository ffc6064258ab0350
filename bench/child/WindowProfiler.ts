import { writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'

/**
 * A V8 CPU profile of one measuring window (from the bench's `resetStats` to its `stats`), so the profile shows the
 * load being served, not the server starting or seeding its accounts. Written as a `.cpuprofile` file, the format
 * `--cpu-prof` writes.
 */
export class WindowProfiler {
  private readonly session = new Session()
  private running = false
  private windows = 0

  constructor(private readonly dir: string) {
    this.session.connect()
  }

  /** Starts profiling, ending any window still open without writing it. */
  async start(): Promise<void> {
    if (this.running) await this.session.post('Profiler.stop')
    await this.session.post('Profiler.enable')
    await this.session.post('Profiler.start')
    this.running = true
  }

  /** Ends the window and writes its profile. */
  async stop(): Promise<void> {
    if (!this.running) return
    this.running = false
    const { profile } = await this.session.post('Profiler.stop')
    this.windows += 1
    await writeFile(join(this.dir, `window-${process.pid}-${this.windows}.cpuprofile`), JSON.stringify(profile))
  }
}
