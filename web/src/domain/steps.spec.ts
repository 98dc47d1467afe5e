import { describe, expect, it } from 'vitest'
import type { PermissionCode } from '@/api/types'
import { isStaleVersion, mayTake, missingField, stepBody, stepsFor, DISPATCH_STEPS, TECH_STEPS } from './steps'

const dispatcher = (p: PermissionCode) => ['workorders:dispatch', 'workorders:create', 'workorders:read'].includes(p)
const tech = (p: PermissionCode) => ['workorders:handle', 'workorders:read'].includes(p)
const agent = (p: PermissionCode) => ['workorders:callback', 'workorders:create'].includes(p)

describe('steps', () => {
  it('offers the dispatcher what the state allows', () => {
    expect(stepsFor(DISPATCH_STEPS, { state: 'accepted', type: 'repair' }, dispatcher)).toEqual(['dispatch', 'assign', 'urge', 'merge', 'link', 'cancel'])
    expect(stepsFor(DISPATCH_STEPS, { state: 'en_route', type: 'repair' }, dispatcher)).toEqual(['urge', 'return', 'link'])
    expect(stepsFor(DISPATCH_STEPS, { state: 'closed', type: 'repair' }, dispatcher)).toEqual([])
  })
  it('walks the technician through depart, arrive, resolve', () => {
    expect(stepsFor(TECH_STEPS, { state: 'assigned', type: 'repair' }, tech)).toEqual(['depart', 'resolve', 'return'])
    expect(stepsFor(TECH_STEPS, { state: 'en_route', type: 'repair' }, tech)).toEqual(['arrive', 'return'])
    expect(stepsFor(TECH_STEPS, { state: 'on_site', type: 'repair' }, tech)).toEqual(['resolve', 'return'])
  })
  it('lets the agent close a consultation without a callback', () => {
    expect(mayTake('close', { state: 'resolved', type: 'consultation' }, agent)).toBe(true)
    expect(mayTake('close', { state: 'resolved', type: 'repair' }, agent)).toBe(false)
    expect(mayTake('start_callback', { state: 'resolved', type: 'repair' }, agent)).toBe(true)
    expect(mayTake('start_callback', { state: 'resolved', type: 'repair' }, tech)).toBe(false)
  })
  it('names the missing field', () => {
    expect(missingField({ action: 'return', note: '  ' })).toBe('note')
    expect(missingField({ action: 'assign' })).toBe('assignee_id')
    expect(missingField({ action: 'close', result: 'reached' })).toBe('satisfaction')
    expect(missingField({ action: 'close', result: 'unreached' })).toBeNull()
    expect(missingField({ action: 'urge' })).toBeNull()
  })
  it('sends only the fields a step uses', () => {
    expect(stepBody({ action: 'merge', version: 3, target_id: 9, assignee_id: 4, note: '' })).toEqual({ action: 'merge', version: 3, target_id: 9 })
    expect(stepBody({ action: 'close', version: 1, result: 'unreached', satisfaction: 5 })).toEqual({ action: 'close', version: 1, result: 'unreached' })
  })
  it('recognises a stale version', () => {
    expect(isStaleVersion({ status: 409, detail: 'the work order was changed by someone else (version 3)' })).toBe(true)
    expect(isStaleVersion({ status: 409, detail: 'cannot depart a work order that is dispatched' })).toBe(false)
  })
})
