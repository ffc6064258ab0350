import { useState } from 'react'
import { useTranslation } from 'react-i18next'

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
      <button type="button" onClick={handleCopy} aria-label={t('versions.hash.copyLabel', { what: label.toLocaleLowerCase(i18n.resolvedLanguage), context })}>
        {t('versions.hash.copy')}
      </button>{' '}
      <span role="status">{copied}</span>
    </span>
  )
}
