import type { TFunction } from 'i18next'
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { DeclarationAccess, type Identity } from '../../../shared/api/schemas.js'
import { can } from '../../../shared/roles.js'
import { SignaturesView, type DelegationSignature } from '../../../shared/signatures/evidence.js'
import { base64, SIGNATURE_PURPOSE, statementBytes, type SignatureStatement } from '../../../shared/signatures/signatureStatement.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import type { Redline } from '../../../shared/versions/redline.js'
import { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { z } from 'zod'
import { useLatestRequest } from '../api/latestRequest.js'
import { callApi } from '../api/apiClient.js'
import { useDeclarationSync } from '../sync/useDeclarationSync.js'
import { FrozenText } from '../paragraphStatus/FrozenText.js'
import { RedlineView } from '../versions/RedlineView.js'
import { signingKey } from './signingKey.js'
import './signatures.css'
import { BackLink } from '../navigation/BackLink.js'
import { useDateTime } from '../i18n/useDateTime.js'
import { useConfirm } from '../dialogs/ConfirmDialog.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'
import { SilenceSection } from '../silence/SilenceSection.js'

const RedlineAnswer = z.custom<Redline>((value) => typeof value === 'object' && value !== null && 'summary' in value)

/** A delegation's status in words, so it never rests on a colour or a mark alone. */
function statusText(t: TFunction, delegation: z.infer<typeof DelegationSignature>): string {
  if (delegation.signature) return t('signatures.signed')
  return delegation.expectedToSign ? t('signatures.expected') : t('signatures.notExpected')
}

/** The sentence the confirmation shows: what the signature will carry. */
function confirmText(t: TFunction, adReferendum: boolean, reservation: boolean): string {
  if (adReferendum) return reservation ? t('signForm.confirmAdReferendumReservation') : t('signForm.confirmAdReferendum')
  return reservation ? t('signForm.confirmReservation') : t('signForm.confirmPlain')
}

/** Who signed the locked version, k of n, the audit head; and, for a signatory, the review and the signing. */
export function SignaturesPage({ name, identity, onBack }: { name: string; identity: Identity; onBack: () => void }) {
  const [access, setAccess] = useState<DeclarationAccess | null>(null)
  const { t } = useTranslation()
  useDocumentTitle(t('signatures.title'), access?.title)
  useEffect(() => {
    void callApi(`/declarations/${name}`, DeclarationAccess).then(setAccess)
  }, [name])
  return (
    <div className="signatures-page">
      <h1>{t('signatures.title')}</h1>
      <BackLink name={name} onBack={onBack} />
      {access ? <LiveSignatures access={access} identity={identity} /> : <p role="status">{t('app.loading')}</p>}
    </div>
  )
}

function LiveSignatures({ access, identity }: { access: DeclarationAccess; identity: Identity }) {
  const sync = useDeclarationSync(access.name, access.createdAt)
  const [view, setView] = useState<SignaturesView | null>(null)
  const [confirmation, setConfirmation] = useState<Signed | null>(null)
  const { t } = useTranslation()
  const dateTime = useDateTime()
  const request = useLatestRequest<SignaturesView>()
  const reload = useCallback(() => {
    void request.track(callApi(`/declarations/${access.name}/signatures`, SignaturesView)).then(setView)
  }, [access.name, request])
  useEffect(reload, [reload])
  // A signature made on another screen arrives on the declaration's socket.
  useEffect(() => sync?.channel.subscribe((message) => message.type === 'signatures' && reload()), [sync, reload])

  if (!view) return <p role="status">{t('app.loading')}</p>
  const mine = view.delegations.find((delegation) => delegation.code === identity.delegation.code)
  return (
    <>
      {view.version ? (
        <p>
          <Trans
            t={t}
            i18nKey="signatures.version"
            components={{ name: <strong dir="auto">{view.version.name}</strong>, hash: <code className="hash">{view.version.sha256}</code> }}
          />
        </p>
      ) : (
        <p>{t('signatures.noVersion')}</p>
      )}
      <SilenceSection access={access} channel={sync?.channel ?? null} identity={identity} />
      <p className="signatures-count" role="status">
        {t('signatures.count', { count: view.total, signed: view.signed, expected: view.expected })}
      </p>
      <table>
        <caption className="visually-hidden">{t('signatures.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('signatures.delegation')}</th>
            <th scope="col">{t('signatures.status')}</th>
            <th scope="col">{t('signatures.signedBy')}</th>
            <th scope="col">{t('signatures.fingerprint')}</th>
            <th scope="col">{t('signatures.terms')}</th>
          </tr>
        </thead>
        <tbody>
          {view.delegations.map((delegation) => (
            <tr key={delegation.code}>
              <th scope="row" dir="auto">
                {delegation.name}
              </th>
              <td>{statusText(t, delegation)}</td>
              <td>
                {delegation.signature && (
                  <>
                    <span dir="auto">{delegation.signature.signer}</span>, <time dateTime={delegation.signature.signedAt}>{dateTime(delegation.signature.signedAt)}</time>
                  </>
                )}
              </td>
              <td>{delegation.signature && <code>{delegation.signature.fingerprint}</code>}</td>
              <td>
                {delegation.signature?.adReferendum && `${t('signatures.adReferendum')} `}
                {delegation.signature?.reservation && (
                  <Trans t={t} i18nKey="signatures.reservation" components={{ text: <span dir="auto">{delegation.signature.reservation}</span> }} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Trans t={t} i18nKey="signatures.auditHead" components={{ hash: <code className="hash">{view.auditHead}</code> }} />
      </p>
      {view.version && (
        <p>
          <Trans
            t={t}
            i18nKey="signatures.downloads"
            components={{
              pdf: <a href={`/api/declarations/${access.name}/exports/${view.version.id}.pdf`} download />,
              docx: <a href={`/api/declarations/${access.name}/exports/${view.version.id}.docx`} download />,
              evidence: <a href={`/api/declarations/${access.name}/evidence/${view.version.id}`} download />,
              keys: <a href={`/api/declarations/${access.name}/signatures/keys`} download />,
              command: (
                <code className="verify-command" dir="ltr">
                  npm run verify -- bundle.json --keys keys.json --audit-head {view.auditHead}
                </code>
              ),
            }}
          />
        </p>
      )}
      <p role="status" className="sign-confirmation">
        {confirmation && <Trans t={t} i18nKey="signForm.done" values={{ delegation: confirmation.delegation }} components={{ key: <code>{confirmation.fingerprint}</code> }} />}
      </p>
      {view.version && can(access.role, 'signature.sign') && !mine?.signature && (
        <SignForm
          access={access}
          identity={identity}
          version={view.version}
          onSigned={(signed) => {
            setConfirmation(signed)
            reload()
          }}
        />
      )}
    </>
  )
}

/** A signature just made: for whom, and the fingerprint of the key, shown as code. */
interface Signed {
  delegation: string
  fingerprint: string
}

function SignForm({ access, identity, version, onSigned }: { access: DeclarationAccess; identity: Identity; version: { id: string; name: string; sha256: string }; onSigned: (signed: Signed) => void }) {
  const [text, setText] = useState<CanonicalText | null>(null)
  const [redline, setRedline] = useState<{ redline: Redline; previousName: string } | null>(null)
  const [adReferendum, setAdReferendum] = useState(false)
  const [reservation, setReservation] = useState('')
  const [status, setStatus] = useState<{ text: string; isError: boolean } | null>(null)
  const id = useId()
  const base = `/declarations/${access.name}`
  const { ask, dialog } = useConfirm()
  const { t } = useTranslation()

  useEffect(() => {
    void callApi(`${base}/versions/${version.id}`, VersionDetail).then((detail) => setText(JSON.parse(detail.serialized) as CanonicalText))
    void callApi(`${base}/versions`, z.array(VersionSummary)).then((list) => {
      const index = list.findIndex((candidate) => candidate.id === version.id)
      const previous = index > 0 ? list[index - 1] : undefined
      if (previous) void callApi(`${base}/redline?from=${previous.id}&to=${version.id}`, RedlineAnswer).then((result) => setRedline({ redline: result, previousName: previous.name }))
    })
  }, [base, version.id])

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    ask({
      title: t('signForm.confirmTitle', { version: version.name, delegation: identity.delegation.name }),
      message: <p>{confirmText(t, adReferendum, reservation.trim() !== '')}</p>,
      confirmLabel: t('signForm.confirm', { delegation: identity.delegation.name }),
      onConfirm: () => void sign(),
    })
  }

  const sign = async () => {
    setStatus({ text: t('signForm.signing'), isError: false })
    try {
      const key = await signingKey(identity.id)
      const statement: SignatureStatement = {
        purpose: SIGNATURE_PURPOSE,
        declaration: access.name,
        versionId: version.id,
        versionSha256: version.sha256,
        signer: { id: identity.id, name: identity.name },
        delegation: { code: identity.delegation.code, name: identity.delegation.name },
        keyId: key.keyId,
        signedAt: new Date().toISOString(),
        adReferendum,
        reservation: reservation.trim() || null,
      }
      const signature = base64(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, statementBytes(statement)))
      await callApi(`${base}/signatures`, z.object({ id: z.string() }), { method: 'POST', body: { statement, signature } })
      onSigned({ delegation: identity.delegation.name, fingerprint: key.fingerprint })
    } catch (failure) {
      setStatus({ text: failure instanceof Error ? failure.message : String(failure), isError: true })
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="sign-form">
      <h2 id={`${id}-heading`}>{t('signForm.heading', { delegation: identity.delegation.name })}</h2>
      {text && (
        <section aria-labelledby={`${id}-text`}>
          <h3 id={`${id}-text`}>{t('signForm.fullText', { version: version.name })}</h3>
          <FrozenText text={text} />
        </section>
      )}
      {redline && <RedlineView redline={redline.redline} title={t('signForm.changesFrom', { version: redline.previousName })} />}
      <form onSubmit={handleSubmit} className="stacked-form">
        <div>
          <input id={`${id}-adref`} type="checkbox" checked={adReferendum} onChange={(event) => setAdReferendum(event.target.checked)} />{' '}
          <label htmlFor={`${id}-adref`}>{t('signForm.adReferendum')}</label>
        </div>
        <label htmlFor={`${id}-reservation`}>{t('signForm.reservation')}</label>
        <textarea id={`${id}-reservation`} dir="auto" value={reservation} onChange={(event) => setReservation(event.target.value)} rows={3} maxLength={2000} />
        <p>
          <Trans t={t} i18nKey="signForm.keyNote" components={{ hash: <code className="hash">{version.sha256}</code> }} />
        </p>
        <button type="submit">{t('signForm.submit', { delegation: identity.delegation.name })}</button>
      </form>
      <p role="status" className={status?.isError ? 'error' : undefined}>
        {status?.text}
      </p>
      {dialog}
    </section>
  )
}
