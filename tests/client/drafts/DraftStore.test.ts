import { describe, expect, it } from 'vitest'
import { DraftStore } from '../../../client/src/drafts/DraftStore.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'

/** The Storage interface over a Map, standing in for a browser's localStorage between page loads. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
}

const server = [
  { label: 'PP1', text: 'Recalling the right to education,' },
  { label: 'OP1', text: 'Calls upon all States to act;' },
]

describe('DraftStore', () => {
  it('keeps, once the server text is in, only the paragraphs the server lacks, with their labels', () => {
    const drafts = new DraftStore('draft', memoryStorage())
    drafts.hold([server[0]!, { label: 'OP1', text: 'Calls upon all States to act now; Қосымша' }, { label: 'OP2', text: '   ' }], CloseCode.changeRefused)
    expect(drafts.current).toMatchObject({ paragraphs: [] })
    drafts.settle(server)
    expect(drafts.current).toEqual({ code: CloseCode.changeRefused, held: null, paragraphs: [{ label: 'OP1', text: 'Calls upon all States to act now; Қосымша' }] })
  })

  it('drops a draft that lost nothing, and keeps a settled one across page loads until it is dismissed', () => {
    const storage = memoryStorage()
    const first = new DraftStore('draft', storage)
    first.hold(server, CloseCode.tooLarge)
    first.settle(server)
    expect(first.current).toBeNull()

    first.hold([{ label: 'OP1', text: '中文 العربية' }], CloseCode.tooLarge)
    first.settle(server)
    const reloaded = new DraftStore('draft', storage)
    expect(reloaded.current?.paragraphs).toEqual([{ label: 'OP1', text: '中文 العربية' }])
    // A second refusal adds to what was not dismissed; a later hold before settling replaces only the unsettled one.
    reloaded.hold([{ label: 'OP2', text: 'first' }], CloseCode.changeRefused)
    reloaded.hold([{ label: 'OP2', text: 'first and more' }], CloseCode.changeRefused)
    reloaded.settle(server)
    expect(reloaded.current?.paragraphs.map((paragraph) => paragraph.text)).toEqual(['中文 العربية', 'first and more'])
    reloaded.dismiss()
    expect(new DraftStore('draft', storage).current).toBeNull()
  })

  it('keeps the close code of the refusal, not its reason text, and still reads a draft kept with a reason text', () => {
    const storage = memoryStorage()
    const drafts = new DraftStore('draft', storage)
    drafts.hold([{ label: 'OP1', text: 'Жаңа сөз' }], CloseCode.tooLarge)
    expect(JSON.parse(storage.getItem('draft')!)).not.toHaveProperty('reason')
    expect(new DraftStore('draft', storage).current?.code).toBe(CloseCode.tooLarge)

    storage.setItem('old', JSON.stringify({ reason: 'The declaration is locked for signature.', paragraphs: [{ label: 'OP2', text: 'كلمات' }], held: null }))
    expect(new DraftStore('old', storage).current).toEqual({ code: CloseCode.changeRefused, paragraphs: [{ label: 'OP2', text: 'كلمات' }], held: null })
  })
})
