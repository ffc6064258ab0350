import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import * as Y from 'yjs'
import { DECLARATION_FRAGMENT, declarationExtensions } from '../../../shared/editor/declarationExtensions.js'
import { labelClauses } from '../../../shared/editor/clauseLabels.js'

const live = new Set<Editor>()

/** A real Tiptap editor bound to its own Y.Doc, as in the browser (needs a DOM environment). */
export function collaborativeEditor(doc = new Y.Doc()): { editor: Editor; doc: Y.Doc } {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [...declarationExtensions(), Collaboration.configure({ document: doc, field: DECLARATION_FRAGMENT })],
  })
  live.add(editor)
  return { editor, doc }
}

/** Destroys every editor made so far, before the DOM environment goes away. */
export function destroyEditors(): void {
  for (const editor of live) editor.destroy()
  live.clear()
}

/** Exchanges all missing updates between docs, both ways. */
export function syncDocs(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
    }
  }
}

/** The clauses of an editor as [label, id, text]. */
export function clausesOf(editor: Editor): { label: string; id: string | null; text: string }[] {
  return labelClauses(editor.state.doc).map((clause) => ({ label: clause.label, id: clause.id, text: clause.node.textContent }))
}

/** Position just inside the clause with this index, plus an offset into its text. */
export function positionIn(editor: Editor, clauseIndex: number, offset = 0): number {
  const clause = labelClauses(editor.state.doc)[clauseIndex]
  if (!clause) throw new Error(`no clause ${clauseIndex}`)
  return clause.pos + 1 + offset
}
