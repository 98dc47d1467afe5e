import { describe, expect, it } from 'vitest'
import type { Technician, User } from '@/api/types'
import { firstForm, formOf, profileOf, unprofiled } from './technicianProfile'

const tech: Technician = {
  user_id: 7,
  name: '李师傅',
  team_id: 3,
  skills: [{ trade: 'pipe_repair', level: 3 }],
  shift: { start: '07:30', end: '16:00' },
  break: { earliest: '11:00', latest: '12:00', minutes: 45 },
  depot: { x_km: 3.5, y_km: -4 },
  van_capacity: 30,
  on_duty: true,
  position: null,
  position_at: 0,
}

describe('technician profile form', () => {
  it('turns a listed profile into the request unchanged', () => {
    expect(profileOf(formOf(tech))).toEqual({
      skills: [{ trade: 'pipe_repair', level: 3 }],
      shift_start_minute: 450,
      shift_end_minute: 960,
      break_earliest_minute: 660,
      break_latest_minute: 720,
      break_minutes: 45,
      depot_x_km: 3.5,
      depot_y_km: -4,
      van_capacity: 30,
    })
  })
  it('sends no break times and no minutes when there is no break', () => {
    const form = { ...firstForm(), hasBreak: false }
    const profile = profileOf(form)
    expect(profile.break_minutes).toBe(0)
    expect('break_earliest_minute' in profile).toBe(false)
  })
  it('starts someone new at their team\'s depot when one is known', () => {
    expect(firstForm({ x_km: 2, y_km: -1 })).toMatchObject({ depotX: 2, depotY: -1, shiftStart: '08:00' })
    expect(firstForm()).toMatchObject({ depotX: 0, depotY: 0 })
  })
  it('does not share the skills array with the listed technician', () => {
    const form = formOf(tech)
    form.skills[0].level = 5
    expect(tech.skills[0].level).toBe(3)
  })
  it('lists the enabled technician users who have no profile yet', () => {
    const user = (id: number, role: User['role'], disabled = false) => ({ id, role, disabled }) as User
    const users = [user(7, 'technician'), user(8, 'technician'), user(9, 'technician', true), user(10, 'agent')]
    expect(unprofiled(users, [tech]).map((u) => u.id)).toEqual([8])
  })
})
