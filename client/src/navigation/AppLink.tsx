import type { ReactNode } from 'react'

/** A link inside the app: a real href for new tabs and screen readers, followed without a page reload. */
export function AppLink({ to, onNavigate, className, children }: { to: string; onNavigate: (path: string) => void; className?: string; children: ReactNode }) {
  return (
    <a
      href={to}
      className={className}
      onClick={(event) => {
        event.preventDefault()
        onNavigate(to)
      }}
    >
      {children}
    </a>
  )
}
