import { useEffect, useState } from 'react'
import { formatDateTime } from '../../../shared/format/dateTime.js'
import type { TextReplacedMessage } from '../../../shared/protocol/controlMessages.js'
import type { DeclarationSync } from '../sync/useDeclarationSync.js'
import './textReplacedNotice.css'

/** Tells an editor that a moderator replaced the text with a stored version, by whom and with which one. */
export function TextReplacedNotice({ sync }: { sync: DeclarationSync }) {
  const [replaced, setReplaced] = useState<TextReplacedMessage | null>(null)
  useEffect(
    () =>
      sync.channel.subscribe((message) => {
        if (message.type === 'text-replaced') setReplaced(message)
      }),
    [sync.channel],
  )
  return (
    // The live region stays in the page so that a screen reader announces what is put into it.
    <div role="status" className="text-replaced-region">
      {replaced && (
        <div className="text-replaced-notice">
          <p>
            <strong>The text was replaced.</strong> <bdi dir="auto">{replaced.by.name}</bdi> (<bdi dir="auto">{replaced.by.delegation}</bdi>)
            started a new round from version {replaced.version.seq}, “<bdi dir="auto">{replaced.version.name}</bdi>”, at{' '}
            {formatDateTime(replaced.at)}. What you typed meanwhile is kept in the new text.
          </p>
          <button type="button" onClick={() => setReplaced(null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  )
}
