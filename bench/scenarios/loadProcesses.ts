import type { BenchOptions } from '../benchOptions.js'
import { ChildHandle } from '../child/ChildHandle.js'
import type { ProcessStats } from '../child/ProcessMeter.js'

/** Receivers one load process times at most by default; past this its own event loop starts to show in the latencies. */
const RECEIVERS_PER_PROCESS = 250

/** How many load processes time `receivers`: `--load-processes` when given, else enough for the default share each. */
export function loadProcessesFor(options: BenchOptions, receivers: number): number {
  return options.loadProcesses ?? Math.max(1, Math.ceil(receivers / RECEIVERS_PER_PROCESS))
}

/** The load processes of a bench run: the writers' one, and more that only receive, started when first needed. */
export class LoadProcesses {
  private readonly extra: ChildHandle[] = []

  constructor(
    readonly main: ChildHandle,
    private readonly script: string,
    private readonly core: number,
  ) {}

  /** The writers' process and `count - 1` receiving ones. */
  take(count: number): ChildHandle[] {
    while (this.extra.length < count - 1) this.extra.push(ChildHandle.start({ script: this.script, core: this.core }))
    return [this.main, ...this.extra.slice(0, count - 1)]
  }

  /** Every load process started so far. */
  all(): ChildHandle[] {
    return [this.main, ...this.extra]
  }

  /** Ends every process. */
  async stop(): Promise<void> {
    await Promise.all(this.all().map((load) => load.stop()))
  }
}

/**
 * The load processes as one generator: they share one core, so their CPU shares add up to that core's use (four at
 * 30% each have saturated it), and the event-loop delays are the worst of any of them.
 */
export function worstLoad(stats: ProcessStats[]): ProcessStats {
  const busiest = stats.reduce((worst, next) => (next.cpuShare > worst.cpuShare ? next : worst))
  const sum = (read: (each: ProcessStats) => number) => stats.reduce((total, each) => total + read(each), 0)
  return {
    ...busiest,
    cpuSeconds: sum((each) => each.cpuSeconds),
    cpuShare: sum((each) => each.cpuShare),
    loopDelayP99Ms: Math.max(...stats.map((each) => each.loopDelayP99Ms)),
    loopDelayMaxMs: Math.max(...stats.map((each) => each.loopDelayMaxMs)),
  }
}
