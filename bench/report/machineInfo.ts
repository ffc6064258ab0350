import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { ChildHandle } from '../child/ChildHandle.js'
import type { MachineInfo } from './BenchResults.js'

/** The machine the numbers belong to, read when the run starts. */
export function machineInfo(): MachineInfo {
  const processors = cpus()
  return {
    cores: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${platform()} ${release()}`,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    pinned: ChildHandle.pinned,
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  }
}
