// Where a server's CPU went: `npx tsx bench/profileSummary.ts bench/results/profiles/kelisim/*.cpuprofile` prints the
// functions with the most self time, and the share of time in each package, from the CPU profiles `npm run bench -- --profile` writes.
import { readFile } from 'node:fs/promises'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** The package or part a script belongs to: a node_modules package, Node itself, or the project's own code. */
function partOf(url: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (inPackage) return inPackage[1]!
  if (url.startsWith('node:') || url === '') return url === '' ? '(native, GC, idle)' : 'node'
  return 'kelisim'
}

const selfMs = new Map<string, number>()
const partMs = new Map<string, number>()
let totalMs = 0
for (const path of process.argv.slice(2)) {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  profile.samples.forEach((id, index) => {
    const { callFrame } = byId.get(id)!
    const ms = (profile.timeDeltas[index] ?? 0) / 1000
    if (callFrame.functionName === '(idle)') return
    totalMs += ms
    const name = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*node_modules\//, '')}:${callFrame.lineNumber + 1}`
    selfMs.set(name, (selfMs.get(name) ?? 0) + ms)
    partMs.set(partOf(callFrame.url), (partMs.get(partOf(callFrame.url)) ?? 0) + ms)
  })
}
const top = (map: Map<string, number>, count: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${name}`)
process.stdout.write(`Busy: ${totalMs.toFixed(0)} ms\n\nBy part:\n${top(partMs, 12).join('\n')}\n\nBy function (self time):\n${top(selfMs, 25).join('\n')}\n`)
