import { frozenStatusesOf, frozenStatusMap } from '../../../../shared/paragraphStatus/frozenStatuses.js'
import { Router } from 'express'
import type { CanonicalText } from '../../../../shared/versions/canonicalText.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { ExportData } from '../../exports/exportData.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { requireSession } from '../../http/requireSession.js'
import { exportLanguage } from '../../i18n/requestLanguage.js'
import { signaturesView } from '../../signatures/signaturesView.js'
import type { VersionService } from '../../versions/VersionService.js'

// The renderers load at the first export: pdfkit, docx and the line-breaking tables are a third of an idle server.
const formats = {
  pdf: { render: async (data: ExportData) => (await import('../../exports/renderPdf.js')).renderPdf(data), type: 'application/pdf' },
  docx: {
    render: async (data: ExportData) => (await import('../../exports/renderDocx.js')).renderDocx(data),
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
}

/** GET /exports/:versionId.pdf and .docx (`?lang=` for the labels): a frozen version with its signatures page and how to verify it. */
export function exportsRouter(context: AppContext, versions: VersionService): Router {
  const { store, sessions } = context
  const router = Router({ mergeParams: true })
  router.use('/exports', requireSession(sessions), requirePermission(store, 'declaration.read'))

  router.get('/exports/:file', async (request, response) => {
    const match = /^([0-9a-f-]{1,64})\.(pdf|docx)$/.exec(String(request.params.file))
    if (!match) throw new ApiProblem(404, 'not_found.export')
    const [, versionId, extension] = match as unknown as [string, string, keyof typeof formats]
    const { declaration } = accessOf(response)
    const { record, text } = await versions.get(declaration, versionId)
    const language = exportLanguage(request, response)
    const statuses = frozenStatusMap(frozenStatusesOf(text))
    const canonical = text as CanonicalText
    // A version frozen in form 2 carries its brackets and alternatives; they print as literal brackets.
    const data = { declaration, version: record, text: canonical, statuses, negotiation: canonical.negotiation, signatures: await signaturesView(store, declaration, record.id), language }
    const body = await formats[extension].render(data)
    response.setHeader('Content-Type', formats[extension].type)
    response.setHeader('Content-Disposition', `attachment; filename="${declaration}-v${record.seq}.${extension}"`)
    response.send(body)
  })

  return router
}
