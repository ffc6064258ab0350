import type { AnyExtension } from '@tiptap/core'
import { getSchema } from '@tiptap/core'
import Document from '@tiptap/extension-document'
import Text from '@tiptap/extension-text'
import Paragraph from '@tiptap/extension-paragraph'
import Bold from '@tiptap/extension-bold'
import Italic from '@tiptap/extension-italic'
import Heading from '@tiptap/extension-heading'
import HardBreak from '@tiptap/extension-hard-break'
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list'
import { Clause } from './Clause.js'
import { ClauseIds } from './ClauseIds.js'
import { ClauseNumbering } from './ClauseNumbering.js'
import { Footnote } from './Footnote.js'
import { Title } from './Title.js'

/** The top level: a title, then clauses, section headings and sub-item lists; no free paragraphs. */
const DeclarationDocument = Document.extend({ content: 'title (clause | heading | bulletList | orderedList)+' })

/** Sub-items hold a line of text and may nest; nothing else. */
const SubItem = ListItem.extend({ content: 'paragraph (bulletList | orderedList)*' })

/** The one editor schema, used by the browser to edit and by the server to read, seed and export. */
export function declarationExtensions(): AnyExtension[] {
  return [
    DeclarationDocument,
    Title,
    Clause,
    Heading.configure({ levels: [2, 3] }),
    BulletList,
    OrderedList,
    SubItem,
    Paragraph,
    Text,
    HardBreak,
    Footnote,
    Bold,
    Italic,
    ClauseIds,
    ClauseNumbering,
  ]
}

/** The ProseMirror schema of a declaration. */
export const declarationSchema = getSchema(declarationExtensions())

/** The Yjs XML fragment the declaration text lives in (Tiptap's default). */
export const DECLARATION_FRAGMENT = 'default'
