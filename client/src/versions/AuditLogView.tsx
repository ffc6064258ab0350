import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { describeAuditEntry, type MomentFormat } from '../../../shared/versions/describeAuditEntry.js'
import { AuditView } from '../../../shared/versions/versionSchemas.js'
import { useLatestRequest } from '../api/latestRequest.js'
import { callApi } from '../api/apiClient.js'
import { useMessageText } from '../i18n/messageText.js'
import { useDateTime } from '../i18n/useDateTime.js'
import { CopyableHash } from './CopyableHash.js'
import './auditLog.css'

type ChainBreak = NonNullable<z.infer<typeof AuditView>['chainBreak']>

/** Whether the chain holds, in words: where it breaks and why. */
function ChainState({ chainBreak }: { chainBreak: ChainBreak | null }) {
  const { t } = useTranslation()
  if (!chainBreak) return <p>{t('versions.audit.intact')}</p>
  switch (chainBreak.problem) {
    case 'missing':
      return <p>{t('versions.audit.brokenMissing', { seq: chainBreak.seq, position: chainBreak.position })}</p>
    case 'unlinked':
      return <p>{t('versions.audit.brokenUnlinked', { seq: chainBreak.seq })}</p>
    case 'altered':
      return <p>{t('versions.audit.brokenAltered', { seq: chainBreak.seq })}</p>
  }
}

/** The declaration's audit log for moderators: when, who, what, on which version, each hash ready to copy, and whether the chain holds. */
export function AuditLogView({ base, refresh }: { base: string; refresh: unknown }) {
  const { t } = useTranslation()
  const words = useMessageText()
  const dateTime = useDateTime()
  const [audit, setAudit] = useState<z.infer<typeof AuditView> | null>(null)
  const request = useLatestRequest<z.infer<typeof AuditView>>()
  useEffect(() => {
    void request.track(callApi(`${base}/audit`, AuditView)).then(setAudit)
  }, [base, refresh, request])
  if (!audit) return null
  // A silence's deadline is written in its own zone, in the reader's language even where Intl lacks its month names.
  const moment: MomentFormat = (at, zone) => dateTime(at, zone)
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('versions.audit.heading')}</h2>
      <ChainState chainBreak={audit.chainBreak} />
      <p>
        <CopyableHash label={t('versions.audit.head')} value={audit.head} context={t('versions.audit.headContext')} />
      </p>
      <ol className="audit-log">
        {audit.entries.map((entry) => {
          const described = describeAuditEntry(entry, audit.names, moment)
          return (
            <li key={entry.seq} className="audit-log__entry">
              <p className="audit-log__what">
                <time dateTime={entry.at}>{dateTime(entry.at)}</time> — <span dir="auto">{words(described.who)}</span>: <bdi>{words(described.what)}</bdi>
              </p>
              <ul className="audit-log__hashes">
                {described.hashes.map((hash) => (
                  <li key={hash.label.key}>
                    <CopyableHash label={words(hash.label)} value={hash.value} context={t('versions.audit.entryContext', { seq: entry.seq })} />
                  </li>
                ))}
              </ul>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
