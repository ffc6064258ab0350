import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import fc from 'fast-check'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { canJoin, canSplit, Transform } from '@tiptap/pm/transform'
import type * as Y from 'yjs'
import { newClauseId } from '../../shared/editor/clauseId.js'
import { DECLARATION_FRAGMENT, declarationSchema } from '../../shared/editor/declarationExtensions.js'

/** One thing a delegate does in the editor, aimed at a clause by index (taken modulo the clauses there are). */
export type EditorEdit =
  | { kind: 'type'; clause: number; offset: number; text: string }
  | { kind: 'erase'; clause: number; offset: number; length: number }
  | { kind: 'format'; clause: number; offset: number; length: number; mark: 'bold' | 'italic'; on: boolean }
  | { kind: 'split'; clause: number; offset: number }
  | { kind: 'join'; clause: number }
  | { kind: 'newClause'; clause: number; text: string }
  | { kind: 'deleteClause'; clause: number }

const typed = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'Ж', 'ә', '中', 'é', ','), minLength: 1, maxLength: 5 })

/** Random edits of every kind the declaration editor makes. */
export const editorEdit: fc.Arbitrary<EditorEdit> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), clause: fc.nat(30), offset: fc.nat(300), text: typed }),
  fc.record({ kind: fc.constant('erase' as const), clause: fc.nat(30), offset: fc.nat(300), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant('format' as const),
    clause: fc.nat(30),
    offset: fc.nat(300),
    length: fc.integer({ min: 1, max: 20 }),
    mark: fc.constantFrom('bold' as const, 'italic' as const),
    on: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('split' as const), clause: fc.nat(30), offset: fc.nat(300) }),
  fc.record({ kind: fc.constant('join' as const), clause: fc.nat(30) }),
  fc.record({ kind: fc.constant('newClause' as const), clause: fc.nat(30), text: typed }),
  fc.record({ kind: fc.constant('deleteClause' as const), clause: fc.nat(30) }),
)

/** The start positions and nodes of the top-level clauses. */
function clausesIn(doc: ProseMirrorNode): { pos: number; node: ProseMirrorNode }[] {
  const clauses: { pos: number; node: ProseMirrorNode }[] = []
  doc.forEach((node, pos) => {
    if (node.type.name === 'clause') clauses.push({ pos, node })
  })
  return clauses
}

function transform(tr: Transform, edit: EditorEdit): void {
  const clauses = clausesIn(tr.doc)
  if (clauses.length === 0) return
  const index = edit.clause % clauses.length
  const { pos, node } = clauses[index]!
  const inside = (offset: number) => pos + 1 + (offset % (node.content.size + 1))
  const clause = declarationSchema.nodes.clause!
  switch (edit.kind) {
    case 'type': {
      // Typed text takes the marks around the caret, as in the editor.
      const at = inside(edit.offset)
      tr.insert(at, declarationSchema.text(edit.text, tr.doc.resolve(at).marks()))
      break
    }
    case 'erase': {
      const from = inside(edit.offset)
      tr.delete(from, Math.min(from + edit.length, pos + 1 + node.content.size))
      break
    }
    case 'format': {
      const from = inside(edit.offset)
      const to = Math.min(from + edit.length, pos + 1 + node.content.size)
      const mark = declarationSchema.marks[edit.mark]!.create()
      if (edit.on) tr.addMark(from, to, mark)
      else tr.removeMark(from, to, mark)
      break
    }
    case 'split': {
      // As Enter does: the second half is a new clause of the same kind, with its own id.
      const at = inside(edit.offset)
      const after = [{ type: clause, attrs: { id: newClauseId(), kind: node.attrs.kind as string } }]
      if (canSplit(tr.doc, at, 1, after)) tr.split(at, 1, after)
      break
    }
    case 'join':
      // As Backspace at the start of a clause does, when the one before is a clause too.
      if (index > 0 && clauses[index - 1]!.pos + clauses[index - 1]!.node.nodeSize === pos && canJoin(tr.doc, pos)) tr.join(pos)
      break
    case 'newClause':
      tr.insert(pos + node.nodeSize, clause.create({ id: newClauseId(), kind: 'operative' }, declarationSchema.text(edit.text)))
      break
    case 'deleteClause':
      if (clauses.length > 1) tr.delete(pos, pos + node.nodeSize)
      break
  }
}

/**
 * Makes an edit the way the editor does: read the Y.Doc into a ProseMirror document, change that, and write the
 * result back through the Yjs binding's own diffing (`updateYFragment`, as its sync plugin does on every transaction).
 */
export function applyEditorEdit(doc: Y.Doc, edit: EditorEdit): void {
  const fragment = doc.getXmlFragment(DECLARATION_FRAGMENT)
  const tr = new Transform(yXmlFragmentToProseMirrorRootNode(fragment, declarationSchema))
  transform(tr, edit)
  if (tr.docChanged) updateYFragment(doc, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() })
}
