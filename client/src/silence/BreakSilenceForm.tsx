import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Identity } from '../../../shared/api/schemas.js'
import { base64, statementBytes } from '../../../shared/signatures/signatureStatement.js'
import { SILENCE_BREAK_PURPOSE, SilenceView, type BreakStatement } from '../../../shared/silence/silenceSchemas.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import { VersionDetail } from '../../../shared/versions/versionSchemas.js'
import { callApi } from '../api/apiClient.js'
import { useConfirm } from '../dialogs/ConfirmDialog.js'
import { signingKey } from '../signatures/signingKey.js'

interface Paragraph {
  clauseId: string
  label: string
  opening: string
}

/** The paragraphs of a frozen text, with their first words. */
function paragraphsOf(text: CanonicalText): Paragraph[] {
  return text.blocks.flatMap((block) => {
    if (block.type !== 'clause' || !block.id) return []
    const words = block.content.map((run) => ('text' in run ? run.text : '')).join('')
    return [{ clauseId: block.id, label: block.label, opening: words.length > 60 ? `${words.slice(0, 60)}…` : words }]
  })
}

interface BreakSilenceFormProps {
  declaration: string
  silence: SilenceView
  identity: Identity
  onDone: () => void
}

/** A signatory names the paragraphs and gives a statement; the browser signs the break with the delegation's key. */
export function BreakSilenceForm({ declaration, silence, identity, onDone }: BreakSilenceFormProps) {
  const [paragraphs, setParagraphs] = useState<Paragraph[]>([])
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [statement, setStatement] = useState('')
  const [status, setStatus] = useState<{ text: string; isError: boolean } | null>(null)
  const id = useId()
  const { ask, dialog } = useConfirm()
  const { t } = useTranslation()
  const delegation = identity.delegation.name

  useEffect(() => {
    void callApi(`/declarations/${declaration}/versions/${silence.version.id}`, VersionDetail).then((detail) => setParagraphs(paragraphsOf(JSON.parse(detail.serialized) as CanonicalText)))
  }, [declaration, silence.version.id])

  const toggle = (clauseId: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current)
      if (on) next.add(clauseId)
      else next.delete(clauseId)
      return next
    })

  const named = paragraphs.filter((paragraph) => chosen.has(paragraph.clauseId))

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (named.length === 0 || !statement.trim()) {
      setStatus({ text: t('silence.breakForm.incomplete'), isError: true })
      return
    }
    ask({
      title: t('silence.breakForm.confirmTitle', { version: silence.version.name, delegation }),
      message: <p>{t('silence.breakForm.confirmMessage', { paragraphs: named.map((paragraph) => paragraph.label).join(', ') })}</p>,
      confirmLabel: t('silence.breakForm.submit', { delegation }),
      onConfirm: () => void send(),
    })
  }

  const send = async () => {
    setStatus({ text: t('silence.breakForm.signing'), isError: false })
    try {
      const key = await signingKey(identity.id)
      const signed: BreakStatement = {
        purpose: SILENCE_BREAK_PURPOSE,
        declaration,
        versionId: silence.version.id,
        versionSha256: silence.version.sha256,
        silenceId: silence.id,
        signer: { id: identity.id, name: identity.name },
        delegation: { code: identity.delegation.code, name: identity.delegation.name },
        keyId: key.keyId,
        brokenAt: new Date().toISOString(),
        paragraphs: named.map(({ clauseId, label }) => ({ clauseId, label })),
        statement: statement.trim(),
      }
      const signature = base64(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, statementBytes(signed)))
      await callApi(`/declarations/${declaration}/silence/breaks`, SilenceView, { method: 'POST', body: { statement: signed, signature } })
      onDone()
    } catch (failure) {
      setStatus({ text: failure instanceof Error ? failure.message : String(failure), isError: true })
    }
  }

  return (
    <>
      <form className="stacked-form break-silence-form" onSubmit={handleSubmit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('silence.breakForm.submit', { delegation })}</h2>
      <fieldset>
        <legend>{t('silence.breakForm.paragraphs', { delegation })}</legend>
        {paragraphs.map((paragraph) => (
          <div key={paragraph.clauseId}>
            <input id={`${id}-${paragraph.clauseId}`} type="checkbox" checked={chosen.has(paragraph.clauseId)} onChange={(event) => toggle(paragraph.clauseId, event.target.checked)} />{' '}
            <label htmlFor={`${id}-${paragraph.clauseId}`}>
              {paragraph.label} <span dir="auto">{paragraph.opening}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <label htmlFor={`${id}-statement`}>{t('silence.breakForm.statement')}</label>
      <textarea id={`${id}-statement`} dir="auto" rows={4} maxLength={4000} value={statement} onChange={(event) => setStatement(event.target.value)} />
      <button type="submit">{t('silence.breakForm.submit', { delegation })}</button>
      <p role="status" className={status?.isError ? 'error' : undefined}>
        {status?.text}
      </p>
      </form>
      {dialog}
    </>
  )
}
