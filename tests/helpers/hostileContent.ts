import * as Y from 'yjs'

/** What every payload calls if it ever runs; pages under test expose a function of this name to catch it. */
export const TRAP = '__pwned'

/** Markup typed as text, which must stay text wherever it is shown. */
export const MARKUP_TEXT = `<script>${TRAP}("script")</script><img src=x onerror=${TRAP}("img")><svg onload=${TRAP}("svg")></svg>`

/** Links to schemes that run code, or render a page, when followed. */
export const HOSTILE_HREFS = [`javascript:${TRAP}('href')`, `data:text/html,<script>${TRAP}('data')</script>`, `vbscript:msgbox(1)`, `JaVaScRiPt:${TRAP}('case')`]

function element(name: string, attributes: Record<string, string>, text?: string): Y.XmlElement {
  const node = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value)
  if (text !== undefined) node.insert(0, [new Y.XmlText(text)])
  return node
}

/** Types markup as text into the title and the first paragraph: allowed, and it must stay text wherever it is shown. */
export function writeHostileText(fragment: Y.XmlFragment): void {
  fragment.doc!.transact(() => {
    ;((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, `${MARKUP_TEXT} `)
    ;((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, `${MARKUP_TEXT} `)
  })
}

/**
 * Writes into a declaration's XML fragment what a tampered client could, bypassing the editor's schema: elements
 * the schema does not have (script, img, svg, a, iframe), event-handler and href attributes on known ones, link
 * marks to code-running schemes. The server refuses all of it.
 */
export function writeHostileContent(fragment: Y.XmlFragment): void {
  const doc = fragment.doc!
  doc.transact(() => {
    const firstClause = fragment.get(1) as Y.XmlElement
    firstClause.setAttribute('onclick', `${TRAP}('clause-onclick')`)
    firstClause.setAttribute('style', `background:url("javascript:${TRAP}('style')")`)

    const linkClause = element('clause', { kind: 'operative', id: 'hostilelinks', onmouseover: `${TRAP}('mouseover')` })
    const boldClause = element('clause', { kind: 'operative', id: 'hostilebold' })
    fragment.insert(2, [linkClause, boldClause])
    const linked = new Y.XmlText()
    const bolded = new Y.XmlText()
    linkClause.insert(0, [linked])
    boldClause.insert(0, [bolded])
    for (const href of HOSTILE_HREFS) {
      linked.insert(linked.length, `${href} `, { link: { href }, a: { href } })
      // A mark the schema has, carrying attributes it does not.
      bolded.insert(bolded.length, 'Bold words. ', { bold: { href, onclick: `${TRAP}('bold')` } })
    }

    const footnote = element('footnote', { text: MARKUP_TEXT, onload: `${TRAP}('footnote')`, href: HOSTILE_HREFS[0]! })
    const noteClause = element('clause', { kind: `"><img src=x onerror=${TRAP}("kind")>`, id: `"><script>${TRAP}("id")</script>` }, 'A note follows.')
    noteClause.insert(1, [footnote])

    fragment.insert(4, [
      noteClause,
      element('script', {}, `${TRAP}('element')`),
      element('img', { src: 'x', onerror: `${TRAP}('img-element')` }),
      element('svg', { onload: `${TRAP}('svg-element')` }, 'svg'),
      element('a', { href: HOSTILE_HREFS[0]! }, 'anchor'),
      element('iframe', { src: HOSTILE_HREFS[1]! }),
      element('heading', { level: `1 onload=${TRAP}(1)` }, 'A heading with a hostile level'),
    ])
  })
}
