import type { ClauseKind } from '../../../shared/editor/clauseKind.js'
import { findPastedNotes, type PastedNotes } from './pastedNotes.js'

/** What a paste could not carry over, named for the person who pasted. */
export type PasteLoss = 'underline' | 'strikethrough' | 'links' | 'superscript' | 'subscript' | 'images' | 'table layout' | 'paragraph breaks'

/** The pasted content rewritten onto the declaration's structure, and what was left behind. */
export interface MappedPaste {
  html: string
  lost: PasteLoss[]
}

const headingLevels: Record<string, 'h2' | 'h3'> = { H1: 'h2', H2: 'h2', H3: 'h3', H4: 'h3', H5: 'h3', H6: 'h3' }
const blockTags = new Set(['P', 'DIV', 'BLOCKQUOTE', 'PRE', 'ADDRESS', 'DT', 'DD', 'CAPTION', 'FIGCAPTION', 'LI', ...Object.keys(headingLevels)])
const dropped = new Set(['STYLE', 'SCRIPT', 'HEAD', 'TITLE', 'META', 'LINK', 'TEMPLATE', 'XML'])
const markLosses: Record<string, PasteLoss> = { U: 'underline', INS: 'underline', S: 'strikethrough', STRIKE: 'strikethrough', DEL: 'strikethrough', SUP: 'superscript', SUB: 'subscript' }
const images = new Set(['IMG', 'SVG', 'PICTURE', 'OBJECT', 'CANVAS', 'VIDEO', 'V:IMAGEDATA', 'V:SHAPE'])
const cellSeparator = ' | '

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === Node.ELEMENT_NODE
}

/** Word marks the bullet of a list paragraph as text that only Word should show. */
function isWordListMarker(element: HTMLElement): boolean {
  return /mso-list:\s*ignore/i.test(element.getAttribute('style') ?? '')
}

/** Which of Word's lists a paragraph belongs to and at what level (1 for the outermost); null if none. */
function wordListItem(node: Node): { list: string; level: number } | null {
  if (!isElement(node)) return null
  const match = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(node.getAttribute('style') ?? '')
  return match ? { list: match[1]!, level: Number(match[2]) } : null
}

/** Word numbers an ordered item with a marker such as "1." or "a)". */
function isWordNumbered(element: HTMLElement): boolean {
  const marker = [...element.querySelectorAll('span')].find(isWordListMarker)?.textContent ?? ''
  return /^\s*[0-9a-zA-Z]{1,4}[.)]/.test(marker)
}

class PasteMapper {
  readonly lost = new Set<PasteLoss>()
  private readonly out: Document

  constructor(
    private readonly kind: ClauseKind,
    private readonly notes: PastedNotes,
  ) {
    this.out = document.implementation.createHTMLDocument('')
  }

