import { execFile, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Packer, type Document } from 'docx'

/** Whether LibreOffice (Debian's package) is there to convert documents. */
export const hasLibreOffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0

/** The HTML LibreOffice writes for this .docx, as an office program would put it on the clipboard. */
export async function docxToHtml(document: Document): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kelisim-docx-'))
  try {
    await writeFile(join(dir, 'pasted.docx'), await Packer.toBuffer(document))
    // A profile of its own, so conversions running at the same time do not wait on each other's lock.
    await promisify(execFile)(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'html', '--outdir', dir, join(dir, 'pasted.docx')],
      { timeout: 120_000 },
    )
    return await readFile(join(dir, 'pasted.html'), 'utf8')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
