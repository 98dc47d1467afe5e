// Photos and documents of a work order (the technician's site photos): uploaded as the raw
// request body with its content type, listed per order, and read back through an authorised
// fetch (an <img src> cannot send the Bearer token), shown from an object URL.
import { request, requestBlob } from './http'
import { routes } from './routes'
import type { Items } from './types'

export interface Attachment {
  id: number
  order_id: number
  name: string
  content_type: string
  size: number
  sha256: string
  uploaded_by: number
  uploaded_by_name: string
  uploaded_at: number
}

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const

export function uploadAttachment(orderId: number, file: Blob, name: string): Promise<Attachment> {
  return request(routes.uploadAttachment, { path: { id: orderId }, query: { name }, raw: { data: file, type: file.type } })
}

export async function listAttachments(orderId: number): Promise<Attachment[]> {
  return (await request<Items<Attachment>>(routes.listAttachments, { path: { id: orderId } })).items
}

/** An attachment's bytes, for an object URL. */
export function attachmentBlob(id: number): Promise<Blob> {
  return requestBlob(routes.attachmentContent, { path: { id } })
}
