import { DEMO_DECLARATION } from '../server/src/seed/seedDemo.js'

/** The realistic declaration every server holds: the Almaty zero draft. */
export const REALISTIC_DOCUMENT = DEMO_DECLARATION

/** The declaration that grows to thousands of paragraphs with a long history. */
export const LARGE_DOCUMENT = 'bench-large-declaration'

/** Its title. */
export const LARGE_TITLE = 'Large declaration for measurement'

/** Demo accounts that edit in the bench; sign-in is rate-limited, so each signs in once and its token is shared. */
export const EDITOR_LOGINS = ['editor-gbr', 'editor-chn', 'editor-nga', 'editor-kaz'] as const

/** The moderator who freezes versions. */
export const MODERATOR_LOGIN = 'chair'
