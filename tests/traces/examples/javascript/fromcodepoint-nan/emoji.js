// Turns ':U+1F600:' style codes from the chat export into characters.
function decode(text) {
  return text.replace(/:U\+([0-9A-F]+):/g, (_, hex) => String.fromCodePoint(Number(hex)));
}

console.log(decode('deploy done :U+1F680:'));
