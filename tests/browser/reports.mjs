// The reports and the administrator's setup screens against the real server: a manager opens the
// work-order report over the demo's last month, switches the dimension, drills down to the orders
// behind a figure (the page's total must equal the figure) and downloads the XLSX (a zip: "PK");
// an admin adds a routing rule and a category and saves them, meets the 409 for a category still
// in use, and plans appointment slots, seeing booked against capacity.
//
// The harness seeds no order history (`--history-days` is not passed), but the demo adds 300
// orders spread over the last 30 days (most of them closed, with callbacks): the report step
// reads a custom range over those days and asserts non-zero figures that match the API's.
import { readFileSync } from 'node:fs'

export async function reportsPath(t) {
  const { base, step, login, newPage, shot, check, api, desktop, log } = t
  const admin = await api(base, '/api/v1/auth/login', { method: 'POST', body: { username: 'admin', password: t.PASSWORD } })
  const pick = async (page, text) => page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
  const day = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
  const to = day(Date.now())
  const from = day(Date.now() - 30 * 86_400_000)
  const range = `period=custom&from=${from}&to=${to}`

  await step('reports — manager: report, dimension, drill-down, XLSX download', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'manager01')
    const manager = await api(base, '/api/v1/auth/login', { method: 'POST', body: { username: 'manager01', password: t.PASSWORD } })
    const expected = await api(base, `/api/v1/reports/work-orders?${range}&group_by=district`, { token: manager.token })
    log(`  report ${from}…${to}: ${expected.total.created} orders, ${expected.total.resolved} resolved, ${expected.groups.length} districts`)
    check(expected.total.created > 0 && expected.total.resolved > 0, 'the demo has no orders in the last 30 days to report on')
    // The reports page from the navigation, then the last 30 days as a link would carry them.
    await page.goto(`${base}/reports`)
    await page.locator('[data-test=report-body][data-ready=true]').waitFor()
    await page.goto(`${base}/reports?${range}&group_by=day`)
    await page.locator('[data-test=report-body][data-ready=true][data-group-by=day]').waitFor()
    check((await page.locator('[data-test=kpi-created]').innerText()).trim() === String(expected.total.created), 'the KPI count differs from the API')
    check(/\d+\.\d%/.test(await page.locator('[data-test=kpi-completion]').innerText()), 'no completion rate shown')
    await page.locator('[data-test=chart-volume] canvas').first().waitFor()
    await shot(page, 'reports-by-day')
    // Switch the dimension to districts: the table follows.
    await page.locator('[data-test=report-dimension] [data-dim=district]').click()
    await page.locator('[data-test=report-body][data-ready=true][data-group-by=district]').waitFor()
    check(new URL(page.url()).searchParams.get('group_by') === 'district', 'the address does not carry the dimension')
    const biggest = expected.groups[0]
    const cell = page.locator(`[data-test=report-table] .el-table__body-wrapper tr`).filter({ hasText: biggest.label }).first().locator('[data-metric=created]')
    check(Number(await cell.getAttribute('data-value')) === biggest.created, `the table's ${biggest.label} differs from the API`)
    await shot(page, 'reports-by-district')
    await page.locator('[data-test=report-table]').scrollIntoViewIfNeeded()
    await shot(page, 'reports-table')
    // Drill down: the orders behind the figure, as many as the figure says.
    await cell.click()
    const drawer = page.locator('[data-test=drill-drawer]')
    await drawer.locator(`[data-test=drill-subtitle][data-total="${biggest.created}"]`).waitFor()
    const rows = await drawer.locator('[data-test=drill-orders] .el-table__body-wrapper tr').count()
    check(rows === Math.min(20, biggest.created), `the drill-down shows ${rows} rows for ${biggest.created} orders`)
    await shot(page, 'reports-drill-down')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
    // The XLSX download: fetched with the token, saved as a file; a zip starts with PK.
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/reports/work-orders?') && r.url().includes('format=xlsx')),
      page.waitForEvent('download'),
      page.locator('[data-test=export-xlsx]').click(),
    ])
    check(response.status() === 200, `the XLSX answered ${response.status()}`)
    check(response.headers()['content-type']?.includes('spreadsheetml'), `the XLSX came as ${response.headers()['content-type']}`)
    // (Playwright reads no body for a response the page consumed as a blob: the saved file is
    // what the user gets.)
    const bytes = readFileSync(await download.path())
    check(bytes.length > 100 && bytes.subarray(0, 2).toString('latin1') === 'PK', `the saved XLSX (${bytes.length} bytes) is not a zip`)
    log(`  downloaded ${download.suggestedFilename()} (${bytes.length} bytes)`)
    check(download.suggestedFilename().endsWith('.xlsx'), `unexpected file name ${download.suggestedFilename()}`)
    // The CSV: UTF-8 with a BOM (for Excel on a Chinese desktop), Chinese headers, a 合计 row.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-csv]').click()])
    const text = readFileSync(await csv.path())
    check(text.subarray(0, 3).toString('hex') === 'efbbbf', 'the CSV has no BOM')
    const lines = text.toString('utf8').slice(1).trim().split(/\r\n/)
    check(lines[0].startsWith('分组,名称,受理量') && lines.at(-1).includes('合计'), `unexpected CSV: ${lines[0]} … ${lines.at(-1)}`)
    check(lines.length === expected.groups.length + 2, `the CSV has ${lines.length} lines for ${expected.groups.length} districts`)
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('reports — admin: adds a routing rule (client check, a server field error on its row) and saves', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'admin')
    await page.goto(`${base}/admin/routing-rules`)
    await page.locator('[data-test=rules-table] .el-table__body-wrapper tr').first().waitFor()
    const before = await api(base, '/api/v1/routing-rules', { token: admin.token })
    // An empty new rule is refused before sending.
    await page.locator('[data-test=rule-add]').click()
    await page.locator('[data-test=rules-save]').click()
    await page.locator('[data-test=rules-problem]').getByText('请选择有效的分类').waitFor()
    // A city-wide rule for 燃气 › 安全 → the gas emergency crew's parent unit.
    await page.locator('[data-test=rule-category]').click()
    await page.locator('[data-test=rule-category] input').fill('表具')
    await pick(page, '表具')
    await page.locator('[data-test=rule-unit]').click()
    await page.locator('[data-test=rule-unit] input').fill('管网调度')
    await pick(page, '管网调度')
    await page.locator('[data-test=rule-try] [data-test=try-category]').click()
    await page.locator('[data-test=try-category] input').fill('表具')
    // By its text: the unit list picked just before may still be fading out.
    await pick(page, '表具')
    await page.locator('[data-test=try-result]').waitFor()
    await shot(page, 'admin-routing-rules')
    // A server field error (items[i].field) lands on its row: the first PUT is answered with one.
    const problem = { type: 'about:blank', title: '参数无效', status: 400, code: 'invalid', field: 'items[0].district_id', detail: 'two rules for gas.meter.fault in the same area' }
    await page.route('**/api/v1/routing-rules', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({ status: 400, contentType: 'application/problem+json', body: JSON.stringify(problem) })
        : route.continue(),
    )
    await page.locator('[data-test=rules-save]').click()
    await page.locator('[data-test=rule-error]').getByText(problem.detail).waitFor()
    await page.locator('[data-test=rules-problem]').getByText('第 1 行').waitFor()
    await page.unroute('**/api/v1/routing-rules')
    await page.locator('[data-test=rules-save]').click()
    await page.locator('.el-message').getByText('已保存').waitFor()
    const after = await api(base, '/api/v1/routing-rules', { token: admin.token })
    check(after.items.length === before.items.length + 1, `rules: ${before.items.length} → ${after.items.length}`)
    check(after.items.some((r) => r.category_path.includes('表具') && r.district_id === null), 'the new rule is not saved')
    // Put the demo's rules back, so the paths after this one route orders as before.
    await api(base, '/api/v1/routing-rules', { method: 'PUT', token: admin.token, body: { items: before.items } })
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('reports — admin: adds a category, saves; a removal still in use is a clear 409', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'admin')
    await page.goto(`${base}/admin/categories`)
    await page.locator('[data-add-child=water]').waitFor()
    await page.locator('[data-add-child=water]').click()
    const dialog = page.locator('[data-test=category-dialog]')
    await dialog.locator('input[name=category-segment]').fill('Bad Code')
    await dialog.locator('input[name=category-name]').fill('浏览器测试分类')
    await page.locator('[data-test=category-dialog-submit]').click()
    await dialog.getByText('编码只能是小写字母、数字或下划线').waitFor()
    await dialog.locator('input[name=category-segment]').fill('browser_test')
    await page.locator('[data-test=category-dialog-submit]').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('input[data-code="water.browser_test"]').waitFor()
    await page.locator('[data-test=categories-save]').click()
    await page.locator('.el-message').getByText('已保存').waitFor()
    const tree = await api(base, '/api/v1/work-order-categories', { token: admin.token })
    check(tree.items.some((c) => c.code === 'water.browser_test' && c.parent === 'water' && c.name === '浏览器测试分类'), 'the new category is not saved')
    // 供水 › 服务 has a city-wide routing rule (and maybe open complaints): the server refuses.
    await page.locator('[data-remove="water.service"]').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.locator('[data-remove="water.service"]').waitFor({ state: 'detached' })
    await page.locator('[data-test=categories-save]').click()
    const alert = page.locator('[data-test=category-conflict]')
    await alert.waitFor()
    const code = await alert.getAttribute('data-code')
    check(code && code.startsWith('water.service'), `the 409 names ${code}`)
    check((await alert.innerText()).includes(code), 'the message does not name the code')
    await page.locator('[data-remove="water.service"]').waitFor() // put back
    await shot(page, 'admin-categories-409')
    const still = await api(base, '/api/v1/work-order-categories', { token: admin.token })
    check(still.items.some((c) => c.code === 'water.service'), 'the category in use was removed')
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('reports — admin: appointment slots, booked against capacity, plans an evening window', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'admin')
    await page.goto(`${base}/admin/appointment-slots`)
    await page.locator('[data-test=slot]').first().waitFor()
    const summary = await page.locator('[data-test=slots-summary]').innerText()
    check(/容量 [1-9]/.test(summary), `no capacity in "${summary}"`)
    await page.locator('[data-test=slots-plan]').click()
    const dialog = page.locator('[data-test=plan-dialog]')
    await dialog.locator('[data-test=plan-utility]').getByText('燃气', { exact: true }).click()
    await dialog.getByText('增加时段').click()
    await page.locator('[data-test=plan-submit]').click()
    await page.locator('.el-message').getByText(/已生成 [1-9]\d* 个时段/).waitFor()
    await page.locator('[data-test=slot]', { hasText: '18:00–20:00' }).first().waitFor()
    await shot(page, 'admin-slots')
    await page.locator('.el-tabs__item', { hasText: '服务目录' }).click()
    await page.locator('[data-test=services-table]').getByText('燃气开栓通气').waitFor()
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })
}
