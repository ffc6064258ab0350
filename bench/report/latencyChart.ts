import { PROPAGATION_KINDS, SERVER_LABELS, type ServerKind } from '../servers/ServerKind.js'
import type { LatencySeries } from './BenchResults.js'

const COLORS: Record<ServerKind, string> = { kelisim: '#00658f', reference: '#b35c00', hocuspocus: '#6b4fa0', floor: '#9a9a9a' }
const PERCENTILES = ['p50', 'p95', 'p99'] as const

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** Grouped bars of edit propagation latency (p50, p95, p99) per load size and server, on a log scale, as SVG. */
export function latencyChart(series: LatencySeries[], stamp: string): string {
  const width = 880
  const height = 420
  const left = 70
  const top = 50
  const bottom = 90
  const plotHeight = height - top - bottom
  const values = series.flatMap((entry) => Object.values(entry.values).flatMap((distribution) => PERCENTILES.map((p) => distribution[p])))
  const maxDecade = Math.max(1, Math.ceil(Math.log10(Math.max(1, ...values))))
  const minDecade = -1
  const y = (ms: number) => top + plotHeight - ((Math.log10(Math.max(ms, 0.1)) - minDecade) / (maxDecade - minDecade)) * plotHeight
  const groups = series.length * PERCENTILES.length
  const groupWidth = (width - left - 20) / Math.max(1, groups)
  const kinds = PROPAGATION_KINDS.filter((kind) => series.some((entry) => entry.values[kind] !== undefined))
  const barWidth = (groupWidth * 0.8) / Math.max(1, kinds.length)
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>Edit propagation latency</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="22" font-size="15" font-weight="bold">Edit propagation latency (ms, log scale)</text>`,
    `<text x="${left}" y="40" fill="#555">${escape(stamp)}</text>`,
  ]
  for (let decade = minDecade; decade <= maxDecade; decade += 1) {
    const at = y(10 ** decade)
    parts.push(`<line x1="${left}" x2="${width - 20}" y1="${at}" y2="${at}" stroke="#ddd"/>`, `<text x="${left - 8}" y="${at + 4}" text-anchor="end">${10 ** decade}</text>`)
  }
  series.forEach((entry, seriesIndex) => {
    PERCENTILES.forEach((percentile, percentileIndex) => {
      const groupLeft = left + (seriesIndex * PERCENTILES.length + percentileIndex) * groupWidth + groupWidth * 0.1
      kinds.forEach((kind, kindIndex) => {
        const value = entry.values[kind]?.[percentile]
        if (value === undefined) return
        const x = groupLeft + kindIndex * barWidth
        parts.push(`<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${(top + plotHeight - y(value)).toFixed(1)}" fill="${COLORS[kind]}"><title>${escape(`${SERVER_LABELS[kind]}, ${entry.label}, ${percentile}: ${value.toFixed(1)} ms`)}</title></rect>`)
      })
      parts.push(`<text x="${(groupLeft + groupWidth * 0.4).toFixed(1)}" y="${top + plotHeight + 16}" text-anchor="middle">${percentile}</text>`)
    })
    const centre = left + (seriesIndex + 0.5) * PERCENTILES.length * groupWidth
    parts.push(`<text x="${centre.toFixed(1)}" y="${top + plotHeight + 36}" text-anchor="middle" font-weight="bold">${escape(entry.label)}</text>`)
  })
  kinds.forEach((kind, index) => {
    const x = left + index * 220
    parts.push(`<rect x="${x}" y="${height - 28}" width="14" height="14" fill="${COLORS[kind]}"/>`, `<text x="${x + 20}" y="${height - 16}">${escape(SERVER_LABELS[kind])}</text>`)
  })
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}
