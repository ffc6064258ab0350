import type { Editor } from '@tiptap/core'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** Where the editor's own selection is: the node it is in, its offset there and that node's size, and whether it is empty. */
export interface EditorCaret {
  node: string
  offset: number
  size: number
  empty: boolean
}

/** The editor's selection as ProseMirror holds it, which follows the browser's a moment after a click or a key. */
export function editorCaret(page: Page): Promise<EditorCaret> {
  return page.locator('.declaration-text').evaluate((element) => {
    const { selection } = (element as HTMLElement & { editor: Editor }).editor.state
    return { node: selection.$from.parent.type.name, offset: selection.$from.parentOffset, size: selection.$from.parent.content.size, empty: selection.empty }
  })
}

/** Waits until the editor has taken up a caret placed by the browser, at the start or end of a node of this type. */
export async function caretSettled(page: Page, node: string, at: 'start' | 'end' | 'anywhere' = 'anywhere'): Promise<void> {
  await expect
    .poll(async () => {
      const caret = await editorCaret(page)
      return caret.node === node && (at === 'anywhere' || caret.offset === (at === 'start' ? 0 : caret.size))
    })
    .toBe(true)
}

/** Waits until the editor has taken up a selection made by the browser, holding exactly `text`. */
export async function selectionSettled(page: Page, text: string): Promise<void> {
  await expect
    .poll(() =>
      page.locator('.declaration-text').evaluate((element) => {
        const { state } = (element as HTMLElement & { editor: Editor }).editor
        return state.doc.textBetween(state.selection.from, state.selection.to)
      }),
    )
    .toBe(text)
}
