import { declarationSchema } from '../../../shared/editor/declarationExtensions.js'

type Run = string | { text: string; marks: string[] } | { note: string }

function inline(run: Run) {
  if (typeof run === 'string') return { type: 'text', text: run }
  if ('note' in run) return { type: 'footnote', attrs: { text: run.note } }
  return { type: 'text', text: run.text, marks: run.marks.map((type) => ({ type })) }
}

/** A declaration document from a compact description: [id, kind, runs] per clause. */
export function declarationDoc(title: string, clauses: [string, 'preambular' | 'operative', Run[]][]) {
  return declarationSchema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'title', content: [{ type: 'text', text: title }] },
      ...clauses.map(([id, kind, runs]) => ({ type: 'clause', attrs: { id, kind }, content: runs.map(inline) })),
    ],
  })
}
