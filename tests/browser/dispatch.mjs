// Smart dispatch on screen: an appointment is booked for tomorrow (through the API), the
// dispatcher plans the team's day on the dispatch board and sees the Gantt, the map and the
// unplanned list, checks a move; the technician sees the stop in tomorrow's route on the phone;
// the customer's tracking page shows the announced window. Then the dispatcher drags the job on
// the Gantt (a refused drop, an applied one), the open board follows a move made elsewhere and
// flags a reassignment, and an emergency order's drawer shows what pre-empting a technician does.

// The Gantt's geometry as DayGantt draws it (web/src/domain/ganttDrag.ts): the grid's margins,
// one band per route with the first at the top, whole hours around the routes, at least
// 08:00–18:00.
const GRID = { left: 72, right: 16, top: 30, bottom: 26 }

function ganttPixel(box, plan, row, minute) {
  let from = 480
  let to = 1080
  for (const r of plan.routes) {
    from = Math.min(from, r.departure_minute)
    to = Math.max(to, r.return_minute)
  }
  from = Math.floor(from / 60) * 60
  to = Math.ceil(to / 60) * 60
  const w = box.width - GRID.left - GRID.right
  const h = box.height - GRID.top - GRID.bottom
  return { x: box.x + GRID.left + ((minute - from) / (to - from)) * w, y: box.y + GRID.top + ((row + 0.5) * h) / plan.routes.length }
}

// The minute a job's middle must be dropped at to land at `position` among `stops` (the
// dragged job left out), as dropPosition reads it.
function dropMinute(stops, orderId, position) {
  const others = stops.filter((s) => s.order_id !== orderId).map((s) => (s.start_minute + s.end_minute) / 2)
  const lo = position > 0 ? others[position - 1] : (others[0] ?? 600) - 90
  const hi = position < others.length ? others[position] : (others.at(-1) ?? 600) + 90
  return (lo + hi) / 2
}

