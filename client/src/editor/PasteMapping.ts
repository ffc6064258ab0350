import { Extension } from '@tiptap/core'
import { DOMParser, Fragment, Slice, type ResolvedPos, type Schema } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { ClauseKind } from '../../../shared/editor/clauseKind.js'
import { mapPastedHtml, mapPastedHtmlToLine, type PasteLoss } from './mapPastedHtml.js'

/** The outcome of the last paste from outside the editor; `count` tells one paste from the next. */
export interface PasteReport {
  count: number
  lost: PasteLoss[]
}

declare module '@tiptap/core' {
  interface Storage {
    pasteMapping: { report: PasteReport }
  }
}

const pasteMappingKey = new PluginKey('pasteMapping')

/** The schema's parser with the clause's rule first: the plain paragraph of sub-items would otherwise claim every <p>. */
function clipboardParser(schema: Schema): DOMParser {
  const rules = DOMParser.fromSchema(schema).rules
  const isClause = (rule: (typeof rules)[number]) => 'tag' in rule && 'node' in rule && rule.node === 'clause'
  return new DOMParser(schema, [...rules.filter(isClause), ...rules.filter((rule) => !isClause(rule))])
}

function contextKind($context: ResolvedPos): ClauseKind {
  const { parent } = $context
  return ClauseKind.catch('operative').parse(parent.type.name === 'clause' ? parent.attrs.kind : undefined)
}

/** Plain text: each line a clause of the kind at the caret, a sub-item in a list, and all one line in the title. */
function parseText(parser: DOMParser, text: string, $context: ResolvedPos): { slice: Slice; lost: PasteLoss[] } {
  const lines = text.split(/\r\n?|\n/).filter((line) => line.trim() !== '')
  const { schema } = parser
  if ($context.parent.type.name === 'title') {
    const line = lines.map((part) => part.trim()).join(' ')
    return { slice: new Slice(line ? Fragment.from(schema.text(line)) : Fragment.empty, 0, 0), lost: lines.length > 1 ? ['paragraph breaks'] : [] }
  }
  const holder = document.createElement('div')
  for (const line of lines) {
    const paragraph = holder.appendChild(document.createElement('p'))
    if ($context.parent.type.name !== 'paragraph') paragraph.setAttribute('data-kind', contextKind($context))
    paragraph.textContent = line
  }
  return { slice: parser.parseSlice(holder, { preserveWhitespace: true, context: $context }), lost: [] }
}

/** Maps what is pasted (office HTML, plain text) onto the declaration's structure and records what could not be kept. */
export const PasteMapping = Extension.create({
  name: 'pasteMapping',

  addStorage() {
    return { report: { count: 0, lost: [] as PasteLoss[] } }
  },

  addProseMirrorPlugins() {
    const storage = this.storage
    const parser = clipboardParser(this.editor.schema)
    return [
      new Plugin({
        key: pasteMappingKey,
        props: {
          clipboardParser: parser,
          transformPastedHTML: (html, view) => {
            const { $from } = view.state.selection
            const inTitle = $from.parent.type.name === 'title'
            // A copy from this editor already fits the schema and keeps its clause kinds and notes, except in the title.
            if (!inTitle && html.includes('data-pm-slice')) return html
            const mapped = inTitle ? mapPastedHtmlToLine(html) : mapPastedHtml(html, contextKind($from))
            storage.report = { count: storage.report.count + 1, lost: mapped.lost }
            return mapped.html
          },
          clipboardTextParser: (text, $context) => {
            const parsed = parseText(parser, text, $context)
            storage.report = { count: storage.report.count + 1, lost: parsed.lost }
            return parsed.slice
          },
        },
      }),
    ]
  },
})
