const settings = {
  darkMode: true,
  retries: 3,
};

export function isDark(): boolean {
  return settings.darkMode();
}
