interface ChatMessage {
  from: string;
  text: string;
}

export function parse(raw: string): ChatMessage {
  return raw as ChatMessage;
}
