/** The link back to a declaration from one of its screens, handled in the page without a reload. */
export function BackLink({ name, onBack }: { name: string; onBack: () => void }) {
  return (
    <p>
      <a
        href={`/d/${name}`}
        onClick={(event) => {
          event.preventDefault()
          onBack()
        }}
      >
        Back to the declaration
      </a>
    </p>
  )
}
