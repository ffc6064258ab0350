import { almatyDeclarationText } from '../../server/src/seed/almatyDeclarationText.js'
import { declarationState } from '../../server/src/seed/seedDemo.js'

let state: Uint8Array | null = null

/** The Almaty zero draft as one Yjs update, built once: what Kelisim seeds, given to the peers so all serve the same text. */
export function realisticState(): Uint8Array {
  const { title, preambular, operative } = almatyDeclarationText
  state ??= declarationState(title, [
    ...preambular.map((text) => ({ kind: 'preambular' as const, text })),
    ...operative.map((text) => ({ kind: 'operative' as const, text })),
  ])
  return state
}
