import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** A label as it reads mid-sentence: a capital that only starts it is lowered, one in an abbreviation ("SHA-256") is kept. */
const midSentence = (label: string, locale: string | undefined) => (/^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLocaleLowerCase(locale) + label.slice(1) : label)

/** A hash shown whole, with a button that copies it and says so to screen readers. */
export function CopyableHash({ label, value, context }: { label: string; value: string; context: string }) {
  const { t, i18n } = useTranslation()
  const [copied, setCopied] = useState<string | null>(null)
  const handleCopy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied(t('versions.hash.copied')),
      () => setCopied(t('versions.hash.copyFailed')),
    )
  }
  return (
    <span className="copyable-hash">
      {label}: <code className="hash" dir="ltr">{value}</code>{' '}
      <button type="button" onClick={handleCopy} aria-label={t('versions.hash.copyLabel', { what: midSentence(label, i18n.resolvedLanguage), context })}>
        {t('versions.hash.copy')}
      </button>{' '}
      <span role="status">{copied}</span>
    </span>
  )
}
