import { Fragment } from 'react'
import type { TypedRun } from './suggestionEdits.js'

/** Runs of proposed words with their formatting: bold in <strong>, italic in <em>. */
export function RunsText({ runs }: { runs: readonly TypedRun[] }) {
  return runs.map((run, index) => {
    const italic = run.marks.includes('italic') ? <em>{run.text}</em> : run.text
    return <Fragment key={index}>{run.marks.includes('bold') ? <strong>{italic}</strong> : italic}</Fragment>
  })
}
