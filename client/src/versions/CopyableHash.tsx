import { useState } from 'react'

/** A hash shown whole, with a button that copies it and says so to screen readers. */
export function CopyableHash({ label, value, context }: { label: string; value: string; context: string }) {
  const [copied, setCopied] = useState<string | null>(null)
  const handleCopy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied('Copied.'),
      () => setCopied('Could not copy; select the hash instead.'),
    )
  }
  return (
    <span className="copyable-hash">
      {label}: <code className="hash" dir="ltr">{value}</code>{' '}
      <button type="button" onClick={handleCopy} aria-label={`Copy ${label.toLowerCase()} (${context})`}>
        Copy
      </button>{' '}
      <span role="status">{copied}</span>
    </span>
  )
}
