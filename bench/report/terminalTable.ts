import { SERVER_KINDS, SERVER_LABELS } from '../servers/ServerKind.js'
import type { BenchResults } from './BenchResults.js'
import { formatRatio, formatTarget, formatValue } from './formatValue.js'

/** The results as fixed-width text tables, one per scenario, for the terminal. */
export function terminalTable(results: BenchResults): string {
  const lines: string[] = []
  const header = ['metric', ...SERVER_KINDS.map((kind) => SERVER_LABELS[kind]), 'Kelisim/ref', 'Kelisim/Hocuspocus', 'target']
  for (const scenario of results.scenarios) {
    const rows = [
      header,
      ...scenario.metrics.map((metric) => [
        metric.name,
        ...SERVER_KINDS.map((kind) => formatValue(metric.values[kind], metric.unit)),
        formatRatio(metric, 'reference'),
        formatRatio(metric, 'hocuspocus'),
        formatTarget(metric),
      ]),
    ]
    const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
    lines.push('', scenario.title)
    for (const [index, row] of rows.entries()) {
      lines.push(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
      if (index === 0) lines.push(widths.map((width) => '-'.repeat(width)).join('  '))
    }
    for (const flag of scenario.flags) lines.push(`  ! ${flag}`)
  }
  const { machine } = results
  lines.push('', `Machine: ${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadAverageAtStart} at start.`)
  lines.push(`Latency: ${results.latencyMethod}`)
  return lines.join('\n')
}
