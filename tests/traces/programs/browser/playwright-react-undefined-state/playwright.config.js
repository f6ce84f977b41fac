const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: 'tests',
  reporter: 'list',
  use: {
    baseURL: 'http://127.0.0.1:8130',
    launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
  webServer: {
    command: 'python3 -m http.server 8130 --bind 127.0.0.1',
    url: 'http://127.0.0.1:8130/index.html',
    stderr: 'ignore',
    reuseExistingServer: false,
  },
});
