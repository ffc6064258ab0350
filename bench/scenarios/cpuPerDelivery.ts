import type { TypingRun } from './typingRun.js'

/**
 * The fan-out cost of a typing window: the CPU the server's process used (process.cpuUsage, user and system) over
 * the deliveries its receivers saw, in microseconds. Unlike latency it is not blurred by what else shares the machine.
 */
export function cpuPerDeliveryMicroseconds(run: TypingRun): number {
  return (run.server.cpuSeconds * 1e6) / Math.max(1, run.typing.delivered)
}
