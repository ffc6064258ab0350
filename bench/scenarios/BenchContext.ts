import type { BenchOptions } from '../benchOptions.js'
import type { ChildHandle } from '../child/ChildHandle.js'
import type { LoadProcesses } from './loadProcesses.js'

/** What every scenario gets: the options, the load generator process, and where the large declaration starts from. */
export interface BenchContext {
  options: BenchOptions
  load: ChildHandle
  /** The writers' load process and the receiving ones that propagation spreads its receivers over. */
  loads: LoadProcesses
  /** File with the large declaration's starting state, shared by every server. */
  basePath: string
  progress(line: string): void
}
