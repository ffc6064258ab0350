import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { summarize } from '../../../bench/report/summarize.js'
import { almatyDeclarationText } from '../../../server/src/seed/almatyDeclarationText.js'
import { declarationState } from '../../../server/src/seed/seedDemo.js'
import { DeclarationIndex } from '../../../shared/editor/DeclarationIndex.js'
import { DECLARATION_FRAGMENT } from '../../../shared/editor/declarationExtensions.js'
import { closedParagraphTouched } from '../../../shared/paragraphStatus/closedParagraphCheck.js'

/** Types `keystrokes` characters into random paragraphs of a declaration of `paragraphs`, every other one agreed; ms per check. */
function checkCost(paragraphs: number, keystrokes: number) {
  const texts = [...almatyDeclarationText.preambular, ...almatyDeclarationText.operative]
  const state = declarationState(almatyDeclarationText.title, Array.from({ length: paragraphs }, (_, index) => ({ kind: 'operative' as const, text: texts[index % texts.length]! })))
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const index = new DeclarationIndex(doc)
  const writer = new Y.Doc()
  Y.applyUpdate(writer, state)
  const clauses = writer.getXmlFragment(DECLARATION_FRAGMENT).toArray().slice(1) as Y.XmlElement[]
  const closed = new Set(clauses.filter((_, at) => at % 2 === 0).map((clause) => clause.getAttribute('id') as string))
  let random = 7
  const next = () => (random = (Math.imul(random, 1_103_515_245) + 12_345) >>> 0)
  const costs: number[] = []
  let refused = 0
  for (let keystroke = 0; keystroke < keystrokes; keystroke += 1) {
    let update: Uint8Array | null = null
    writer.once('update', (bytes: Uint8Array) => (update = bytes))
    // The high bits: the low bit of this generator alternates, which would pick only agreed paragraphs.
    const at = (next() >>> 8) % clauses.length
    const text = clauses[at]!.get(0) as Y.XmlText
    text.insert(next() % (text.length + 1), 'ә')
    // The fastest of three runs of the same check: the scheduler taking the core away mid-check is not its cost.
    let touched: string | null = null
    let fastest = Infinity
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now()
      touched = closedParagraphTouched(index, [Y.decodeUpdate(update!)], closed)
      fastest = Math.min(fastest, performance.now() - started)
    }
    costs.push(fastest)
    expect(touched).toBe(at % 2 === 0 ? clauses[at]!.getAttribute('id') : null)
    if (touched) refused += 1
    // Applied either way: what is timed is the check, and every later keystroke must find what it builds on.
    Y.applyUpdate(doc, update!)
  }
  index.destroy()
  return { ...summarize(costs.slice(200)), refused }
}

describe('the cost of the agreed-paragraph check per keystroke', () => {
  it('stays under 1 ms at p99 on 2,000 paragraphs with 1,000 agreed, and does not grow with the declaration', () => {
    const small = checkCost(200, 3000)
    const large = checkCost(2000, 3000)
    expect(large.refused).toBeGreaterThan(1000)
    expect(large.refused).toBeLessThan(2000)
    expect(large.p99).toBeLessThanOrEqual(1)
    expect(large.p50).toBeLessThanOrEqual(Math.max(small.p50 * 1.5, 0.02))
  })
})
