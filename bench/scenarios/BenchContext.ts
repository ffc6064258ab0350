import type { BenchOptions } from '../benchOptions.js'
import type { ChildHandle } from '../child/ChildHandle.js'

/** What every scenario gets: the options, the load generator process, and where the large declaration starts from. */
export interface BenchContext {
  options: BenchOptions
  load: ChildHandle
  /** File with the large declaration's starting state, shared by every server. */
  basePath: string
  progress(line: string): void
}
