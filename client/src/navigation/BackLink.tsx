import { AppLink } from './AppLink.js'

/** The link back to a declaration from one of its screens. */
export function BackLink({ name, onBack }: { name: string; onBack: () => void }) {
  return (
    <p>
      <AppLink to={`/d/${name}`} onNavigate={onBack}>
        Back to the declaration
      </AppLink>
    </p>
  )
}
