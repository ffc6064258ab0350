import { SERVER_LABELS } from '../servers/ServerKind.js'
import type { BenchResults } from './BenchResults.js'
import { formatCell, formatRatio, formatTarget } from './formatValue.js'
import { reportColumns } from './reportColumns.js'

/** The results as fixed-width text tables, one per scenario, for the terminal. */
export function terminalTable(results: BenchResults): string {
  const lines: string[] = []
  for (const scenario of results.scenarios) {
    const columns = reportColumns(scenario)
    const header = ['metric', ...columns.map((kind) => SERVER_LABELS[kind]), 'Kelisim/ref', 'Kelisim/Hocuspocus', 'target']
    const rows = [
      header,
      ...scenario.metrics.map((metric) => [
        metric.name,
        ...columns.map((kind) => formatCell(metric, kind)),
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
