import type { Editor } from '@tiptap/core'
import { useEffect, useRef, type RefObject } from 'react'

/** The nearest ancestor that scrolls on its own (the side panel), or null when the panel scrolls with the page. */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent)
    if ((overflowY === 'auto' || overflowY === 'scroll') && parent.scrollHeight > parent.clientHeight) return parent
  }
  return null
}

/**
 * As the page scrolls, brings the first thread on the paragraph at the top of the view to the top of the panel, so the
 * comments stay beside what is read. `threads` lists thread ids with their paragraph labels, in document order.
 */
export function useFollowText(editor: Editor, panel: RefObject<HTMLElement | null>, threads: readonly { id: string; label: string | undefined }[]): void {
  const latest = useRef(threads)
  useEffect(() => {
    latest.current = threads
  })
  useEffect(() => {
    let frame = 0
    const follow = () => {
      frame = 0
      const section = panel.current
      const scroller = section && scrollingAncestor(section)
      // Someone reading or writing in the panel keeps it where it is.
      if (!section || !scroller || scroller.contains(document.activeElement)) return
      const paragraphs = [...editor.view.dom.querySelectorAll<HTMLElement>('.clause[data-label]')]
      const inView = paragraphs.findIndex((paragraph) => paragraph.getBoundingClientRect().bottom > window.innerHeight / 4)
      if (inView < 0) return
      const labels = paragraphs.slice(inView).map((paragraph) => paragraph.dataset.label)
      const thread = latest.current.find((candidate) => candidate.label !== undefined && labels.includes(candidate.label))
      const card = thread && section.querySelector<HTMLElement>(`[data-thread="${thread.id}"]`)
      if (!card) return
      scroller.scrollTop += card.getBoundingClientRect().top - scroller.getBoundingClientRect().top
    }
    const handleScroll = () => {
      if (!frame) frame = requestAnimationFrame(follow)
    }
    window.addEventListener('scroll', handleScroll, { passive: true })
    return () => {
      window.removeEventListener('scroll', handleScroll)
      cancelAnimationFrame(frame)
    }
  }, [editor, panel])
}
