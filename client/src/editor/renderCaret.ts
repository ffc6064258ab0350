import { PresenceUser } from '../../../shared/awareness.js'

/** Draws a remote caret with its label: name and delegation in words, the delegation colour as a second cue; `someone` names a caret of unknown person. */
export const caretRenderer = (someone: string) => (raw: Record<string, unknown>): HTMLElement => {
  const parsed = PresenceUser.safeParse(raw)
  const caret = document.createElement('span')
  caret.className = 'collab-caret'
  // Presence is announced by the participant list; inline labels would interrupt reading the text.
  caret.setAttribute('aria-hidden', 'true')
  const label = document.createElement('span')
  label.className = 'collab-caret__label'
  if (parsed.success) {
    caret.style.borderColor = parsed.data.color
    label.style.backgroundColor = parsed.data.color
    label.dir = 'auto'
    label.textContent = `${parsed.data.name} (${parsed.data.delegation.name})`
  } else {
    label.textContent = someone
  }
  caret.append(label)
  return caret
}

/** The highlight of a remote selection, tinted with the delegation colour. */
export function renderSelection(raw: Record<string, unknown>) {
  const parsed = PresenceUser.safeParse(raw)
  const color = parsed.success ? parsed.data.color : '#777777'
  return { class: 'collab-selection', style: `background-color: ${color}33` }
}
