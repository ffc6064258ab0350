import { useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { TextReplacedMessage } from '../../../shared/protocol/controlMessages.js'
import { useDateTime } from '../i18n/useDateTime.js'
import type { DeclarationSync } from '../sync/useDeclarationSync.js'
import './textReplacedNotice.css'

/** Tells an editor that a moderator replaced the text with a stored version, by whom and with which one. */
export function TextReplacedNotice({ sync }: { sync: DeclarationSync }) {
  const [replaced, setReplaced] = useState<TextReplacedMessage | null>(null)
  const { t } = useTranslation()
  const dateTime = useDateTime()
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
            <Trans
              t={t}
              i18nKey="declaration.textReplaced"
              values={{ seq: replaced.version.seq, time: dateTime(replaced.at) }}
              components={{
                strong: <strong />,
                name: <bdi dir="auto">{replaced.by.name}</bdi>,
                delegation: <bdi dir="auto">{replaced.by.delegation}</bdi>,
                version: <bdi dir="auto">{replaced.version.name}</bdi>,
              }}
            />
          </p>
          <button type="button" onClick={() => setReplaced(null)}>
            {t('drafts.dismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
