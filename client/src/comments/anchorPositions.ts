import type { Editor } from '@tiptap/core'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { anchorBetween, decodePosition } from '../../../shared/comments/anchors.js'
import type { Anchor } from '../../../shared/comments/commentSchemas.js'
import { labelledClausesOf } from '../../../shared/editor/ClauseNumbering.js'

interface Binding {
  doc: Y.Doc
  type: Y.XmlFragment
  mapping: Parameters<typeof relativePositionToAbsolutePosition>[3]
}

function bindingOf(editor: Editor): Binding | null {
  const state = ySyncPluginKey.getState(editor.state) as { binding?: Binding } | undefined
  return state?.binding ?? null
}

/** Where a new thread would go: the paragraph at the selection, and the selected span within it if any. */
export interface SelectionTarget {
  clauseId: string
  label: string
  anchor: Anchor | null
  quote: string
}

/** The Yjs text node and index an editor position stands at, or null outside any text. */
export function textIndexAt(editor: Editor, pos: number): { type: Y.XmlText; index: number } | null {
  const binding = bindingOf(editor)
  if (!binding) return null
  const relative: Y.RelativePosition = absolutePositionToRelativePosition(pos, binding.type, binding.mapping)
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc)
  return absolute && absolute.type instanceof Y.XmlText ? { type: absolute.type, index: absolute.index } : null
}

/** The comment target of the editor's selection, or null when it is not inside one paragraph. */
export function selectionTarget(editor: Editor): SelectionTarget | null {
  const { from, to, $from, $to } = editor.state.selection
  const clause = $from.parent
  if (clause.type.name !== 'clause' || $to.parent !== clause || typeof clause.attrs.id !== 'string') return null
  const label = labelledClausesOf(editor.state).find((candidate) => candidate.id === clause.attrs.id)?.label ?? ''
  const binding = bindingOf(editor)
  if (from === to || !binding) return { clauseId: clause.attrs.id, label, anchor: null, quote: clause.textContent }
  const start = textIndexAt(editor, from)
  const end = textIndexAt(editor, to)
  if (!start || !end) return { clauseId: clause.attrs.id, label, anchor: null, quote: clause.textContent }
  return { clauseId: clause.attrs.id, label, anchor: anchorBetween(start, end), quote: editor.state.doc.textBetween(from, to) }
}

/** The editor position an encoded relative position stands at now, or null when it cannot be found. */
export function editorPosition(editor: Editor, encoded: string): number | null {
  const binding = bindingOf(editor)
  return binding ? relativePositionToAbsolutePosition(binding.doc, binding.type, decodePosition(encoded), binding.mapping) : null
}

/** The editor positions an anchor covers now, or null when its text is gone. */
export function anchorRange(editor: Editor, anchor: Anchor): { from: number; to: number } | null {
  const binding = bindingOf(editor)
  if (!binding) return null
  const from = relativePositionToAbsolutePosition(binding.doc, binding.type, decodePosition(anchor.start), binding.mapping)
  const to = relativePositionToAbsolutePosition(binding.doc, binding.type, decodePosition(anchor.end), binding.mapping)
  return from !== null && to !== null && to > from ? { from, to } : null
}
