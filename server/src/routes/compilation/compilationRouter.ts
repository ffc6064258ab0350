import { Router, type Response } from 'express'
import { frozenBrackets } from '../../../../shared/brackets/frozenBrackets.js'
import { printedParagraph } from '../../../../shared/brackets/printedBrackets.js'
import { documentClauses } from '../../../../shared/editor/documentClauses.js'
import { isOpen } from '../../../../shared/negotiation/amendmentRules.js'
import { changeClauseId } from '../../../../shared/negotiation/describeChange.js'
import { resolveChange } from '../../../../shared/negotiation/paragraphChanges.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { requireSession } from '../../http/requireSession.js'
import { exportLanguage } from '../../i18n/requestLanguage.js'
import { exportLabels, exportOptionText } from '../../exports/exportData.js'
import type { Language } from '../../../../shared/i18n/languages.js'
import { compilationBlocks, type CompilationBlock, type CompilationParagraph } from '../../exports/compilationBlocks.js'
import { amendmentPresenter } from '../amendments/presentAmendment.js'

/** GET /compilation.docx and /compilation.pdf (`?lang=` for the labels): the live text with every open amendment, tracked by its delegation. */
export function compilationRouter(context: AppContext): Router {
  const { store, sessions, hub, amendments, brackets } = context
  const router = Router({ mergeParams: true })
  router.use(['/compilation.docx', '/compilation.pdf'], requireSession(sessions), requirePermission(store, 'declaration.read'))

  /** The compilation of a declaration as it is now, and its title. */
  const compilation = async (declaration: string, language: Language): Promise<{ title: string; blocks: CompilationBlock[] }> => {
    const present = await amendmentPresenter(store)
    const open = (await amendments.list(declaration)).filter(isOpen).sort((a, b) => a.number - b.number)
    const items = await brackets.list(declaration)
    const optionText = exportOptionText(exportLabels(language))
    // Text, changes and brackets are read in one step, so each is placed in the text it is printed with.
    const paragraphs = await hub.withDocument(declaration, (document): CompilationParagraph[] => {
      const marks = frozenBrackets(document.doc, items)
      return documentClauses(document.doc).map((clause) => ({
        clauseId: clause.id,
        label: clause.label,
        text: clause.node.textContent,
        printed: printedParagraph(clause.node.textContent, marks, clause.id, optionText),
        amendments: open
          .filter((record) => changeClauseId(record.change) === clause.id)
          .map((record) => {
            const resolved = record.status === 'pending' ? resolveChange(document.doc, record.change) : null
            const spans = resolved?.kind === 'words' ? resolved.spans.map((span) => ({ from: span.from, to: span.to, inserted: span.content.map((run) => run.text).join('') })) : []
            return { amendment: present(record), fits: resolved !== null, spans }
          }),
      }))
    })
    return { title: (await store.getDeclaration(declaration))?.title ?? declaration, blocks: compilationBlocks(paragraphs, language) }
  }

  const send = (response: Response, type: string, filename: string, bytes: Buffer) => {
    response.setHeader('Content-Type', type)
    response.setHeader('Content-Disposition', `attachment; filename="${filename}"`)
    response.send(bytes)
  }

  router.get('/compilation.docx', async (request, response) => {
    const { declaration } = accessOf(response)
    const language = exportLanguage(request, response)
    const { title, blocks } = await compilation(declaration, language)
    // Loaded at the first export, as the version exports are: an idle server keeps no renderer in memory.
    const { renderCompilationDocx } = await import('../../exports/renderCompilationDocx.js')
    send(response, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${declaration}-compilation.docx`, await renderCompilationDocx(title, blocks, language))
  })

  router.get('/compilation.pdf', async (request, response) => {
    const { declaration } = accessOf(response)
    const language = exportLanguage(request, response)
    const { title, blocks } = await compilation(declaration, language)
    const { renderCompilationPdf } = await import('../../exports/renderCompilationPdf.js')
    send(response, 'application/pdf', `${declaration}-compilation.pdf`, await renderCompilationPdf(title, blocks, language))
  })

  return router
}
