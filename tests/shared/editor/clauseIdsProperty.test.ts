// @vitest-environment jsdom
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Editor } from '@tiptap/core'
import { labelClauses } from '../../../shared/editor/clauseLabels.js'
import { DeclarationIndex } from '../../../shared/editor/DeclarationIndex.js'
import { repairDeclaration } from '../../../shared/editor/repairDeclaration.js'
import { declarationState } from '../../../server/src/seed/seedDemo.js'
import { clausesOf, collaborativeEditor, destroyEditors, positionIn, syncDocs } from './editorHarness.js'

afterEach(destroyEditors)

type Operation =
  | { kind: 'type'; editor: number; clause: number; offset: number; text: string }
  | { kind: 'split'; editor: number; clause: number; offset: number }
  | { kind: 'join'; editor: number; clause: number }
  | { kind: 'delete'; editor: number; clause: number }
  | { kind: 'sync'; from: number; to: number }

const operation = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), editor: fc.nat(2), clause: fc.nat(8), offset: fc.nat(30), text: fc.string({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('split' as const), editor: fc.nat(2), clause: fc.nat(8), offset: fc.nat(30) }),
  fc.record({ kind: fc.constant('join' as const), editor: fc.nat(2), clause: fc.nat(8) }),
  fc.record({ kind: fc.constant('delete' as const), editor: fc.nat(2), clause: fc.nat(8) }),
  fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }),
)

/** Applies an edit to any clause but the first, which stays untouched so its id can be checked. */
function apply(editor: Editor, op: Exclude<Operation, { kind: 'sync' }>): void {
  const clauses = clausesOf(editor)
  if (clauses.length < 2) return
  const index = 1 + (op.clause % (clauses.length - 1))
  const length = clauses[index]?.text.length ?? 0
  const offset = 'offset' in op ? op.offset % (length + 1) : 0
  const chain = editor.chain().setTextSelection(positionIn(editor, index, offset))
  if (op.kind === 'type') chain.insertContent(op.text).run()
  else if (op.kind === 'split') chain.splitBlock().run()
  else if (op.kind === 'join' && index > 1) chain.setTextSelection(positionIn(editor, index, 0)).joinBackward().run()
  else if (op.kind === 'delete' && clauses.length > 2) {
    const clause = labelClauses(editor.state.doc)[index]
    if (clause) editor.chain().deleteRange({ from: clause.pos, to: clause.pos + clause.node.nodeSize }).run()
  }
}

describe('stable clause ids under random concurrent edits', () => {
  it('converge, stay present and unique once the server repairs the merge, and never change on an untouched clause', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 25 }), (operations) => {
        const seed = declarationState('Property', [
          { kind: 'preambular', text: 'Untouched preamble,' },
          { kind: 'operative', text: 'First operative text;' },
          { kind: 'operative', text: 'Second operative text;' },
          { kind: 'operative', text: 'Third.' },
        ])
        const editors = [0, 1, 2].map(() => {
          const doc = new Y.Doc()
          Y.applyUpdate(doc, seed)
          return collaborativeEditor(doc)
        })
        const anchorId = clausesOf(editors[0]!.editor)[0]?.id
        for (const op of operations) {
          if (op.kind === 'sync') syncDocs(editors[op.from]!.doc, editors[op.to]!.doc)
          else apply(editors[op.editor]!.editor, op)
        }
        syncDocs(...editors.map(({ doc }) => doc))
        // Concurrent splits and deletions can merge into two clauses with one id; the server repairs that, the same way everywhere.
        const index = new DeclarationIndex(editors[0]!.doc)
        repairDeclaration(index, true, { whole: true })
        index.destroy()
        syncDocs(...editors.map(({ doc }) => doc))
        const results = editors.map(({ editor }) => clausesOf(editor))
        destroyEditors()
        expect(results[1]).toEqual(results[0])
        expect(results[2]).toEqual(results[0])
        const ids = results[0]!.map((clause) => clause.id)
        expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
        expect(new Set(ids).size).toBe(ids.length)
        expect(results[0]![0]).toMatchObject({ id: anchorId, text: 'Untouched preamble,' })
      }),
      { numRuns: 60 },
    )
  })
})
