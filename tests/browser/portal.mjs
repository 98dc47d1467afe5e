// The customer portal on a 390-px phone (no login) and the agent's appointment booking, against
// the real server: the customer books a home visit, looks up a bill (wrong digits first, then the
// arrears), reports a problem with a photo and follows its tracking code; the agent books a visit
// for a caller and cancels it. Demo accounts and their holders' phones are found through the staff
// API, the way a supervisor would.
export async function portalPath(t) {
  const { base, step, login, newPage, shot, check, api, desktop, phone, log, PASSWORD } = t
  const sup = await api(base, '/api/v1/auth/login', { method: 'POST', body: { username: 'supervisor01', password: PASSWORD } })
  const fits = async (page, what) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    check(overflow <= 1, `${what}: page is ${overflow}px wider than the viewport`)
  }
  const last4 = (p) => p.replace(/\D/g, '').slice(-4)
  const wrongDigits = (phones) => ['0000', '1111', '2222', '3333'].find((d) => !phones.some((p) => p.endsWith(d)))
  const serviceFor = { water: 'water.repair', heat: 'heat.repair', gas: 'gas.inspection' }

  // Demo data: a holder with a water account (for reporting), one owing money (for the bill),
  // and the caller of the agent step.
  let reporter = null
  let owing = null
  let booker = null
  for (let id = 1; id <= 300 && !(reporter && owing && booker); id++) {
    const c = await api(base, `/api/v1/customers/${id}`, { token: sup.token }).catch(() => null)
    if (!c || !c.phones?.[0] || c.phones[0].includes('*')) continue
    const water = c.accounts.find((a) => a.utility === 'water' && a.status === 'active')
    const owes = c.accounts.find((a) => a.arrears_fen > 0)
    if (!reporter && water) reporter = { customer: c, account: water }
    else if (!owing && owes) owing = { customer: c, account: owes }
    else if (!booker && c.accounts.some((a) => a.status === 'active')) booker = { customer: c, account: c.accounts.find((a) => a.status === 'active') }
  }
  check(reporter && owing && booker, 'no demo customers with accounts and phones found')
  const jpeg = async (page) =>
    Buffer.from(
      await page.evaluate(() => {
        const c = document.createElement('canvas')
        c.width = 320
        c.height = 240
        const g = c.getContext('2d')
        g.fillStyle = '#b08a3a'
        g.fillRect(0, 0, 320, 240)
        g.fillStyle = '#fff'
        g.font = '28px sans-serif'
        g.fillText('水龙头出黄水', 70, 130)
        return c.toDataURL('image/jpeg', 0.8).split(',')[1]
      }),
      'base64',
    )

  await step('portal 1 — customer on a phone: home, then books a home visit', async () => {
    const context = await phone()
    const page = await newPage(context, base)
    await page.goto(`${base}/portal`)
    await page.locator('[data-test=portal-tiles] [data-tile=book]').waitFor()
    await fits(page, 'portal home')
    await shot(page, 'portal-home-phone')
    await page.locator('[data-tile=book]').click()
    const { account, customer } = booker
    const code = serviceFor[account.utility]
    await page.locator(`[data-service="${code}"]`).click()
    await page.locator('[data-test=book-find]').click()
    await page.getByText('请输入户号').waitFor()
    await page.locator('input[name=account-no]').fill(account.account_no)
    await page.locator('input[name=phone-last4]').fill(last4(customer.phones[0]))
    await page.locator('[data-test=book-find]').click()
    await page.locator('[data-test=slot-picker] [data-slot]').first().click()
    await fits(page, 'booking slots')
    await shot(page, 'portal-book-phone')
    await page.locator('[data-test=book-submit]').click()
    await page.locator('[data-test=book-done] [data-test=book-code]').waitFor()
    const trackingCode = (await page.locator('[data-test=book-code]').innerText()).trim()
    log(`  booked ${code} for ${account.account_no}, tracking ${trackingCode}`)
    await shot(page, 'portal-booked-phone')
    const booked = await api(base, `/api/v1/appointments?customer_id=${customer.id}&state=booked`, { token: sup.token })
    check(booked.items.some((a) => a.channel === 'portal' && a.service === code), 'the portal booking is not on the server')
    // A service that needs papers answers with the guidance, not slots.
    await page.locator('[data-test=book-again]').click()
    await page.locator('[data-service="gas.rerouting"]').click()
    await page.locator('[data-test=service-guidance]').waitFor()
    await page.locator('[data-test=book-track]').waitFor({ state: 'detached' })
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('portal 2 — customer on a phone: bill query (wrong digits, then the arrears)', async () => {
    const context = await phone()
    const page = await newPage(context, base)
    await page.goto(`${base}/portal/bill`)
    const { account, customer } = owing
    await page.locator('[data-test=bill-submit]').click()
    await page.locator('[data-test=error-account_no]').waitFor()
    await page.locator('input[name=account-no]').fill(account.account_no)
    await page.locator('input[name=phone-last4]').fill(wrongDigits(customer.phones))
    await page.locator('[data-test=bill-submit]').click()
    await page.locator('[data-test=portal-problem]').getByText('户号或手机号后四位不正确').waitFor()
    await page.locator('input[name=phone-last4]').fill(last4(customer.phones[0]))
    await page.locator('[data-test=bill-submit]').click()
    const result = page.locator('[data-test=bill-result]')
    await result.waitFor()
    check(Number(await result.getAttribute('data-arrears')) > 0, 'the bill shows no arrears')
    await page.locator('[data-test=bill-arrears-note]').waitFor()
    await fits(page, 'bill result')
    await shot(page, 'portal-bill-phone')
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('portal 3 — customer on a phone: reports a problem with a photo, follows the code', async () => {
    const context = await phone()
    const page = await newPage(context, base)
    await page.goto(`${base}/portal/report`)
    await page.locator('[data-test=category-picker]').waitFor()
    await page.locator('[data-test=report-submit]').click()
    await page.locator('[data-test=error-category]').waitFor()
    const { account, customer } = reporter
    await page.locator('input[name=account-no]').fill(account.account_no)
    await page.locator('input[name=phone-last4]').fill(last4(customer.phones[0]))
    await page.locator('[data-root=water]').click()
    await page.locator('[data-category="water.quality.yellow"]').click()
    await page.locator('[data-test=category-chosen]').getByText('水黄').waitFor()
    await page.locator('textarea[name=report-description]').fill('门户报修测试：厨房水龙头出黄水，已持续一天。')
    await page.locator('[data-test=portal-photo-input]').setInputFiles({ name: 'tap.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) })
    await page.locator('[data-test=photo-previews] img').first().waitFor()
    await fits(page, 'report form')
    await shot(page, 'portal-report-phone')
    await page.locator('[data-test=report-submit]').click()
    await page.locator('[data-test=report-done] [data-test=report-code]').waitFor()
    await page.locator('[data-test=photos-uploaded]').waitFor()
    const number = (await page.locator('[data-test=report-number]').innerText()).trim()
    log(`  reported ${number} on the portal`)
    await shot(page, 'portal-reported-phone')
    await page.locator('[data-test=report-track]').click()
    await page.waitForURL(/\/track\//)
    await page.locator('[data-test=track-result]').getByText(number).waitFor()
    await fits(page, 'tracking a portal report')
    const list = await api(base, `/api/v1/work-orders?customer_id=${customer.id}&limit=5`, { token: sup.token })
    const order = list.items.find((o) => o.number === number)
    check(order, 'the reported order is not on the server')
    const files = await api(base, `/api/v1/work-orders/${order.id}/attachments`, { token: sup.token })
    check(files.items.length === 1, `the order has ${files.items.length} attachments`)
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('agent: books a home visit for the caller, moves it, then cancels it', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'agent01')
    const { customer } = booker
    await page.locator('input[name=customer-search]').fill(customer.phones[0])
    await page.keyboard.press('Enter')
    await page.locator('[data-test=customer-360] [data-test=customer-name]').waitFor()
    await page.locator('[data-test=appt-open]').click()
    const dialog = page.locator('[data-test=appt-dialog]')
    await dialog.locator('[data-test=appt-list], [data-state=empty]').first().waitFor()
    const before = await dialog.locator('[data-test=appt-list] li[data-state=booked]').count()
    const account = customer.accounts.find((a) => a.status !== 'closed')
    await dialog.locator(`[data-account="${account.account_no}"]`).click()
    await dialog.locator(`[data-service="${serviceFor[account.utility]}"]`).click()
    await dialog.locator('[data-test=slot-picker] [data-slot]').last().click()
    await shot(page, 'agent-appointment')
    await dialog.locator('[data-test=appt-save]').click()
    await page.locator('.el-message').getByText('已预约').waitFor()
    await dialog.locator('[data-test=appt-list] li[data-state=booked]').nth(before).waitFor()
    const booked = await api(base, `/api/v1/appointments?customer_id=${customer.id}&state=booked`, { token: sup.token })
    const mine = booked.items.filter((a) => a.channel === 'staff')
    check(mine.length >= 1, 'the agent booking is not on the server')
    const newest = mine.sort((a, b) => b.created_at - a.created_at)[0]
    const row = dialog.locator(`[data-test=appt-list] li[data-appt="${newest.id}"]`)
    // Move it to another window, then cancel it.
    await row.locator('[data-test=appt-reschedule]').click()
    await dialog.locator('[data-test=appt-form] [data-test=slot-picker] [data-slot]').first().click()
    await dialog.locator('[data-test=appt-save]').click()
    await page.locator('.el-message').getByText('已改约').waitFor()
    const moved = await api(base, `/api/v1/appointments/${newest.id}`, { token: sup.token })
    check(moved.reschedule_count === 1 && moved.slot_id !== newest.slot_id, 'the booking was not moved')
    await row.getByText('改约 1 次').waitFor()
    await row.locator('[data-test=appt-cancel]').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await dialog.locator(`[data-test=appt-list] li[data-appt="${newest.id}"][data-state=cancelled]`).waitFor()
    const after = await api(base, `/api/v1/appointments/${newest.id}`, { token: sup.token })
    check(after.state === 'cancelled', `the booking is ${after.state}`)
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })
}
