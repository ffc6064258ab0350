import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DeclarationAccess } from '../../../shared/api/schemas.js'
import { can } from '../../../shared/roles.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { ApiRequestError, callApi, NoContent } from '../api/apiClient.js'
import { AuditLogView } from './AuditLogView.js'
import { FrozenText } from '../paragraphStatus/FrozenText.js'
import { ProgressChart } from '../paragraphStatus/ProgressChart.js'
import { CompareForm } from './CompareForm.js'
import { RedlineView, type ComparedVersions } from './RedlineView.js'
import { RenumberSection } from './RenumberSection.js'
import { useConfirm, type ConfirmRequest } from '../dialogs/ConfirmDialog.js'
import { BackLink } from '../navigation/BackLink.js'
import { TableRegion } from '../layout/TableRegion.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'
import { ConnectedSilenceSection } from '../silence/SilenceSection.js'

type Shown = { kind: 'text'; version: VersionDetail } | { kind: 'redline'; title: string; redline: ComparedVersions } | null

const RedlineAnswer = z.custom<ComparedVersions>((value) => typeof value === 'object' && value !== null && 'summary' in value)
const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure))

/** The rounds of a declaration: frozen versions with their hashes, redlines, and the moderator's controls. */
export function VersionsPage({ name, onBack }: { name: string; onBack: () => void }) {
  const [access, setAccess] = useState<DeclarationAccess | null>(null)
  const [versions, setVersions] = useState<VersionSummary[]>([])
  const [shown, setShown] = useState<Shown>(null)
  const [notice, setNotice] = useState<{ text: string; isError: boolean } | null>(null)
  const base = `/declarations/${name}`
  const { ask, dialog } = useConfirm()
  useDocumentTitle('Versions', access?.title)

  const reload = useCallback(() => {
    Promise.all([callApi(base, DeclarationAccess), callApi(`${base}/versions`, z.array(VersionSummary))]).then(
      ([nextAccess, list]) => {
        setAccess(nextAccess)
        setVersions(list)
      },
      (failure: unknown) => setNotice({ text: message(failure), isError: true }),
    )
  }, [base])
  useEffect(reload, [reload])

  const act = (request: Promise<unknown>, done: string) =>
    request.then(
      () => {
        setNotice({ text: done, isError: false })
        reload()
      },
      (failure: unknown) => setNotice({ text: message(failure), isError: true }),
    )

  const showText = (version: VersionSummary) =>
    callApi(`${base}/versions/${version.id}`, VersionDetail).then((detail) => setShown({ kind: 'text', version: detail }), (failure: unknown) => setNotice({ text: message(failure), isError: true }))
  const showRedline = (from: VersionSummary, to: VersionSummary | 'live') =>
    callApi(`${base}/redline?from=${from.id}&to=${to === 'live' ? 'live' : to.id}`, RedlineAnswer).then(
      (redline) => setShown({ kind: 'redline', redline, title: `Changes from “${from.name}” to ${to === 'live' ? 'the live draft' : `“${to.name}”`}` }),
      (failure: unknown) => setNotice({ text: message(failure), isError: true }),
    )

  const manages = can(access?.role, 'versions.manage')
  const locked = versions.find((version) => version.locked)
  return (
    <div className="versions-page">
      <h1>Versions</h1>
      <BackLink name={name} onBack={onBack} />
      <p role="status" className={notice?.isError ? 'error' : undefined}>
        {notice?.text}
      </p>
      {locked && (
        <p className="lock-banner">
          <strong>Locked for signature</strong> on “{locked.name}”. The text cannot change until a moderator freezes a new version.
        </p>
      )}
      <ConnectedSilenceSection name={name} locked={locked ?? null} />
      {manages && !locked && <FreezeForm base={base} onFrozen={(text) => act(Promise.resolve(), text)} />}
      {can(access?.role, 'labels.renumber') && !locked && <RenumberSection base={base} ask={ask} onDone={(text) => act(Promise.resolve(), text)} onFailed={(failure) => setNotice({ text: message(failure), isError: true })} />}
      {manages && locked && <FreezeForm base={base} unlock={{ lockedName: locked.name, ask }} onFrozen={(text) => act(Promise.resolve(), text)} />}
      {versions.length === 0 ? (
        <p>No version has been frozen yet.</p>
      ) : (
        <TableRegion label="Frozen versions">
          <table className="versions-table">
            <caption className="visually-hidden">Frozen versions, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">Version</th>
                <th scope="col">Frozen</th>
                <th scope="col">SHA-256 of the canonical text</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version, index) => (
                <tr key={version.id}>
                  <td>{version.seq}</td>
                  <th scope="row">
                    <span dir="auto">{version.name}</span>
                    {version.locked && ' — locked for signature'}
                    {!version.intact && ' — DAMAGED: does not match its hash'}
                    {version.note && (
                      <div className="version-note-text" dir="auto">
                        {version.note}
                      </div>
                    )}
                  </th>
                  <td>
                    <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time> by <span dir="auto">{version.createdBy.name}</span> (<span dir="auto">{version.createdBy.delegation.name}</span>)
                  </td>
                  <td>
                    <code className="hash">{version.sha256}</code>
                  </td>
                  <td className="actions">
                    <button type="button" onClick={() => void showText(version)} disabled={!version.intact}>
                      View<span className="visually-hidden"> {version.name}</span>
                    </button>
                    {index > 0 && (
                      <button type="button" onClick={() => void showRedline(versions[index - 1]!, version)}>
                        Changes from {versions[index - 1]!.name}
                      </button>
                    )}
                    <a href={`/api${base}/exports/${version.id}.pdf`} download>
                      PDF<span className="visually-hidden"> of {version.name}</span>
                    </a>
                    <a href={`/api${base}/exports/${version.id}.docx`} download>
                      DOCX<span className="visually-hidden"> of {version.name}</span>
                    </a>
                    <button type="button" onClick={() => void showRedline(version, 'live')}>
                      Compare<span className="visually-hidden"> {version.name}</span> with the live draft
                    </button>
                    {manages && !locked && index === versions.length - 1 && (
                      <button
                        type="button"
                        onClick={() =>
                          ask({
                            title: `Lock the draft for signature on “${version.name}”?`,
                            message: <p>No one can change the text until a moderator freezes a new version and unlocks it. Signatories sign “{version.name}”.</p>,
                            confirmLabel: 'Lock for signature',
                            onConfirm: () => void act(callApi(`${base}/versions/${version.id}/lock`, VersionSummary, { method: 'POST' }), `The draft is locked for signature on “${version.name}”.`),
                          })
                        }
                      >
                        Lock for signature
                      </button>
                    )}
                    {manages && !locked && (
                      <button
                        type="button"
                        onClick={() =>
                          ask({
                            title: `Start a new round from “${version.name}”?`,
                            message: <p>The live draft is replaced by the text of “{version.name}”. Changes made since then stay only in the versions that froze them.</p>,
                            confirmLabel: 'Start the new round',
                            onConfirm: () => void act(callApi(`${base}/versions/${version.id}/restore`, NoContent, { method: 'POST' }), `The live draft now holds the text of “${version.name}”.`),
                          })
                        }
                      >
                        New round from<span className="visually-hidden"> {version.name}</span> this version
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <ProgressChart declaration={name} refresh={versions} />
      {versions.length > 0 && <CompareForm versions={versions} onCompare={(from, to) => void showRedline(from, to)} />}
      {shown?.kind === 'text' && (
        <section aria-labelledby="version-text-heading">
          <h2 id="version-text-heading">
            “{shown.version.name}” (read-only)
          </h2>
          <p>
            SHA-256: <code className="hash">{shown.version.sha256}</code>
          </p>
          <FrozenText text={JSON.parse(shown.version.serialized) as CanonicalText} />
        </section>
      )}
      {shown?.kind === 'redline' && <RedlineView redline={shown.redline} title={shown.title} />}
      {can(access?.role, 'audit.read') && <AuditLogView base={base} refresh={versions} />}
      {dialog}
    </div>
  )
}

/** Freezes the live draft (or, while locked, asks, then freezes a new version and unlocks); shows invisible characters first. */
function FreezeForm({ base, unlock, onFrozen }: { base: string; unlock?: { lockedName: string; ask: (request: ConfirmRequest) => void }; onFrozen: (text: string) => void }) {
  const [versionName, setVersionName] = useState('')
  const [note, setNote] = useState('')
  const [invisible, setInvisible] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const { t } = useTranslation()

  const freeze = () => {
    setError(null)
    const body = { name: versionName, note, acceptInvisibleCharacters: invisible !== null }
    callApi(unlock ? `${base}/versions/unlock` : `${base}/versions`, z.unknown(), { method: 'POST', body }).then(
      () => {
        setVersionName('')
        setNote('')
        setInvisible(null)
        onFrozen(unlock ? `“${body.name}” is frozen and the draft is unlocked.` : `“${body.name}” is frozen.`)
      },
      (failure: unknown) => {
        if (failure instanceof ApiRequestError && failure.code === 'invisible_characters') setInvisible(failure.message)
        else setError(message(failure))
      },
    )
  }

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!unlock) return freeze()
    unlock.ask({
      title: `Freeze “${versionName}” and unlock the draft?`,
      message: (
        <>
          <p>The lock for signature on “{unlock.lockedName}” ends, and the text can be changed again.</p>
          <p>{t('negotiationState.unlockWithdrawsSilence', { version: unlock.lockedName })}</p>
        </>
      ),
      confirmLabel: 'Freeze and unlock',
      onConfirm: freeze,
    })
  }

  return (
    <form onSubmit={handleSubmit} className="stacked-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{unlock ? 'Freeze a new version and unlock' : 'Freeze the live draft'}</h2>
      <label htmlFor={`${id}-name`}>Version name (for example “Rev.1” or “Final text”)</label>
      <input id={`${id}-name`} value={versionName} onChange={(event) => setVersionName(event.target.value)} required maxLength={60} />
      <label htmlFor={`${id}-note`}>Note (optional)</label>
      <textarea id={`${id}-note`} dir="auto" value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={1000} />
      {invisible && (
        <div role="alert" className="warning">
          <p>{invisible}</p>
          <p>Press the button again to freeze anyway; the characters will be part of the frozen text.</p>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">{invisible ? 'Freeze anyway' : unlock ? 'Freeze and unlock' : 'Freeze version'}</button>
    </form>
  )
}