export async function dispatchPath(t) {
  const { base, step, login, newPage, shot, check, api, desktop, phone, log, PASSWORD, FIRST_PHONE } = t
  const as = async (username) =>
    (await api(base, '/api/v1/auth/login', { method: 'POST', body: { username, password: PASSWORD } })).token
  const beijing = (days) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000))
  const tomorrow = beijing(1)
  const state = { booking: null, team: null, number: null, technician: null }
  const dispatcherToken = async () => as('dispatcher01')
  const getPlan = async () => api(base, `/api/v1/dispatch/day-plans?team_id=${state.team}&date=${tomorrow}`, { token: await dispatcherToken() })

  // The dispatch board with the day plan of the test's team for tomorrow.
  async function openDayPlan(page) {
    await page.goto(`${base}/dispatch`)
    const panel = page.locator('[data-test=day-plan]')
    await panel.waitFor()
    await panel.locator('[data-test=plan-team]').click()
    await page.locator(`.el-select-dropdown__item[data-team="${state.team}"]:visible`).click()
    const date = panel.locator('[data-test=plan-date] input')
    await date.fill(tomorrow)
    await date.press('Enter')
    return panel
  }

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
    const panel = await openDayPlan(page)
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
  // Where the booked job can go, found with the server's move check: one place it is refused
  // and one (with another technician) it fits.
  async function dropTargets(plan) {
    const token = await dispatcherToken()
    const out = { refused: null, fits: null }
    for (const [row, route] of plan.routes.entries()) {
      if (route.user_id === state.technician) continue
      const places = route.stops.filter((s) => s.order_id !== state.booking.work_order_id).length
      for (let position = 0; position <= places; position++) {
        const body = { team_id: state.team, date: tomorrow, order_id: state.booking.work_order_id, to_user_id: route.user_id, position, apply: false }
        const answer = await api(base, '/api/v1/dispatch/day-plans/move', { method: 'POST', token, body })
        const place = { row, route, position, answer }
        if (!answer.feasible && !out.refused) out.refused = place
        if (answer.feasible && !out.fits) out.fits = place
      }
    }
    return out
  }

  // Presses on the booked job's bar, drags it to `place` and waits for the verdict before letting go.
  async function dragTo(page, plan, place) {
    const box = await page.locator('[data-test=day-gantt]').boundingBox()
    const row = plan.routes.findIndex((r) => r.user_id === state.technician)
    const stop = plan.routes[row].stops.find((s) => s.order_id === state.booking.work_order_id)
    const from = ganttPixel(box, plan, row, (stop.start_minute + stop.end_minute) / 2)
    const to = ganttPixel(box, plan, place.row, dropMinute(place.route.stops, stop.order_id, place.position))
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(from.x + 12, from.y, { steps: 3 })
    await page.mouse.move(to.x, to.y, { steps: 10 })
    const ghost = page.locator('[data-test=drag-ghost]')
    await ghost.waitFor()
    await page.waitForFunction(() => !['checking', 'idle'].includes(document.querySelector('[data-test=drag-ghost]')?.dataset.state ?? 'idle'))
    const verdict = { state: await ghost.getAttribute('data-state'), text: await page.locator('[data-test=drag-verdict]').innerText() }
    return { verdict, up: () => page.mouse.up() }
  }

  await step('dispatch day plan — dragging a job on the Gantt: a refused drop and an applied one', async () => {
    check(state.technician, 'no planned technician')
    const before = await getPlan()
    const targets = await dropTargets(before)
    check(targets.fits, 'no technician the job fits with')
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'dispatcher01')
    const panel = await openDayPlan(page)
    await panel.locator('[data-test=day-gantt] canvas').waitFor()
    await panel.locator('[data-test=day-gantt]').scrollIntoViewIfNeeded()
    await page.waitForTimeout(500) // the chart's first layout
    if (targets.refused) {
      const drop = await dragTo(page, before, targets.refused)
      check(drop.verdict.state === 'infeasible', `refused place shown as ${drop.verdict.state}: ${drop.verdict.text}`)
      log(`  while dragging: ${drop.verdict.text}`)
      await drop.up() // before any picture: shot() moves the mouse
      const refused = panel.locator('[data-test=drop-refused]')
      await refused.waitFor()
      await shot(page, 'dispatch-drag-refused')
      log(`  refused: ${(await refused.innerText()).replaceAll('\n', ' ')}`)
      check((await getPlan()).revision === before.revision, 'a refused drop changed the plan')
    } else {
      log('  every place fits: no refused drop to show (the team has room everywhere)')
    }
    const drop = await dragTo(page, before, targets.fits)
    check(drop.verdict.state === 'feasible', `fitting place shown as ${drop.verdict.state}: ${drop.verdict.text}`)
    log(`  while dragging: ${drop.verdict.text}`)
    await drop.up()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    await shot(page, 'dispatch-drag-confirm') // the green ghost stays under the question
    check((await box.innerText()).includes(state.number), 'the confirmation does not name the job')
    await box.locator('.el-button--primary').click()
    await panel.locator('[data-test=plan-summary]', { hasText: `第 ${before.revision + 1} 版` }).waitFor()
    const after = await getPlan()
    const moved = after.routes.find((r) => r.stops.some((s) => s.order_id === state.booking.work_order_id))
    check(moved?.user_id === targets.fits.route.user_id, `the job is with ${moved?.name}, not ${targets.fits.route.name}`)
    state.technician = moved.user_id
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('dispatch day plan — the open board follows a move made elsewhere and flags a reassignment', async () => {
    check(state.technician, 'no planned technician')
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'dispatcher01')
    const panel = await openDayPlan(page)
    const before = await getPlan()
    await panel.locator('[data-test=plan-summary]', { hasText: `第 ${before.revision} 版` }).waitFor()
    await page.waitForTimeout(1000) // the event stream is open
    // Another dispatcher moves the job back: dayplan.changed reloads the open plan.
    const token = await dispatcherToken()
    const back = before.routes.find((r) => r.user_id !== state.technician)
    const fits = await api(base, '/api/v1/dispatch/day-plans/move', { method: 'POST', token, body: { team_id: state.team, date: tomorrow, order_id: state.booking.work_order_id, to_user_id: back.user_id, position: 0, apply: false } })
    if (fits.feasible) {
      await api(base, '/api/v1/dispatch/day-plans/move', { method: 'POST', token, body: { team_id: state.team, date: tomorrow, order_id: state.booking.work_order_id, to_user_id: back.user_id, position: 0, apply: true } })
      await panel.locator('[data-test=plan-summary]', { hasText: `第 ${before.revision + 1} 版` }).waitFor()
      log(`  reloaded by dayplan.changed: revision ${before.revision + 1}`)
    }
    // The job is assigned to someone else outside the plan: the plan is flagged as stale.
    const plan = await getPlan()
    const holder = plan.routes.find((r) => r.stops.some((s) => s.order_id === state.booking.work_order_id))
    const other = plan.routes.find((r) => r.user_id !== holder.user_id)
    const order = await api(base, `/api/v1/work-orders/${state.booking.work_order_id}`, { token })
    await api(base, `/api/v1/work-orders/${order.id}/transitions`, { method: 'POST', token, body: { action: 'assign', assignee_id: other.user_id, version: order.version, note: '电话改派' } })
    await panel.locator('[data-test=plan-stale]').waitFor()
    await panel.scrollIntoViewIfNeeded()
    await shot(page, 'dispatch-day-plan-stale')
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('dispatch day plan — an emergency order shows what pre-empting a technician does', async () => {
    check(state.team, 'no team')
    const agent = await as('agent01')
    const token = await dispatcherToken()
    const pop = await api(base, `/api/v1/customers?phone=${FIRST_PHONE}`, { token: agent })
    const customer = pop.items[0]
    const account = customer.accounts[0]
    const categories = (await api(base, '/api/v1/work-order-categories', { token: agent })).items
    const leaf = (c) => !categories.some((x) => x.parent === c.code)
    const category = categories.find((c) => c.code.startsWith(`${account.utility}.`) && c.suggested_priority === 'emergency' && c.site_visit && leaf(c))
    check(category, `no emergency category for ${account.utility}`)
    const created = await api(base, '/api/v1/work-orders', {
      method: 'POST',
      token: agent,
      body: { type: 'repair', category: category.code, priority: 'emergency', title: `${category.name}（浏览器测试）`, customer_id: customer.id, account_id: account.id },
    })
    const plan = await getPlan()
    const busiest = [...plan.routes].sort((a, b) => b.stops.length - a.stops.length)[0]
    log(`  emergency ${created.number} (${category.code}), pre-empting ${busiest.name} with ${busiest.stops.length} stops`)
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'dispatcher01')
    await page.goto(`${base}/dispatch`)
    await page.locator(`[data-test=order-columns] [data-order="${created.number}"]`).click()
    const drawer = page.locator('[data-test=order-drawer]')
    const preempt = drawer.locator('[data-test=preempt-panel]')
    await preempt.waitFor()
    await preempt.locator('[data-test=preempt-team]').click()
    await page.locator(`.el-select-dropdown__item[data-team="${state.team}"]:visible`).click()
    const date = preempt.locator('[data-test=preempt-date] input')
    await date.fill(tomorrow)
    await date.press('Enter')
    await preempt.locator('[data-test=preempt-tech]').click()
    await page.locator(`.el-select-dropdown__item[data-user="${busiest.user_id}"]:visible`).click()
    const answer = preempt.locator('[data-test=preempt-answer]')
    await answer.waitFor()
    log(`  moved ${await answer.getAttribute('data-moved')}, windows broken ${await answer.getAttribute('data-broken')}`)
    await answer.scrollIntoViewIfNeeded()
    await shot(page, 'dispatch-preempt')
    // Sending the technician applies it: the emergency is assigned to them and is the next stop
    // of their stored day; what could not keep its window waits unplanned ("preempted").
    const movedOut = Number(await answer.getAttribute('data-broken'))
    const assign = preempt.locator('[data-test=preempt-assign]')
    check(await assign.isEnabled(), `sending is not offered for an order in state ${created.state}`)
    await assign.click()
    await page.locator('.el-message--success').waitFor()
    const after = await api(base, `/api/v1/work-orders/${created.id}`, { token })
    check(after.assignee_id === busiest.user_id, `the emergency is assigned to ${after.assignee_id}, not ${busiest.user_id}`)
    const rewritten = await getPlan()
    check(rewritten.revision > plan.revision, 'the day plan was not rewritten')
    const route = rewritten.routes.find((r) => r.user_id === busiest.user_id)
    check(route?.stops[0]?.order_id === created.id, `the emergency is not ${busiest.name}'s next stop`)
    const preempted = rewritten.unplanned.filter((u) => u.reason === 'preempted').length
    check(preempted === movedOut, `${preempted} jobs were taken out of the day, the screen said ${movedOut}`)
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
    state.emergency = { id: created.id, user_id: busiest.user_id }
  })

  await step('dispatch roster — a new technician gets a profile, then falls ill and comes back', async () => {
    const admin = await as('admin')
    const token = await dispatcherToken()
    const team = (await api(base, '/api/v1/technicians', { token })).items[0].team_id
    const user = await api(base, '/api/v1/users', { method: 'POST', token: admin, body: { username: 'newtech_web', display_name: '新来的师傅', role: 'technician', org_unit_id: team, password: 'Passw0rd1' } })
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'dispatcher01')
    await page.goto(`${base}/dispatch`)
    const create = page.locator(`[data-test=profile-new-${user.id}]`)
    await create.scrollIntoViewIfNeeded()
    await create.click()
    const dialog = page.locator('[data-test=profile-dialog]')
    await dialog.locator('[data-test=add-skill]').click()
    await dialog.locator('[data-test=skill-0] .el-input-number__increase').click()
    await shot(page, 'dispatch-technician-profile')
    await dialog.locator('[data-test=profile-save]').click()
    await page.locator('.el-message--success').first().waitFor()
    const listed = async () => (await api(base, '/api/v1/technicians', { token })).items.find((x) => x.user_id === user.id)
    const saved = await listed()
    check(saved && saved.skills.length === 1 && saved.skills[0].trade === 'pipe_repair' && saved.skills[0].level === 2, `saved ${JSON.stringify(saved)}`)
    check(saved.shift.start === '08:00' && saved.break?.minutes === 60, 'the usual day was not filled in')
    check((await page.locator(`[data-test=profile-new-${user.id}]`).count()) === 0, 'still listed without a profile')
    const duty = page.locator(`[data-test=duty-${user.id}]`)
    await duty.click()
    await page.locator('.el-message--success', { hasText: '离岗' }).waitFor()
    check((await listed()).on_duty === false, 'not marked off duty')
    await duty.click()
    await page.locator('.el-message--success', { hasText: '在岗' }).first().waitFor()
    check((await listed()).on_duty === true, 'not back on duty')
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  // On a job, a technician is tracked at any hour, so the step does not depend on the clock.
  await step('dispatch live position — the technician\'s phone shares its location on the way', async () => {
    check(state.emergency, 'no emergency sent to a technician')
    const admin = await as('admin')
    const user = await api(base, `/api/v1/users/${state.emergency.user_id}`, { token: admin })
    const tech = await as(user.username)
    await api(base, `/api/v1/work-orders/${state.emergency.id}/transitions`, { method: 'POST', token: tech, body: { action: 'depart' } })
    const context = await phone()
    await context.grantPermissions(['geolocation'], { origin: base })
    // 0.01° east and 0.02° north of the city's origin (120°, 30°): 0.964 km east, 2.211 km north.
    await context.setGeolocation({ longitude: 120.01, latitude: 30.02, accuracy: 15 })
    const page = await newPage(context, base)
    await login(page, user.username)
    const bar = page.locator('[data-test=tracking][data-status=sharing]')
    await bar.waitFor({ timeout: 15_000 })
    check((await bar.innerText()).includes('已上报'), 'the bar does not say the position was sent')
    const crew = (await api(base, '/api/v1/technicians', { token: await dispatcherToken() })).items
    const seen = crew.find((t) => t.user_id === state.emergency.user_id)?.position
    check(seen && Math.abs(seen.x_km - 0.964) < 0.01 && Math.abs(seen.y_km - 2.211) < 0.01, `the dispatcher sees ${JSON.stringify(seen)}`)
    await shot(page, 'tech-live-position')
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })
}
