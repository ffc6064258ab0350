// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { declarationState } from '../../../server/src/seed/seedDemo.js'
import { clausesOf, collaborativeEditor, destroyEditors, positionIn, syncDocs } from './editorHarness.js'

afterEach(destroyEditors)

function seededEditor() {
  const doc = new Y.Doc()
  Y.applyUpdate(
    doc,
    declarationState('Test', [
      { kind: 'preambular', text: 'Recalling the first thing,' },
      { kind: 'operative', text: 'Decides to act;' },
      { kind: 'operative', text: 'Requests a report.' },
    ]),
  )
  return collaborativeEditor(doc)
}

describe('stable clause ids', () => {
  it('keeps every id when text changes and when numbering changes', () => {
    const { editor } = seededEditor()
    const before = clausesOf(editor)
    editor.chain().insertContentAt(positionIn(editor, 1, 0), 'Firmly ').run()
    editor.chain().insertContentAt(positionIn(editor, 1), { type: 'clause', attrs: { kind: 'operative' } }).run()
    const after = clausesOf(editor)
    expect(after.map((clause) => clause.label)).toEqual(['PP1', 'OP1', 'OP2', 'OP3'])
    expect(after[1]?.id).not.toBe(before[1]?.id)
    expect(after[2]).toMatchObject({ id: before[1]?.id, label: 'OP2', text: 'Firmly Decides to act;' })
    expect(after[3]).toMatchObject({ id: before[2]?.id, label: 'OP3' })
  })

  it('gives the second half of a split a new id and keeps the first', () => {
    const { editor } = seededEditor()
    const original = clausesOf(editor)[1]
    editor.chain().setTextSelection(positionIn(editor, 1, 'Decides'.length)).splitBlock().run()
    const [, first, second] = clausesOf(editor)
    expect(first).toMatchObject({ id: original?.id, text: 'Decides' })
    expect(second?.text).toBe(' to act;')
    expect(second?.id).toMatch(/^[0-9a-z]{12}$/)
    expect(second?.id).not.toBe(original?.id)
  })

  it('keeps the id with the text when Enter is pressed at the start of a clause', () => {
    const { editor } = seededEditor()
    const original = clausesOf(editor)[1]
    editor.chain().setTextSelection(positionIn(editor, 1, 0)).run()
    editor.view.someProp('handleKeyDown', (handler) =>
      handler(editor.view, new KeyboardEvent('keydown', { key: 'Enter' })),
    )
    const clauses = clausesOf(editor)
    expect(clauses).toHaveLength(4)
    expect(clauses[1]?.text).toBe('')
    expect(clauses[2]).toMatchObject({ id: original?.id, text: 'Decides to act;' })
    expect(new Set(clauses.map((clause) => clause.id)).size).toBe(4)
  })

  it('keeps the first id when two clauses merge', () => {
    const { editor } = seededEditor()
    const [, first, second] = clausesOf(editor)
    editor.chain().setTextSelection(positionIn(editor, 2, 0)).joinBackward().run()
    const clauses = clausesOf(editor)
    expect(clauses).toHaveLength(2)
    expect(clauses[1]).toMatchObject({ id: first?.id, text: 'Decides to act;Requests a report.' })
    expect(clauses.some((clause) => clause.id === second?.id)).toBe(false)
  })

  it('gives a pasted copy of a clause a new id', () => {
    const { editor } = seededEditor()
    const source = clausesOf(editor)[1]
    editor
      .chain()
      .insertContentAt(positionIn(editor, 2) - 1, { type: 'clause', attrs: { id: source?.id, kind: 'operative' }, content: [{ type: 'text', text: 'copy' }] })
      .run()
    const clauses = clausesOf(editor)
    expect(clauses[1]?.id).toBe(source?.id)
    expect(clauses[2]?.text).toBe('copy')
    expect(clauses[2]?.id).not.toBe(source?.id)
  })

  it('stays unique and keeps untouched ids under concurrent splits of the same clause', () => {
    const a = seededEditor()
    const b = collaborativeEditor()
    syncDocs(a.doc, b.doc)
    const before = clausesOf(a.editor)
    a.editor.chain().setTextSelection(positionIn(a.editor, 1, 3)).splitBlock().run()
    b.editor.chain().setTextSelection(positionIn(b.editor, 1, 10)).splitBlock().run()
    syncDocs(a.doc, b.doc)
    const onA = clausesOf(a.editor)
    expect(clausesOf(b.editor)).toEqual(onA)
    const ids = onA.map((clause) => clause.id)
    expect(ids.every((id) => typeof id === 'string')).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain(before[0]?.id)
    expect(ids).toContain(before[1]?.id)
    expect(ids).toContain(before[2]?.id)
  })
})
