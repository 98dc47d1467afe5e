import { request } from './http'
import { routes } from './routes'
import type { AuditQuery, AuditRecord, AuditVerification, Items } from './types'

export async function listAudit(query: AuditQuery): Promise<AuditRecord[]> {
  return (await request<Items<AuditRecord>>(routes.listAudit, { query: { ...query } })).items
}

export function verifyAudit(): Promise<AuditVerification> {
  return request(routes.verifyAudit)
}
