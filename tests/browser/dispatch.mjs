// Smart dispatch on screen: an appointment is booked for tomorrow (through the API), the
// dispatcher plans the team's day on the dispatch board and sees the Gantt, the map and the
// unplanned list, checks a move; the technician sees the stop in tomorrow's route on the phone;
// the customer's tracking page shows the announced window.
export async function dispatchPath(t) {
  const { base, step, login, newPage, shot, check, api, desktop, phone, log, PASSWORD, FIRST_PHONE } = t
  const as = async (username) =>
    (await api(base, '/api/v1/auth/login', { method: 'POST', body: { username, password: PASSWORD } })).token
  const beijing = (days) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000))
  const tomorrow = beijing(1)
  const state = { booking: null, team: null, number: null, technician: null }

  await step('dispatch day plan — setup: an appointment tomorrow 09:00–11:00', async () => {
    const agent = await as('agent01')
    const dispatcher = await as('dispatcher01')
    const pop = await api(base, `/api/v1/customers?phone=${FIRST_PHONE}`, { token: agent })
    const account = pop.items[0].accounts[0]
    const me = await api(base, '/api/v1/auth/me', { token: dispatcher })
    const day = Number(tomorrow.replaceAll('-', ''))
    const slots = await api(base, '/api/v1/appointment-slots', {
      method: 'POST',
      token: dispatcher,
      body: {
        team_id: me.org_unit_id,
        district_id: account.district_id,
        utility: account.utility,
        from: day,
        to: day,
        skip_non_working_days: false,
        windows: [{ start_minute: 540, end_minute: 660, capacity: 4 }],
      },
    })
    state.booking = await api(base, '/api/v1/appointments', {
      method: 'POST',
      token: agent,
      body: { account_no: account.account_no, service: `${account.utility}.repair`, slot_id: slots.items[0].id, note: '' },
    })
    const order = await api(base, `/api/v1/work-orders/${state.booking.work_order_id}`, { token: dispatcher })
    state.team = order.department_id
    state.number = order.number
    log(`  booked ${order.number} for ${tomorrow}, team ${state.team}`)
  })

  await step('dispatch day plan — dispatcher plans the day and sees the Gantt', async () => {
    check(state.team, 'no booking from the setup step')
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'dispatcher01')
    await page.goto(`${base}/dispatch`)
    const panel = page.locator('[data-test=day-plan]')
    await panel.waitFor()
    await panel.locator('[data-test=plan-team]').click()
    await page.locator(`.el-select-dropdown__item[data-team="${state.team}"]:visible`).click()
    const date = panel.locator('[data-test=plan-date] input')
    await date.fill(tomorrow)
    await date.press('Enter')
    await panel.locator('[data-state=empty]').waitFor()
    await panel.locator('[data-test=plan-run]').click()
    await panel.locator('[data-test=plan-summary]').waitFor({ timeout: 20_000 })
    await panel.locator('[data-test=day-gantt] canvas').waitFor()
    await panel.locator('[data-test=stop-map] canvas').waitFor()
    const plan = await api(base, `/api/v1/dispatch/day-plans?team_id=${state.team}&date=${tomorrow}`, { token: await as('dispatcher01') })
    const route = plan.routes.find((r) => r.stops.some((s) => s.order_id === state.booking.work_order_id))
    check(route, `${state.number} is not in the stored plan`)
    state.technician = route.user_id
    // The move check: the job to another technician of the team, answered on screen.
    await panel.locator('[data-test=move-order]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: state.number }).first().click()
    await page.waitForTimeout(300) // the job list closes
    const stop = route.stops.find((x) => x.order_id === state.booking.work_order_id)
    const crew = (await api(base, '/api/v1/technicians', { token: await as('dispatcher01') })).items
    const units = (await api(base, '/api/v1/org-units', { token: await as('dispatcher01') })).items
    const teams = new Set([state.team, ...units.filter((u) => u.parent_id === state.team).map((u) => u.id)])
    const other = crew.find((x) => x.user_id !== route.user_id && teams.has(x.team_id) && x.skills.some((k) => k.trade === stop.trade))
    check(other, 'no colleague with the trade in the plan')
    await panel.locator('[data-test=move-to]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: other.name }).last().click()
    await panel.locator('[data-test=move-check]').click()
    await panel.locator('[data-test=move-answer]').waitFor()
    await panel.scrollIntoViewIfNeeded()
    await shot(page, 'dispatch-day-plan')
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('dispatch day plan — technician sees tomorrow\'s stops on the phone', async () => {
    check(state.technician, 'no planned technician')
    const admin = await as('admin')
    const user = await api(base, `/api/v1/users/${state.technician}`, { token: admin })
    const context = await phone()
    const page = await newPage(context, base)
    await login(page, user.username)
    const stops = page.locator('[data-test=my-stops]')
    await stops.waitFor()
    await stops.locator('[data-test=stops-day] label', { hasText: '明天' }).click()
    await stops.locator(`li[data-order="${state.number}"]`).waitFor()
    check((await stops.locator(`li[data-order="${state.number}"]`).innerText()).includes('09:00–11:00'), 'the promised window is not shown')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    check(overflow <= 1, `page is ${overflow}px wider than the phone`)
    await shot(page, 'tech-stops-phone')
    await context.close()
  })

  await step('dispatch day plan — the customer sees the announced window', async () => {
    check(state.booking, 'no booking')
    const context = await phone()
    const page = await newPage(context, base)
    await page.goto(`${base}/track/${state.booking.tracking_code}`)
    const window = page.locator('[data-test=track-planned-window]')
    await window.waitFor()
    check((await window.innerText()).includes('09:00–11:00'), `window text: ${await window.innerText()}`)
    await shot(page, 'track-planned-window-phone')
    await context.close()
  })
}
