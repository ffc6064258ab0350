import { JSDOM } from 'jsdom'

const names = ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Text', 'DocumentFragment', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame', 'getSelection', 'DOMParser', 'Event', 'CustomEvent', 'KeyboardEvent', 'ClipboardEvent', 'InputEvent']

/**
 * Gives a Node test a browser's globals from jsdom, for the real editor, while the server and its sockets keep
 * running on Node's own; returns what puts the globals back.
 */
export function installDom(): () => void {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const)
  for (const name of names) {
    const value: unknown = name === 'window' ? window : (window as unknown as Record<string, unknown>)[name]
    Object.defineProperty(globalThis, name, { value: typeof value === 'function' && /^[a-z]/.test(name) ? value.bind(window) : value, configurable: true, writable: true })
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor)
      else delete (globalThis as Record<string, unknown>)[name]
    }
    window.close()
  }
}