  /** Copies the inline content of `from` (a node's children, or these nodes) into `into`, keeping bold, italic, breaks and notes. */
  inline(from: Node | Node[], into: Node): void {
    for (const child of Array.isArray(from) ? from : from.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        into.appendChild(this.out.createTextNode(child.textContent ?? ''))
        continue
      }
      if (!isElement(child) || dropped.has(child.tagName) || isWordListMarker(child)) continue
      const tag = child.tagName
      const note = this.notes.textOf.get(child)
      if (note !== undefined) {
        const marker = this.out.createElement('sup')
        marker.setAttribute('data-note', note)
        into.appendChild(marker)
      } else if (images.has(tag)) {
        this.lost.add('images')
      } else if (tag === 'BR') {
        into.appendChild(this.out.createElement('br'))
      } else if (tag === 'B' || tag === 'STRONG' || tag === 'I' || tag === 'EM') {
        const mark = this.out.createElement(tag === 'B' || tag === 'STRONG' ? 'strong' : 'em')
        this.inline(child, mark)
        into.appendChild(mark)
      } else {
        const loss = markLosses[tag] ?? (tag === 'A' && child.hasAttribute('href') ? 'links' : undefined)
        if (loss && child.textContent?.trim()) this.lost.add(loss)
        // Blocks met inside a line (a paragraph in a table cell) are kept apart by a space.
        if (blockTags.has(tag) && into.lastChild) into.appendChild(this.out.createTextNode(' '))
        this.inline(child, into)
      }
    }
  }

  private line(tag: string, from: Node | Node[], attributes: Record<string, string> = {}): HTMLElement | null {
    const element = this.out.createElement(tag)
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
    this.inline(from, element)
    return element.textContent?.trim() || element.querySelector('sup[data-note]') ? element : null
  }

  private clause(from: Node | Node[]): HTMLElement | null {
    return this.line('p', from, { 'data-kind': this.kind })
  }

  private list(from: HTMLElement): HTMLElement | null {
    const list = this.out.createElement(from.tagName === 'OL' ? 'ol' : 'ul')
    for (const item of from.children) {
      if (item.tagName !== 'LI') continue
      const li = this.out.createElement('li')
      const text: Node[] = []
      const nested: HTMLElement[] = []
      for (const child of item.childNodes) {
        if (isElement(child) && (child.tagName === 'UL' || child.tagName === 'OL')) {
          const sub = this.list(child)
          if (sub) nested.push(sub)
        } else {
          text.push(child)
        }
      }
      const paragraph = this.line('p', text)
      if (!paragraph) continue
      li.append(paragraph, ...nested)
      list.appendChild(li)
    }
    return list.childElementCount > 0 ? list : null
  }

  /** Word's list paragraphs, siblings from `start` on, rebuilt as nested lists; returns the list and how many were used. */
  private wordList(siblings: ChildNode[], start: number): { list: HTMLElement; used: number } {
    const first = siblings[start] as HTMLElement
    const { list: id, level } = wordListItem(first)!
    const list = this.out.createElement(isWordNumbered(first) ? 'ol' : 'ul')
    let index = start
    while (index < siblings.length) {
      const node = siblings[index]!
      if (!isElement(node)) {
        if (node.textContent?.trim()) break
        index += 1
        continue
      }
      const item = wordListItem(node)
      if (!item || item.level < level || (item.level === level && item.list !== id)) break
      if (item.level > level && list.lastElementChild) {
        const nested = this.wordList(siblings, index)
        list.lastElementChild.appendChild(nested.list)
        index += nested.used
        continue
      }
      const paragraph = this.line('p', node)
      if (paragraph) list.appendChild(this.out.createElement('li')).appendChild(paragraph)
      index += 1
    }
    return { list, used: index - start }
  }

  private table(from: HTMLElement): HTMLElement[] {
    const rows: HTMLElement[] = []
    for (const row of from.querySelectorAll('tr')) {
      if (row.closest('table') !== from) continue
      const cells: Node[] = []
      for (const cell of row.children) {
        if ((cell.tagName !== 'TD' && cell.tagName !== 'TH') || !cell.textContent?.trim()) continue
        if (cells.length > 0) cells.push(this.out.createTextNode(cellSeparator))
        cells.push(cell)
      }
      const paragraph = this.clause(cells)
      if (paragraph) rows.push(paragraph)
    }
    if (rows.length > 0) this.lost.add('table layout')
    return rows
  }

  /** Maps the blocks under `from`; loose text between blocks becomes a paragraph of its own. */
  blocks(from: Node): HTMLElement[] {
    const result: HTMLElement[] = []
    let loose: Node[] = []
    const flush = () => {
      this.push(result, this.clause(loose))
      loose = []
    }
    const children = [...from.childNodes]
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index]!
      if (wordListItem(child)) {
        flush()
        const { list, used } = this.wordList(children, index)
        if (list.childElementCount > 0) result.push(list)
        index += used - 1
        continue
      }
      if (!isElement(child)) {
        loose.push(child)
        continue
      }
      const tag = child.tagName
      const heading = headingLevels[tag]
      if (dropped.has(tag) || this.notes.bodies.has(child)) continue
      if (heading || tag === 'UL' || tag === 'OL' || tag === 'TABLE' || blockTags.has(tag) || child.querySelector('p, h1, h2, h3, h4, h5, h6, ul, ol, table, div')) flush()
      else {
        loose.push(child)
        continue
      }
      if (heading) this.push(result, this.line(heading, child))
      else if (tag === 'UL' || tag === 'OL') this.push(result, this.list(child))
      else if (tag === 'TABLE') result.push(...this.table(child))
      else if (child.querySelector('p, h1, h2, h3, h4, h5, h6, ul, ol, table, div')) result.push(...this.blocks(child))
      else this.push(result, this.clause(child))
    }
    flush()
    return result
  }

  private push(result: HTMLElement[], element: HTMLElement | null): void {
    if (element) result.push(element)
  }
}

/**
 * Rewrites HTML pasted from an office program onto the declaration: headings become section headings, paragraphs
 * become clauses of the kind given, lists stay lists, each table row becomes a paragraph with its cells separated,
 * footnotes and endnotes become notes;
 * underline, links, sub- and superscripts and images are dropped and named in `lost`.
 */
export function mapPastedHtml(html: string, kind: ClauseKind): MappedPaste {
  const source = new DOMParser().parseFromString(html, 'text/html')
  const mapper = new PasteMapper(kind, findPastedNotes(source))
  const body = document.implementation.createHTMLDocument('').body
  body.append(...mapper.blocks(source.body))
  return { html: body.innerHTML, lost: [...mapper.lost] }
}

/** The pasted content as one line of plain text, for the title. */
export function mapPastedHtmlToLine(html: string): MappedPaste {
  const mapped = mapPastedHtml(html, 'operative')
  const holder = document.implementation.createHTMLDocument('').body
  holder.innerHTML = mapped.html
  const lines = [...holder.children].map((element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '')
  const lost = new Set(mapped.lost)
  if (lines.length > 1) lost.add('paragraph breaks')
  return { html: lines.join(' ').replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`), lost: [...lost] }
}
