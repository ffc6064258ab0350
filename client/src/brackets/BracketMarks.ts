import { Extension, type Editor } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { BracketItem } from '../../../shared/brackets/bracketSchemas.js'
import { getI18n } from 'react-i18next'
import { optionsLine } from '../../../shared/brackets/describeBracket.js'
import { closingName, openingName, optionText } from './bracketWords.js'
import { labelledClausesOf } from '../../../shared/editor/ClauseNumbering.js'
import { editorPosition } from '../comments/anchorPositions.js'
import { redrawOnLanguageChange } from '../i18n/redrawOnLanguageChange.js'

const marksKey = new PluginKey('bracketMarks')

declare module '@tiptap/core' {
  interface Storage {
    bracketMarks: { items: BracketItem[] }
  }
}

/** Where an open item stands in the editor now: its paragraph's whole text without an anchor, and its paragraph's start once its words' place is lost. */
export function editorRange(editor: Editor, item: BracketItem): { from: number; to: number } | null {
  const clause = labelledClausesOf(editor.state).find((candidate) => candidate.id === item.clauseId)
  if (!clause) return null
  const inside = { from: clause.pos + 1, to: clause.pos + clause.node.nodeSize - 1 }
  if (!item.anchor) return inside
  const from = editorPosition(editor, item.anchor.start)
  const to = editorPosition(editor, item.anchor.end)
  const within = (pos: number | null) => pos !== null && pos >= inside.from && pos <= inside.to
  if (!within(from) && !within(to)) return { from: inside.from, to: inside.from }
  const start = within(from) ? from! : to!
  return { from: start, to: Math.max(start, within(to) ? to! : start) }
}

function mark(text: string, name: string, className: string): HTMLElement {
  const element = document.createElement('span')
  element.className = className
  element.setAttribute('role', 'img')
  element.setAttribute('aria-label', name)
  element.textContent = text
  return element
}

function decorations(editor: Editor): DecorationSet {
  // The interface's i18next instance, which react-i18next keeps: the marks speak the page's language.
  const i18n = getI18n()
  const { t } = i18n
  const words = optionText(t)
  // A widget is redrawn only when its key changes, so the key names the language its words are in.
  const language = i18n.resolvedLanguage ?? ''
  const found = editor.storage.bracketMarks.items
    .filter((item) => item.status === 'open')
    .flatMap((item) => {
      const range = editorRange(editor, item)
      if (!range) return []
      // Longer spans open first and close last, so nested brackets print nested.
      const size = (range.to - range.from) * 1e-6
      const closing =
        item.kind === 'bracket'
          ? mark(']', closingName(t, item), 'bracket-mark')
          : mark(`] (${optionsLine(item.options, words)})`, t('brackets.marks.alternativesListed', { closing: closingName(t, item), options: optionsLine(item.options, words) }), 'bracket-mark bracket-mark--alternatives')
      const opening = mark('[', openingName(t, item), `bracket-mark${item.kind === 'alternatives' ? ' bracket-mark--alternatives' : ''}`)
      return [
        Decoration.widget(range.from, () => opening, { side: -1 - size, key: `open-${item.id}-${range.from}-${language}`, ignoreSelection: true }),
        Decoration.widget(range.to, () => closing, { side: 1 + size, key: `close-${item.id}-${range.to}-${item.kind}-${language}`, ignoreSelection: true }),
      ]
    })
  return DecorationSet.create(editor.state.doc, found)
}

/** Open square brackets and alternatives in the text: `[` and `]` named for screen readers, alternatives listed at their end. */
export const BracketMarks = Extension.create({
  name: 'bracketMarks',

  addStorage(): { items: BracketItem[] } {
    return { items: [] }
  },

  addProseMirrorPlugins() {
    const editor = this.editor
    return [new Plugin({ key: marksKey, props: { decorations: () => decorations(editor) } }), redrawOnLanguageChange(marksKey)]
  },
})

/** Replaces the items the text shows and redraws them. */
export function updateBracketMarks(editor: Editor, items: BracketItem[]): void {
  editor.storage.bracketMarks.items = items
  editor.view.dispatch(editor.state.tr.setMeta(marksKey, true))
}
