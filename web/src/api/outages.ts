import { request } from './http'
import { routes } from './routes'
import type { Items } from './types'
import type { Announcement, NewAnnouncement, NewOutage, OutageChange, OutageRecord } from './workflow'

/** Outages, newest first; `open` keeps the planned and active ones. */
export async function listOutages(open = false): Promise<OutageRecord[]> {
  return (await request<Items<OutageRecord>>(routes.listOutages, { query: { open: open ? 'true' : undefined, limit: 200 } })).items
}

export function createOutage(outage: NewOutage): Promise<OutageRecord> {
  return request(routes.createOutage, { body: outage })
}

/** Start, restore, cancel, or move the expected restore time (409 on a stale version). */
export function changeOutage(id: number, change: OutageChange): Promise<OutageRecord> {
  return request(routes.changeOutage, { path: { id }, body: change })
}

export async function listAnnouncements(): Promise<Announcement[]> {
  return (await request<Items<Announcement>>(routes.listAnnouncements)).items
}

export function createAnnouncement(a: NewAnnouncement): Promise<Announcement> {
  return request(routes.createAnnouncement, { body: a })
}

export function withdrawAnnouncement(id: number): Promise<void> {
  return request(routes.withdrawAnnouncement, { path: { id } })
}
