import { useCallback, useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DeclarationAccess } from '../../../shared/api/schemas.js'
import { can } from '../../../shared/roles.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { callApi, NoContent } from '../api/apiClient.js'
import { useLatestRequest } from '../api/latestRequest.js'
import { AuditLogView } from './AuditLogView.js'
import { FrozenText } from '../paragraphStatus/FrozenText.js'
import { ProgressChart } from '../paragraphStatus/ProgressChart.js'
import { CompareForm } from './CompareForm.js'
import { RedlineView, type ComparedVersions } from './RedlineView.js'
import { RenumberSection } from './RenumberSection.js'
import { useConfirm } from '../dialogs/ConfirmDialog.js'
import { BackLink } from '../navigation/BackLink.js'
import { TableRegion } from '../layout/TableRegion.js'
import { useDateTime } from '../i18n/useDateTime.js'
import { FreezeForm } from './FreezeForm.js'
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
  // A list or a view asked for later wins over an answer still on its way, however late that answer comes.
  const listRequest = useLatestRequest<[DeclarationAccess, VersionSummary[]]>()
  const shownRequest = useLatestRequest<Shown>()
  const { t } = useTranslation()
  const dateTime = useDateTime()
  useDocumentTitle(t('versions.title'), access?.title)

  const reload = useCallback(
    (): Promise<boolean> =>
      listRequest.track(Promise.all([callApi(base, DeclarationAccess), callApi(`${base}/versions`, z.array(VersionSummary))])).then(
        ([nextAccess, list]) => {
          setAccess(nextAccess)
          setVersions(list)
          return true
        },
        (failure: unknown) => {
          setNotice({ text: message(failure), isError: true })
          return false
        },
      ),
    [base, listRequest],
  )
  useEffect(() => void reload(), [reload])

  // The list is read again first, so the notice never describes a list not yet on screen, nor hides that it could not be read.
  const act = (request: Promise<unknown>, done: string) =>
    request.then(
      () => reload().then((read) => read && setNotice({ text: done, isError: false })),
      (failure: unknown) => setNotice({ text: message(failure), isError: true }),
    )

  // Both views share one request, so the one asked for last is the one shown, whichever answers first.
  const show = (request: Promise<Shown>) => shownRequest.track(request).then(setShown, (failure: unknown) => setNotice({ text: message(failure), isError: true }))
  const showText = (version: VersionSummary) => show(callApi(`${base}/versions/${version.id}`, VersionDetail).then((detail): Shown => ({ kind: 'text', version: detail })))
  const showRedline = (from: VersionSummary, to: VersionSummary | 'live') =>
    show(
      callApi(`${base}/redline?from=${from.id}&to=${to === 'live' ? 'live' : to.id}`, RedlineAnswer).then(
        (redline): Shown => ({ kind: 'redline', redline, title: to === 'live' ? t('versions.redlineToLive', { from: from.name }) : t('versions.redlineTitle', { from: from.name, to: to.name }) }),
      ),
    )

  const manages = can(access?.role, 'versions.manage')
  const locked = versions.find((version) => version.locked)
  return (
    <div className="versions-page">
      <h1>{t('versions.title')}</h1>
      <BackLink name={name} onBack={onBack} />
      <p role="status" className={notice?.isError ? 'error' : undefined}>
        {notice?.text}
      </p>
      {locked && (
        <p className="lock-banner">
          <Trans t={t} i18nKey="versions.lockBanner" values={{ name: locked.name }} components={{ strong: <strong />, name: <bdi /> }} />
        </p>
      )}
      <ConnectedSilenceSection name={name} locked={locked ?? null} />
      {manages && !locked && <FreezeForm base={base} onFrozen={(text) => act(Promise.resolve(), text)} />}
      {can(access?.role, 'labels.renumber') && !locked && <RenumberSection base={base} ask={ask} onDone={(text) => act(Promise.resolve(), text)} onFailed={(failure) => setNotice({ text: message(failure), isError: true })} />}
      {manages && locked && <FreezeForm base={base} unlock={{ lockedName: locked.name, ask }} onFrozen={(text) => act(Promise.resolve(), text)} />}
      {versions.length === 0 ? (
        <p>{t('versions.none')}</p>
      ) : (
        <TableRegion label={t('versions.table.label')}>
          <table className="versions-table">
            <caption className="visually-hidden">{t('versions.table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.table.number')}</th>
                <th scope="col">{t('versions.table.version')}</th>
                <th scope="col">{t('versions.table.frozen')}</th>
                <th scope="col">{t('versions.table.sha256')}</th>
                <th scope="col">{t('versions.table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version, index) => (
                <tr key={version.id}>
                  <td>{version.seq}</td>
                  <th scope="row">
                    <span dir="auto">{version.name}</span>
                    {version.locked && t('versions.table.locked')}
                    {!version.intact && t('versions.table.damaged')}
                    {version.note && (
                      <div className="version-note-text" dir="auto">
                        {version.note}
                      </div>
                    )}
                  </th>
                  <td>
                    <Trans
                      t={t}
                      i18nKey="versions.table.frozenBy"
                      components={{
                        time: <time dateTime={version.createdAt}>{dateTime(version.createdAt)}</time>,
                        person: <span dir="auto">{version.createdBy.name}</span>,
                        delegation: <span dir="auto">{version.createdBy.delegation.name}</span>,
                      }}
                    />
                  </td>
                  <td>
                    <code className="hash">{version.sha256}</code>
                  </td>
                  <td className="actions">
                    <button type="button" onClick={() => void showText(version)} disabled={!version.intact}>
                      <Trans t={t} i18nKey="versions.table.view" components={{ hidden: <span className="visually-hidden" />, name: <bdi>{version.name}</bdi> }} />
                    </button>
                    {index > 0 && (
                      <button type="button" onClick={() => void showRedline(versions[index - 1]!, version)}>
                        <Trans t={t} i18nKey="versions.table.changesFrom" components={{ name: <bdi>{versions[index - 1]!.name}</bdi> }} />
                      </button>
                    )}
                    <a href={`/api${base}/exports/${version.id}.pdf`} download>
                      <Trans t={t} i18nKey="versions.table.pdf" components={{ hidden: <span className="visually-hidden" />, name: <bdi>{version.name}</bdi> }} />
                    </a>
                    <a href={`/api${base}/exports/${version.id}.docx`} download>
                      <Trans t={t} i18nKey="versions.table.docx" components={{ hidden: <span className="visually-hidden" />, name: <bdi>{version.name}</bdi> }} />
                    </a>
                    <button type="button" onClick={() => void showRedline(version, 'live')}>
                      <Trans t={t} i18nKey="versions.table.compareLive" components={{ hidden: <span className="visually-hidden" />, name: <bdi>{version.name}</bdi> }} />
                    </button>
                    {manages && !locked && index === versions.length - 1 && (
                      <button
                        type="button"
                        onClick={() =>
                          ask({
                            title: t('versions.lock.title', { name: version.name }),
                            message: <p>{t('versions.lock.message', { name: version.name })}</p>,
                            confirmLabel: t('versions.lock.confirm'),
                            onConfirm: () => void act(callApi(`${base}/versions/${version.id}/lock`, VersionSummary, { method: 'POST' }), t('versions.lock.done', { name: version.name })),
                          })
                        }
                      >
                        {t('versions.lock.button')}
                      </button>
                    )}
                    {manages && !locked && (
                      <button
                        type="button"
                        onClick={() =>
                          ask({
                            title: t('versions.restore.title', { name: version.name }),
                            message: <p>{t('versions.restore.message', { name: version.name })}</p>,
                            confirmLabel: t('versions.restore.confirm'),
                            onConfirm: () => void act(callApi(`${base}/versions/${version.id}/restore`, NoContent, { method: 'POST' }), t('versions.restore.done', { name: version.name })),
                          })
                        }
                      >
                        <Trans t={t} i18nKey="versions.restore.button" components={{ hidden: <span className="visually-hidden" />, name: <bdi>{version.name}</bdi> }} />
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
            <Trans t={t} i18nKey="versions.view.heading" components={{ name: <bdi>{shown.version.name}</bdi> }} />
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
