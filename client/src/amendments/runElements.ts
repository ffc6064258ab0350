import type { TypedRun } from './suggestionEdits.js'

/** Appends runs of words to an element, bold in <strong> and italic in <em>, so proposed formatting shows as it would print. */
export function appendRuns(parent: HTMLElement, runs: readonly TypedRun[]): void {
  for (const run of runs) {
    let node: Node = document.createTextNode(run.text)
    if (run.marks.includes('italic')) node = wrapped('em', node)
    if (run.marks.includes('bold')) node = wrapped('strong', node)
    parent.append(node)
  }
}

function wrapped(tag: 'em' | 'strong', child: Node): HTMLElement {
  const element = document.createElement(tag)
  element.append(child)
  return element
}
