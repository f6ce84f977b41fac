const defaults = {
  language: 'en',
  pageSize: 25
  theme: 'dark',
};

document.getElementById('app').dataset.theme = defaults.theme;
