import { parseArgs } from 'node:util'
import { PROPAGATION_KINDS, type ServerKind } from './servers/ServerKind.js'

/** Every scenario, in the order they run. */
export const SCENARIOS = ['propagation', 'join', 'large', 'idle', 'saving', 'freeze', 'capacity', 'schema'] as const
export type Scenario = (typeof SCENARIOS)[number]

/** Sizes and durations of a bench run. */
export interface BenchOptions {
  connections: number[]
  writers: number
  rate: number
  duration: number
  /** Load processes that time propagation receivers; unset, enough for about 250 receivers each. */
  loadProcesses: number | undefined
  /** The servers propagation measures, the floor among them; every one unless `--servers` names some, as for a profile of one. */
  servers: ServerKind[]
  /** Runs of each propagation case per server; the report shows the run with the median p99. */
  repeats: number
  only: Scenario[]
  stormClients: number
  paragraphs: number
  joins: number
  idleConnections: number
  idleCycles: number
  /** Connect/disconnect cycles before idle growth is measured, while the JIT is still compiling the paths they take. */
  idleWarmUps: number
  capacitySteps: number[]
  capacitySeconds: number
  freezes: number
  quick: boolean
  /** Write a V8 CPU profile of each server's measuring windows to bench/results/profiles. */
  profile: boolean
}

const numbers = (text: string) => text.split(',').map((part) => Number(part.trim())).filter((value) => Number.isFinite(value) && value > 0)

/** Reads `npm run bench -- --flags`; `--quick` shrinks every default to a smoke run under a minute. */
export function benchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      connections: { type: 'string' },
      writers: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      repeats: { type: 'string' },
      'load-processes': { type: 'string' },
      servers: { type: 'string' },
      only: { type: 'string' },
      storm: { type: 'string' },
      paragraphs: { type: 'string' },
      idle: { type: 'string' },
      'capacity-steps': { type: 'string' },
      quick: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const quick = values.quick
  const only = (values.only?.split(',').map((name) => name.trim()) ?? [...SCENARIOS]).filter((name): name is Scenario =>
    (SCENARIOS as readonly string[]).includes(name),
  )
  return {
    connections: numbers(values.connections ?? (quick ? '100' : '300,1000')),
    writers: Number(values.writers ?? (quick ? 10 : 20)),
    rate: Number(values.rate ?? 5),
    duration: Number(values.duration ?? (quick ? 2 : 6)),
    repeats: Number(values.repeats ?? (quick ? 1 : 3)),
    servers: PROPAGATION_KINDS.filter((kind) => values.servers?.split(',').includes(kind) ?? true),
    loadProcesses: values['load-processes'] ? Number(values['load-processes']) : undefined,
    only,
    stormClients: Number(values.storm ?? (quick ? 100 : 300)),
    paragraphs: Number(values.paragraphs ?? (quick ? 300 : 2000)),
    joins: quick ? 3 : 9,
    idleConnections: Number(values.idle ?? (quick ? 100 : 1000)),
    idleCycles: quick ? 1 : 3,
    idleWarmUps: quick ? 1 : 5,
    capacitySteps: numbers(values['capacity-steps'] ?? (quick ? '50,100' : '50,100,200,400,700,1000,1500,2000')),
    capacitySeconds: quick ? 2 : 3,
    freezes: quick ? 2 : 5,
    quick,
    profile: values.profile,
  }
}
