import * as Y from 'yjs'
import { fragmentOf } from './declarationText.js'

/** A change only a tampered editor makes: it breaks the editor schema. `pick` chooses among the clauses there are. */
export interface TamperedEdit {
  name: string
  change: (doc: Y.Doc, pick: number) => void
}

const children = (doc: Y.Doc) => fragmentOf(doc).toArray()
const elementsNamed = (doc: Y.Doc, name: string) =>
  children(doc).filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === name)
const clauseAt = (doc: Y.Doc, pick: number): Y.XmlElement => {
  const clauses = elementsNamed(doc, 'clause')
  return clauses[pick % clauses.length]!
}
const indexOf = (doc: Y.Doc, node: Y.XmlElement) => children(doc).indexOf(node)
const textOf = (element: Y.XmlElement): Y.XmlText => {
  const first = element.get(0)
  if (first instanceof Y.XmlText) return first
  const text = new Y.XmlText('')
  element.insert(0, [text])
  return text
}

function element(name: string, attributes: Record<string, unknown> = {}, text?: string): Y.XmlElement {
  const node = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string)
  if (text !== undefined) node.insert(0, [new Y.XmlText(text)])
  return node
}

const freshId = (pick: number) => `tampered${pick.toString(36).padStart(4, '0')}`
const clause = (pick: number, text = 'Injected clause') => element('clause', { id: freshId(pick), kind: 'operative' }, text)

/** Gives an existing clause another clause's id: accepted as the binding's id moves are, then renumbered. */
export function takeAnotherClausesId(doc: Y.Doc, pick: number): void {
  const clauses = elementsNamed(doc, 'clause')
  clauses[(pick + 1) % clauses.length]!.setAttribute('id', clauses[pick % clauses.length]!.getAttribute('id')!)
}

/** Every kind of structure-breaking change the server must refuse. */
export const tamperedEdits: TamperedEdit[] = [
  { name: 'a script element at the top level', change: (doc, pick) => fragmentOf(doc).insert(1 + (pick % 3), [element('script', {}, 'alert(1)')]) },
  { name: 'a paragraph at the top level', change: (doc, pick) => fragmentOf(doc).insert(1 + (pick % 3), [element('paragraph', {}, 'Free text')]) },
  { name: 'an element named text', change: (doc) => fragmentOf(doc).insert(1, [element('text')]) },
  { name: 'a second title', change: (doc, pick) => fragmentOf(doc).insert(1 + (pick % 3), [element('title', {}, 'Another title')]) },
  { name: 'a second title first', change: (doc) => fragmentOf(doc).insert(0, [element('title', {}, 'Usurper')]) },
  {
    name: 'the title moved after a clause',
    change: (doc, pick) => {
      const at = indexOf(doc, clauseAt(doc, pick))
      fragmentOf(doc).insert(at + 1, [element('title', {}, 'Moved title')])
      fragmentOf(doc).delete(0, 1)
    },
  },
  { name: 'a clause before the title', change: (doc, pick) => fragmentOf(doc).insert(0, [clause(pick)]) },
  { name: 'the title deleted', change: (doc) => fragmentOf(doc).delete(0, 1) },
  { name: 'a clause without an id', change: (doc, pick) => fragmentOf(doc).insert(1 + (pick % 3), [element('clause', { kind: 'operative' }, 'No id')]) },
  { name: 'a clause id of the wrong pattern', change: (doc, pick) => fragmentOf(doc).insert(1, [element('clause', { id: `BAD id ${pick}`, kind: 'operative' }, 'x')]) },
  { name: 'a clause id that is not a string', change: (doc, pick) => clauseAt(doc, pick).setAttribute('id', 123456789 as unknown as string) },
  {
    name: 'a new clause with an id already in use',
    change: (doc, pick) => {
      const id = clauseAt(doc, pick).getAttribute('id')!
      fragmentOf(doc).insert(1, [element('clause', { id, kind: 'operative' }, 'Hijack')])
    },
  },
  { name: 'two new clauses with one id', change: (doc, pick) => fragmentOf(doc).insert(1, [clause(pick), clause(pick)]) },
  { name: "a clause's id removed", change: (doc, pick) => clauseAt(doc, pick).removeAttribute('id') },
  { name: 'an unknown attribute', change: (doc, pick) => clauseAt(doc, pick).setAttribute('onclick', 'steal()') },
  { name: 'a clause kind that does not exist', change: (doc, pick) => clauseAt(doc, pick).setAttribute('kind', 'secret') },
  { name: 'a heading level the editor does not offer', change: (doc, pick) => fragmentOf(doc).insert(1 + (pick % 2), [element('heading', { level: 1 }, 'H1')]) },
  { name: 'an unknown mark', change: (doc, pick) => textOf(clauseAt(doc, pick)).format(0, 3, { link: { href: 'https://evil.example' } }) },
  { name: 'a mark with attributes it does not take', change: (doc, pick) => textOf(clauseAt(doc, pick)).format(0, 3, { bold: { colour: 'red' } }) },
  { name: 'a mark in the title', change: (doc) => textOf(elementsNamed(doc, 'title')[0]!).format(0, 2, { bold: {} }) },
  { name: 'text inserted under an unknown mark', change: (doc, pick) => textOf(clauseAt(doc, pick)).insert(0, 'hidden ', { strike: {} }) },
  { name: 'an embed in text', change: (doc, pick) => textOf(clauseAt(doc, pick)).insertEmbed(0, { image: 'x.png' }) },
  { name: 'an attribute on text', change: (doc, pick) => textOf(clauseAt(doc, pick)).setAttribute('style', 'display:none') },
  { name: 'text directly in the top level', change: (doc) => fragmentOf(doc).insert(1, [new Y.XmlText('loose text')]) },
  { name: 'a clause inside a clause', change: (doc, pick) => clauseAt(doc, pick).insert(0, [clause(pick + 7)]) },
  {
    name: 'a clause moved into a list',
    change: (doc, pick) => {
      const list = element('bulletList')
      const item = element('listItem')
      item.insert(0, [element('paragraph', {}, 'item'), clause(pick + 3)])
      list.insert(0, [item])
      fragmentOf(doc).insert(1, [list])
    },
  },
  {
    name: 'a paragraph directly in a list',
    change: (doc) => {
      const list = element('orderedList')
      list.insert(0, [element('paragraph', {}, 'not an item')])
      fragmentOf(doc).insert(1, [list])
    },
  },
  { name: 'a value outside the declaration', change: (doc) => doc.getMap('evil').set('payload', 'x') },
  { name: 'elements in another fragment', change: (doc, pick) => doc.getXmlFragment('other').insert(0, [clause(pick)]) },
]
