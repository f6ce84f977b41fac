import { marked } from "marked";
import DOMPurify from "dompurify";

export function render(md: string): string {
  return DOMPurify.sanitize(marked.parse(md) as string);
}
