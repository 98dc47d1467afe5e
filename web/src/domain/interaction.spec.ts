import { describe, expect, it } from 'vitest'
import { handledBy } from './interaction'

const me = { user_id: 2, display_name: '董金' }

describe('handledBy', () => {
  it('names the agent, or says self-service', () => {
    expect(handledBy({ agent_id: 7, agent_name: '潘俊俊' }, me)).toEqual({ kind: 'agent', name: '潘俊俊' })
    expect(handledBy({ agent_id: null, agent_name: '' }, me)).toEqual({ kind: 'self_service' })
  })
  it('fills in the caller\'s own name when the server leaves it empty', () => {
    expect(handledBy({ agent_id: 2, agent_name: '' }, me)).toEqual({ kind: 'agent', name: '董金' })
    expect(handledBy({ agent_id: 9, agent_name: '' }, me)).toEqual({ kind: 'agent', name: '#9' })
  })
})
