import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { admits, AnnouncementQueue, GAP_MS, GROUP_MS, REPEAT_MS, type Happening } from '../../../client/src/announcements/announcementQueue.js'

/** A queue on a clock the test moves by hand. */
function queueOnClock() {
  let time = 1_000_000
  const queue = new AnnouncementQueue(() => time)
  return { queue, advance: (ms: number) => (time += ms), now: () => time }
}

const editing = (name: string, paragraph: string): Happening => ({ kind: 'editing', name, delegation: 'Kazakhstan', paragraph, concernsMe: false })
const thread = (paragraph: string, concernsMe = false): Happening => ({ kind: 'thread', name: 'Chidinma Okafor', delegation: 'Nigeria', paragraph, concernsMe })

const paragraph = fc.constantFrom('OP1', 'OP2', 'OP3', 'PP1')
const person = fc.constantFrom('Ержан Нұрланұлы', 'James Whitfield', '李伟')
const happening: fc.Arbitrary<Happening> = fc.oneof(
  fc.record({ name: person, paragraph }).map(({ name, paragraph }) => editing(name, paragraph)),
  fc.record({ paragraph, concernsMe: fc.boolean() }).map(({ paragraph, concernsMe }) => thread(paragraph, concernsMe)),
  fc.record({ paragraph, concernsMe: fc.boolean() }).map(({ paragraph, concernsMe }): Happening => ({ kind: 'amendment', name: 'Ержан Нұрланұлы', delegation: 'Kazakhstan', paragraph, amendment: 'A1', concernsMe })),
  fc.constant<Happening>({ kind: 'unlock', concernsMe: true }),
)
/** Happenings with the milliseconds before each. */
const timeline = fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), happening), { maxLength: 60 })

describe('announcement queue', () => {
  it('says nothing before the burst has had time to gather', () => {
    const { queue, advance } = queueOnClock()
    queue.add(thread('OP2'))
    advance(GROUP_MS - 1)
    expect(queue.take()).toEqual([])
    advance(1)
    expect(queue.take()).toEqual([{ happening: thread('OP2'), count: 1 }])
  })

  it('groups a burst of comment threads on one paragraph, apart from those on another', () => {
    const { queue, advance } = queueOnClock()
    for (const label of ['OP2', 'OP2', 'OP5', 'OP2']) queue.add(thread(label))
    advance(GROUP_MS)
    expect(queue.take()).toEqual([
      { happening: thread('OP2'), count: 3 },
      { happening: thread('OP5'), count: 1 },
    ])
  })

  it('announces someone editing a paragraph once a minute, and again at once when they move to another', () => {
    const { queue, advance } = queueOnClock()
    const said: string[] = []
    const step = (ms: number, next?: Happening) => {
      if (next) queue.add(next)
      advance(ms)
      for (const { happening } of queue.take()) if (happening.kind === 'editing') said.push(happening.paragraph)
    }
    for (let key = 0; key < 200; key += 1) step(100, editing('Ержан Нұрланұлы', 'OP3'))
    expect(said).toEqual(['OP3'])
    step(GAP_MS, editing('Ержан Нұрланұлы', 'OP4'))
    expect(said).toEqual(['OP3', 'OP4'])
    step(REPEAT_MS, editing('Ержан Нұрланұлы', 'OP4'))
    expect(said).toEqual(['OP3', 'OP4'])
    step(GAP_MS, editing('Ержан Нұрланұлы', 'OP4'))
    expect(said).toEqual(['OP3', 'OP4', 'OP4'])
  })

  it('of someone moving through paragraphs within one burst, says only where they are now', () => {
    const { queue, advance } = queueOnClock()
    for (const label of ['OP1', 'OP2', 'OP1', 'OP4']) queue.add(editing('李伟', label))
    queue.add(editing('James Whitfield', 'OP2'))
    advance(GROUP_MS)
    expect(queue.take()).toEqual([
      { happening: editing('李伟', 'OP4'), count: 1 },
      { happening: editing('James Whitfield', 'OP2'), count: 1 },
    ])
  })

  it('never speaks twice within the gap, and loses nothing but repeated editing', () => {
    fc.assert(
      fc.property(timeline, (events) => {
        const { queue, advance, now } = queueOnClock()
        const spokenAt: number[] = []
        let counted = 0
        const take = () => {
          const groups = queue.take()
          if (groups.length === 0) return
          spokenAt.push(now())
          counted += groups.filter(({ happening }) => happening.kind !== 'editing').reduce((sum, group) => sum + group.count, 0)
        }
        for (const [wait, next] of events) {
          advance(wait)
          take()
          queue.add(next)
        }
        advance(GAP_MS + GROUP_MS)
        take()
        for (let index = 1; index < spokenAt.length; index += 1) expect(spokenAt[index]! - spokenAt[index - 1]!).toBeGreaterThanOrEqual(GAP_MS)
        expect(counted).toBe(events.filter(([, next]) => next.kind !== 'editing').length)
        expect(queue.dueAt()).toBeNull()
      }),
    )
  })

  it('says a person editing the same paragraph twice in a row only a minute apart', () => {
    fc.assert(
      fc.property(timeline, (events) => {
        const { queue, advance, now } = queueOnClock()
        const last = new Map<string, { paragraph: string; at: number }>()
        const take = () => {
          for (const { happening } of queue.take()) {
            if (happening.kind !== 'editing') continue
            const before = last.get(happening.name)
            if (before?.paragraph === happening.paragraph) expect(now() - before.at).toBeGreaterThanOrEqual(REPEAT_MS)
            last.set(happening.name, { paragraph: happening.paragraph, at: now() })
          }
        }
        for (const [wait, next] of events) {
          advance(wait)
          take()
          queue.add(next)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('lets through only what concerns the reader when they ask for that, and nothing when off', () => {
    fc.assert(
      fc.property(happening, (next) => {
        expect(admits('all', next)).toBe(true)
        expect(admits('mine', next)).toBe(next.concernsMe)
        expect(admits('off', next)).toBe(false)
      }),
    )
  })
})
