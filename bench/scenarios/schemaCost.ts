import * as Y from 'yjs'
import { almatyDeclarationText } from '../../server/src/seed/almatyDeclarationText.js'
import { declarationState } from '../../server/src/seed/seedDemo.js'
import { DeclarationIndex } from '../../shared/editor/DeclarationIndex.js'
import { DECLARATION_FRAGMENT } from '../../shared/editor/declarationExtensions.js'
import { repairDeclaration } from '../../shared/editor/repairDeclaration.js'
import type { SharedType } from '../../shared/editor/updateItems.js'
import { checkUpdateSchema } from '../../shared/editor/updateSchemaCheck.js'
import type { ScenarioReport } from '../report/BenchResults.js'
import { summarize, type Distribution } from '../report/summarize.js'
import type { BenchContext } from './BenchContext.js'

/** A declaration of this many paragraphs of the Almaty text. */
function declarationOf(paragraphs: number): Uint8Array {
  const { title, preambular, operative } = almatyDeclarationText
  const texts = [...preambular, ...operative]
  return declarationState(title, Array.from({ length: paragraphs }, (_, index) => ({ kind: 'operative' as const, text: texts[index % texts.length]! })))
}

/**
 * What the schema check costs per keystroke, in ms, on a declaration of `paragraphs` paragraphs: checking the
 * update, keeping the index of titles and ids up to date as it applies, and the merge repair's look at it. Applying
 * the update itself is not counted: Yjs does that with or without the check.
 */
export function schemaCheckCost(paragraphs: number, keystrokes: number, seed = 1): Distribution {
  const state = declarationOf(paragraphs)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  let indexStarted = 0
  let indexMs = 0
  // Listeners run in the order they were added: these two bracket the index's own.
  doc.on('afterTransaction', () => (indexStarted = performance.now()))
  const index = new DeclarationIndex(doc)
  doc.on('afterTransaction', () => (indexMs = performance.now() - indexStarted))
  const writer = new Y.Doc()
  Y.applyUpdate(writer, state)
  const clauses = writer.getXmlFragment(DECLARATION_FRAGMENT).toArray().slice(1) as Y.XmlElement[]
  let random = seed
  const next = () => (random = (Math.imul(random, 1_103_515_245) + 12_345) >>> 0)
  const costs: number[] = []
  for (let keystroke = 0; keystroke < keystrokes; keystroke += 1) {
    let update: Uint8Array | null = null
    writer.once('update', (bytes: Uint8Array) => (update = bytes))
    const text = clauses[next() % clauses.length]!.get(0) as Y.XmlText
    text.insert(next() % (text.length + 1), 'ә')
    const started = performance.now()
    const verdict = checkUpdateSchema(index, [Y.decodeUpdate(update!)])
    const checked = performance.now()
    if (verdict.refused !== null) throw new Error(`an honest keystroke was refused: ${verdict.refused}`)
    Y.applyUpdate(doc, update!)
    const repairStarted = performance.now()
    const containers = verdict.reshaped.map((at): SharedType => (at === 'root' ? index.root : (Y.getItem(doc.store, at) as Y.Item & { content: Y.ContentType }).content.type))
    repairDeclaration(index, true, { whole: false, containers, renumbered: verdict.renumbered })
    costs.push(checked - started + indexMs + (performance.now() - repairStarted))
  }
  index.destroy()
  return summarize(costs.slice(Math.min(200, keystrokes / 10)))
}

/** The bench scenario: the check's cost per keystroke at 200 paragraphs and at the benchmark's size. */
export function schemaCost(context: BenchContext): ScenarioReport {
  const { paragraphs } = context.options
  context.progress(`schema: the check's cost per keystroke at 200 and ${paragraphs} paragraphs`)
  const small = schemaCheckCost(200, 5000)
  const large = schemaCheckCost(paragraphs, 5000)
  const ratio = large.p50 / Math.max(small.p50, 1e-6)
  return {
    id: 'schema',
    title: `Schema check per keystroke: 200 and ${paragraphs} paragraphs (Kelisim only)`,
    method: 'One writer types 5,000 single characters into random clauses; for each keystroke the server-side pieces of the check are timed in-process: the check of the decoded update, the index of titles and ids as it applies, and the merge repair. Applying the update itself is not counted. The first 200 keystrokes warm up and are left out.',
    metrics: [
      { name: `check p50 at ${paragraphs} paragraphs`, unit: 'ms', better: 'lower', values: { kelisim: large.p50 } },
      { name: `check p99 at ${paragraphs} paragraphs`, unit: 'ms', better: 'lower', values: { kelisim: large.p99 }, target: { text: '≤ 1 ms', met: large.p99 <= 1 } },
      { name: 'check p50 at 200 paragraphs', unit: 'ms', better: 'lower', values: { kelisim: small.p50 } },
      { name: 'check p99 at 200 paragraphs', unit: 'ms', better: 'lower', values: { kelisim: small.p99 } },
      { name: `p50 cost at ${paragraphs} / at 200 paragraphs`, unit: 'count', better: 'lower', values: { kelisim: ratio }, target: { text: '≤ 1.5', met: ratio <= 1.5 } },
    ],
    flags: [],
  }
}
