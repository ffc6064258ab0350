import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { formatDateTime } from '../../../shared/format/dateTime.js'
import { describeAuditEntry } from '../../../shared/versions/describeAuditEntry.js'
import { AuditView } from '../../../shared/versions/versionSchemas.js'
import { callApi } from '../api/apiClient.js'
import { CopyableHash } from './CopyableHash.js'
import './auditLog.css'

/** The declaration's audit log for moderators: when, who, what, on which version, each hash ready to copy, and whether the chain holds. */
export function AuditLogView({ base, refresh }: { base: string; refresh: unknown }) {
  const [audit, setAudit] = useState<z.infer<typeof AuditView> | null>(null)
  useEffect(() => {
    void callApi(`${base}/audit`, AuditView).then(setAudit)
  }, [base, refresh])
  if (!audit) return null
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <p>{audit.chainBreak ? `The chain is broken at entry ${audit.chainBreak.seq}: ${audit.chainBreak.reason}.` : 'The hash chain is intact.'}</p>
      <p>
        <CopyableHash label="Head" value={audit.head} context="the audit log's head" />
      </p>
      <ol className="audit-log">
        {audit.entries.map((entry) => {
          const words = describeAuditEntry(entry, audit.names)
          return (
            <li key={entry.seq} className="audit-log__entry">
              <p className="audit-log__what">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> — <span dir="auto">{words.who}</span>: <span dir="auto">{words.what}</span>
              </p>
              <ul className="audit-log__hashes">
                {words.hashes.map((hash) => (
                  <li key={hash.label}>
                    <CopyableHash label={hash.label} value={hash.value} context={`entry ${entry.seq}`} />
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
