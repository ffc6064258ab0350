import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './workspaceLayout.css'

interface WorkspaceLayoutProps {
  /** What must stay in view while the text scrolls: the save indicator and the toolbar. */
  bar: ReactNode
  /** People and comments, beside the text; on a phone, a panel the bar's toggle opens, and `hide` closes. */
  side: (hide: () => void) => ReactNode
  /** The text. */
  children: ReactNode
}

/** The declaration screen: a bar across the top that stays on screen, the text, and a side panel that scrolls on its own. */
export function WorkspaceLayout({ bar, side, children }: WorkspaceLayoutProps) {
  const [sideOpen, setSideOpen] = useState(false)
  const sideRef = useRef<HTMLElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const id = useId()
  const hideSide = useCallback(() => setSideOpen(false), [])
  const workspaceRef = useRef<HTMLDivElement>(null)
  const barRef = useRef<HTMLDivElement>(null)
  const { t } = useTranslation()

  useEffect(() => {
    const workspace = workspaceRef.current
    const barElement = barRef.current
    if (!workspace || !barElement) return
    // The side panel sticks below the bar, which spans both columns, so it needs the bar's height as it changes.
    const observer = new ResizeObserver(() => workspace.style.setProperty('--workspace-bar-height', `${barElement.offsetHeight}px`))
    observer.observe(barElement)
    return () => observer.disconnect()
  }, [])

  const handleToggle = () => {
    setSideOpen(!sideOpen)
    // On a phone the panel opens over the text, so the reader is taken into it.
    if (!sideOpen) requestAnimationFrame(() => sideRef.current?.focus())
  }

  const closeSide = () => {
    setSideOpen(false)
    toggleRef.current?.focus()
  }

  const handleSideKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && sideOpen) closeSide()
  }

  return (
    <div ref={workspaceRef} className={`workspace${sideOpen ? ' workspace--side-open' : ''}`}>
      <div ref={barRef} className="workspace__bar">
        {bar}
        <button ref={toggleRef} type="button" className="workspace__toggle" aria-expanded={sideOpen} aria-controls={`${id}-side`} onClick={handleToggle}>
          {sideOpen ? t('declaration.side.hide') : t('declaration.side.show')}
        </button>
      </div>
      <div className="workspace__main">{children}</div>
      <aside ref={sideRef} id={`${id}-side`} className="workspace__side" aria-label={t('declaration.side.label')} tabIndex={-1} onKeyDown={handleSideKeyDown}>
        {sideOpen && (
          <button type="button" className="workspace__close" onClick={closeSide}>
            {t('declaration.side.close')}
          </button>
        )}
        {side(hideSide)}
      </aside>
    </div>
  )
}
