import * as Y from 'yjs'
import { anchorBetween } from '../../shared/comments/anchors.js'
import { clauseText } from './declarationText.js'

/** The id of the clause at `index` in a synced client's copy. */
export function clauseIdAt(fragment: Y.XmlFragment, index: number): string {
  return (fragment.get(index + 1) as Y.XmlElement).getAttribute('id') as string
}

/** An anchor on the first occurrence of `words` in the clause at `index`, as a browser would make it. */
export function anchorOnWords(fragment: Y.XmlFragment, index: number, words: string) {
  const text = clauseText(fragment, index)
  const start = text.toString().indexOf(words)
  if (start < 0) throw new Error(`"${words}" not in clause ${index}`)
  return anchorBetween({ type: text, index: start }, { type: text, index: start + words.length })
}
