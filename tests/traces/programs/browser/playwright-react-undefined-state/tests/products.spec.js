const { test, expect } = require('@playwright/test');

test('product list renders without console errors', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.stack));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });

  await page.goto('/');
  await page.waitForTimeout(1000);

  expect(errors).toEqual([]);
  await expect(page.locator('ul.products li')).toHaveCount(2);
});
