/** Footnotes and endnotes found in pasted office HTML: the text of each reference, and the blocks holding the texts. */
export interface PastedNotes {
  textOf: Map<Element, string>
  bodies: Set<Element>
}

/** LibreOffice marks a reference with a class, Word with an mso-footnote-id or mso-endnote-id style. */
function isNoteReference(element: Element): boolean {
  return /^sd(foot|end)noteanc$/.test(element.className) || /mso-(foot|end)note-id/i.test(element.getAttribute('style') ?? '')
}

/** The block LibreOffice or Word puts a note's text in. */
const noteBody = 'div[id^="sdfootnote"], div[id^="sdendnote"], div[style*="mso-element:footnote"], div[style*="mso-element:endnote"]'

/**
 * Finds each note reference and its text: the reference links to a mark inside the note's own block (LibreOffice's
 * `#sdfootnote1sym`, Word's `#_ftn1`), whose text, without that mark, is the note.
 */
export function findPastedNotes(source: Document): PastedNotes {
  const textOf = new Map<Element, string>()
  const bodies = new Set<Element>()
  for (const reference of source.querySelectorAll('a[href^="#"]')) {
    if (!isNoteReference(reference)) continue
    const name = reference.getAttribute('href')!.slice(1)
    const mark = source.getElementById(name) ?? source.getElementsByName(name)[0]
    const body = mark?.closest(noteBody)
    if (!mark || !body) continue
    const copy = body.cloneNode(true) as Element
    const ownMark = [...copy.querySelectorAll('[name], [id]')].find((element) => element.getAttribute('name') === name || element.id === name)
    ownMark?.remove()
    const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (!text) continue
    textOf.set(reference, text.slice(0, 2000))
    bodies.add(body)
  }
  return { textOf, bodies }
}
