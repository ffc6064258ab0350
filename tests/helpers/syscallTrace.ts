import { spawnSync } from 'node:child_process'

/** One system call as `strace -f -y` saw it begin or end; `target` is what its first argument (a descriptor) names. */
export interface TracedEvent {
  pid: number
  call: string
  target: string
  phase: 'enter' | 'exit'
  /** The rest of the line: the arguments when entering, `) = result` when leaving. */
  text: string
}

const WHOLE = /^(\d+)\s+(\w+)\(\d+<([^>]*)>(.*)$/
const RESUMED = /^(\d+)\s+<\.\.\. (\w+) resumed>(.*)$/
const UNFINISHED = ' <unfinished ...>'

/** Reads the output of `strace -f -y` into entries and exits, in the order strace saw them; calls on no descriptor are left out. */
export function parseTrace(output: string): TracedEvent[] {
  const events: TracedEvent[] = []
  const pending = new Map<number, { call: string; target: string }>()
  for (const line of output.split('\n')) {
    const resumed = RESUMED.exec(line)
    if (resumed) {
      const pid = Number(resumed[1])
      const started = pending.get(pid)
      pending.delete(pid)
      if (started && started.call === resumed[2]) events.push({ pid, ...started, phase: 'exit', text: resumed[3]! })
      continue
    }
    const whole = WHOLE.exec(line)
    if (!whole) continue
    const [, pid, call, target, rest] = whole as unknown as [string, string, string, string, string]
    const unfinished = rest.endsWith(UNFINISHED)
    events.push({ pid: Number(pid), call, target, phase: 'enter', text: unfinished ? rest.slice(0, -UNFINISHED.length) : rest })
    if (unfinished) pending.set(Number(pid), { call, target })
    else events.push({ pid: Number(pid), call, target, phase: 'exit', text: rest.slice(rest.lastIndexOf(')')) })
  }
  return events
}

/** Why strace cannot trace here (no ptrace permission), or null when it can; throws if strace is not installed. */
export function whyStraceCannotTrace(): string | null {
  const probe = spawnSync('strace', ['-f', '-o', '/dev/null', 'true'], { encoding: 'utf8' })
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error('strace is not installed; install it with "apt-get install -y strace" (.ci/run does).')
  }
  return probe.status === 0 ? null : `strace cannot trace here (${probe.stderr.trim().split('\n')[0] ?? `exit ${probe.status}`})`
}
