const messages = {
  en: { hello: "Hello" },
  de: { hello: "Hallo" },
  pt: { hello: "Olá" },
};

export function t(lang: string, key: "hello"): string {
  return messages[lang][key];
}
