// Who handled a contact, for the timeline. The answer to POST /interactions carries the agent's
// id but (today) an empty agent_name, so the caller's own name fills in for their own contacts.
import type { Interaction, Principal } from '@/api/types'

export type HandledBy = { kind: 'self_service' } | { kind: 'agent'; name: string }

export function handledBy(i: Pick<Interaction, 'agent_id' | 'agent_name'>, me: Pick<Principal, 'user_id' | 'display_name'> | null): HandledBy {
  if (i.agent_id === null) return { kind: 'self_service' }
  if (i.agent_name) return { kind: 'agent', name: i.agent_name }
  if (me && me.user_id === i.agent_id) return { kind: 'agent', name: me.display_name }
  return { kind: 'agent', name: `#${i.agent_id}` }
}
