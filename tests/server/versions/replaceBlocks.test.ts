import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import { declarationState } from '../../../server/src/seed/seedDemo.js'
import { replaceBlocks } from '../../../server/src/versions/replaceBlocks.js'

/** An edit made to the live text after the version was frozen. */
type LiveEdit =
  | { kind: 'addClause'; at: number; text: string }
  | { kind: 'dropClause'; at: number }
  | { kind: 'type'; at: number; offset: number; text: string }
  | { kind: 'erase'; at: number; offset: number; length: number }

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'ж', '中', 'ع'), minLength: 1, maxLength: 6 })
const liveEdit: fc.Arbitrary<LiveEdit> = fc.oneof(
  fc.record({ kind: fc.constant('addClause' as const), at: fc.nat(), text: word }),
  fc.record({ kind: fc.constant('dropClause' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), offset: fc.nat(), text: word }),
  fc.record({ kind: fc.constant('erase' as const), at: fc.nat(), offset: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
)

const clauses = (fragment: Y.XmlFragment) => fragment.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'clause')
const textOf = (clause: Y.XmlElement) => clause.get(0) as Y.XmlText

function applyLive(fragment: Y.XmlFragment, edit: LiveEdit, serial: number): void {
  const all = clauses(fragment)
  if (edit.kind === 'addClause') {
    const added = new Y.XmlElement('clause')
    added.setAttribute('id', `added-${serial}`)
    added.setAttribute('kind', 'operative')
    added.insert(0, [new Y.XmlText(edit.text)])
    fragment.insert(1 + (edit.at % (all.length + 1)), [added])
    return
  }
  if (all.length === 0) return
  const clause = all[edit.at % all.length]!
  if (edit.kind === 'dropClause') {
    if (all.length > 1) fragment.delete(fragment.toArray().indexOf(clause), 1)
    return
  }
  const text = textOf(clause)
  const offset = edit.offset % (text.length + 1)
  if (edit.kind === 'type') text.insert(offset, edit.text)
  else text.delete(offset, Math.min(edit.length, text.length - offset))
}

/** Every block as name, id and text, for comparing documents. */
const blocksOf = (fragment: Y.XmlFragment, strip: RegExp | null = null) =>
  fragment.toArray().map((node) => {
    const element = node as Y.XmlElement
    const text = element.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('')
    return { name: element.nodeName, id: element.getAttribute('id') ?? null, text: strip ? text.replace(strip, '') : text }
  })

describe('replacing the live text with a version, block by block', () => {
  it('gives the version, plus every keystroke made on the old text in a paragraph the version keeps', () => {
    fc.assert(
      fc.property(fc.array(liveEdit, { maxLength: 12 }), fc.array(fc.record({ at: fc.nat(), offset: fc.nat() }), { minLength: 1, maxLength: 6 }), (edits, keystrokes) => {
        const server = new Y.Doc()
        Y.applyUpdate(server, declarationState('Title', ['one two three', 'four five six', 'seven eight', 'nine ten'].map((text) => ({ kind: 'operative' as const, text }))))
        const fragment = server.getXmlFragment(DECLARATION_FRAGMENT)
        const version = yXmlFragmentToProseMirrorRootNode(fragment, declarationSchema)
        const versionIds = new Set(clauses(fragment).map((clause) => clause.getAttribute('id')))
        edits.forEach((edit, serial) => server.transact(() => applyLive(fragment, edit, serial)))

        // An editor's copy before the restore; its keystrokes reach the server only after it.
        const editor = new Y.Doc()
        Y.applyUpdate(editor, Y.encodeStateAsUpdate(server))
        const before = Y.encodeStateVector(editor)
        const kept = clauses(editor.getXmlFragment(DECLARATION_FRAGMENT)).filter((clause) => versionIds.has(clause.getAttribute('id')))
        const markers: string[] = []
        // Each keystroke at a place in the old text, the later places first, so no marker lands inside another.
        const places = kept.length === 0 ? [] : keystrokes.map(({ at, offset }, index) => {
          const text = textOf(kept[at % kept.length]!)
          return { text, offset: offset % (text.length + 1), marker: `«${index}»` }
        })
        places.sort((a, b) => b.offset - a.offset)
        for (const { text, offset, marker } of places) {
          text.insert(offset, marker)
          markers.push(marker)
        }
        const late = Y.encodeStateAsUpdate(editor, before)

        server.transact(() => replaceBlocks(fragment, version))
        Y.applyUpdate(server, late)
        const final = JSON.stringify(blocksOf(fragment))
        for (const marker of markers) expect(final).toContain(marker)
        const versionDoc = new Y.Doc()
        const versionFragment = versionDoc.getXmlFragment(DECLARATION_FRAGMENT)
        versionDoc.transact(() => replaceBlocks(versionFragment, version))
        expect(blocksOf(fragment, /«\d+»/g)).toEqual(blocksOf(versionFragment))
      }),
      { numRuns: 200 },
    )
  })
})
