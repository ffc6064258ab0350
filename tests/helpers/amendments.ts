import type * as decoding from 'lib0/decoding'
import type * as Y from 'yjs'
import { anchorBetween } from '../../shared/comments/anchors.js'
import type { AmendmentView, InlineContent } from '../../shared/negotiation/amendmentSchemas.js'
import { decodeControl } from '../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../shared/protocol/controlMessages.js'
import { MessageType } from '../../shared/protocol/messageTypes.js'
import { clauseText } from './declarationText.js'
import type { SyncClient } from './syncClients.js'

/** A span of the clause at `index` from character `from` to `to` (equal for an insertion), with its proposed words. */
export function spanAt(fragment: Y.XmlFragment, index: number, from: number, to: number, words: string) {
  const text = clauseText(fragment, index)
  const content: InlineContent = words ? [{ text: words, marks: [] }] : []
  return { ...anchorBetween({ type: text, index: from }, { type: text, index: to }), content }
}

/** A span on the first occurrence of `words` in the clause at `index`, to be replaced by `replacement`. */
export function spanOnWords(fragment: Y.XmlFragment, index: number, words: string, replacement: string) {
  const from = clauseText(fragment, index).toString().indexOf(words)
  if (from < 0) throw new Error(`"${words}" not in clause ${index}`)
  return spanAt(fragment, index, from, from + words.length, replacement)
}

/** Collects the amendments the server pushes to a client. */
export function pushedAmendments(client: SyncClient): AmendmentView[] {
  const pushed: AmendmentView[] = []
  client.provider.messageHandlers[MessageType.control] = (_encoder, decoder) => {
    const message = decodeControl(decoder as decoding.Decoder, ServerControlMessage)
    if (message.type === 'amendment') pushed.push(message.amendment)
  }
  return pushed
}
