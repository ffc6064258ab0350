import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { AuditView } from '../../../shared/versions/versionSchemas.js'
import { callApi } from '../api/apiClient.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'

/** The declaration's audit log for moderators: every entry, its hash, and whether the chain holds. */
export function AuditLogView({ base, refresh }: { base: string; refresh: unknown }) {
  const [audit, setAudit] = useState<z.infer<typeof AuditView> | null>(null)
  useEffect(() => {
    void callApi(`${base}/audit`, AuditView).then(setAudit)
  }, [base, refresh])
  if (!audit) return null
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <p>
        {audit.chainBreak ? `The chain is broken at entry ${audit.chainBreak.seq}: ${audit.chainBreak.reason}.` : 'The hash chain is intact.'} Head:{' '}
        <code className="hash">{audit.head}</code>
      </p>
      <ol className="audit-log">
        {audit.entries.map((entry) => (
          <li key={entry.seq}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> — {entry.actor?.name ?? 'system'}: {entry.action.replaceAll('_', ' ')}{' '}
            <code>{JSON.stringify(entry.details)}</code>
          </li>
        ))}
      </ol>
    </section>
  )
}
