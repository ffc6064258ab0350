import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../../../server/src/log.js'
import { COPY_AT_BYTES, TextReader } from '../../../server/src/versions/TextReader.js'
import { emptyNegotiation } from '../../../shared/versions/canonicalNegotiation.js'
import { appendLongClauses, fragmentOf } from '../../helpers/declarationText.js'

const readers: TextReader[] = []

afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.close()))
})

/** A declaration of `count` paragraphs with its title, as one update. */
function declaration(count: number): Uint8Array {
  const doc = new Y.Doc()
  const title = new Y.XmlElement('title')
  title.insert(0, [new Y.XmlText('Copied from its history')])
  fragmentOf(doc).insert(0, [title])
  appendLongClauses(doc, count)
  return Y.encodeStateAsUpdate(doc)
}

function newReader(copyAtBytes = COPY_AT_BYTES): TextReader {
  const reader = new TextReader(createLogger(process.stderr, 'silent'), copyAtBytes)
  readers.push(reader)
  return reader
}

// Each read is given an empty document: a reader that encoded the document it is given (as it once did at the first
// read, holding the loop ~30 ms for 2,000 paragraphs) would read nothing.
describe('the reader thread copies a declaration from the updates it loaded from', () => {
  it('when the loaded updates pass what it holds, before any read', async () => {
    const loaded = declaration(2000)
    expect(loaded.byteLength).toBeLessThan(COPY_AT_BYTES)
    const reader = newReader(loaded.byteLength)
    reader.load('large', [loaded])
    const text = await reader.read('large', new Y.Doc(), emptyNegotiation())
    expect(text.schemaProblems).toEqual([])
    expect(text.serialized).toContain('Paragraph 1999')
  })

  it('at the first read, with every update since it loaded', async () => {
    const reader = newReader()
    const source = new Y.Doc()
    Y.applyUpdate(source, declaration(3))
    reader.load('small', [Y.encodeStateAsUpdate(source)])
    source.on('update', (update: Uint8Array) => reader.update('small', update))
    ;((fragmentOf(source).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Typed after loading: ')
    const text = await reader.read('small', new Y.Doc(), emptyNegotiation())
    expect(text.serialized).toContain('Typed after loading: Paragraph 0')
    expect(text.serialized).toContain('Paragraph 2')
  })
})
