import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { DeclarationAccess, type Identity } from '../../../shared/api/schemas.js'
import { can } from '../../../shared/roles.js'
import { SignaturesView } from '../../../shared/signatures/evidence.js'
import { base64, SIGNATURE_PURPOSE, statementBytes, type SignatureStatement } from '../../../shared/signatures/signatureStatement.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import type { Redline } from '../../../shared/versions/redline.js'
import { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { z } from 'zod'
import { callApi } from '../api/apiClient.js'
import { useDeclarationSync } from '../sync/useDeclarationSync.js'
import { CanonicalTextView } from '../versions/CanonicalTextView.js'
import { RedlineView } from '../versions/RedlineView.js'
import { signingKey } from './signingKey.js'
import './signatures.css'
import { BackLink } from '../navigation/BackLink.js'
import { delegationStatus, signatureCount } from '../../../shared/signatures/signatureCount.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'
import { useConfirm } from '../dialogs/ConfirmDialog.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'
import { SilenceSection } from '../silence/SilenceSection.js'

const RedlineAnswer = z.custom<Redline>((value) => typeof value === 'object' && value !== null && 'summary' in value)

/** Who signed the locked version, k of n, the audit head; and, for a signatory, the review and the signing. */
export function SignaturesPage({ name, identity, onBack }: { name: string; identity: Identity; onBack: () => void }) {
  const [access, setAccess] = useState<DeclarationAccess | null>(null)
  useDocumentTitle('Signatures', access?.title)
  useEffect(() => {
    void callApi(`/declarations/${name}`, DeclarationAccess).then(setAccess)
  }, [name])
  return (
    <div className="signatures-page">
      <h1>Signatures</h1>
      <BackLink name={name} onBack={onBack} />
      {access ? <LiveSignatures access={access} identity={identity} /> : <p role="status">Loading…</p>}
    </div>
  )
}

function LiveSignatures({ access, identity }: { access: DeclarationAccess; identity: Identity }) {
  const sync = useDeclarationSync(access.name, access.createdAt)
  const [view, setView] = useState<SignaturesView | null>(null)
  const [confirmation, setConfirmation] = useState<string | null>(null)
  const reload = useCallback(() => {
    void callApi(`/declarations/${access.name}/signatures`, SignaturesView).then(setView)
  }, [access.name])
  useEffect(reload, [reload])
  // A signature made on another screen arrives on the declaration's socket.
  useEffect(() => sync?.channel.subscribe((message) => message.type === 'signatures' && reload()), [sync, reload])

  if (!view) return <p role="status">Loading…</p>
  const mine = view.delegations.find((delegation) => delegation.code === identity.delegation.code)
  return (
    <>
      {view.version ? (
        <p>
          Version: <strong>{view.version.name}</strong>, SHA-256 <code className="hash">{view.version.sha256}</code>
        </p>
      ) : (
        <p>No version is locked for signature yet.</p>
      )}
      <SilenceSection access={access} channel={sync?.channel ?? null} identity={identity} />
      <p className="signatures-count" role="status">
        {signatureCount(view)}
      </p>
      <table>
        <caption className="visually-hidden">Delegations and their signatures</caption>
        <thead>
          <tr>
            <th scope="col">Delegation</th>
            <th scope="col">Status</th>
            <th scope="col">Signed by, when</th>
            <th scope="col">Key fingerprint</th>
            <th scope="col">Terms</th>
          </tr>
        </thead>
        <tbody>
          {view.delegations.map((delegation) => (
            <tr key={delegation.code}>
              <th scope="row">{delegation.name}</th>
              <td>{delegationStatus(delegation)}</td>
              <td>{delegation.signature && `${delegation.signature.signer}, ${formatDateTime(delegation.signature.signedAt)}`}</td>
              <td>{delegation.signature && <code>{delegation.signature.fingerprint}</code>}</td>
              <td>
                {delegation.signature?.adReferendum && 'Ad referendum. '}
                {delegation.signature?.reservation && `Reservation: ${delegation.signature.reservation}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Head of the audit log: <code className="hash">{view.auditHead}</code>
      </p>
      {view.version && (
        <p>
          <a href={`/api/declarations/${access.name}/exports/${view.version.id}.pdf`} download>
            Download the signed text (PDF)
          </a>
          {' · '}
          <a href={`/api/declarations/${access.name}/exports/${view.version.id}.docx`} download>
            DOCX
          </a>
          {' · '}
          <a href={`/api/declarations/${access.name}/evidence/${view.version.id}`} download>
            Download the evidence bundle (JSON)
          </a>
          {' · '}
          <a href={`/api/declarations/${access.name}/signatures/keys`} download>
            Download the published key list (JSON)
          </a>{' '}
          — check them offline with{' '}
          <code className="verify-command" dir="ltr">
            npm run verify -- bundle.json --keys keys.json --audit-head {view.auditHead}
          </code>
          .
        </p>
      )}
      <p role="status" className="sign-confirmation">
        {confirmation}
      </p>
      {view.version && can(access.role, 'signature.sign') && !mine?.signature && (
        <SignForm
          access={access}
          identity={identity}
          version={view.version}
          onSigned={(text) => {
            setConfirmation(text)
            reload()
          }}
        />
      )}
    </>
  )
}

function SignForm({ access, identity, version, onSigned }: { access: DeclarationAccess; identity: Identity; version: { id: string; name: string; sha256: string }; onSigned: (confirmation: string) => void }) {
  const [text, setText] = useState<CanonicalText | null>(null)
  const [redline, setRedline] = useState<{ redline: Redline; title: string } | null>(null)
  const [adReferendum, setAdReferendum] = useState(false)
  const [reservation, setReservation] = useState('')
  const [status, setStatus] = useState<{ text: string; isError: boolean } | null>(null)
  const id = useId()
  const base = `/declarations/${access.name}`
  const { ask, dialog } = useConfirm()

  useEffect(() => {
    void callApi(`${base}/versions/${version.id}`, VersionDetail).then((detail) => setText(JSON.parse(detail.serialized) as CanonicalText))
    void callApi(`${base}/versions`, z.array(VersionSummary)).then((list) => {
      const index = list.findIndex((candidate) => candidate.id === version.id)
      const previous = index > 0 ? list[index - 1] : undefined
      if (previous) void callApi(`${base}/redline?from=${previous.id}&to=${version.id}`, RedlineAnswer).then((result) => setRedline({ redline: result, title: `Changes from “${previous.name}”` }))
    })
  }, [base, version.id])

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    ask({
      title: `Sign “${version.name}” for ${identity.delegation.name}?`,
      message: (
        <p>
          Your signature names this version and its SHA-256{adReferendum ? ', ad referendum' : ''}
          {reservation.trim() ? ', with your reservation' : ', with no reservation'}, and is recorded in the audit log.
        </p>
      ),
      confirmLabel: `Sign for ${identity.delegation.name}`,
      onConfirm: () => void sign(),
    })
  }

  const sign = async () => {
    setStatus({ text: 'Signing…', isError: false })
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
      onSigned(`Signed for ${identity.delegation.name} with key ${key.fingerprint}.`)
    } catch (failure) {
      setStatus({ text: failure instanceof Error ? failure.message : String(failure), isError: true })
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="sign-form">
      <h2 id={`${id}-heading`}>Review and sign for {identity.delegation.name}</h2>
      {text && (
        <section aria-labelledby={`${id}-text`}>
          <h3 id={`${id}-text`}>Full text of “{version.name}”</h3>
          <CanonicalTextView text={text} />
        </section>
      )}
      {redline && <RedlineView redline={redline.redline} title={redline.title} />}
      <form onSubmit={handleSubmit} className="stacked-form">
        <div>
          <input id={`${id}-adref`} type="checkbox" checked={adReferendum} onChange={(event) => setAdReferendum(event.target.checked)} />{' '}
          <label htmlFor={`${id}-adref`}>Sign ad referendum (subject to confirmation by my government)</label>
        </div>
        <label htmlFor={`${id}-reservation`}>Reservation (optional; part of what is signed)</label>
        <textarea id={`${id}-reservation`} dir="auto" value={reservation} onChange={(event) => setReservation(event.target.value)} rows={3} maxLength={2000} />
        <p>
          Your browser signs with a key that never leaves it. What you sign names this version and its SHA-256: <code className="hash">{version.sha256}</code>
        </p>
        <button type="submit">Sign for {identity.delegation.name}</button>
      </form>
      <p role="status" className={status?.isError ? 'error' : undefined}>
        {status?.text}
      </p>
      {dialog}
    </section>
  )
}
