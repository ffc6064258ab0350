// Worker threads do not inherit the TypeScript loader; this loads the reader through it.
import { tsImport } from 'tsx/esm/api'

await tsImport('./textReaderThread.ts', import.meta.url)
