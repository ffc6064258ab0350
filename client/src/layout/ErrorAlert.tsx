/** The message of a request that failed, announced as it appears; nothing while there is none. */
export function ErrorAlert({ error }: { error: string | null }) {
  if (!error) return null
  return (
    <p role="alert" className="error">
      {error}
    </p>
  )
}
