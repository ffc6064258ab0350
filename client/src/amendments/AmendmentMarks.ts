import { Extension, type Editor } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { AmendmentView, InlineContent } from '../../../shared/negotiation/amendmentSchemas.js'
import { getI18n } from 'react-i18next'
import { editorPosition } from '../comments/anchorPositions.js'
import { redrawOnLanguageChange } from '../i18n/redrawOnLanguageChange.js'
import { paragraphDecorations, paragraphRanges } from './paragraphMarks.js'
import { appendRuns } from './runElements.js'

/** Which pending amendments the text shows: all, none, or one delegation's (by code). */
export type MarksShown = 'all' | 'none' | { delegation: string }

/** What the marks show, set from React. */
export interface AmendmentMarksState {
  amendments: AmendmentView[]
  shown: MarksShown
  onActivate: (amendmentId: string) => void
}

const marksKey = new PluginKey('amendmentMarks')

declare module '@tiptap/core' {
  interface Storage {
    amendmentMarks: AmendmentMarksState
  }
}

interface PlacedSpan {
  amendment: AmendmentView
  from: number
  to: number
  inserted: InlineContent
}

/** The pending amendments the toggle shows now. */
function shownAmendments(editor: Editor): AmendmentView[] {
  const { amendments, shown } = editor.storage.amendmentMarks
  if (shown === 'none') return []
  return amendments.filter((amendment) => amendment.status === 'pending' && (shown === 'all' || amendment.proposedBy.delegation.code === shown.delegation))
}

/** The pending word changes shown now, each span where it stands in the text today. */
function placedSpans(editor: Editor): PlacedSpan[] {
  return shownAmendments(editor)
    .flatMap((amendment) => {
      if (amendment.change.kind !== 'words') return []
      return amendment.change.spans.flatMap((span) => {
        const from = editorPosition(editor, span.start)
        const to = editorPosition(editor, span.end)
        return from !== null && to !== null && to >= from ? [{ amendment, from, to, inserted: span.content }] : []
      })
    })
}

function tag(amendment: AmendmentView): string {
  return `${amendment.label} ${amendment.proposedBy.delegation.code}`
}

function decorations(editor: Editor): DecorationSet {
  const found = placedSpans(editor).flatMap(({ amendment, from, to, inserted }) => {
    const color = amendment.proposedBy.delegation.color
    const marks = [
      Decoration.widget(
        from,
        () => {
          const label = document.createElement('span')
          label.className = 'amendment-tag'
          label.style.borderColor = color
          label.textContent = tag(amendment)
          return label
        },
        { side: -1, key: `tag-${amendment.id}-${from}`, ignoreSelection: true },
      ),
    ]
    if (to > from) marks.push(Decoration.inline(from, to, { class: 'amendment-del', 'data-amendment': amendment.label, style: `text-decoration-color: ${color}` }))
    if (inserted.length > 0) {
      marks.push(
        Decoration.widget(
          to,
          () => {
            const element = document.createElement('ins')
            element.className = 'amendment-ins'
            element.dataset.amendment = amendment.label
            element.style.textDecorationColor = color
            appendRuns(element, inserted)
            return element
          },
          { side: 1, key: `ins-${amendment.id}-${to}-${JSON.stringify(inserted)}`, ignoreSelection: true },
        ),
      )
    }
    return marks
  })
  return DecorationSet.create(editor.state.doc, [...found, ...paragraphDecorations(editor.state, shownAmendments(editor), getI18n().t)])
}

/** Pending amendments in the text: struck and inserted words and paragraphs labelled "A3 KAZ"; Ctrl+Alt+A on one goes to it in the panel. */
export const AmendmentMarks = Extension.create({
  name: 'amendmentMarks',

  addStorage(): AmendmentMarksState {
    return { amendments: [], shown: 'all', onActivate: () => undefined }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-a': ({ editor }) => {
        const head = editor.state.selection.head
        const places = [...placedSpans(editor), ...paragraphRanges(editor.state, shownAmendments(editor))]
        const hit = places.find((span) => head >= span.from && head <= span.to)
        if (hit) editor.storage.amendmentMarks.onActivate(hit.amendment.id)
        return hit !== undefined
      },
    }
  },

  addProseMirrorPlugins() {
    const editor = this.editor
    return [new Plugin({ key: marksKey, props: { decorations: () => decorations(editor) } }), redrawOnLanguageChange(marksKey)]
  },
})

/** Replaces what the marks show and redraws them. */
export function updateAmendmentMarks(editor: Editor, state: Partial<AmendmentMarksState>): void {
  Object.assign(editor.storage.amendmentMarks, state)
  editor.view.dispatch(editor.state.tr.setMeta(marksKey, true))
}
